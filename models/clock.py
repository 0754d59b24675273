"""Times are aware and in UTC (SQLModel stores them as timestamps with time zone)."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)
