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


class ThrottleEvent(SQLModel, table=True):
    """One counted action (a failed sign-in, a mail asked for), to limit how often it may happen again.

    Kept in the database so that every process of the platform counts the same; see services/throttle.py.
    """

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=120, index=True, description="what is counted, e.g. 'sign-in@<address>'")
    at: datetime = Field(default_factory=utcnow, index=True)
