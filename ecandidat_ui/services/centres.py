"""Centres de candidature: the staff's set-up of them (BACKOFFICE §2, « Centre »).

A centre out of service (« En service » unticked) keeps its formations and candidatures, but candidates no
longer see its formations in the offer. Its « Dates/Délais par défaut » fill a new formation's form; its
« Nombre de vœux maximum » replaces, in this centre, the platform's limit of candidatures per centre.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.services import journal, offer_dates, rights, setup_fields
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.fields import collect
from ecandidat_ui.services.paging import Page, TableQuery, paginate
from ecandidat_ui.services.rights import Action, Actor
from ecandidat_ui.services.setup_access import centre_condition, found, visibility
from models import Centre, Commission, Formation, StaffGrant

CODE_MAX = 20
LABEL_MAX = 120
DEFAULT_DATES = tuple(f"default_{name}" for name in offer_dates.FIELDS if name != "waiting_list_confirm_by")


class CentreService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def page(self, actor: Actor, query: TableQuery) -> Page[dict]:
        with self.db.session() as session:
            _, seen = visibility(session, actor, Action.VIEW_SETUP)
            formations = (
                select(func.count())
                .select_from(Formation)
                .where(Formation.centre_id == Centre.id)
                .correlate(Centre)
                .scalar_subquery()
            )
            page = paginate(
                session,
                select(Centre, formations).where(centre_condition(seen, Centre.id)),
                query,
                key=col(Centre.id),
                sortable={
                    "code": col(Centre.code),
                    "label": col(Centre.label),
                    "active": col(Centre.active),
                    "formations": formations,
                },
                searchable=[col(Centre.code), col(Centre.label), col(Centre.contact_mail)],
                filterable={"active": col(Centre.active)},
            )
        return page.map(lambda row: centre_row(row[0], row[1]))

    def get(self, actor: Actor, centre_id: int) -> Centre:
        with self.db.session() as session:
            centre = found(session, Centre, centre_id, messages.CENTRE_UNKNOWN)
            rights.check(session, actor, Action.VIEW_SETUP, centre_id=centre.id)
            return centre

    def options(self, actor: Actor, action: Action = Action.VIEW_SETUP) -> list[tuple[int, str]]:
        """(id, « CODE — Libellé ») of the centres where the actor may do this action, for the forms' lists."""
        with self.db.session() as session:
            seen = rights.visible(rights.signed_in(session, actor), action)
            rows = session.exec(
                select(Centre.id, Centre.code, Centre.label)
                .where(centre_condition(seen, Centre.id))
                .order_by(col(Centre.label))
            ).all()
            return [(centre_id, f"{code} — {label}") for centre_id, code, label in rows]

    def create(self, actor: Actor, values: Mapping[str, object]) -> Centre:
        cleaned = centre_values(values)
        try:
            with self.db.session() as session:
                actor = rights.check(session, actor, Action.EDIT_CENTRE)  # everywhere: a new centre is no one's
                _check_code(session, cleaned["code"])
                centre = Centre(**cleaned)
                session.add(centre)
                session.flush()
                journal.record(
                    session, actor, "centre.create", centre, after=journal.snapshot(centre), label=centre.label
                )
                return centre
        except IntegrityError:
            raise InvalidInput({"code": messages.SETUP_CODE_TAKEN}) from None

    def update(self, actor: Actor, centre_id: int, values: Mapping[str, object]) -> Centre:
        cleaned = centre_values(values)
        try:
            with self.db.session() as session:
                centre = found(session, Centre, centre_id, messages.CENTRE_UNKNOWN)
                actor = rights.check(session, actor, Action.EDIT_CENTRE, centre_id=centre.id)
                _check_code(session, cleaned["code"], centre.id)
                before = journal.snapshot(centre)
                for name, value in cleaned.items():
                    setattr(centre, name, value)
                session.flush()
                journal.record(
                    session, actor, "centre.update", centre, before, journal.snapshot(centre), label=centre.label
                )
                return centre
        except IntegrityError:
            raise InvalidInput({"code": messages.SETUP_CODE_TAKEN}) from None

    def delete(self, actor: Actor, centre_id: int) -> None:
        """Only an empty centre (no formation, commission or staff right) may be deleted, by who may create one."""
        with self.db.session() as session:
            centre = found(session, Centre, centre_id, messages.CENTRE_UNKNOWN)
            actor = rights.check(session, actor, Action.EDIT_CENTRE)
            for model, what in (
                (Formation, messages.CENTRE_HAS_FORMATIONS),
                (Commission, messages.CENTRE_HAS_COMMISSIONS),
                (StaffGrant, messages.CENTRE_HAS_MANAGERS),
            ):
                if session.exec(select(model.id).where(model.centre_id == centre.id).limit(1)).first() is not None:
                    raise Refused(what)
            journal.record(session, actor, "centre.delete", centre, before=journal.snapshot(centre), label=centre.label)
            session.delete(centre)


def centre_values(values: Mapping[str, object]) -> dict[str, object]:
    checks = {
        "code": lambda: setup_fields.code(values.get("code"), CODE_MAX),
        "label": lambda: setup_fields.label(values.get("label"), LABEL_MAX),
        "active": lambda: setup_fields.flag(values.get("active", True)),
        "contact_mail": lambda: setup_fields.mail(values.get("contact_mail")),
        "max_candidatures": lambda: setup_fields.count(values.get("max_candidatures"), maximum=999),
        "default_confirm_delay_days": lambda: setup_fields.count(values.get("default_confirm_delay_days"), maximum=365),
        "default_paperless": lambda: setup_fields.flag(values.get("default_paperless", True)),
    }
    for name in DEFAULT_DATES:
        checks[name] = lambda name=name: setup_fields.day(values.get(name))
    cleaned, errors = collect(checks)
    for name, message in offer_dates.order_errors(cleaned, prefix="default_").items():
        errors.setdefault(name, message)
    if cleaned.get("default_confirm_by") and cleaned.get("default_confirm_delay_days"):
        errors.setdefault("default_confirm_delay_days", messages.CONFIRM_DATE_OR_DELAY)
    if errors:
        raise InvalidInput(errors)
    return cleaned


def centre_row(centre: Centre, formations: int) -> dict:
    return {
        "id": centre.id,
        "code": centre.code,
        "label": centre.label,
        "active": messages.IN_SERVICE if centre.active else messages.OUT_OF_SERVICE,
        "contact_mail": centre.contact_mail,
        "max_candidatures": "" if centre.max_candidatures is None else str(centre.max_candidatures),
        "formations": formations,
    }


def _check_code(session: Session, code: str, centre_id: int | None = None) -> None:
    same = session.exec(select(Centre.id).where(Centre.code == code)).first()
    if same is not None and same != centre_id:
        raise InvalidInput({"code": messages.SETUP_CODE_TAKEN})
