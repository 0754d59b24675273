"""The candidate's deadlines as an iCalendar file (« Ajouter à mon agenda »), written with the icalendar
library (RFC 5545: escaping, folding, time zones): the return date of each candidature still to transmit, the
confirmation date of each admission not answered, the date of a présélection. Each event keeps its UID, so that
importing the file again updates the agenda instead of doubling it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from ecandidat_ui import messages
from ecandidat_ui.services.candidatures import CandidatureView

PARIS = ZoneInfo("Europe/Paris")
PRESELECTION_LENGTH = timedelta(hours=1)


def candidate_calendar(views: list[CandidatureView], institution: str, link) -> bytes:
    """`link(path)` gives the platform's address of a page."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{institution}//eCandidat//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", messages.CALENDAR_NAME.format(institution=institution))
    for view in views:
        if view.archived or view.candidature.withdrawn_at is not None:
            continue
        for kind, summary, start, place in _deadlines(view):
            event = Event()
            event.add("uid", f"candidature-{view.candidature.id}-{kind}@ecandidat")
            event.add("summary", summary)
            event.add("dtstart", start)
            if isinstance(start, datetime):
                event.add("dtend", start + PRESELECTION_LENGTH)
            else:
                event.add("dtend", start + timedelta(days=1))
            event.add("dtstamp", datetime.now(tz=PARIS))
            if place:
                event.add("location", place)
            event.add("description", link(f"/compte/candidatures/{view.candidature.id}"))
            calendar.add_component(event)
    return calendar.to_ical()


def _deadlines(view: CandidatureView) -> list[tuple[str, str, date | datetime, str]]:
    candidature, formation = view.candidature, view.formation
    found: list[tuple[str, str, date | datetime, str]] = []
    if view.editable and formation.paperless:  # still the candidate's to complete and transmit
        found.append(("retour", messages.CALENDAR_RETURN_BY.format(formation=formation.label), view.return_by, ""))
    if view.decision_shown == "Favorable" and candidature.confirmed_at is None and view.confirm_deadline:
        summary = messages.CALENDAR_CONFIRM_BY.format(formation=formation.label)
        found.append(("confirmation", summary, view.confirm_deadline, ""))
    if view.decision_shown == "Présélection" and formation.preselection_on:
        start: date | datetime = formation.preselection_on
        if formation.preselection_time:
            hours, minutes = (int(part) for part in formation.preselection_time.split(":"))
            start = datetime.combine(formation.preselection_on, time(hours, minutes), tzinfo=PARIS)
        summary = messages.CALENDAR_PRESELECTION.format(formation=formation.label)
        found.append(("preselection", summary, start, formation.preselection_place))
    return found
