"""The staff's browser sessions: the candidates' mechanism (services/sessions.py: hashed ids, a hand-over token at
sign-in, 30 idle minutes, 12 hours) over a table of their own, and the one check made by `StaffService.actor_for`
when a page opens and by `rights.check` at the start of every staff action, in the action's own transaction — a
session signed out, idle, too old, of a member since deactivated, or another member's acts no more.
"""

from __future__ import annotations

from sqlmodel import Session

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.services.sessions import ABSOLUTE_TIMEOUT, IDLE_TIMEOUT, SessionEnded, SessionService
from models import StaffMember, StaffSession

__all__ = ["ABSOLUTE_TIMEOUT", "IDLE_TIMEOUT", "StaffSessionEnded", "check", "staff_sessions"]


class StaffSessionEnded(SessionEnded):
    """The browser's staff session is unknown, expired or its member deactivated: nothing was done, the person
    must sign in again. A SessionEnded: the page's handler (the staff's SessionCookie) sends the tab to the
    sign-in; pages never show it at a field."""

    def __init__(self, message: str = messages.SESSION_EXPIRED) -> None:
        super().__init__(message)
        self.message = message


def staff_sessions(db: Database | None) -> SessionService:
    return SessionService(db, rows=StaffSession, accounts=StaffMember)


_CHECKER = staff_sessions(None)  # check() works in the caller's transaction: no database of its own


def check(session: Session, session_id: str | None, staff_id: int | None = None) -> StaffMember:
    """The member acting with this session id (touched at most once a minute); StaffSessionEnded when it no
    longer stands or belongs to another member than `staff_id`."""
    if not session_id:
        raise StaffSessionEnded(messages.STAFF_SIGN_IN_REQUIRED)
    try:
        member = _CHECKER.check(session, session_id)
    except SessionEnded:
        raise StaffSessionEnded from None
    if staff_id is not None and member.id != staff_id:
        raise StaffSessionEnded
    if not member.active:
        raise StaffSessionEnded(messages.STAFF_INACTIVE)
    return member
