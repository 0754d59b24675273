"""What the set-up services of the offer share: the rights of an actor over lists, the journal's snapshots, the
refusal of an unknown row, and the result of a change made to many rows at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import ColumnElement, false, true
from sqlmodel import Session, SQLModel, col

from ecandidat_ui import messages
from ecandidat_ui.services import rights
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.rights import Action, Actor, Visibility

Row = TypeVar("Row", bound=SQLModel)


def visibility(session: Session, actor: Actor | int, action: Action) -> tuple[Actor, Visibility]:
    """The actor as they are now, and where they may do the action; Refused when nowhere (for the lists, which
    have no single centre to check)."""
    fresh = rights.signed_in(session, actor)
    seen = rights.visible(fresh, action)
    if seen.nothing:
        raise Refused(rights.refusal(fresh, action) or messages.RIGHT_REFUSED.format(action=action.label))
    return fresh, seen


def centre_condition(seen: Visibility, centre_column) -> ColumnElement[bool]:
    """The centres shown to an actor: wholly theirs, or holding one of their commissions."""
    if seen.everything:
        return true()
    ids = sorted(seen.centre_ids | seen.partial_centre_ids)
    return col(centre_column).in_(ids) if ids else false()


def found(session: Session, model: type[Row], row_id: object, unknown: str) -> Row:
    """The row, or Refused(unknown) — also for an id that is not a number (a typed address)."""
    try:
        row = session.get(model, int(row_id))
    except (TypeError, ValueError):
        row = None
    if row is None:
        raise Refused(unknown)
    return row


@dataclass(frozen=True)
class RefusedRow:
    id: int
    name: str  # « CODE — Libellé »
    reason: str


@dataclass
class BulkResult:
    """A change asked for many rows: those changed, and those refused with their reason (nothing is half-done
    to a row)."""

    changed: list[int] = field(default_factory=list)
    refused: list[RefusedRow] = field(default_factory=list)
