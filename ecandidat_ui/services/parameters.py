"""The business parameters: values the institution sets in the gestion (« Paramètres »), each with its default,
its bounds and a French explanation. The environment keeps only what the machine needs (settings.py).

Every service reads them when it acts (`current(session)`, or `ParameterService.current()` outside a
transaction): a change made in the gestion is what the next candidate meets, in every process. The rows are
written at the first start after the upgrade (`seed`), from the former ECANDIDAT_* variable when the
environment still sets it, so that an existing install keeps its values; the variable is not read after that.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.services import fields as field_rules
from ecandidat_ui.services import journal, rights
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.paging import Page, TableQuery, page_of_list
from ecandidat_ui.services.rights import Action, Actor
from models import Parameter
from models.clock import utcnow

log = logging.getLogger(__name__)

_PREFIX = re.compile(r"^[0-9A-Z]{0,2}$")
URL_MAX = 300


@dataclass(frozen=True)
class Parameters:
    """The values in force, typed; the defaults are those of a fresh install."""

    max_candidatures: int = 20
    max_candidatures_per_centre: int = 0
    upload_max_mb: int = 2
    ine_required: bool = False
    unvalidated_account_days: int = 5
    login_prefix: str = ""
    contact_mail: str = "contact.ecandidat@example.org"
    faq_url: str = ""
    documentation_url: str = ""
    dpo_mail: str = "dpo@example.org"
    retention_years: int = 1
    reminder_days: int = 3

    @property
    def upload_max_bytes(self) -> int:
        return self.upload_max_mb * 1024 * 1024


DEFAULTS = Parameters()


class Kind(StrEnum):
    INTEGER = "integer"
    BOOLEAN = "boolean"
    TEXT = "text"
    MAIL = "mail"
    URL = "url"


@dataclass(frozen=True)
class Definition:
    code: str
    kind: Kind
    minimum: int | None = None
    maximum: int | None = None

    @property
    def label(self) -> str:
        return messages.PARAMETERS[self.code][0]

    @property
    def explanation(self) -> str:
        return messages.PARAMETERS[self.code][1]

    @property
    def default(self) -> Any:
        return getattr(DEFAULTS, self.code)

    @property
    def environment_name(self) -> str:
        """The environment variable this parameter was before it moved to the gestion."""
        return f"ECANDIDAT_{self.code.upper()}"


DEFINITIONS: dict[str, Definition] = {
    definition.code: definition
    for definition in (
        Definition("max_candidatures", Kind.INTEGER, 1, 500),
        Definition("max_candidatures_per_centre", Kind.INTEGER, 0, 500),
        Definition("upload_max_mb", Kind.INTEGER, 1, 50),
        Definition("ine_required", Kind.BOOLEAN),
        Definition("unvalidated_account_days", Kind.INTEGER, 1, 365),
        Definition("login_prefix", Kind.TEXT),
        Definition("contact_mail", Kind.MAIL),
        Definition("faq_url", Kind.URL),
        Definition("documentation_url", Kind.URL),
        Definition("dpo_mail", Kind.MAIL),
        Definition("retention_years", Kind.INTEGER, 1, 10),
        Definition("reminder_days", Kind.INTEGER, 0, 30),
    )
}


@dataclass(frozen=True)
class ParameterView:
    """A parameter as the gestion shows it."""

    code: str
    label: str
    explanation: str
    kind: Kind
    value: Any
    default: Any
    minimum: int | None
    maximum: int | None
    updated_at: datetime | None

    @property
    def is_default(self) -> bool:
        return self.value == self.default


def parse(definition: Definition, raw: object) -> Any:
    """The typed value of what was typed (or read from the environment), or FieldError with the French message."""
    if definition.kind is Kind.BOOLEAN:
        return _boolean(raw)
    text = "" if raw is None else str(raw).strip()
    if definition.kind is Kind.INTEGER:
        return _integer(text, definition.minimum, definition.maximum)
    if definition.kind is Kind.MAIL:
        return field_rules.mail_address(text)
    if definition.kind is Kind.URL:
        return _url(text)
    prefix = text.upper()
    if not _PREFIX.match(prefix):
        raise field_rules.FieldError(messages.PARAMETER_BAD_PREFIX)
    return prefix


def stored_text(value: Any) -> str:
    """How a typed value is kept in its row."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def current(session: Session) -> Parameters:
    """The values in force, read in the caller's transaction. A row missing or unreadable gives the default."""
    values: dict[str, Any] = {}
    for row in session.exec(select(Parameter)).all():
        definition = DEFINITIONS.get(row.code)
        if definition is None:
            continue
        try:
            values[row.code] = parse(definition, row.value)
        except field_rules.FieldError:
            log.warning("parameter %s holds an unreadable value; its default is used", row.code)
    return replace(DEFAULTS, **values)


def store(session: Session, code: str, value: Any) -> Parameter:
    """Write a (checked) value in its row, created if need be."""
    row = session.get(Parameter, code) or Parameter(code=code, value="")
    row.value = stored_text(value)
    row.updated_at = utcnow()
    session.add(row)
    return row


class ParameterService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def current(self) -> Parameters:
        """The values in force, for a page or a service acting outside a transaction of its own."""
        with self.db.session() as session:
            return current(session)

    # --- the gestion screen ----------------------------------------------------------------------------

    def views(self, actor: Actor) -> list[ParameterView]:
        with self.db.session() as session:
            rights.check(session, actor, Action.EDIT_PARAMETERS)
            return _views(session)

    def page(self, actor: Actor, query: TableQuery) -> Page[dict[str, Any]]:
        """The parameters as rows of the gestion's table (searched and sorted in memory: there are a few)."""
        rows = [
            {
                "id": view.code,
                "label": view.label,
                "value": shown(view.kind, view.value),
                "default": shown(view.kind, view.default),
                "modified": messages.PARAMETER_NO if view.is_default else messages.PARAMETER_YES,
            }
            for view in self.views(actor)
        ]
        return page_of_list(rows, query, searchable=("label", "value"), sortable=("label", "value", "modified"))

    def view(self, actor: Actor, code: str) -> ParameterView:
        with self.db.session() as session:
            rights.check(session, actor, Action.EDIT_PARAMETERS)
            return _view(session, _definition(code))

    def update(self, actor: Actor, code: str, raw: object) -> ParameterView:
        """Set a parameter; InvalidInput({code: message}) when the value is refused."""
        definition = _definition(code)
        with self.db.session() as session:
            actor = rights.check(session, actor, Action.EDIT_PARAMETERS)
            try:
                value = parse(definition, raw)
            except field_rules.FieldError as error:
                raise InvalidInput({code: error.message}) from None
            return self._write(session, actor, definition, value, "parameter.update")

    def reset(self, actor: Actor, code: str) -> ParameterView:
        definition = _definition(code)
        with self.db.session() as session:
            actor = rights.check(session, actor, Action.EDIT_PARAMETERS)
            return self._write(session, actor, definition, definition.default, "parameter.reset")

    @staticmethod
    def _write(session: Session, actor: Actor, definition: Definition, value: Any, action: str) -> ParameterView:
        before = current(session)
        old = getattr(before, definition.code)
        if old != value:
            store(session, definition.code, value)
            journal.record(
                session,
                actor,
                action,
                ("parameter", definition.code),
                {"value": old},
                {"value": value},
                label=definition.label,
            )
            session.flush()
        return _view(session, definition)

    # --- first start ---------------------------------------------------------------------------------

    def seed(self, former: Mapping[str, str]) -> None:
        """Write the row of each parameter that has none: the value of its former environment variable when one
        is set and valid, else the default. A variable still set once its row exists is only logged."""
        try:
            with self.db.session() as session:
                known = set(session.exec(select(Parameter.code)).all())
                for code, definition in DEFINITIONS.items():
                    raw = former.get(code)
                    if code not in known:
                        store(session, code, self._seed_value(definition, raw))
                    elif raw is not None:
                        log.warning(
                            "%s n'est plus lu : ce paramètre se règle dans la gestion (Paramètres)",
                            definition.environment_name,
                        )
        except IntegrityError:  # another process of the platform, starting at the same time, wrote them
            log.info("the parameters were seeded by another process")

    @staticmethod
    def _seed_value(definition: Definition, raw: str | None) -> Any:
        if raw is None:
            return definition.default
        try:
            value = parse(definition, raw)
        except field_rules.FieldError as error:
            log.warning(
                "%s=%r refusé (%s) : la valeur par défaut est utilisée, à changer dans la gestion (Paramètres)",
                definition.environment_name,
                raw,
                error.message,
            )
            return definition.default
        log.info("%s repris dans les paramètres de la gestion : %r", definition.environment_name, value)
        return value


def shown(kind: Kind, value: Any) -> str:
    """A value as the gestion's table shows it."""
    if kind is Kind.BOOLEAN:
        return messages.PARAMETER_YES if value else messages.PARAMETER_NO
    return str(value) if value != "" else messages.PARAMETER_EMPTY


def _views(session: Session) -> list[ParameterView]:
    values = current(session)
    rows = {row.code: row for row in session.exec(select(Parameter)).all()}
    return [_view_of(definition, values, rows.get(definition.code)) for definition in DEFINITIONS.values()]


def _view(session: Session, definition: Definition) -> ParameterView:
    return _view_of(definition, current(session), session.get(Parameter, definition.code))


def _view_of(definition: Definition, values: Parameters, row: Parameter | None) -> ParameterView:
    return ParameterView(
        code=definition.code,
        label=definition.label,
        explanation=definition.explanation,
        kind=definition.kind,
        value=getattr(values, definition.code),
        default=definition.default,
        minimum=definition.minimum,
        maximum=definition.maximum,
        updated_at=row.updated_at if row else None,
    )


def _definition(code: str) -> Definition:
    definition = DEFINITIONS.get(code)
    if definition is None:
        raise Refused(messages.PARAMETER_UNKNOWN)
    return definition


def _boolean(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw or "").strip().lower()
    if text in {"true", "1", "yes", "on", "oui", "o"}:
        return True
    if text in {"false", "0", "no", "off", "non", "n", ""}:
        return False
    raise field_rules.FieldError(messages.PARAMETER_NOT_BOOLEAN)


def _integer(text: str, minimum: int | None, maximum: int | None) -> int:
    if not re.fullmatch(r"[+-]?\d{1,9}", text):
        raise field_rules.FieldError(messages.REQUIRED if not text else messages.PARAMETER_NOT_INTEGER)
    number = int(text)
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise field_rules.FieldError(messages.PARAMETER_BETWEEN.format(min=minimum, max=maximum))
    return number


def _url(text: str) -> str:
    if not text:
        return ""
    if len(text) > URL_MAX:
        raise field_rules.FieldError(messages.TOO_LONG.format(max=URL_MAX))
    if not re.fullmatch(r"https?://[^\s<>\"']+", text, flags=re.IGNORECASE):
        raise field_rules.FieldError(messages.PARAMETER_BAD_URL)
    return text.rstrip("/")
