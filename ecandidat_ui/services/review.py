"""What the institution's staff do with a candidature: its Statut du dossier and the commission's decision.

Each change is kept in the candidature's history and mailed to the candidate; a decision reaches the
candidate only once validated. A decision is of a « type de décision » (services/decisions.py): named, or the
first in service of its type d'avis when only the avis is given; validating it sends the type's mail.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select, update

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.mail import outbox
from ecandidat_ui.mail.templates import CATALOGUE, render
from ecandidat_ui.services import asked, dates, journal, rights
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.rights import Action, Actor
from ecandidat_ui.services.setup_access import BulkResult, RefusedRow, found
from ecandidat_ui.settings import Settings
from models import (
    Account,
    AvisEntry,
    AvisKind,
    Campaign,
    Candidature,
    CandidatureEvent,
    CandidatureTag,
    Centre,
    DecisionType,
    FileStatus,
    Formation,
    Motivation,
    PieceState,
    StaffMember,
    Tag,
    TagColour,
)
from models.clock import utcnow


class IndividualDate(StrEnum):
    """The candidature's own deadlines staff may move later (services/dates.py reads them)."""

    RETURN = "return"
    CONFIRMATION = "confirmation"


class Decision(StrEnum):
    FAVORABLE = "Favorable"
    UNFAVORABLE = "Défavorable"
    WAITING_LIST = "Liste d'attente"
    COMPLEMENTARY_LIST = "Liste complémentaire"
    PRESELECTION = "Présélection"


DECISION_OF_AVIS = {
    AvisKind.FAVORABLE: Decision.FAVORABLE,
    AvisKind.UNFAVORABLE: Decision.UNFAVORABLE,
    AvisKind.WAITING_LIST: Decision.WAITING_LIST,
    AvisKind.COMPLEMENTARY_LIST: Decision.COMPLEMENTARY_LIST,
    AvisKind.PRESELECTION: Decision.PRESELECTION,
}
AVIS_OF_DECISION = {decision: avis for avis, decision in DECISION_OF_AVIS.items()}
PIECE_COMMENT_MAX = 500
BULK_MAX = 200  # rows of one action on a selection, as the original's « Action » (≤ 200)
RANK_MAX = 9999
AVIS_COMMENT_MAX = 1000
FALLBACK_MAIL = "candidature_decision"  # when no type of decision exists for the avis
WITH_LETTER = (Decision.FAVORABLE, Decision.UNFAVORABLE)  # the decisions an admission or refusal letter tells
LETTER_ATTACHMENT = "lettre"  # OutboxMail.attachment of a decision's mail: "lettre:<candidature id>"


STATUS_DETAILS = {
    FileStatus.RECEIVED: "Votre dossier a été reçu par la commission.\n",
    FileStatus.INCOMPLETE: "Des pièces manquent ou sont à corriger : complétez votre dossier puis transmettez-le à "
    "nouveau.\n",
    FileStatus.COMPLETE: "Votre dossier est complet ; il sera examiné par la commission.\n",
    FileStatus.WAITING: "",
}


@dataclass(frozen=True)
class AvisLine:
    """One avis of the « Historique des avis », as the window shows it (names empty: no staff member)."""

    id: int
    decision: str
    decision_type: str
    motivation: str
    rank: int | None
    comment: str
    entered_by: str
    entered_at: datetime
    validated_by: str
    validated_at: datetime | None


@dataclass(frozen=True)
class CandidatureTags:
    """The tags on a candidature — (id, label, colour key) — and those that may be chosen for it: id → label."""

    on: list[tuple[int, str, str]]
    choices: dict[int, str]


class ReviewService:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings

    def set_status(self, candidature_id: int, status: FileStatus) -> None:
        """Change the Statut du dossier; Incomplet hands the candidature back to the candidate."""
        with self.db.session() as session:
            apply_status(session, self.settings, session.get(Candidature, candidature_id), status)

    def set_statuses(self, actor: Actor, candidature_ids: Iterable[int], status: FileStatus | str) -> BulkResult:
        """« Saisie du statut du dossier » on a selection, in one transaction: each candidature the actor may
        change gets the statut (Incomplet hands it back to the candidate), its history line, its mail and its
        journal line; the others are left as they are and listed with the reason."""
        try:
            status = FileStatus(status)
        except ValueError:
            raise InvalidInput({"status": messages.REVIEW_STATUS_REQUIRED}) from None
        if status is FileStatus.WAITING:
            raise InvalidInput({"status": messages.REVIEW_STATUS_REQUIRED})

        def why_not(candidature: Candidature) -> str:
            return messages.REVIEW_SAME_STATUS.format(status=status) if candidature.status == status else ""

        def apply(session: Session, actor: Actor, candidature: Candidature, label: str) -> None:
            before = candidature.status
            apply_status(session, self.settings, candidature, status)
            journal.record(
                session,
                actor,
                "candidature.status",
                ("candidature", candidature.id),
                {"status": before},
                {"status": status.value},
                label=label,
            )

        return self._on_selection(actor, candidature_ids, Action.SET_STATUS, why_not, apply)

    def enter_avis(self, actor: Actor, candidature_ids: Iterable[int], values: Mapping[str, object]) -> BulkResult:
        """« Saisie des avis » on a selection, in one transaction: the type de décision (in service), its
        motivation (a Défavorable), its rank (a Liste complémentaire) and a comment, recorded on each candidature
        the actor may give an avis on whose avis is not yet validated; journaled row by row, the others listed
        with the reason. The candidate sees nothing until the avis is validated."""
        with self.db.session() as session:
            chosen = avis_values(session, values)

        def why_not(candidature: Candidature) -> str:
            return messages.AVIS_ALREADY_VALIDATED if candidature.decision_validated_at is not None else ""

        def apply(session: Session, actor: Actor, candidature: Candidature, label: str) -> None:
            before = _avis_snapshot(candidature)
            record(session, candidature, **chosen, by=actor.id)
            journal.record(
                session,
                actor,
                "candidature.avis",
                ("candidature", candidature.id),
                before,
                _avis_snapshot(candidature),
                label=label,
            )

        return self._on_selection(actor, candidature_ids, Action.ENTER_AVIS, why_not, apply)

    def validate_avis(self, actor: Actor, candidature_ids: Iterable[int]) -> BulkResult:
        """« Validation des avis » on a selection, in one transaction: each avis entered and not yet validated,
        on a commission the actor may validate for, is stamped validated and its type's mail queued with it;
        journaled row by row, the others listed with the reason."""

        def why_not(candidature: Candidature) -> str:
            if not candidature.decision:
                return messages.AVIS_NONE_TO_VALIDATE
            return messages.AVIS_ALREADY_VALIDATED if candidature.decision_validated_at is not None else ""

        def apply(session: Session, actor: Actor, candidature: Candidature, label: str) -> None:
            validate(session, self.settings, candidature, by=actor.id)
            session.add(candidature)
            journal.record(
                session,
                actor,
                "candidature.avis_validation",
                ("candidature", candidature.id),
                {"decision": candidature.decision, "validated": False},
                {"decision": candidature.decision, "validated": True},
                label=label,
            )

        return self._on_selection(actor, candidature_ids, Action.VALIDATE_AVIS, why_not, apply)

    def duplicate_avis(self, actor: Actor, candidature_id: int) -> BulkResult:
        """« Dupliquer la dernière décision »: the last avis of this candidature entered again — same type,
        motivation, rank and comment — by the same path as « Saisie des avis » (its right, its checks, its
        journal line). Refused, with the reason, when it may not be."""
        with self.db.session() as session:
            checked(session, actor, Action.ENTER_AVIS, candidature_id)
            last = _last_entry(session, int(candidature_id))
            if last is None:
                raise Refused(messages.AVIS_NOTHING_TO_DUPLICATE)
            values = {
                "decision_type_id": last.decision_type_id,
                "motivation_id": last.motivation_id,
                "rank": last.rank,
                "comment": last.comment,
            }
        try:
            result = self.enter_avis(actor, [int(candidature_id)], values)
        except InvalidInput as invalid:  # a type or a motivation since put out of service
            raise Refused(" ; ".join(invalid.errors.values())) from None
        if result.refused:
            raise Refused(result.refused[0].reason)
        return result

    def avis_history(self, actor: Actor, candidature_id: object) -> list[AvisLine]:
        """« Historique des avis »: every avis entered on the candidature, the latest first, with who entered and
        who validated it — for who may see the candidature."""
        entered, validated = aliased(StaffMember), aliased(StaffMember)
        with self.db.session() as session:
            _, candidature, _ = checked(session, actor, Action.VIEW_CANDIDATURES, candidature_id)
            rows = session.exec(
                select(AvisEntry, DecisionType.label, Motivation.label, entered, validated)
                .outerjoin(DecisionType, col(DecisionType.id) == col(AvisEntry.decision_type_id))
                .outerjoin(Motivation, col(Motivation.id) == col(AvisEntry.motivation_id))
                .outerjoin(entered, col(entered.id) == col(AvisEntry.entered_by))
                .outerjoin(validated, col(validated.id) == col(AvisEntry.validated_by))
                .where(AvisEntry.candidature_id == candidature.id)
                .order_by(col(AvisEntry.id).desc())
            ).all()
        return [
            AvisLine(
                id=entry.id,
                decision=entry.decision,
                decision_type=type_label or "",
                motivation=motivation or "",
                rank=entry.rank,
                comment=entry.comment,
                entered_by=entered_by.display_name if entered_by else "",
                entered_at=entry.entered_at,
                validated_by=validated_by.display_name if validated_by else "",
                validated_at=entry.validated_at,
            )
            for entry, type_label, motivation, entered_by, validated_by in rows
        ]

    # --- tags on candidatures --------------------------------------------------------------------------

    def tag_choices(self, actor: Actor, candidature_ids: Iterable[object]) -> dict[int, str]:
        """The tags that may be put on these candidatures: in service, the institution's and those of their
        centres (named with their centre — or the institution — when the candidatures are of several centres or
        two tags have the same label)."""
        ids = [int(one) for one in candidature_ids if str(one).isdigit()][:BULK_MAX]
        with self.db.session() as session:
            fresh = rights.signed_in(session, actor)
            places = session.exec(
                select(Formation.centre_id, Formation.commission_id)
                .join(Candidature, col(Candidature.formation_id) == col(Formation.id))
                .where(col(Candidature.id).in_(ids))
                .distinct()
            ).all()
            centres = sorted(
                {
                    centre_id
                    for centre_id, commission_id in places
                    if rights.allows(fresh, Action.VIEW_CANDIDATURES, centre_id=centre_id, commission_id=commission_id)
                }
            )
            rows = session.exec(
                select(Tag, Centre.label)
                .outerjoin(Centre, col(Centre.id) == col(Tag.centre_id))
                .where(col(Tag.active), or_(col(Tag.centre_id).is_(None), col(Tag.centre_id).in_(centres)))
                .order_by(col(Tag.label), col(Centre.label))
            ).all()
        labels = [tag.label.lower() for tag, _ in rows]

        def named(tag: Tag, centre: str | None) -> str:
            if len(centres) > 1 or labels.count(tag.label.lower()) > 1:  # whose tag it is, when it may be unclear
                return f"{tag.label} ({centre or messages.TAG_EVERY_CENTRE})"
            return tag.label

        return {tag.id: named(tag, centre) for tag, centre in rows}

    def candidature_tags(self, actor: Actor, candidature_id: object) -> CandidatureTags:
        """The tags on one candidature and those that may be put on it, for its window."""
        with self.db.session() as session:
            _, candidature, _ = checked(session, actor, Action.VIEW_CANDIDATURES, candidature_id)
            rows = session.exec(
                select(Tag)
                .join(CandidatureTag, col(CandidatureTag.tag_id) == col(Tag.id))
                .where(CandidatureTag.candidature_id == candidature.id)
                .order_by(col(Tag.label))
            ).all()
        on = [(tag.id, tag.label, _colour(tag)) for tag in rows]
        choices = self.tag_choices(actor, [candidature.id])
        choices.update((tag_id, label) for tag_id, label, _ in on if tag_id not in choices)
        return CandidatureTags(on, choices)

    def set_tags(self, actor: Actor, candidature_id: int, tag_ids: Iterable[object]) -> None:
        """The candidature's tags become those chosen (from its window): the ones added and removed go through
        `change_tags`; Refused with the reason when they may not."""
        chosen = {int(one) for one in tag_ids or [] if str(one).isdigit()}
        current = {tag_id for tag_id, _, _ in self.candidature_tags(actor, candidature_id).on}
        if chosen == current:
            return
        result = self.change_tags(actor, [candidature_id], sorted(chosen - current), sorted(current - chosen))
        if result.refused:
            raise Refused(result.refused[0].reason)

    def change_tags(
        self, actor: Actor, candidature_ids: Iterable[int], add: Iterable[object], remove: Iterable[object]
    ) -> BulkResult:
        """« Saisie des tags » on a selection, in one transaction: the tags to add (in service) and to remove, on
        each candidature the actor may tag — a tag is put only on a candidature of its centre, or is the whole
        institution's; journaled row by row, the others listed with the reason."""
        adding = list(dict.fromkeys(int(one) for one in add or [] if str(one).isdigit()))
        removing = list(dict.fromkeys(int(one) for one in remove or [] if str(one).isdigit()))
        errors: dict[str, str] = {}
        if not adding and not removing:
            errors["add"] = messages.TAGS_NOTHING_CHOSEN
        if set(adding) & set(removing):
            errors["remove"] = messages.TAGS_BOTH
        ids = [int(one) for one in candidature_ids]
        with self.db.session() as session:
            tags = {tag.id: tag for tag in session.exec(select(Tag).where(col(Tag.id).in_(adding + removing)))}
            if any(tag_id not in tags or not tags[tag_id].active for tag_id in adding):
                errors["add"] = messages.TAGS_UNKNOWN
            if any(tag_id not in tags for tag_id in removing):
                errors["remove"] = messages.TAGS_UNKNOWN
            centres = dict(
                session.exec(
                    select(Candidature.id, Formation.centre_id)
                    .join(Formation, col(Formation.id) == col(Candidature.formation_id))
                    .where(col(Candidature.id).in_(ids[: BULK_MAX + 1]))
                ).all()
            )
        if errors:
            raise InvalidInput(errors)

        def why_not(candidature: Candidature) -> str:
            elsewhere = [
                tags[tag_id].label
                for tag_id in adding
                if tags[tag_id].centre_id not in (None, centres.get(candidature.id))
            ]
            return messages.TAGS_OTHER_CENTRE.format(tags=", ".join(elsewhere)) if elsewhere else ""

        def apply(session: Session, actor: Actor, candidature: Candidature, label: str) -> None:
            before = set(
                session.exec(select(CandidatureTag.tag_id).where(CandidatureTag.candidature_id == candidature.id))
            )
            for tag_id in adding:
                if tag_id not in before:
                    session.add(CandidatureTag(candidature_id=candidature.id, tag_id=tag_id))
            if removing:
                session.exec(
                    delete(CandidatureTag).where(
                        col(CandidatureTag.candidature_id) == candidature.id, col(CandidatureTag.tag_id).in_(removing)
                    )
                )
            after = (before | set(adding)) - set(removing)
            names = dict(session.exec(select(Tag.id, Tag.label).where(col(Tag.id).in_(before | after))).all())
            journal.record(  # the tags by their labels, as the staff member chose them
                session,
                actor,
                "candidature.tags",
                ("candidature", candidature.id),
                {"tags": sorted(names[tag_id] for tag_id in before)},
                {"tags": sorted(names[tag_id] for tag_id in after)},
                label=label,
            )

        return self._on_selection(actor, ids, Action.SET_TAGS, why_not, apply)

    def set_individual_date(
        self, actor: Actor, candidature_ids: Iterable[int], kind: IndividualDate | str, value: object, today: date
    ) -> BulkResult:
        """« Date de retour / de confirmation individuelle » on a selection, in one transaction: a date after
        today and after the formation's own (or none: the formation's again) set on each candidature the actor
        may set dates on; its history line, its journal line — no mail, as the original sends none. The return
        date may be given to a candidature not transmitted (that is what it is for: more time to send it)."""
        try:
            kind = IndividualDate(kind)
        except ValueError:
            raise Refused(messages.UNEXPECTED_ERROR) from None
        chosen = _date_value(value)
        if chosen is not None and chosen <= today:
            raise InvalidInput({"date": messages.INDIVIDUAL_DATE_PAST})
        attribute = "individual_return_by" if kind is IndividualDate.RETURN else "individual_confirm_by"
        formations: dict[int, Formation] = {}

        def own(candidature: Candidature) -> date | None:
            formation = formations.get(candidature.formation_id)
            if kind is IndividualDate.RETURN:
                return dates.formation_return_date(formation)
            return dates.formation_confirmation_date(candidature, formation)

        def why_not(candidature: Candidature) -> str:
            if getattr(candidature, attribute) == chosen:
                return messages.INDIVIDUAL_DATE_SAME
            formation_date = own(candidature)
            if chosen is not None and formation_date is not None and chosen <= formation_date:
                return messages.INDIVIDUAL_DATE_NOT_LATER.format(date=f"{formation_date:%d/%m/%Y}")
            return ""

        def apply(session: Session, actor: Actor, candidature: Candidature, label: str) -> None:
            before = getattr(candidature, attribute)
            setattr(candidature, attribute, chosen)
            session.add(candidature)
            shown = f"{chosen:%d/%m/%Y}" if chosen else messages.INDIVIDUAL_DATE_REMOVED
            template = (
                messages.INDIVIDUAL_RETURN_EVENT if kind is IndividualDate.RETURN else messages.INDIVIDUAL_CONFIRM_EVENT
            )
            session.add(CandidatureEvent(candidature_id=candidature.id, text=template.format(date=shown)))
            journal.record(
                session,
                actor,
                f"candidature.individual_{kind.value}",
                ("candidature", candidature.id),
                {attribute: before.isoformat() if before else None},
                {attribute: chosen.isoformat() if chosen else None},
                label=label,
            )

        return self._on_selection(
            actor,
            candidature_ids,
            Action.SET_DATES,
            why_not,
            apply,
            transmitted_only=kind is not IndividualDate.RETURN,
            formations=formations,
        )

    def rank_waiting_list(self, actor: Actor, candidature_ids: Iterable[int]) -> BulkResult:
        """« Classer la liste complémentaire selon les notes » on a selection, in one transaction: the rows whose
        avis is Liste complémentaire, not yet validated, and that have evaluation notes get ranks 1..n within
        their formation by the mean of their notes (services/evaluation.py; the best first, a tie to the earlier
        transmission) — each a new avis of the same type with its rank, journaled; the others listed with the
        reason. The avis stay to be validated."""
        from ecandidat_ui.services.evaluation import note_columns  # it imports this module's `checked`

        ids = list(dict.fromkeys(int(one) for one in candidature_ids))
        with self.db.session() as session:
            notes = note_columns()
            means = dict(
                session.exec(
                    select(notes.c.candidature_id, notes.c.mean).where(notes.c.candidature_id.in_(ids[: BULK_MAX + 1]))
                ).all()
            )
        accepted: list[tuple[Candidature, str]] = []

        def why_not(candidature: Candidature) -> str:
            if candidature.decision != Decision.COMPLEMENTARY_LIST:
                return messages.LC_RANKING_NOT_LC
            if candidature.decision_validated_at is not None:
                return messages.AVIS_ALREADY_VALIDATED
            return "" if means.get(candidature.id) is not None else messages.LC_RANKING_NO_NOTES

        def apply(session: Session, actor: Actor, candidature: Candidature, label: str) -> None:
            accepted.append((candidature, label))

        def finish(session: Session, actor: Actor) -> None:
            by_formation: dict[int, list[tuple[Candidature, str]]] = {}
            for candidature, label in accepted:
                by_formation.setdefault(candidature.formation_id, []).append((candidature, label))
            for rows in by_formation.values():
                rows.sort(key=lambda row: (-means[row[0].id], row[0].transmitted_at, row[0].id))
                for rank, (candidature, label) in enumerate(rows, start=1):
                    before = _avis_snapshot(candidature)
                    decision_type = (
                        session.get(DecisionType, candidature.decision_type_id)
                        if candidature.decision_type_id
                        else None
                    )
                    comment = candidature.decision_comment
                    record(
                        session,
                        candidature,
                        Decision.COMPLEMENTARY_LIST,
                        decision_type,
                        None,
                        rank,
                        comment,
                        by=actor.id,
                    )
                    journal.record(
                        session,
                        actor,
                        "candidature.waiting_list_ranking",
                        ("candidature", candidature.id),
                        before,
                        {**_avis_snapshot(candidature), "mean": round(means[candidature.id], 2)},
                        label=label,
                    )

        return self._on_selection(actor, ids, Action.ENTER_AVIS, why_not, apply, finish=finish)

    def _on_selection(
        self,
        actor: Actor,
        candidature_ids: Iterable[int],
        action: Action,
        why_not: Callable[[Candidature], str],
        apply: Callable[[Session, Actor, Candidature, str], None],
        *,
        transmitted_only: bool = True,
        formations: dict[int, Formation] | None = None,
        finish: Callable[[Session, Actor], None] | None = None,
    ) -> BulkResult:
        """An action on the rows ticked, in one transaction: each row the actor may do it on (its commission's
        right, its campaign not archived, transmitted, nothing `why_not` objects to) is claimed by its version —
        a colleague's change since it was read is not overwritten — then `apply`'d; the others are listed with
        their reason. `transmitted_only` False lets an action reach the candidatures not transmitted; `formations`,
        when given, is filled with the rows' formations (by id) before `why_not` is asked; `finish`, when given, is
        called once every row is done, in the same transaction (an action whose rows depend on each other)."""
        ids = list(dict.fromkeys(int(one) for one in candidature_ids))
        if not ids:
            raise Refused(messages.REVIEW_NOTHING_SELECTED)
        if len(ids) > BULK_MAX:
            raise Refused(messages.REVIEW_TOO_MANY.format(max=BULK_MAX))
        result = BulkResult()
        with self.db.session() as session:
            actor = rights.signed_in(session, actor)
            rows = {
                candidature.id: (candidature, account, formation, archived)
                for candidature, account, formation, archived in session.exec(
                    select(Candidature, Account, Formation, Campaign.archived_at)
                    .join(Account, col(Account.id) == col(Candidature.account_id))
                    .join(Formation, col(Formation.id) == col(Candidature.formation_id))
                    .join(Campaign, col(Campaign.id) == col(Candidature.campaign_id))
                    .where(col(Candidature.id).in_(ids))
                    .with_for_update(of=Candidature)
                )
            }
            for candidature_id in ids:
                if candidature_id not in rows:
                    name = str(candidature_id)
                    result.refused.append(RefusedRow(candidature_id, name, messages.REVIEW_CANDIDATURE_UNKNOWN))
                    continue
                candidature, account, formation, archived = rows[candidature_id]
                name = f"{account.last_name} {account.first_name} — {formation.code}"
                reason = rights.refusal(
                    actor, action, centre_id=formation.centre_id, commission_id=formation.commission_id
                )
                if not reason and archived is not None:
                    reason = messages.CANDIDATURE_ARCHIVED
                if not reason and transmitted_only and candidature.transmitted_at is None:
                    reason = messages.REVIEW_NOT_TRANSMITTED_REASON
                if formations is not None:
                    formations[formation.id] = formation
                reason = reason or why_not(candidature)
                if reason:
                    result.refused.append(RefusedRow(candidature_id, name, reason))
                    continue
                claimed = session.exec(
                    update(Candidature)
                    .where(col(Candidature.id) == candidature_id, col(Candidature.version) == candidature.version)
                    .values(version=Candidature.version + 1)
                )
                if claimed.rowcount != 1:
                    result.refused.append(RefusedRow(candidature_id, name, messages.REVIEW_CHANGED_MEANWHILE))
                    continue
                session.refresh(candidature)
                apply(session, actor, candidature, f"{account.login} — {formation.code}")
                result.changed.append(candidature_id)
            if finish is not None:
                finish(session, actor)
        return result

    def review_piece(self, actor: Actor, candidature_id: int, piece_id: int, accepted: bool, comment: str = "") -> None:
        """Validée or Refusée: what staff found of a pièce sent; the candidate sees it on the candidature, with
        the comment. A refusal (its comment required) puts the file back to Incomplet — the candidature back in
        the candidate's hands — and mails them what to send again."""
        comment = " ".join(str(comment or "").split())[:PIECE_COMMENT_MAX]
        if not accepted and not comment:
            raise InvalidInput({"comment": messages.REVIEW_PIECE_COMMENT_REQUIRED})
        with self.db.session() as session:
            actor, candidature, formation = checked(session, actor, Action.REVIEW_PIECES, candidature_id)
            if session.get(Campaign, candidature.campaign_id).archived_at is not None:
                raise Refused(messages.CANDIDATURE_ARCHIVED)
            piece = asked.asks_piece(session, formation, int(piece_id))
            if piece is None:
                raise Refused(messages.REVIEW_PIECE_NOT_ASKED)
            state = session.get(PieceState, (candidature_id, piece_id))
            if state is None or not (state.file_id or state.not_concerned):
                raise Refused(messages.REVIEW_PIECE_NOT_SENT)
            before = journal.snapshot(state)
            state.review = "Validée" if accepted else "Refusée"
            state.review_comment = comment
            session.add(state)
            event = f"Pièce {state.review.lower()} : {piece.label}"
            session.add(CandidatureEvent(candidature_id=candidature_id, text=event[:300]))
            after = journal.snapshot(state)
            if not accepted:
                before["status"], after["status"] = candidature.status, FileStatus.INCOMPLETE.value
                _hand_back(session, candidature)
                session.add(
                    CandidatureEvent(candidature_id=candidature_id, text=f"Statut du dossier : {FileStatus.INCOMPLETE}")
                )
                mail(
                    session,
                    self.settings,
                    candidature,
                    "candidature_status",
                    statut=str(FileStatus.INCOMPLETE),
                    detail=messages.REVIEW_PIECE_REFUSED_DETAIL.format(piece=piece.label, comment=comment),
                )
            account = session.get(Account, candidature.account_id)
            journal.record(
                session,
                actor,
                "candidature.piece_review",
                ("candidature", candidature_id),
                before,
                after,
                label=f"{account.login} — {formation.code} : {piece.label}",
            )

    def record_decision(
        self,
        candidature_id: int,
        decision: Decision | None = None,
        *,
        decision_type_id: int | None = None,
        motivation_id: int | None = None,
        rank: int | None = None,
        comment: str = "",
    ) -> None:
        """The commission's avis, not shown to the candidate until validated: of the type named (in service), or
        of the first type in service of the avis given. A Défavorable of a named type needs its motivation (in
        service); a Liste complémentaire its rank."""
        with self.db.session() as session:
            decision_type = _decision_type(session, decision, decision_type_id)
            if decision_type is not None:
                decision = DECISION_OF_AVIS[AvisKind(decision_type.avis)]
            if decision is None:
                raise Refused(messages.DECISION_TYPE_UNKNOWN)
            if decision is Decision.COMPLEMENTARY_LIST and not rank:
                raise Refused(messages.RANK_REQUIRED)
            motivation = _motivation(session, motivation_id) if decision is Decision.UNFAVORABLE else None
            if decision is Decision.UNFAVORABLE and decision_type_id is not None and motivation is None:
                raise Refused(messages.MOTIVATION_REQUIRED)
            candidature = session.get(Candidature, candidature_id)
            record(session, candidature, decision, decision_type, motivation, rank, comment)

    def validate_decision(self, candidature_id: int) -> None:
        with self.db.session() as session:
            candidature = session.get(Candidature, candidature_id)
            if not candidature.decision:
                raise Refused("Aucun avis à valider")
            validate(session, self.settings, candidature)


def record(
    session: Session,
    candidature: Candidature,
    decision: Decision,
    decision_type: DecisionType | None,
    motivation: Motivation | None,
    rank: int | None,
    comment: str,
    *,
    by: int | None = None,
) -> None:
    """The avis written on the candidature, not validated, with its history line and its entry in the history of
    avis (`by`: the staff member who entered it)."""
    candidature.decision, candidature.decision_rank = decision, rank
    candidature.decision_type_id = decision_type.id if decision_type else None
    candidature.decision_motivation_id = motivation.id if motivation else None
    candidature.decision_comment, candidature.decision_validated_at = comment, None
    session.add(candidature)
    session.add(CandidatureEvent(candidature_id=candidature.id, text=f"Avis saisi : {decision}"))
    session.add(_entry_of(candidature, by))


def _entry_of(candidature: Candidature, by: int | None) -> AvisEntry:
    return AvisEntry(
        candidature_id=candidature.id,
        decision=candidature.decision,
        decision_type_id=candidature.decision_type_id,
        motivation_id=candidature.decision_motivation_id,
        rank=candidature.decision_rank,
        comment=candidature.decision_comment,
        entered_by=by,
    )


def _last_entry(session: Session, candidature_id: int) -> AvisEntry | None:
    return session.exec(
        select(AvisEntry).where(AvisEntry.candidature_id == candidature_id).order_by(col(AvisEntry.id).desc())
    ).first()


def avis_values(session: Session, values: Mapping[str, object]) -> dict[str, Any]:
    """What the « Saisie des avis » form gives, checked (InvalidInput at the fields): a type in service, a
    motivation in service for a Défavorable, a rank (1 or more) for a Liste complémentaire, a comment."""
    errors: dict[str, str] = {}
    decision_type = motivation = rank = None
    type_id = _whole(values.get("decision_type_id"))
    if type_id is not None:
        decision_type = session.get(DecisionType, type_id)
    if decision_type is None or not decision_type.active:
        errors["decision_type_id"] = messages.AVIS_TYPE_REQUIRED
        decision = None
    else:
        decision = DECISION_OF_AVIS[AvisKind(decision_type.avis)]
    if decision is Decision.UNFAVORABLE:
        motivation_id = _whole(values.get("motivation_id"))
        motivation = session.get(Motivation, motivation_id) if motivation_id is not None else None
        if motivation is None or not motivation.active:
            errors["motivation_id"] = messages.MOTIVATION_REQUIRED
    if decision is Decision.COMPLEMENTARY_LIST:
        rank = _whole(values.get("rank"))
        if rank is None or not 1 <= rank <= RANK_MAX:
            errors["rank"] = messages.AVIS_RANK_INVALID.format(max=RANK_MAX)
    comment = " ".join(str(values.get("comment") or "").split())
    if len(comment) > AVIS_COMMENT_MAX:
        errors["comment"] = messages.AVIS_COMMENT_TOO_LONG.format(max=AVIS_COMMENT_MAX)
    if errors:
        raise InvalidInput(errors)
    return {
        "decision": decision,
        "decision_type": decision_type,
        "motivation": motivation,
        "rank": rank,
        "comment": comment,
    }


def _date_value(value: object) -> date | None:
    """The date a form gives (ISO, or JJ/MM/AAAA), None when empty; InvalidInput at the field otherwise."""
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    if not text:
        return None
    try:
        if "/" in text:
            day, month, year = (int(part) for part in text.split("/"))
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput({"date": messages.INDIVIDUAL_DATE_INVALID}) from None


def _whole(value: object) -> int | None:
    text = str(value if value is not None else "").strip()
    return int(text) if text.isdigit() else None


def _avis_of(entry: AvisEntry) -> dict[str, object]:
    return {
        "decision": entry.decision,
        "decision_type_id": entry.decision_type_id,
        "motivation_id": entry.motivation_id,
        "rank": entry.rank,
        "comment": entry.comment,
    }


def _colour(tag: Tag) -> str:
    return tag.colour if tag.colour in messages.TAG_COLOURS else TagColour.GREY.value


def _avis_snapshot(candidature: Candidature) -> dict[str, object]:
    return {
        "decision": candidature.decision,
        "decision_type_id": candidature.decision_type_id,
        "motivation_id": candidature.decision_motivation_id,
        "rank": candidature.decision_rank,
        "comment": candidature.decision_comment,
    }


def validate(session: Session, settings: Settings, candidature: Candidature, *, by: int | None = None) -> None:
    """Stamp the avis validated — on the candidature and on its latest entry in the history of avis (`by`: the
    staff member who validated it) — and send its type's mail (its comment only if the type shows it)."""
    candidature.decision_validated_at = utcnow()
    entry = _last_entry(session, candidature.id)
    if entry is None or entry.validated_at is not None or _avis_of(entry) != _avis_snapshot(candidature):
        entry = _entry_of(candidature, None)  # an avis not entered through `record` (a promotion from the list)
    entry.validated_by, entry.validated_at = by, candidature.decision_validated_at
    session.add(entry)
    session.add(CandidatureEvent(candidature_id=candidature.id, text=f"Décision : {candidature.decision}"))
    decision_type = session.get(DecisionType, candidature.decision_type_id) if candidature.decision_type_id else None
    motivation = (
        session.get(Motivation, candidature.decision_motivation_id) if candidature.decision_motivation_id else None
    )
    shown = candidature.decision + (f" (rang {candidature.decision_rank})" if candidature.decision_rank else "")
    show_comment = decision_type is None or decision_type.show_comment
    detail = f"{candidature.decision_comment}\n" if candidature.decision_comment and show_comment else ""
    template = FALLBACK_MAIL
    if decision_type is not None and decision_type.mail_code in CATALOGUE:
        template = decision_type.mail_code
    mail(
        session,
        settings,
        candidature,
        template,
        decision=shown,
        detail=detail,
        motif=motivation.label if motivation else "",
        rang=candidature.decision_rank or "",
        attachment=f"{LETTER_ATTACHMENT}:{candidature.id}" if candidature.decision in WITH_LETTER else "",
    )


def checked(
    session: Session, actor: Actor | int, action: Action, candidature_id: object
) -> tuple[Actor, Candidature, Formation]:
    """The candidature (Refused when unknown), its formation, and the actor as they are now — once their right
    to do this on the candidature's commission is checked."""
    candidature = found(session, Candidature, candidature_id, messages.REVIEW_CANDIDATURE_UNKNOWN)
    formation = session.get(Formation, candidature.formation_id)
    fresh = rights.check(session, actor, action, centre_id=formation.centre_id, commission_id=formation.commission_id)
    return fresh, candidature, formation


def apply_status(session: Session, settings: Settings, candidature: Candidature, status: FileStatus) -> None:
    """The statut set, with its history line and its mail; Incomplet hands the candidature back."""
    if status is FileStatus.INCOMPLETE:
        _hand_back(session, candidature)
    else:
        candidature.status = status
        candidature.version += 1
        session.add(candidature)
    session.add(CandidatureEvent(candidature_id=candidature.id, text=f"Statut du dossier : {status}"))
    mail(session, settings, candidature, "candidature_status", statut=str(status), detail=STATUS_DETAILS[status])


def _hand_back(session: Session, candidature: Candidature) -> None:
    """Incomplet: the candidature is the candidate's again, to complete and transmit anew."""
    candidature.status = FileStatus.INCOMPLETE
    candidature.transmitted_at = None
    candidature.version += 1
    session.add(candidature)


def default_type(session: Session, decision: Decision) -> DecisionType | None:
    """The first type in service of this avis (the seeded one unless staff changed them), or None."""
    return session.exec(
        select(DecisionType)
        .where(DecisionType.avis == AVIS_OF_DECISION[decision], col(DecisionType.active))
        .order_by(col(DecisionType.id))
    ).first()


def _decision_type(session: Session, decision: Decision | None, decision_type_id: int | None) -> DecisionType | None:
    if decision_type_id is None:
        return default_type(session, decision) if decision is not None else None
    decision_type = session.get(DecisionType, decision_type_id)
    if decision_type is None:
        raise Refused(messages.DECISION_TYPE_UNKNOWN)
    if not decision_type.active:
        raise Refused(messages.DECISION_TYPE_OUT_OF_SERVICE)
    if decision is not None and AVIS_OF_DECISION[decision] != decision_type.avis:
        raise Refused(messages.DECISION_TYPE_UNKNOWN)
    return decision_type


def _motivation(session: Session, motivation_id: int | None) -> Motivation | None:
    if motivation_id is None:
        return None
    motivation = session.get(Motivation, motivation_id)
    if motivation is None:
        raise Refused(messages.MOTIVATION_UNKNOWN)
    if not motivation.active:
        raise Refused(messages.MOTIVATION_OUT_OF_SERVICE)
    return motivation


def mail(
    session: Session,
    settings: Settings,
    candidature: Candidature,
    template: str,
    *,
    attachment: str = "",
    **values: object,
) -> None:
    account = session.get(Account, candidature.account_id)
    formation = session.get(Formation, candidature.formation_id)
    rendered = render(
        template,
        session,
        language=account.language,
        prenom=account.first_name,
        nom=account.last_name,
        login=account.login,
        **settings.institution_values,
        formation=formation.label,
        lien=settings.link(f"/compte/candidatures/{candidature.id}"),
        **values,
    )
    outbox.enqueue(session, account.mail, rendered, attachment=attachment)
