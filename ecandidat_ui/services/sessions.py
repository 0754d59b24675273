"""Signed-in browsers: a random id per sign-in, ended by sign-out, by inactivity or after a long day."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, delete, or_

from ecandidat_ui import security
from ecandidat_ui.db import Database
from models import Account, UserSession
from models.clock import utcnow

IDLE_TIMEOUT = timedelta(minutes=30)
ABSOLUTE_TIMEOUT = timedelta(hours=12)
TOUCH_EVERY = timedelta(minutes=1)


class SessionService:
    def __init__(self, db: Database) -> None:
        self.db = db

    @staticmethod
    def open(session: Session, account_id: int) -> str:
        session_id = security.new_session_id()
        session.add(UserSession(id=session_id, account_id=account_id))
        return session_id

    def account_for(self, session_id: str | None) -> Account | None:
        """The account signed in with this session id, or None when unknown or expired (then deleted)."""
        if not session_id:
            return None
        now = utcnow()
        with self.db.session() as session:
            row = session.get(UserSession, session_id)
            if row is None:
                return None
            if now - row.last_seen_at > IDLE_TIMEOUT or now - row.created_at > ABSOLUTE_TIMEOUT:
                session.delete(row)
                return None
            if now - row.last_seen_at > TOUCH_EVERY:
                row.last_seen_at = now
            return session.get(Account, row.account_id)

    def close(self, session_id: str | None) -> None:
        if session_id:
            with self.db.session() as session:
                session.exec(delete(UserSession).where(UserSession.id == session_id))

    @staticmethod
    def end_all(session: Session, account_id: int) -> None:
        session.exec(delete(UserSession).where(UserSession.account_id == account_id))

    def delete_expired(self) -> None:
        now = utcnow()
        with self.db.session() as session:
            session.exec(
                delete(UserSession).where(
                    or_(
                        UserSession.last_seen_at < now - IDLE_TIMEOUT,
                        UserSession.created_at < now - ABSOLUTE_TIMEOUT,
                    )
                )
            )
