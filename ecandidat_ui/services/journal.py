"""The journal (audit log): every staff write, who and when, with the values before and after.

`record` is called inside the transaction of the write it describes, so that the change and its line are kept
or lost together. Rows are never changed or deleted (the database refuses it). Reading it is an
administrator's right; the queries page on the server and use the indexes on (member, date), (object, date)
and date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, SQLModel, col, select

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.services import rights
from ecandidat_ui.services.rights import Action, Actor
from models import JournalEntry, StaffMember
from models.clock import PARIS

SECRETS = frozenset({"password_hash", "totp_secret", "totp_last_step", "token_hash", "code_hash"})
PAGE_MAX = 200


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    obj: SQLModel | tuple[str, object],
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    *,
    label: str = "",
) -> JournalEntry:
    """Add a line for a write made in this session's transaction. `obj` is the row changed (its table and
    primary key are kept) or (object type, id); `actor` None is the administration command."""
    object_type, object_id = _identify(obj)
    entry = JournalEntry(
        staff_id=actor.id if actor else None,
        actor_name=(actor.name if actor else messages.JOURNAL_COMMAND)[:120],
        action=action,
        object_type=object_type,
        object_id=str(object_id)[:100],
        object_label=label[:200],
        before=_json(before),
        after=_json(after),
    )
    session.add(entry)
    return entry


def snapshot(row: SQLModel, *, leave_out: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The values of a row as the journal keeps them (JSON), secrets left out."""
    return _json({name: value for name, value in row.model_dump().items() if name not in SECRETS | leave_out})


@dataclass(frozen=True)
class JournalFilter:
    """Each filter left at None keeps every row. Days are French calendar days, both included."""

    staff_id: int | None = None
    object_type: str | None = None
    object_id: str | None = None
    action: str | None = None
    from_day: date | None = None
    to_day: date | None = None


@dataclass(frozen=True)
class JournalPage:
    rows: list[JournalEntry]
    total: int
    offset: int
    limit: int


class JournalService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def page(
        self, actor: Actor, filters: JournalFilter = JournalFilter(), *, offset: int = 0, limit: int = 50
    ) -> JournalPage:
        """The newest lines first, one page of them, with the number of lines the filters keep."""
        offset, limit = max(0, offset), min(max(1, limit), PAGE_MAX)
        with self.db.session() as session:
            rights.check(session, actor, Action.READ_JOURNAL)
            conditions = _conditions(filters)
            total = session.exec(select(func.count()).select_from(JournalEntry).where(*conditions)).one()
            rows = session.exec(
                select(JournalEntry)
                .where(*conditions)
                .order_by(col(JournalEntry.at).desc(), col(JournalEntry.id).desc())
                .offset(offset)
                .limit(limit)
            ).all()
            return JournalPage(list(rows), total, offset, limit)

    def object_types(self, actor: Actor) -> list[str]:
        """The kinds of object the journal holds, for the filter's list."""
        with self.db.session() as session:
            rights.check(session, actor, Action.READ_JOURNAL)
            return list(session.exec(select(JournalEntry.object_type).distinct().order_by(JournalEntry.object_type)))

    def authors(self, actor: Actor) -> list[tuple[int, str]]:
        """The staff members, for the filter « Membre » (id, « Prénom NOM »)."""
        with self.db.session() as session:
            rights.check(session, actor, Action.READ_JOURNAL)
            rows = session.exec(
                select(StaffMember.id, StaffMember.first_name, StaffMember.last_name).order_by(
                    col(StaffMember.last_name), col(StaffMember.first_name), col(StaffMember.id)
                )
            ).all()
            return [(one, f"{first} {last}") for one, first, last in rows]


def _conditions(filters: JournalFilter) -> list:
    conditions = []
    if filters.staff_id is not None:
        conditions.append(JournalEntry.staff_id == filters.staff_id)
    if filters.object_type:
        conditions.append(JournalEntry.object_type == filters.object_type)
    if filters.object_id:
        conditions.append(JournalEntry.object_id == filters.object_id)
    if filters.action:
        conditions.append(JournalEntry.action == filters.action)
    if filters.from_day:
        conditions.append(JournalEntry.at >= _start_of(filters.from_day))
    if filters.to_day:
        conditions.append(JournalEntry.at < _start_of(filters.to_day + timedelta(days=1)))
    return conditions


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=PARIS)


def _identify(obj: SQLModel | tuple[str, object]) -> tuple[str, object]:
    if isinstance(obj, tuple):
        return obj
    table = obj.__table__
    key = [getattr(obj, column.name) for column in table.primary_key.columns]
    return table.name, key[0] if len(key) == 1 else "/".join(str(part) for part in key)


def _json(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _json(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_json(item) for item in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)
