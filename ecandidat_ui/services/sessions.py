"""Signed-in browsers: a random id per sign-in, ended by sign-out, by inactivity or after a long day.

A service method acting for a person receives the *actor*: the session id of the browser the action comes from,
and calls `SessionService.check` (in its own transaction) before doing anything. That one function says whether
the session still stands; when it does not, it raises SessionEnded and nothing is done.

Only the SHA-256 of a session id is stored, so a copy of the database opens no session. A sign-in does not give
the session id to the code that checked the password (a websocket handler, which cannot set a cookie): it gives a
hand-over token, single-use and valid for seconds, that the HTTP route setting the cookie exchanges for the id
(see ecandidat_ui/web_session.py).
"""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, SQLModel, col, delete, or_, update

from ecandidat_ui import security
from ecandidat_ui.db import Database
from models import Account, UserSession
from models.clock import utcnow
from models.session import SessionRow

IDLE_TIMEOUT = timedelta(minutes=30)
ABSOLUTE_TIMEOUT = timedelta(hours=12)
HANDOVER_LIFETIME = timedelta(seconds=30)
TOUCH_EVERY = timedelta(minutes=1)


class SessionEnded(Exception):
    """The actor's session is unknown, signed out or expired: nothing was done, the person must sign in again."""


class SessionService:
    """Sessions of one kind of account. Candidates: UserSession rows of Account; the staff will pass their own
    table (a SessionRow with an `account_id`) and account model."""

    def __init__(self, db: Database, rows: type[SessionRow] = UserSession, accounts: type[SQLModel] = Account) -> None:
        self.db = db
        self.rows = rows
        self.accounts = accounts

    # --- signing in ----------------------------------------------------------------------------------

    def open(self, session: Session, account_id: int) -> str:
        """Begin a sign-in in the caller's transaction; returns the hand-over token for take_handover()."""
        token = security.new_token()
        session.add(
            self.rows(
                id=security.token_digest(token), account_id=account_id, handover_until=utcnow() + HANDOVER_LIFETIME
            )
        )
        return token

    def take_handover(self, token: str) -> str | None:
        """Exchange a hand-over token, once and in time, for the id of a new session; None otherwise."""
        if not token:
            return None
        session_id = security.new_session_id()
        now = utcnow()
        rows = self.rows
        with self.db.session() as session:
            taken = session.exec(
                update(rows)
                .where(col(rows.id) == security.token_digest(token), col(rows.handover_until) >= now)
                .values(id=security.token_digest(session_id), handover_until=None, created_at=now, last_seen_at=now)
            )
            return session_id if taken.rowcount == 1 else None

    def start(self, account_id: int) -> str:
        """A session opened at once, without any browser (tools and tests)."""
        with self.db.session() as session:
            token = self.open(session, account_id)
        session_id = self.take_handover(token)
        assert session_id is not None
        return session_id

    # --- checking ------------------------------------------------------------------------------------

    def check(self, session: Session, session_id: str | None) -> Account:
        """The account acting with this session id, in the caller's transaction; raises SessionEnded when the
        session is unknown, signed out, idle for too long or too old."""
        row = session.get(self.rows, security.token_digest(session_id)) if session_id else None
        now = utcnow()
        if (
            row is None
            or row.handover_until is not None
            or now - row.last_seen_at > IDLE_TIMEOUT
            or now - row.created_at > ABSOLUTE_TIMEOUT
        ):
            raise SessionEnded
        account = session.get(self.accounts, row.account_id)
        if account is None:
            raise SessionEnded
        if now - row.last_seen_at > TOUCH_EVERY:
            row.last_seen_at = now
        return account

    def require(self, session_id: str | None) -> Account:
        """check() in a transaction of its own, for a method that reads before it writes."""
        with self.db.session() as session:
            return self.check(session, session_id)

    def account_for(self, session_id: str | None) -> Account | None:
        """The account signed in with this session id, or None: what a page shows."""
        try:
            return self.require(session_id)
        except SessionEnded:
            return None

    # --- ending --------------------------------------------------------------------------------------

    def close(self, session_id: str | None) -> None:
        if session_id:
            with self.db.session() as session:
                session.exec(delete(self.rows).where(col(self.rows.id) == security.token_digest(session_id)))

    def end_all(self, session: Session, account_id: int) -> None:
        session.exec(delete(self.rows).where(col(self.rows.account_id) == account_id))

    def end_others(self, session: Session, account_id: int, kept: str) -> None:
        """End every session of the account but the one given (a password changed from it)."""
        rows = self.rows
        session.exec(
            delete(rows).where(col(rows.account_id) == account_id, col(rows.id) != security.token_digest(kept))
        )

    def delete_expired(self) -> None:
        now = utcnow()
        rows = self.rows
        with self.db.session() as session:
            session.exec(
                delete(rows).where(
                    or_(
                        col(rows.last_seen_at) < now - IDLE_TIMEOUT,
                        col(rows.created_at) < now - ABSOLUTE_TIMEOUT,
                        col(rows.handover_until) < now,
                    )
                )
            )
