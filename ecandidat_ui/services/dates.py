"""Calendar arithmetic that holds on every day of the year, 29 February included, and French time for people.

Times are stored in UTC (SQLite gives them back without their zone); people read them in Europe/Paris time,
whatever the server's own zone.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from models.clock import in_paris


def add_years(day: date, years: int) -> date:
    """The same day `years` later (earlier when negative); 29 February gives 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February of a leap year, in a common year
        return day.replace(year=day.year + years, day=28)


def date_time(value: datetime | None) -> str:
    """« 05/03/2027 14:07 », French time; empty for no time."""
    return "" if value is None else in_paris(value).strftime("%d/%m/%Y %H:%M")


def confirmation_deadline(decision_validated_at: datetime | None, confirm_by: date | None, delay_days: int | None):
    """« Date limite de confirmation »: the formation's date, or its delay after the decision was validated (the
    day in French time); None when the formation sets neither."""
    if confirm_by:
        return confirm_by
    if delay_days and decision_validated_at:
        return in_paris(decision_validated_at).date() + timedelta(days=delay_days)
    return None
