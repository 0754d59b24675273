"""How the gestion's screens write times and journal lines for people."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


def date_time(value: datetime | None) -> str:
    """« 05/03/2027 14:07 », French time (a time read back without its zone is UTC, as stored)."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(PARIS).strftime("%d/%m/%Y %H:%M")
