from datetime import datetime

from sqlmodel import Field, SQLModel

from models.clock import utcnow


class UserSession(SQLModel, table=True):
    """A signed-in browser. The browser's server-side storage holds only this row's random id."""

    id: str = Field(primary_key=True, max_length=64)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    created_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime = Field(default_factory=utcnow)


class ThrottleEvent(SQLModel, table=True):
    """One counted action (a failed sign-in, a mail asked for), to limit how often it may happen again.

    Kept in the database so that every process of the platform counts the same; see services/throttle.py.
    """

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=120, index=True, description="what is counted, e.g. 'sign-in@<address>'")
    at: datetime = Field(default_factory=utcnow, index=True)
