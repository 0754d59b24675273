"""Formations: the staff's set-up of them (BACKOFFICE §2, « Formation »), the copy of one, and the change of the
dates of many at once.

Each formation belongs to a centre and is reviewed by one of its commissions; a staff member acts on it with
their rights over that centre and commission as stored. What candidates see follows at once: the offer and the
candidatures read these rows (a formation out of service, or of a centre out of service, is not offered).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.services import journal, offer_dates, rights, setup_fields
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.fields import FieldError, collect
from ecandidat_ui.services.paging import Page, TableQuery, paginate
from ecandidat_ui.services.rights import Action, Actor
from ecandidat_ui.services.setup_access import BulkResult, RefusedRow, found, visibility
from models import (
    Campaign,
    Candidature,
    Centre,
    Commission,
    Formation,
    FormationPiece,
    FormationQuestion,
    Piece,
    Question,
    TreatmentType,
)

CODE_MAX = 20
LABEL_MAX = 200
BULK_MAX = 2000
REQUIRED_DATES = ("opens_on", "closes_on", "return_by")
DELAYS = ("confirm_delay_days", "waiting_list_confirm_delay_days")
BULK_FIELDS = (*offer_dates.FIELDS, *DELAYS, "active")
TREATMENT_TYPES = {kind.value: messages.TREATMENT_TYPES[kind.value] for kind in TreatmentType}


@dataclass(frozen=True)
class FormationDetail:
    formation: Formation
    centre: Centre
    commission: Commission | None
    may_edit: bool  # the actor may change it (else the form is read-only)
    piece_ids: list[int] = field(default_factory=list)  # the pièces and questions chosen for it (not the common)
    question_ids: list[int] = field(default_factory=list)


class FormationService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def page(self, actor: Actor, query: TableQuery) -> Page[dict]:
        """The formations the actor may see, 2,000 and more: paged, searched and sorted in SQL."""
        with self.db.session() as session:
            actor, seen = visibility(session, actor, Action.VIEW_SETUP)
            campaign = session.exec(select(Campaign).where(Campaign.is_active)).first()
            page = paginate(
                session,
                select(Formation, Centre, Commission)
                .join(Centre, col(Centre.id) == col(Formation.centre_id))
                .outerjoin(Commission, col(Commission.id) == col(Formation.commission_id))
                .where(seen.where(Formation.centre_id, Formation.commission_id)),
                query,
                key=col(Formation.id),
                sortable={
                    "code": col(Formation.code),
                    "label": col(Formation.label),
                    "centre": col(Centre.label),
                    "commission": col(Commission.label),
                    "opens_on": col(Formation.opens_on),
                    "closes_on": col(Formation.closes_on),
                    "state": col(Formation.active),
                },
                searchable=[
                    col(Formation.code),
                    col(Formation.label),
                    col(Formation.diploma_type),
                    col(Centre.label),
                    col(Commission.label),
                ],
                filterable={
                    "centre": col(Formation.centre_id),
                    "commission": col(Formation.commission_id),
                    "active": col(Formation.active),
                },
            )
        return page.map(lambda row: formation_row(*row, campaign=campaign, actor=actor))

    def get(self, actor: Actor, formation_id: int) -> FormationDetail:
        """One formation, if the actor may see it (whether they came by the menu or typed its address)."""
        with self.db.session() as session:
            formation = found(session, Formation, formation_id, messages.FORMATION_UNKNOWN)
            actor = rights.check(
                session, actor, Action.VIEW_SETUP, centre_id=formation.centre_id, commission_id=formation.commission_id
            )
            may_edit = rights.allows(
                actor, Action.EDIT_FORMATION, centre_id=formation.centre_id, commission_id=formation.commission_id
            )
            return FormationDetail(
                formation,
                session.get(Centre, formation.centre_id),
                session.get(Commission, formation.commission_id) if formation.commission_id else None,
                may_edit,
                *_chosen(session, formation.id),
            )

    def new_values(self, actor: Actor, centre_id: int) -> dict[str, object]:
        """The values a new formation of this centre starts from: the centre's « Dates/Délais par défaut »."""
        with self.db.session() as session:
            centre = found(session, Centre, centre_id, messages.CENTRE_UNKNOWN)
            rights.check(session, actor, Action.VIEW_SETUP, centre_id=centre.id)
            values: dict[str, object] = {
                "centre_id": centre.id,
                "active": True,
                "paperless": centre.default_paperless,
                "auto_waiting_list": True,
                "treatment_type": TreatmentType.WAITING.value,
                "confirm_delay_days": centre.default_confirm_delay_days,
            }
            for name in offer_dates.FIELDS:
                values[name] = getattr(centre, f"default_{name}", None)
            return values

    def create(self, actor: Actor, values: Mapping[str, object]) -> Formation:
        cleaned = formation_values(values)
        try:
            with self.db.session() as session:
                actor = self._check_target(session, actor, cleaned)
                _check_code(session, cleaned["code"])
                formation = Formation(**cleaned)
                session.add(formation)
                session.flush()
                _set_chosen(session, formation, values)
                journal.record(
                    session,
                    actor,
                    "formation.create",
                    formation,
                    after=_snapshot(session, formation),
                    label=formation.label,
                )
                return formation
        except IntegrityError:
            raise InvalidInput({"code": messages.SETUP_CODE_TAKEN}) from None

    def update(self, actor: Actor, formation_id: int, values: Mapping[str, object]) -> Formation:
        cleaned = formation_values(values)
        try:
            with self.db.session() as session:
                formation = found(session, Formation, formation_id, messages.FORMATION_UNKNOWN)
                actor = rights.check(
                    session,
                    actor,
                    Action.EDIT_FORMATION,
                    centre_id=formation.centre_id,
                    commission_id=formation.commission_id,
                )
                if (cleaned["centre_id"], cleaned["commission_id"]) != (formation.centre_id, formation.commission_id):
                    actor = self._check_target(session, actor, cleaned)
                _check_code(session, cleaned["code"], formation.id)
                before = _snapshot(session, formation)
                for name, value in cleaned.items():
                    setattr(formation, name, value)
                session.flush()
                _set_chosen(session, formation, values)
                journal.record(
                    session,
                    actor,
                    "formation.update",
                    formation,
                    before,
                    _snapshot(session, formation),
                    label=formation.label,
                )
                return formation
        except IntegrityError:
            raise InvalidInput({"code": messages.SETUP_CODE_TAKEN}) from None

    def duplicate(self, actor: Actor, source_id: int, values: Mapping[str, object]) -> Formation:
        """A new formation from the values of the copy's form, with the pièces and questions of the source."""
        cleaned = formation_values(values)
        try:
            with self.db.session() as session:
                source = found(session, Formation, source_id, messages.FORMATION_UNKNOWN)
                actor = rights.check(
                    session, actor, Action.VIEW_SETUP, centre_id=source.centre_id, commission_id=source.commission_id
                )
                actor = self._check_target(session, actor, cleaned)
                _check_code(session, cleaned["code"])
                copy = Formation(**cleaned)
                session.add(copy)
                session.flush()
                pieces = session.exec(select(FormationPiece.piece_id).where(FormationPiece.formation_id == source.id))
                session.add_all(FormationPiece(formation_id=copy.id, piece_id=piece_id) for piece_id in pieces)
                questions = session.exec(
                    select(FormationQuestion.question_id).where(FormationQuestion.formation_id == source.id)
                )
                session.add_all(FormationQuestion(formation_id=copy.id, question_id=q_id) for q_id in questions)
                session.flush()
                _set_chosen(session, copy, values)
                session.flush()
                journal.record(
                    session,
                    actor,
                    "formation.duplicate",
                    copy,
                    after={**_snapshot(session, copy), "copied_from": source.code},
                    label=copy.label,
                )
                return copy
        except IntegrityError:
            raise InvalidInput({"code": messages.SETUP_CODE_TAKEN}) from None

    def change_dates(self, actor: Actor, formation_ids: Iterable[int], changes: Mapping[str, object]) -> BulkResult:
        """Give the same dates (and « En service ») to many formations, in one transaction. `changes` holds only
        the fields to change (None clears an optional date). A formation the actor may not change, or whose
        dates would be out of order, is left as it is and listed with the reason."""
        cleaned = bulk_values(changes)
        ids = _selection(formation_ids)
        result = BulkResult()
        with self.db.session() as session:
            actor, _ = visibility(session, actor, Action.VIEW_SETUP)
            rows = {
                row.id: row
                for row in session.exec(select(Formation).where(col(Formation.id).in_(ids)).with_for_update())
            }
            for formation_id in ids:
                formation = rows.get(formation_id)
                if formation is None:
                    result.refused.append(RefusedRow(formation_id, str(formation_id), messages.FORMATION_UNKNOWN))
                    continue
                reason = self._bulk_refusal(actor, formation, cleaned)
                if reason:
                    result.refused.append(RefusedRow(formation.id, f"{formation.code} — {formation.label}", reason))
                    continue
                before = {name: getattr(formation, name) for name in cleaned}
                for name, value in cleaned.items():
                    setattr(formation, name, value)
                journal.record(
                    session, actor, "formation.dates", formation, before, dict(cleaned), label=formation.label
                )
                result.changed.append(formation.id)
        return result

    def change_asked(
        self, actor: Actor, formation_ids: Iterable[int], values: Mapping[str, object], *, remove: bool = False
    ) -> BulkResult:
        """Add to many formations at once (or remove from them) the pièces and questions chosen (`piece_ids`,
        `question_ids`), in one transaction: the fastest way to ask a new pièce in 300 masters. A formation the
        actor may not change, or out of the reach of a pièce or question of one centre, is listed with the reason."""
        ids = _selection(formation_ids)
        result = BulkResult()
        with self.db.session() as session:
            actor, _ = visibility(session, actor, Action.VIEW_SETUP)
            chosen = _chosen_rows(session, values)
            if not any(chosen.values()):
                raise InvalidInput({"piece_ids": messages.BULK_NOTHING_ASKED})
            rows = {row.id: row for row in session.exec(select(Formation).where(col(Formation.id).in_(ids)))}
            for formation_id in ids:
                formation = rows.get(formation_id)
                if formation is None:
                    result.refused.append(RefusedRow(formation_id, str(formation_id), messages.FORMATION_UNKNOWN))
                    continue
                name = f"{formation.code} — {formation.label}"
                reason = rights.refusal(
                    actor, Action.EDIT_FORMATION, centre_id=formation.centre_id, commission_id=formation.commission_id
                )
                elsewhere = [
                    row.code
                    for items in chosen.values()
                    for row in items
                    if row.centre_id not in (None, formation.centre_id)
                ]
                if not reason and elsewhere and not remove:
                    reason = messages.UNKNOWN_CHOICE.format(names=", ".join(elsewhere))
                if reason:
                    result.refused.append(RefusedRow(formation.id, name, reason))
                    continue
                before = _snapshot(session, formation)
                for key, _, link, column in CHOSEN:
                    kept = set(session.exec(select(getattr(link, column)).where(link.formation_id == formation.id)))
                    for row in chosen[key]:
                        if remove and row.id in kept:
                            session.delete(session.get(link, (formation.id, row.id)))
                        elif not remove and row.id not in kept:
                            session.add(link(formation_id=formation.id, **{column: row.id}))
                session.flush()
                after = _snapshot(session, formation)
                keys = ("pieces", "questions")
                journal.record(
                    session,
                    actor,
                    "formation.asked",
                    formation,
                    {key: before[key] for key in keys},
                    {key: after[key] for key in keys},
                    label=formation.label,
                )
                result.changed.append(formation.id)
        return result

    def delete(self, actor: Actor, formation_id: int) -> None:
        with self.db.session() as session:
            formation = found(session, Formation, formation_id, messages.FORMATION_UNKNOWN)
            actor = rights.check(
                session,
                actor,
                Action.EDIT_FORMATION,
                centre_id=formation.centre_id,
                commission_id=formation.commission_id,
            )
            applied = select(Candidature.id).where(Candidature.formation_id == formation.id).limit(1)
            if session.exec(applied).first() is not None:
                raise Refused(messages.FORMATION_HAS_CANDIDATURES)
            journal.record(
                session, actor, "formation.delete", formation, before=journal.snapshot(formation), label=formation.label
            )
            session.delete(formation)

    def count(self, actor: Actor) -> int:
        with self.db.session() as session:
            _, seen = visibility(session, actor, Action.VIEW_SETUP)
            statement = select(func.count()).select_from(Formation)
            return session.exec(statement.where(seen.where(Formation.centre_id, Formation.commission_id))).one()

    def _check_target(self, session: Session, actor: Actor, cleaned: Mapping[str, object]) -> Actor:
        """The centre and commission chosen exist, go together, and the actor may put a formation there."""
        centre = session.get(Centre, cleaned["centre_id"])
        if centre is None:
            raise InvalidInput({"centre_id": messages.UNKNOWN_VALUE})
        commission = session.get(Commission, cleaned["commission_id"])
        if commission is None or commission.centre_id != centre.id:
            raise InvalidInput({"commission_id": messages.FORMATION_COMMISSION_OF_CENTRE})
        return rights.check(session, actor, Action.EDIT_FORMATION, centre_id=centre.id, commission_id=commission.id)

    @staticmethod
    def _bulk_refusal(actor: Actor, formation: Formation, cleaned: Mapping[str, object]) -> str:
        refusal = rights.refusal(
            actor, Action.EDIT_FORMATION, centre_id=formation.centre_id, commission_id=formation.commission_id
        )
        if refusal:
            return refusal
        dates = {name: cleaned.get(name, getattr(formation, name)) for name in offer_dates.FIELDS}
        problems = list(offer_dates.order_errors(dates).values())
        problems += [
            messages.CONFIRM_DATE_OR_DELAY
            for day, delay in (("confirm_by", "confirm_delay_days"), ("waiting_list_confirm_by", DELAYS[1]))
            if cleaned.get(day, getattr(formation, day)) and cleaned.get(delay, getattr(formation, delay))
        ]
        return " ; ".join(problems)


def formation_values(values: Mapping[str, object]) -> dict[str, object]:
    """The values of the form checked, each problem at its field (French); raises InvalidInput."""
    checks = {
        "code": lambda: setup_fields.code(values.get("code"), CODE_MAX),
        "label": lambda: setup_fields.label(values.get("label"), LABEL_MAX),
        "centre_id": lambda: setup_fields.identifier(values.get("centre_id")),
        "commission_id": lambda: setup_fields.identifier(values.get("commission_id")),
        "active": lambda: setup_fields.flag(values.get("active", True)),
        "treatment_type": lambda: setup_fields.choice(
            values.get("treatment_type") or TreatmentType.WAITING.value, TREATMENT_TYPES
        ),
        "auto_waiting_list": lambda: setup_fields.flag(values.get("auto_waiting_list", True)),
        "paperless": lambda: setup_fields.flag(values.get("paperless", True)),
        "diploma_type": lambda: setup_fields.text(values.get("diploma_type"), 100),
        "keywords": lambda: setup_fields.text(values.get("keywords"), 500),
        "url": lambda: setup_fields.url(values.get("url")),
        "capacity": lambda: setup_fields.count(values.get("capacity"), maximum=100_000),
        "confirm_delay_days": lambda: setup_fields.count(values.get("confirm_delay_days"), maximum=365),
        "waiting_list_confirm_delay_days": lambda: setup_fields.count(
            values.get("waiting_list_confirm_delay_days"), maximum=365
        ),
        "preselection_place": lambda: setup_fields.text(values.get("preselection_place"), 200),
        "preselection_on": lambda: setup_fields.day(values.get("preselection_on")),
        "preselection_time": lambda: setup_fields.time_of_day(values.get("preselection_time")),
        "info": lambda: setup_fields.text(values.get("info"), 2000, lines=True),
    }
    for name in offer_dates.FIELDS:
        checks[name] = lambda name=name: setup_fields.day(values.get(name), required=name in REQUIRED_DATES)
    cleaned, errors = collect(checks)
    _date_rules(cleaned, errors)
    if errors:
        raise InvalidInput(errors)
    return cleaned


def bulk_values(changes: Mapping[str, object]) -> dict[str, object]:
    """The fields of a change of many formations, checked alone (their order is checked per formation)."""
    unknown = set(changes) - set(BULK_FIELDS)
    if unknown:
        raise InvalidInput(dict.fromkeys(sorted(unknown), messages.UNKNOWN_VALUE))
    checks = {}
    for name, value in changes.items():
        if name == "active":
            checks[name] = lambda value=value: setup_fields.flag(value)
        elif name in DELAYS:
            checks[name] = lambda value=value: setup_fields.count(value, maximum=365)
        else:
            checks[name] = lambda name=name, value=value: _bulk_day(name, value)
    cleaned, errors = collect(checks)
    if errors:
        raise InvalidInput(errors)
    if not cleaned:
        raise Refused(messages.BULK_NOTHING_TO_CHANGE)
    return cleaned


def form_values(formation: Formation) -> dict[str, object]:
    """A formation as its form shows it (also the start of a copy)."""
    return formation.model_dump(exclude={"id"})


def formation_row(
    formation: Formation, centre: Centre, commission: Commission | None, *, campaign: Campaign | None, actor: Actor
) -> dict:
    return {
        "id": formation.id,
        "code": formation.code,
        "label": formation.label,
        "centre": centre.label,
        "centre_id": centre.id,
        "commission": commission.label if commission else "",
        "opens_on": f"{formation.opens_on:%d/%m/%Y}",
        "closes_on": f"{formation.closes_on:%d/%m/%Y}",
        "state": state_of(formation, centre, campaign),
        "editable": rights.allows(
            actor, Action.EDIT_FORMATION, centre_id=formation.centre_id, commission_id=formation.commission_id
        ),
    }


def state_of(formation: Formation, centre: Centre, campaign: Campaign | None) -> str:
    """« État » of the original: out of service, no active campaign, dates outside the campaign, or fine."""
    if not formation.active or not centre.active:
        return messages.FORMATION_STATES["off"]
    if campaign is None:
        return messages.FORMATION_STATES["no_campaign"]
    days = [day for day in (getattr(formation, name) for name in offer_dates.FIELDS) if day is not None]
    if any(day < campaign.starts_on or day > campaign.ends_on for day in days):
        return messages.FORMATION_STATES["outside_campaign"]
    return messages.FORMATION_STATES["ok"]


def _date_rules(cleaned: dict[str, object], errors: dict[str, str]) -> None:
    for name, message in offer_dates.order_errors(cleaned).items():
        errors.setdefault(name, message)
    for day, delay in (("confirm_by", "confirm_delay_days"), ("waiting_list_confirm_by", DELAYS[1])):
        if cleaned.get(day) and cleaned.get(delay):
            errors.setdefault(delay, messages.CONFIRM_DATE_OR_DELAY)


def _bulk_day(name: str, value: object) -> date | None:
    day = setup_fields.day(value)
    if day is None and name in REQUIRED_DATES:
        raise FieldError(messages.REQUIRED)
    return day


def _check_code(session: Session, code: str, formation_id: int | None = None) -> None:
    same = session.exec(select(Formation.id).where(Formation.code == code)).first()
    if same is not None and same != formation_id:
        raise InvalidInput({"code": messages.SETUP_CODE_TAKEN})


CHOSEN = (
    ("piece_ids", Piece, FormationPiece, "piece_id"),
    ("question_ids", Question, FormationQuestion, "question_id"),
)


def _chosen(session: Session, formation_id: int) -> tuple[list[int], list[int]]:
    """The pièces and the questions linked to the formation, as ids."""
    return tuple(
        list(session.exec(select(getattr(link, column)).where(link.formation_id == formation_id)).all())
        for _, _, link, column in CHOSEN
    )


def _set_chosen(session: Session, formation: Formation, values: Mapping[str, object]) -> None:
    """Link the pièces and questions chosen in the form (when it has them): not common ones, of every centre or
    of the formation's centre; an impossible choice is refused at its field."""
    present = [entry for entry in CHOSEN if entry[0] in values]
    if not present:
        return
    chosen = _chosen_rows(session, values)
    errors: dict[str, str] = {}
    for name, _, link, column in present:
        wrong = [row.code for row in chosen[name] if row.centre_id not in (None, formation.centre_id)]
        if wrong:
            errors[name] = messages.UNKNOWN_CHOICE.format(names=", ".join(wrong))
            continue
        wanted = {row.id for row in chosen[name]}
        kept = set(session.exec(select(getattr(link, column)).where(link.formation_id == formation.id)).all())
        for gone in kept - wanted:
            session.delete(session.get(link, (formation.id, gone)))
        session.add_all(link(formation_id=formation.id, **{column: item}) for item in sorted(wanted - kept))
    if errors:
        raise InvalidInput(errors)
    session.flush()


def _selection(formation_ids: Iterable[int]) -> list[int]:
    """The ids of the formations ticked for a change of many, each once; none or too many is refused."""
    ids = list(dict.fromkeys(int(one) for one in formation_ids))
    if not ids:
        raise Refused(messages.BULK_NOTHING_SELECTED)
    if len(ids) > BULK_MAX:
        raise Refused(messages.BULK_TOO_MANY.format(max=BULK_MAX))
    return ids


def _chosen_rows(session: Session, values: Mapping[str, object]) -> dict[str, list]:
    """The pièces and questions chosen (not common ones), by field; an unknown one is refused at its field."""
    chosen: dict[str, list] = {}
    errors: dict[str, str] = {}
    for name, model, _, _ in CHOSEN:
        try:
            wanted = {setup_fields.identifier(value) for value in (values.get(name) or [])}
        except FieldError as error:
            errors[name] = error.message
            continue
        rows = session.exec(select(model).where(col(model.id).in_(sorted(wanted)))).all() if wanted else []
        if len(rows) != len(wanted) or any(row.common for row in rows):
            errors[name] = messages.UNKNOWN_VALUE
        chosen[name] = list(rows)
    if errors:
        raise InvalidInput(errors)
    return chosen


def _snapshot(session: Session, formation: Formation) -> dict[str, object]:
    """The formation for the journal, with the codes of the pièces and questions chosen for it."""
    pieces, questions = _chosen(session, formation.id)
    codes = {}
    for key, model, ids in (("pieces", Piece, pieces), ("questions", Question, questions)):
        found_codes = session.exec(select(model.code).where(col(model.id).in_(ids))).all() if ids else []
        codes[key] = sorted(found_codes)
    return {**journal.snapshot(formation), **codes}
