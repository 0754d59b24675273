"""The institution's messages to every visitor: the home message, and a maintenance message shown at the top of
every candidate page while it is not empty. Markdown, checked at save (`markdown_text`) and rendered safely
(`ecandidat_ui.markdown`)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from ecandidat_ui import markdown, messages
from ecandidat_ui.db import Database
from ecandidat_ui.services import fields, journal, rights
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.paging import Page, TableQuery, page_of_list
from ecandidat_ui.services.rights import Action, Actor
from models import SiteMessage
from models.clock import utcnow

log = logging.getLogger(__name__)

HOME = "home"
MAINTENANCE = "maintenance"
TEXT_MAX = 5000
DEFAULT_HOME = (
    "**Bienvenue sur l'application eCandidat.**\n\n"
    "Avant toute candidature, consultez l'offre de formation et soyez attentif aux dates de début "
    "et de fin de dépôt des candidatures."
)
DEFAULTS = {HOME: DEFAULT_HOME, MAINTENANCE: ""}


@dataclass(frozen=True)
class MessageView:
    code: str
    title: str
    purpose: str
    text: str
    updated_at: datetime | None


def markdown_text(value: str | None, max_length: int, *, required: bool = False) -> str:
    """Markdown typed by staff, as it is kept: line ends unified, blanks trimmed at both ends, links checked."""
    text = (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if required and not text:
        raise fields.FieldError(messages.REQUIRED)
    if len(text) > max_length:
        raise fields.FieldError(messages.TOO_LONG.format(max=max_length))
    if refused := markdown.refused_links(text):
        raise fields.FieldError(messages.MARKDOWN_REFUSED_LINK.format(links=", ".join(refused)))
    return text


class SiteMessageService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- what visitors see -----------------------------------------------------------------------------

    def home(self) -> str:
        return self._text(HOME)

    def maintenance(self) -> str:
        """The maintenance message, empty when none is set."""
        return self._text(MAINTENANCE)

    def _text(self, code: str) -> str:
        with self.db.session() as session:
            row = session.get(SiteMessage, code)
            return row.text if row is not None else DEFAULTS[code]

    # --- the gestion screen ----------------------------------------------------------------------------

    def views(self, actor: Actor) -> list[MessageView]:
        with self.db.session() as session:
            rights.check(session, actor, Action.EDIT_MESSAGES)
            return [_view(session, code) for code in DEFAULTS]

    def page(self, actor: Actor, query: TableQuery) -> Page[dict[str, Any]]:
        rows = [
            {
                "id": view.code,
                "title": view.title,
                "purpose": view.purpose,
                "text": _preview(view.text) or messages.SITE_MESSAGE_NONE,
            }
            for view in self.views(actor)
        ]
        return page_of_list(rows, query, searchable=("title", "text"), sortable=("title",))

    def view(self, actor: Actor, code: str) -> MessageView:
        _known(code)
        with self.db.session() as session:
            rights.check(session, actor, Action.EDIT_MESSAGES)
            return _view(session, code)

    def update(self, actor: Actor, code: str, text: str) -> MessageView:
        """Save a message (an empty maintenance message is no message); InvalidInput({"text": …}) if refused."""
        _known(code)
        with self.db.session() as session:
            actor = rights.check(session, actor, Action.EDIT_MESSAGES)
            try:
                cleaned = markdown_text(text, TEXT_MAX)
            except fields.FieldError as error:
                raise InvalidInput({"text": error.message}) from None
            row = session.get(SiteMessage, code) or SiteMessage(code=code, text=DEFAULTS[code])
            if row.text != cleaned:
                before = row.text
                row.text, row.updated_at = cleaned, utcnow()
                session.add(row)
                journal.record(
                    session,
                    actor,
                    "message.update",
                    ("sitemessage", code),
                    {"text": before},
                    {"text": cleaned},
                    label=messages.SITE_MESSAGES[code][0],
                )
                session.flush()
            return _view(session, code)

    # --- first start ---------------------------------------------------------------------------------

    def seed(self, former_home_message: str | None) -> None:
        """The rows of the messages at the first start; the home message from ECANDIDAT_HOME_MESSAGE when it was
        set, so that an existing install keeps its text."""
        try:
            with self.db.session() as session:
                for code, default in DEFAULTS.items():
                    if session.get(SiteMessage, code) is not None:
                        if code == HOME and former_home_message is not None:
                            log.warning("ECANDIDAT_HOME_MESSAGE n'est plus lu : le message se règle dans la gestion")
                        continue
                    text = former_home_message if code == HOME and former_home_message is not None else default
                    session.add(SiteMessage(code=code, text=text.strip()))
        except IntegrityError:  # another process of the platform, starting at the same time, wrote them
            log.info("the site messages were seeded by another process")


def _view(session: Session, code: str) -> MessageView:
    row = session.get(SiteMessage, code)
    title, purpose = messages.SITE_MESSAGES[code]
    return MessageView(
        code, title, purpose, row.text if row else DEFAULTS[code], row.updated_at if row is not None else None
    )


def _known(code: str) -> None:
    if code not in DEFAULTS:
        raise Refused(messages.SITE_MESSAGE_UNKNOWN)


def _preview(text: str, length: int = 120) -> str:
    """The start of a message on one line, for the table."""
    line = " ".join(text.split())
    return line if len(line) <= length else line[: length - 1] + "…"
