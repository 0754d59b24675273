"""Whether a staff member's browser session still stands: the one check of the staff's sessions, made by
`StaffService.actor_for` when a page opens and by `rights.check` at the start of every staff action, in the
action's own transaction — a session signed out, idle for 30 minutes, older than 12 hours or of a member since
deactivated acts no more.
"""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session

from ecandidat_ui import messages
from models import StaffMember, StaffSession
from models.clock import utcnow

IDLE_TIMEOUT = timedelta(minutes=30)
ABSOLUTE_TIMEOUT = timedelta(hours=12)
TOUCH_EVERY = timedelta(minutes=1)


class StaffSessionEnded(Exception):
    """The browser's staff session is unknown, expired or its member deactivated: nothing was done, the person
    must sign in again. Not a Refused: pages do not show it at a field; the page's handler sends the tab to the
    sign-in (ecandidat_ui/gestion_session.py)."""

    def __init__(self, message: str = messages.SESSION_EXPIRED) -> None:
        super().__init__(message)
        self.message = message


def check(session: Session, session_id: str | None, staff_id: int | None = None) -> StaffSession:
    """The session row, touched at most once a minute; StaffSessionEnded when it no longer stands (or belongs to
    another member than `staff_id`)."""
    if not session_id:
        raise StaffSessionEnded(messages.STAFF_SIGN_IN_REQUIRED)
    row = session.get(StaffSession, session_id)
    now = utcnow()
    if row is None or (staff_id is not None and row.staff_id != staff_id):
        raise StaffSessionEnded
    if now - row.last_seen_at > IDLE_TIMEOUT or now - row.created_at > ABSOLUTE_TIMEOUT:
        raise StaffSessionEnded
    member = session.get(StaffMember, row.staff_id)
    if member is None or not member.active:
        raise StaffSessionEnded(messages.STAFF_INACTIVE)
    if now - row.last_seen_at > TOUCH_EVERY:
        row.last_seen_at = now
    return row
