from datetime import datetime

from sqlmodel import Field, SQLModel

from models.clock import utcnow


class SessionRow(SQLModel):
    """What a signed-in session keeps, whatever kind of account it is for (see services/sessions.py).

    The id is the SHA-256 of the random session id the browser's cookie carries, never the id itself. While a
    sign-in waits for its browser to fetch the cookie, the row is keyed by its hand-over token instead and
    `handover_until` says how long that token may be exchanged.
    """

    id: str = Field(primary_key=True, max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime = Field(default_factory=utcnow)
    handover_until: datetime | None = Field(default=None)


class UserSession(SessionRow, table=True):
    """A browser signed in as a candidate."""

    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")


class LoginFailure(SQLModel, table=True):
    """One failed sign-in, counted per account and per client address to slow down guessing."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=120, index=True, description="'account:<id>' or 'ip:<address>'")
    at: datetime = Field(default_factory=utcnow, index=True)
