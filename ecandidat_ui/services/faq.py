"""The questions and answers of the public Assistance page: written, ordered and deleted in the gestion (the
answers in Markdown, rendered safely). Default questions are put in once, by the migration that made the table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.services import fields, journal, rights
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.paging import Page, TableQuery, paginate
from ecandidat_ui.services.rights import Action, Actor
from ecandidat_ui.services.site_messages import markdown_text
from models import FaqEntry
from models.clock import utcnow

QUESTION_MAX = 300
ANSWER_MAX = 5000


@dataclass(frozen=True)
class FaqItem:
    id: int
    position: int
    question: str
    answer: str
    updated_at: datetime


class FaqService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def public(self) -> list[FaqItem]:
        """Every question in order, for the Assistance page."""
        with self.db.session() as session:
            rows = session.exec(select(FaqEntry).order_by(col(FaqEntry.position), col(FaqEntry.id))).all()
            return [_item(row) for row in rows]

    # --- the gestion screen ----------------------------------------------------------------------------

    def page(self, actor: Actor, query: TableQuery) -> Page[dict[str, Any]]:
        with self.db.session() as session:
            rights.check(session, actor, Action.EDIT_FAQ)
            page = paginate(
                session,
                select(FaqEntry),
                query,
                key=col(FaqEntry.id),
                sortable={"position": col(FaqEntry.position), "question": col(FaqEntry.question)},
                searchable=[col(FaqEntry.question), col(FaqEntry.answer)],
            )
            first, last = session.exec(select(func.min(FaqEntry.position), func.max(FaqEntry.position))).one()
        return page.map(
            lambda row: {
                "id": row.id,
                "position": row.position,
                "question": row.question,
                "first": row.position == first,
                "last": row.position == last,
            }
        )

    def item(self, actor: Actor, entry_id: int) -> FaqItem:
        with self.db.session() as session:
            rights.check(session, actor, Action.EDIT_FAQ)
            return _item(_entry(session, entry_id))

    def create(self, actor: Actor, question: str, answer: str) -> FaqItem:
        """A new question, placed last."""
        with self.db.session() as session:
            actor = rights.check(session, actor, Action.EDIT_FAQ)
            values = _checked(question, answer)
            row = FaqEntry(position=_last_position(session) + 1, **values)
            session.add(row)
            session.flush()
            journal.record(session, actor, "faq.create", row, after=journal.snapshot(row), label=row.question)
            return _item(row)

    def update(self, actor: Actor, entry_id: int, question: str, answer: str) -> FaqItem:
        with self.db.session() as session:
            actor = rights.check(session, actor, Action.EDIT_FAQ)
            values = _checked(question, answer)
            row = _entry(session, entry_id)
            if (row.question, row.answer) != (values["question"], values["answer"]):
                before = journal.snapshot(row)
                row.question, row.answer, row.updated_at = values["question"], values["answer"], utcnow()
                session.add(row)
                journal.record(session, actor, "faq.update", row, before, journal.snapshot(row), label=row.question)
            return _item(row)

    def delete(self, actor: Actor, entry_id: int) -> None:
        with self.db.session() as session:
            actor = rights.check(session, actor, Action.EDIT_FAQ)
            row = _entry(session, entry_id)
            journal.record(session, actor, "faq.delete", row, before=journal.snapshot(row), label=row.question)
            session.delete(row)

    def move(self, actor: Actor, entry_id: int, step: int) -> None:
        """Move a question one place up (step -1) or down (+1); nothing at either end."""
        with self.db.session() as session:
            actor = rights.check(session, actor, Action.EDIT_FAQ)
            row = _entry(session, entry_id)
            nearer = col(FaqEntry.position) < row.position if step < 0 else col(FaqEntry.position) > row.position
            order = col(FaqEntry.position).desc() if step < 0 else col(FaqEntry.position)
            neighbour = session.exec(select(FaqEntry).where(nearer).order_by(order).limit(1)).first()
            if neighbour is None:
                return
            before = {"position": row.position}
            row.position, neighbour.position = neighbour.position, row.position
            session.add_all([row, neighbour])
            journal.record(session, actor, "faq.move", row, before, {"position": row.position}, label=row.question)


def _checked(question: str, answer: str) -> dict[str, str]:
    values, errors = fields.collect(
        {
            "question": lambda: fields.required_text(question, QUESTION_MAX),
            "answer": lambda: markdown_text(answer, ANSWER_MAX, required=True),
        }
    )
    if errors:
        raise InvalidInput(errors)
    return values


def _entry(session: Session, entry_id: int) -> FaqEntry:
    row = session.get(FaqEntry, entry_id)
    if row is None:
        raise Refused(messages.FAQ_UNKNOWN)
    return row


def _last_position(session: Session) -> int:
    return session.exec(select(func.coalesce(func.max(FaqEntry.position), 0))).one()


def _item(row: FaqEntry) -> FaqItem:
    return FaqItem(row.id, row.position, row.question, row.answer, row.updated_at)
