"""Which account this browser is signed in as. Server-side storage holds only a random session id."""

from __future__ import annotations

from nicegui import app

from ecandidat_ui.services.sessions import SessionService
from models import Account

KEY = "session"


def current_account(sessions: SessionService) -> Account | None:
    session_id = app.storage.user.get(KEY)
    account = sessions.account_for(session_id)
    if account is None and session_id:
        app.storage.user.pop(KEY, None)
    return account


def remember(session_id: str) -> None:
    app.storage.user[KEY] = session_id


def forget(sessions: SessionService) -> None:
    sessions.close(app.storage.user.pop(KEY, None))


def session_id() -> str | None:
    return app.storage.user.get(KEY)
