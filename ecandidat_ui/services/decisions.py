"""« Types de décision » and « Motivations d'avis »: what a commission may decide and why an avis is unfavourable
(BACKOFFICE §2), set up by who may change them for the whole institution.

A type of decision has its type d'avis (Favorable, Défavorable, Liste d'attente, Liste complémentaire,
Présélection) and names the mail the candidate receives when an avis of this type is validated (one of the
decision mails of `mail.templates.CATALOGUE`). A type or a motivation an avis already uses cannot be deleted: it
is put out of service instead (« En service » unticked), and no new avis takes it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, col, select

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.mail.templates import CATALOGUE
from ecandidat_ui.services import journal, rights, setup_fields
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.fields import collect
from ecandidat_ui.services.paging import Page, TableQuery, paginate
from ecandidat_ui.services.rights import Action, Actor
from ecandidat_ui.services.setup_access import found
from models import AvisKind, Candidature, DecisionType, Motivation

CODE_MAX = 20
TYPE_LABEL_MAX = 120
MOTIVATION_LABEL_MAX = 200
# The mails a type of decision may send: one per type d'avis, and the former single decision mail.
DECISION_MAILS = (
    "avis_favorable",
    "avis_defavorable",
    "avis_liste_attente",
    "avis_liste_complementaire",
    "avis_preselection",
    "candidature_decision",
)


def avis_label(avis: str) -> str:
    return messages.AVIS_KINDS.get(avis, avis)


def mail_options() -> dict[str, str]:
    """code → title of the mails a type of decision may send, for the form's list."""
    return {code: CATALOGUE[code].title for code in DECISION_MAILS}


class _CodedSetup:
    """What both lists share: a table of rows with a unique code, created, changed and deleted with the journal,
    a row used by an avis refused deletion."""

    model: type[SQLModel]
    action: Action
    kind: str  # the journal's name, e.g. "decisiontype"
    unknown: str
    used_by: str  # the Candidature field pointing at a row
    in_use: str

    def __init__(self, db: Database) -> None:
        self.db = db

    def _values(self, values: Mapping[str, object]) -> dict[str, object]:
        raise NotImplementedError

    def _used(self) -> Any:
        return col(getattr(Candidature, self.used_by))

    def _row(self, row: Any, uses: int) -> dict[str, Any]:
        raise NotImplementedError

    def _page(self, actor: Actor, query: TableQuery, sortable: dict, searchable: list) -> Page[dict]:
        uses = (
            select(func.count())
            .select_from(Candidature)
            .where(self._used() == self.model.id)
            .correlate(self.model)
            .scalar_subquery()
        )
        with self.db.session() as session:
            rights.check(session, actor, self.action)
            page = paginate(
                session,
                select(self.model, uses),
                query,
                key=col(self.model.id),
                sortable={**sortable, "uses": uses},
                searchable=searchable,
                filterable={"active": col(self.model.active)},
            )
        return page.map(lambda row: self._row(row[0], row[1]))

    def get(self, actor: Actor, row_id: int) -> Any:
        with self.db.session() as session:
            rights.check(session, actor, self.action)
            return found(session, self.model, row_id, self.unknown)

    def create(self, actor: Actor, values: Mapping[str, object]) -> Any:
        cleaned = self._values(values)
        return self._saved(lambda session: self._create(session, actor, cleaned))

    def update(self, actor: Actor, row_id: int, values: Mapping[str, object]) -> Any:
        cleaned = self._values(values)
        return self._saved(lambda session: self._update(session, actor, row_id, cleaned))

    def delete(self, actor: Actor, row_id: int) -> None:
        with self.db.session() as session:
            actor = rights.check(session, actor, self.action)
            row = found(session, self.model, row_id, self.unknown)
            used = session.exec(select(func.count()).select_from(Candidature).where(self._used() == row.id)).one()
            if used:
                raise Refused(self.in_use.format(count=used))
            journal.record(session, actor, f"{self.kind}.delete", row, before=journal.snapshot(row), label=row.label)
            session.delete(row)

    def _saved(self, write: Callable[[Session], Any]) -> Any:
        try:
            with self.db.session() as session:
                return write(session)
        except IntegrityError:  # two people saving the same code at once
            raise InvalidInput({"code": messages.SETUP_CODE_TAKEN}) from None

    def _create(self, session: Session, actor: Actor, cleaned: dict[str, object]) -> Any:
        actor = rights.check(session, actor, self.action)
        self._check_code(session, str(cleaned["code"]))
        row = self.model(**cleaned)
        session.add(row)
        session.flush()
        journal.record(session, actor, f"{self.kind}.create", row, after=journal.snapshot(row), label=row.label)
        return row

    def _update(self, session: Session, actor: Actor, row_id: int, cleaned: dict[str, object]) -> Any:
        actor = rights.check(session, actor, self.action)
        row = found(session, self.model, row_id, self.unknown)
        self._check_code(session, str(cleaned["code"]), row.id)
        before = journal.snapshot(row)
        for name, value in cleaned.items():
            setattr(row, name, value)
        session.flush()
        journal.record(session, actor, f"{self.kind}.update", row, before, journal.snapshot(row), label=row.label)
        return row

    def _check_code(self, session: Session, code: str, row_id: int | None = None) -> None:
        same = session.exec(select(self.model.id).where(self.model.code == code)).first()
        if same is not None and same != row_id:
            raise InvalidInput({"code": messages.SETUP_CODE_TAKEN})


class DecisionTypeService(_CodedSetup):
    model = DecisionType
    action = Action.EDIT_DECISION_TYPES
    kind = "decisiontype"
    unknown = messages.DECISION_TYPE_UNKNOWN
    used_by = "decision_type_id"
    in_use = messages.DECISION_TYPE_IN_USE

    def page(self, actor: Actor, query: TableQuery) -> Page[dict]:
        sortable = {
            "code": col(DecisionType.code),
            "label": col(DecisionType.label),
            "avis": col(DecisionType.avis),
            "active": col(DecisionType.active),
        }
        return self._page(actor, query, sortable, [col(DecisionType.code), col(DecisionType.label)])

    def options(self, avis: AvisKind | None = None) -> list[tuple[int, str, str]]:
        """(id, libellé, type d'avis) of the types in service, for the reviewing screens (issue 8)."""
        with self.db.session() as session:
            statement = select(DecisionType).where(col(DecisionType.active))
            if avis is not None:
                statement = statement.where(DecisionType.avis == avis)
            rows = session.exec(statement.order_by(col(DecisionType.label))).all()
            return [(row.id, row.label, row.avis) for row in rows]

    def _values(self, values: Mapping[str, object]) -> dict[str, object]:
        cleaned, errors = collect(
            {
                "code": lambda: setup_fields.code(values.get("code"), CODE_MAX),
                "label": lambda: setup_fields.label(values.get("label"), TYPE_LABEL_MAX),
                "avis": lambda: setup_fields.choice(values.get("avis"), messages.AVIS_KINDS),
                "mail_code": lambda: setup_fields.choice(values.get("mail_code"), mail_options()),
                "active": lambda: setup_fields.flag(values.get("active", True)),
                "final": lambda: setup_fields.flag(values.get("final", False)),
                "show_comment": lambda: setup_fields.flag(values.get("show_comment", True)),
            }
        )
        if errors:
            raise InvalidInput(errors)
        return cleaned

    def _row(self, row: DecisionType, uses: int) -> dict[str, Any]:
        return {
            "id": row.id,
            "code": row.code,
            "label": row.label,
            "avis": avis_label(row.avis),
            "mail": CATALOGUE[row.mail_code].title if row.mail_code in CATALOGUE else row.mail_code,
            "active": messages.IN_SERVICE if row.active else messages.OUT_OF_SERVICE,
            "final": messages.YES if row.final else messages.NO,
            "uses": uses,
        }


class MotivationService(_CodedSetup):
    model = Motivation
    action = Action.EDIT_MOTIVATIONS
    kind = "motivation"
    unknown = messages.MOTIVATION_UNKNOWN
    used_by = "decision_motivation_id"
    in_use = messages.MOTIVATION_IN_USE

    def page(self, actor: Actor, query: TableQuery) -> Page[dict]:
        sortable = {"code": col(Motivation.code), "label": col(Motivation.label), "active": col(Motivation.active)}
        return self._page(actor, query, sortable, [col(Motivation.code), col(Motivation.label)])

    def options(self) -> list[tuple[int, str]]:
        """(id, libellé) of the motivations in service, for the reviewing screens (issue 8)."""
        with self.db.session() as session:
            rows = session.exec(select(Motivation).where(col(Motivation.active)).order_by(col(Motivation.label)))
            return [(row.id, row.label) for row in rows]

    def _values(self, values: Mapping[str, object]) -> dict[str, object]:
        cleaned, errors = collect(
            {
                "code": lambda: setup_fields.code(values.get("code"), CODE_MAX),
                "label": lambda: setup_fields.label(values.get("label"), MOTIVATION_LABEL_MAX),
                "active": lambda: setup_fields.flag(values.get("active", True)),
            }
        )
        if errors:
            raise InvalidInput(errors)
        return cleaned

    def _row(self, row: Motivation, uses: int) -> dict[str, Any]:
        return {
            "id": row.id,
            "code": row.code,
            "label": row.label,
            "active": messages.IN_SERVICE if row.active else messages.OUT_OF_SERVICE,
            "uses": uses,
        }
