"""Calendar arithmetic that holds on every day of the year, 29 February included, and French time for people.

Times are stored in UTC (SQLite gives them back without their zone); people read them in Europe/Paris time,
whatever the server's own zone.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import func

from models.candidature import Candidature
from models.clock import in_paris
from models.offer import Formation


def add_years(day: date, years: int) -> date:
    """The same day `years` later (earlier when negative); 29 February gives 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February of a leap year, in a common year
        return day.replace(year=day.year + years, day=28)


def date_time(value: datetime | None) -> str:
    """« 05/03/2027 14:07 », French time; empty for no time."""
    return "" if value is None else in_paris(value).strftime("%d/%m/%Y %H:%M")


def confirmation_deadline(
    decision_validated_at: datetime | None,
    confirm_by: date | None,
    delay_days: int | None,
    individual: date | None = None,
):
    """« Date limite de confirmation »: the candidature's individual date when staff gave one, else the
    formation's date, or its delay after the decision was validated (the day in French time); None when the
    formation sets neither."""
    if individual:
        return individual
    if confirm_by:
        return confirm_by
    if delay_days and decision_validated_at:
        return in_paris(decision_validated_at).date() + timedelta(days=delay_days)
    return None


# --- a candidature's deadlines: the ONE place that says which date holds -----------------------------------------


def return_date(candidature: Candidature, formation: Formation) -> date:
    """« Date limite de retour » of this candidature: its individual date when staff gave one (« Date de retour
    individuelle »), else the formation's return date, else its closing date."""
    return candidature.individual_return_by or formation.return_by or formation.closes_on


def return_date_sql():
    """`return_date` in SQL, for a query joining Candidature and Formation."""
    return func.coalesce(Candidature.individual_return_by, Formation.return_by, Formation.closes_on)


def confirmation_date(candidature: Candidature, formation: Formation) -> date | None:
    """« Date limite de confirmation » of this candidature (see `confirmation_deadline`)."""
    return confirmation_deadline(
        candidature.decision_validated_at,
        formation.confirm_by,
        formation.confirm_delay_days,
        candidature.individual_confirm_by,
    )


def formation_return_date(formation: Formation) -> date:
    """The formation's own return date (what an individual date must be later than)."""
    return formation.return_by or formation.closes_on


def formation_confirmation_date(candidature: Candidature, formation: Formation) -> date | None:
    """The formation's own confirmation deadline for this candidature, its individual date left aside."""
    return confirmation_deadline(candidature.decision_validated_at, formation.confirm_by, formation.confirm_delay_days)
