"""« Candidatures » of the gestion: the table a commission reviews in (BACKOFFICE §3), the counts by statut above
it, and the candidature window's reading of one file.

A staff member chooses where to look — one of their commissions, or, for who sees a whole centre (its
gestionnaire, the scolarité centrale), « Toutes les candidatures du centre » (the original's issue #51) — and
sees the candidatures of the active campaign there. Every read checks the right VIEW_CANDIDATURES on the
commission (or the centre) of what is read, and the rows are narrowed in SQL to what the actor may see.

A candidature not transmitted yet is « Non transmise »: counted and filtered on its own (the original's issue
#64), apart from the En attente of a transmitted file not received yet.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, exists, func, or_
from sqlmodel import Session, col, select

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.refdata import labels
from ecandidat_ui.services import rights
from ecandidat_ui.services.candidate_file import CandidateFile, CandidateFileService
from ecandidat_ui.services.candidatures import CandidatureService, CandidatureView
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.evaluation import note_columns
from ecandidat_ui.services.paging import InvalidQuery, Page, TableQuery, ordered_rows, paginate
from ecandidat_ui.services.review import Decision, checked
from ecandidat_ui.services.rights import Action, Actor
from ecandidat_ui.services.setup_access import found, visibility
from ecandidat_ui.services.table_views import ViewSpec, is_id
from ecandidat_ui.services.waiting_list import real_rank_column
from models import (
    Account,
    Baccalaureate,
    Campaign,
    Candidature,
    CandidatureEvent,
    CandidatureTag,
    Centre,
    Commission,
    FileStatus,
    Formation,
    Motivation,
    PersonalInfo,
    PieceState,
    Tag,
    TagColour,
    UploadedFile,
)
from models.clock import in_paris

NOT_TRANSMITTED = "Non transmise"
STATUSES = (NOT_TRANSMITTED, *(status.value for status in FileStatus))
NO_AVIS = "Sans avis"
COMMISSION, CENTRE = "commission", "centre"
# The history line review.apply_status writes with each statut set: the « Date statut » is the latest one.
STATUS_EVENT_PREFIX = "Statut du dossier : "
# The table's columns, by the name each row dict and TableQuery.sort_by use: the page labels them
# (pages/gestion/candidatures.py), the saved views (services/table_views.py) may only name these.
DEFAULT_COLUMNS = (
    "tags",
    "login",
    "last_name",
    "first_name",
    "formation_code",
    "formation_label",
    "status",
    "avis",
    "validated",
    "motif",
    "comment",
    "confirmed",
    "transmitted",
)
OPTIONAL_COLUMNS = (
    "ine",
    "birth_date",
    "nationality",
    "birth_country",
    "bac_series",
    "bac_year",
    "mail",
    "phone",
    "created",
    "received",
    "status_date",
    "rank",
    "real_rank",
    "confirmed_at",
    "withdrawn_at",
    "eval_mean",
    "eval_spread",
    "individual_return",
    "individual_confirm",
)
COLUMNS = DEFAULT_COLUMNS + OPTIONAL_COLUMNS
UNSORTABLE = frozenset({"tags", "nationality", "birth_country"})  # shown as a label, stored as a code
SORTABLE = tuple(name for name in COLUMNS if name not in UNSORTABLE)
AVIS_VALUES = frozenset({NO_AVIS, *(decision.value for decision in Decision)})
# What a saved view of the table may hold (services/table_views.py).
VIEW_SPEC = ViewSpec(
    Action.VIEW_CANDIDATURES,
    COLUMNS,
    frozenset(SORTABLE),
    {"status": STATUSES.__contains__, "avis": AVIS_VALUES.__contains__, "formation": is_id, "tag": is_id},
    scoped=True,
)
# What the candidate may send, as the staff route serves it: only these types, shown inline by the browser.
SERVED_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg"})


@dataclass(frozen=True)
class Scope:
    """Where the table looks: a commission, or a whole centre. `key` is what the page's select holds."""

    kind: str  # COMMISSION or CENTRE
    id: int
    label: str
    centre_id: int

    @property
    def key(self) -> str:
        return f"{self.kind}-{self.id}"


@dataclass(frozen=True)
class StaffCandidature:
    """What the candidature window shows: the candidature as the candidate's own page reads it, the file, and
    the account (name, mail, N° dossier)."""

    view: CandidatureView
    file: CandidateFile
    account: Account
    may_review: bool


def status_column():
    """The statut shown and filtered on: « Non transmise » for a candidature not transmitted yet."""
    return case(
        (
            and_(col(Candidature.status) == FileStatus.WAITING.value, col(Candidature.transmitted_at).is_(None)),
            NOT_TRANSMITTED,
        ),
        else_=col(Candidature.status),
    )


def shown_status(candidature: Candidature) -> str:
    """The statut as the table shows it (`status_column`), of one candidature."""
    if candidature.status == FileStatus.WAITING and candidature.transmitted_at is None:
        return NOT_TRANSMITTED
    return candidature.status


def avis_column():
    return case((col(Candidature.decision) == "", NO_AVIS), else_=col(Candidature.decision))


class CandidatureTableService:
    def __init__(self, db: Database, candidatures: CandidatureService, candidate_file: CandidateFileService) -> None:
        self.db = db
        self.candidatures = candidatures
        self.candidate_file = candidate_file

    # --- where to look -------------------------------------------------------------------------------

    def scopes(self, actor: Actor) -> list[Scope]:
        """The commissions the actor reviews, then the centres they see wholly (« Toutes les candidatures du
        centre »), each by label."""
        with self.db.session() as session:
            _, seen = visibility(session, actor, Action.VIEW_CANDIDATURES)
            commissions = session.exec(
                select(Commission, Centre.label)
                .join(Centre, col(Centre.id) == col(Commission.centre_id))
                .where(seen.where(Commission.centre_id, Commission.id))
                .order_by(col(Centre.label), col(Commission.label))
            ).all()
            centres = session.exec(
                select(Centre)
                .where(seen.where(Centre.id) if not seen.everything else col(Centre.id).is_not(None))
                .order_by(col(Centre.label))
            ).all()
            scopes = [Scope(COMMISSION, c.id, c.label, c.centre_id) for c, _ in commissions]
            scopes += [
                Scope(CENTRE, centre.id, messages.REVIEW_WHOLE_CENTRE.format(centre=centre.label), centre.id)
                for centre in centres
            ]
            return scopes

    def _scope(self, session: Session, actor: Actor, key: str) -> tuple[Actor, Scope]:
        """The scope a key names, once the actor's right there is checked (Refused otherwise)."""
        kind, _, number = str(key).partition("-")
        if kind == COMMISSION:
            commission = found(session, Commission, number, messages.COMMISSION_UNKNOWN)
            fresh = rights.check(
                session, actor, Action.VIEW_CANDIDATURES, centre_id=commission.centre_id, commission_id=commission.id
            )
            return fresh, Scope(COMMISSION, commission.id, commission.label, commission.centre_id)
        if kind == CENTRE:
            centre = found(session, Centre, number, messages.CENTRE_UNKNOWN)
            fresh = rights.check(session, actor, Action.VIEW_CANDIDATURES, centre_id=centre.id)
            seen = rights.visible(fresh, Action.VIEW_CANDIDATURES)
            if not (seen.everything or centre.id in seen.centre_ids):  # a manager limited to some commissions
                raise Refused(messages.RIGHT_REFUSED_CENTRE.format(action=Action.VIEW_CANDIDATURES.label))
            label = messages.REVIEW_WHOLE_CENTRE.format(centre=centre.label)
            return fresh, Scope(CENTRE, centre.id, label, centre.id)
        raise Refused(messages.REVIEW_SCOPE_UNKNOWN)

    # --- the table -----------------------------------------------------------------------------------

    def _statement(self, session: Session, actor: Actor, key: str, *columns):
        fresh, scope = self._scope(session, actor, key)
        seen = rights.visible(fresh, Action.VIEW_CANDIDATURES)
        where = [
            col(Campaign.is_active),
            seen.where(Formation.centre_id, Formation.commission_id),
            _in_scope(scope),
        ]
        statement = (
            select(*columns)
            .select_from(Candidature)
            .join(Formation, col(Formation.id) == col(Candidature.formation_id))
            .join(Campaign, col(Campaign.id) == col(Candidature.campaign_id))
            .join(Account, col(Account.id) == col(Candidature.account_id))
            .outerjoin(Motivation, col(Motivation.id) == col(Candidature.decision_motivation_id))
            .where(*where)
        )
        return statement

    def page(self, actor: Actor, key: str, query: TableQuery) -> Page[dict[str, Any]]:
        """A page of the scope's candidatures. Besides the filters of `paginate`, `tag` (a tag's id) keeps the
        candidatures carrying that tag."""
        derived = _Derived.make()
        with self.db.session() as session:
            statement, query = self._tagged(
                derived.joined(
                    self._statement(
                        session,
                        actor,
                        key,
                        Candidature,
                        Account,
                        Formation,
                        Motivation.label,
                        derived.status,
                        derived.avis,
                        derived.real_rank,
                        PersonalInfo,
                        Baccalaureate,
                        derived.status_date,
                        derived.received,
                        derived.notes.c.mean,
                        derived.notes.c.spread,
                    )
                ),
                query,
            )
            page = paginate(session, statement, query, **_table_columns(derived))
            tags = _tags_of(session, [row[0].id for row in page.rows])
        return page.map(lambda row: candidature_row(*row, tags=tags.get(row[0].id, [])))

    def rows_statement(self, session: Session, actor: Actor, key: str, query: TableQuery, *columns):
        """Every row of the table for `query` (its scope, search, filters and sort; all pages), selecting
        `columns` then the statut and avis shown (named `status` and `avis`): the statement an export streams.
        PersonalInfo and Baccalaureate are joined already (the optional columns sort on them).
        The actor's right on the scope is checked, and the rows narrowed to what they may see, as for `page`."""
        derived = _Derived.make()
        statement, query = self._tagged(
            derived.joined(
                self._statement(
                    session, actor, key, *columns, derived.status.label("status"), derived.avis.label("avis")
                )
            ),
            query,
        )
        return ordered_rows(session, statement, query, **_table_columns(derived))

    @staticmethod
    def _tagged(statement, query: TableQuery):
        """The `tag` filter (a tag's id) applied to the statement, and the query without it."""
        tag_id = query.filters.get("tag")
        query = replace(query, filters={name: value for name, value in query.filters.items() if name != "tag"})
        if tag_id not in (None, ""):
            statement = statement.where(
                exists().where(
                    CandidatureTag.candidature_id == Candidature.id, CandidatureTag.tag_id == _number(tag_id)
                )
            )
        return statement, query

    def counts(self, actor: Actor, key: str) -> dict[str, int]:
        """How many candidatures in each statut (« Non transmise » first), and « Total »."""
        status = status_column()
        with self.db.session() as session:
            statement = self._statement(session, actor, key, status, func.count()).group_by(status)
            found_counts = dict(session.exec(statement).all())
        counts = {name: found_counts.get(name, 0) for name in STATUSES}
        counts[messages.REVIEW_TOTAL] = sum(counts.values())
        return counts

    def formations(self, actor: Actor, key: str) -> dict[int, str]:
        """The formations of the scope, for the table's filter: id → « CODE — Libellé »."""
        with self.db.session() as session:
            fresh, scope = self._scope(session, actor, key)
            seen = rights.visible(fresh, Action.VIEW_CANDIDATURES)
            rows = session.exec(
                select(Formation)
                .where(_in_scope(scope), seen.where(Formation.centre_id, Formation.commission_id))
                .order_by(col(Formation.code))
            ).all()
            return {formation.id: f"{formation.code} — {formation.label}" for formation in rows}

    def tags(self, actor: Actor, key: str) -> dict[int, str]:
        """The tags that may be on the scope's candidatures (the institution's and its centre's), for the filter."""
        with self.db.session() as session:
            _, scope = self._scope(session, actor, key)
            rows = session.exec(
                select(Tag)
                .where(or_(col(Tag.centre_id).is_(None), Tag.centre_id == scope.centre_id))
                .order_by(col(Tag.label))
            ).all()
            return {tag.id: tag.label for tag in rows}

    # --- one candidature -----------------------------------------------------------------------------

    def candidature(self, actor: Actor, candidature_id: object) -> StaffCandidature:
        """The whole file of a candidature, for who may see its commission's candidatures."""
        with self.db.session() as session:
            fresh, candidature, formation = checked(session, actor, Action.VIEW_CANDIDATURES, candidature_id)
            account = session.get(Account, candidature.account_id)
            may_review = rights.allows(
                fresh, Action.REVIEW_PIECES, centre_id=formation.centre_id, commission_id=formation.commission_id
            )
        view = self.candidatures.view(account.id, candidature.id)
        return StaffCandidature(view, self.candidate_file.load(account.id), account, may_review)

    def file(self, actor: Actor | int, candidature_id: object, file_id: object) -> UploadedFile:
        """A file of a pièce of this candidature (as transmitted, or the candidate's latest), for who may see
        the candidature; Refused for any other file, or a type the browser should not open."""
        with self.db.session() as session:
            _, candidature, _ = checked(session, actor, Action.VIEW_CANDIDATURES, candidature_id)
            row = found(session, UploadedFile, file_id, messages.REVIEW_FILE_UNKNOWN)
        view = self.candidatures.view(candidature.account_id, candidature.id)
        shown = {piece.file.id for piece in view.pieces if piece.file is not None}
        if row.id not in shown and not _transmitted_for(self.db, candidature.id, row.id):
            raise Refused(messages.REVIEW_FILE_UNKNOWN)
        if row.content_type not in SERVED_TYPES:
            raise Refused(messages.REVIEW_FILE_UNKNOWN)
        return row


@dataclass(frozen=True)
class _Derived:
    """The table's columns worked out in SQL, beyond the candidature's own: its statut and avis as shown, its rang
    réel, the dates of its history, the notes of the evaluation grids; and the joins the optional ones need."""

    status: Any
    avis: Any
    real_rank: Any
    status_date: Any
    received: Any
    notes: Any

    @classmethod
    def make(cls) -> _Derived:
        return cls(
            status_column(),
            avis_column(),
            real_rank_column(),
            _event_date(col(CandidatureEvent.text).startswith(STATUS_EVENT_PREFIX, autoescape=True)),
            _event_date(col(CandidatureEvent.text) == STATUS_EVENT_PREFIX + FileStatus.RECEIVED),
            note_columns(),
        )

    def joined(self, statement):
        """The statement with what the optional columns read: one row each per candidature."""
        return (
            statement.outerjoin(self.notes, self.notes.c.candidature_id == col(Candidature.id))
            .outerjoin(PersonalInfo, col(PersonalInfo.account_id) == col(Candidature.account_id))
            .outerjoin(Baccalaureate, col(Baccalaureate.account_id) == col(Candidature.account_id))
        )


def _table_columns(derived: _Derived) -> dict[str, Any]:
    """What the table sorts, searches and filters on, for `paginate` and `ordered_rows`."""
    status, avis, notes = derived.status, derived.avis, derived.notes
    return {
        "key": col(Candidature.id),
        "sortable": {
            "login": col(Account.login),
            "last_name": col(Account.last_name),
            "first_name": col(Account.first_name),
            "formation_code": col(Formation.code),
            "formation_label": col(Formation.label),
            "status": status,
            "avis": avis,
            "validated": col(Candidature.decision_validated_at),
            "motif": col(Motivation.label),
            "comment": col(Candidature.decision_comment),
            "confirmed": col(Candidature.confirmed_at),
            "transmitted": col(Candidature.transmitted_at),
            "real_rank": derived.real_rank,
            "ine": col(PersonalInfo.ine),
            "birth_date": col(PersonalInfo.birth_date),
            "bac_series": col(Baccalaureate.series),
            "bac_year": col(Baccalaureate.year),
            "mail": col(Account.mail),
            "phone": func.coalesce(func.nullif(col(PersonalInfo.mobile), ""), col(PersonalInfo.phone)),
            "created": col(Candidature.created_at),
            "received": derived.received,
            "status_date": derived.status_date,
            "rank": col(Candidature.decision_rank),
            "confirmed_at": col(Candidature.confirmed_at),
            "withdrawn_at": col(Candidature.withdrawn_at),
            "eval_mean": notes.c.mean,
            "eval_spread": notes.c.spread,
            "individual_return": col(Candidature.individual_return_by),
            "individual_confirm": col(Candidature.individual_confirm_by),
        },
        "searchable": [
            col(Account.login),
            col(Account.last_name),
            col(Account.first_name),
            col(Formation.code),
            col(Formation.label),
        ],
        "filterable": {"status": status, "avis": avis, "formation": col(Formation.id)},
    }


def _event_date(condition):
    """The date of the candidature's latest history line meeting `condition` (a subquery per row shown: the
    history is indexed by candidature)."""
    return (
        select(func.max(CandidatureEvent.at))
        .where(col(CandidatureEvent.candidature_id) == col(Candidature.id), condition)
        .correlate(Candidature)
        .scalar_subquery()
    )


def _date(value) -> str:
    """A date (or a moment, in Paris) as the table shows it: 06/12/2026."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = in_paris(value)
    return f"{value:%d/%m/%Y}"


def _decimal(value: float | None) -> str:
    """A note as the table shows it: 13,75 (two decimals at most, a French comma)."""
    if value is None:
        return ""
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def _country(code: str | None, *, nationality: bool = False) -> str:
    return labels.nationality(code) if nationality else labels.country(code)


def _number(value: object) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InvalidQuery(f"tag {value!r}: not an id") from None


def _in_scope(scope: Scope):
    if scope.kind == COMMISSION:
        return col(Formation.commission_id) == scope.id
    return col(Formation.centre_id) == scope.id


def _transmitted_for(db: Database, candidature_id: int, file_id: int) -> bool:
    with db.session() as session:
        return (
            session.exec(
                select(PieceState).where(PieceState.candidature_id == candidature_id, PieceState.file_id == file_id)
            ).first()
            is not None
        )


def _tags_of(session: Session, candidature_ids: list[int]) -> dict[int, list[dict[str, str]]]:
    if not candidature_ids:
        return {}
    rows = session.exec(
        select(CandidatureTag.candidature_id, Tag)
        .join(Tag, col(Tag.id) == col(CandidatureTag.tag_id))
        .where(col(CandidatureTag.candidature_id).in_(candidature_ids))
        .order_by(col(Tag.label))
    ).all()
    tags: dict[int, list[dict[str, str]]] = {}
    for candidature_id, tag in rows:
        colour = TagColour(tag.colour) if tag.colour in messages.TAG_COLOURS else TagColour.GREY
        tags.setdefault(candidature_id, []).append({"label": tag.label, "colour_key": colour.value})
    return tags


def candidature_row(
    candidature: Candidature,
    account: Account,
    formation: Formation,
    motif: str | None,
    status: str,
    avis: str,
    real_rank: int | None = None,
    personal: PersonalInfo | None = None,
    bac: Baccalaureate | None = None,
    status_date: datetime | None = None,
    received: datetime | None = None,
    eval_mean: float | None = None,
    eval_spread: float | None = None,
    *,
    tags: list[dict[str, str]],
) -> dict[str, Any]:
    validated = ""
    if candidature.decision:
        validated = messages.YES if candidature.decision_validated_at else messages.NO
    if candidature.withdrawn_at is not None:
        confirmed = messages.REVIEW_WITHDRAWN
    else:
        confirmed = messages.YES if candidature.confirmed_at else ""
    return {
        "id": candidature.id,
        "tags": tags,
        "tags_text": ", ".join(tag["label"] for tag in tags),
        "login": account.login,
        "last_name": account.last_name,
        "first_name": account.first_name,
        "formation_code": formation.code,
        "formation_label": formation.label,
        "status": status,
        "avis": "" if avis == NO_AVIS else avis + (f" (rang {rank})" if (rank := candidature.decision_rank) else ""),
        "validated": validated,
        "motif": motif or "",
        "comment": candidature.decision_comment,
        "confirmed": confirmed,
        "transmitted": _date(candidature.transmitted_at),
        "ine": personal.ine if personal else "",
        "birth_date": _date(personal.birth_date) if personal else "",
        "nationality": _country(personal.nationality, nationality=True) if personal else "",
        "birth_country": _country(personal.birth_country) if personal else "",
        "bac_series": bac.series if bac and bac.has_bac else "",
        "bac_year": f"{bac.year}" if bac and bac.has_bac and bac.year else "",
        "mail": account.mail,
        "phone": (personal.mobile or personal.phone) if personal else "",
        "created": _date(candidature.created_at),
        "received": _date(received),
        "status_date": _date(status_date),
        "rank": f"{candidature.decision_rank}" if candidature.decision_rank is not None else "",
        "confirmed_at": _date(candidature.confirmed_at),
        "withdrawn_at": _date(candidature.withdrawn_at),
        "eval_mean": _decimal(eval_mean),
        "eval_spread": _decimal(eval_spread),
        "individual_return": _date(candidature.individual_return_by),
        "individual_confirm": _date(candidature.individual_confirm_by),
        "real_rank": real_rank if real_rank is not None else "",  # the rang réel on the liste complémentaire
    }
