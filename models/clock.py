"""Times are aware and in UTC (SQLModel stores them as timestamps with time zone; SQLite gives them back without
their zone). People read them in French time, Europe/Paris, whatever the server's own zone."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


def utcnow() -> datetime:
    return datetime.now(UTC)


def in_paris(value: datetime) -> datetime:
    """A stored time in French time (one read back without its zone is UTC, as stored)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(PARIS)
