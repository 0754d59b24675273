from datetime import datetime

from sqlmodel import Field, SQLModel

from models.clock import utcnow


class UserSession(SQLModel, table=True):
    """A signed-in browser. The browser's server-side storage holds only this row's random id."""

    id: str = Field(primary_key=True, max_length=64)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    created_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime = Field(default_factory=utcnow)


class LoginFailure(SQLModel, table=True):
    """One failed sign-in, counted per account and per client address to slow down guessing."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=120, index=True, description="'account:<id>' or 'ip:<address>'")
    at: datetime = Field(default_factory=utcnow, index=True)
