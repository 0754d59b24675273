"""Calendar arithmetic that holds on every day of the year, 29 February included."""

from __future__ import annotations

from datetime import date


def add_years(day: date, years: int) -> date:
    """The same day `years` later (earlier when negative); 29 February gives 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February of a leap year, in a common year
        return day.replace(year=day.year + years, day=28)
