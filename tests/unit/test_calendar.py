"""« Ajouter à mon agenda »: the candidate's deadlines as an iCalendar file, read back with icalendar."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar
from sqlmodel import select

from ecandidat_ui.platform import Platform
from ecandidat_ui.services.calendar import candidate_calendar
from ecandidat_ui.services.offer_import import apply_offer
from ecandidat_ui.services.review import Decision
from models import Formation
from tests.sessions import actor
from tests.unit.test_candidatures import TODAY, formation_id, offer, ready_candidate


def _events(platform: Platform, account_id: int) -> dict[str, object]:
    views = platform.candidatures.list(account_id)
    content = candidate_calendar(views, "Université Esup", platform.settings.link)
    calendar = Calendar.from_ical(content)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_the_agenda_holds_each_deadline_still_ahead(platform: Platform):
    return_by = TODAY + timedelta(days=20)
    apply_offer(platform.db, offer(TODAY - timedelta(days=10), TODAY + timedelta(days=10), return_by))
    account = ready_candidate(platform)
    me = actor(platform, account)
    info = platform.candidatures.apply(me, formation_id(platform), TODAY)
    data = platform.candidatures.apply(me, formation_id(platform, "M1-DATA"), TODAY)

    events = _events(platform, account.id)
    assert set(events) == {"Date limite de retour : Master Informatique", "Date limite de retour : Master Données"}
    returning = events["Date limite de retour : Master Informatique"]
    assert returning.decoded("dtstart") == return_by
    assert str(returning["uid"]) == f"candidature-{info.id}-retour@ecandidat"
    assert f"/compte/candidatures/{info.id}" in str(returning["description"])

    with platform.db.session() as session:
        formation = session.exec(select(Formation).where(Formation.code == "M1-DATA")).one()
        formation.confirm_by = TODAY + timedelta(days=40)
        formation.preselection_on = TODAY + timedelta(days=15)
        formation.preselection_time = "14:30"
        formation.preselection_place = "Bâtiment A, salle 12 ; entrée nord"
        session.add(formation)
    platform.review.record_decision(data.id, Decision.PRESELECTION)
    platform.review.validate_decision(data.id)
    events = _events(platform, account.id)
    preselection = events["Présélection : Master Données"]
    start = preselection.decoded("dtstart")
    assert start == datetime.combine(TODAY + timedelta(days=15), datetime.min.time(), ZoneInfo("Europe/Paris")).replace(
        hour=14, minute=30
    )
    assert str(preselection["location"]) == "Bâtiment A, salle 12 ; entrée nord"  # escaped, then read back whole

    platform.review.record_decision(data.id, Decision.FAVORABLE)
    platform.review.validate_decision(data.id)
    events = _events(platform, account.id)
    assert events["Date limite de confirmation : Master Données"].decoded("dtstart") == TODAY + timedelta(days=40)
    assert "Présélection : Master Données" not in events
