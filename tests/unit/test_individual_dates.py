"""« Date de retour / de confirmation individuelle » (BACKOFFICE §3) on a selection of the gestion's
« Candidatures », on a real database: the date checked (after today, after the formation's), each row's right
(Action.SET_DATES), one journal line and one history line per row, no mail — then every place that reads a
candidature's deadline reads the individual one: the transmit check, the reminders, the agenda, the home cards,
the letter."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from icalendar import Calendar
from pypdf import PdfReader
from sqlmodel import func, select

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.calendar import candidate_calendar
from ecandidat_ui.services.candidate_dashboard import cards
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.review import Decision, IndividualDate
from ecandidat_ui.services.rights import Actor, Role
from models import Account, Candidature, CandidatureEvent, JournalEntry, OutboxMail, Reminder
from tests.review_world import World, review_world
from tests.sessions import actor
from tests.unit.test_candidature_review import admin as admin  # the fixture
from tests.unit.test_candidature_review import member

TODAY = date.today()
FORMATION_CLOSES = TODAY + timedelta(days=20)  # review_world's formations: no return date, so their closing date


@pytest.fixture
def world(platform: Platform) -> World:
    return review_world(platform, TODAY)


def _candidature(platform: Platform, candidature_id: int) -> Candidature:
    with platform.db.session() as session:
        return session.get(Candidature, candidature_id)


def _count(platform: Platform, model) -> int:
    with platform.db.session() as session:
        return session.exec(select(func.count()).select_from(model)).one()


def _journal(platform: Platform, action: str) -> list[JournalEntry]:
    with platform.db.session() as session:
        return list(session.exec(select(JournalEntry).where(JournalEntry.action == action)))


def test_the_date_is_checked_at_its_field(platform: Platform, admin: Actor, world: World):
    paul = world.candidatures["paul"]
    review = platform.review
    with pytest.raises(InvalidInput) as junk:
        review.set_individual_date(admin, [paul], IndividualDate.RETURN, "31/02/2027", TODAY)
    assert junk.value.errors == {"date": messages.INDIVIDUAL_DATE_INVALID}
    with pytest.raises(InvalidInput) as past:
        review.set_individual_date(admin, [paul], IndividualDate.RETURN, TODAY.isoformat(), TODAY)
    assert past.value.errors == {"date": messages.INDIVIDUAL_DATE_PAST}
    with pytest.raises(Refused):
        review.set_individual_date(admin, [paul], "autre", "", TODAY)
    with pytest.raises(Refused):
        review.set_individual_date(admin, [], IndividualDate.RETURN, "", TODAY)


def test_an_individual_return_date_on_a_selection_rights_journal_history_and_no_mail(
    platform: Platform, admin: Actor, world: World
):
    c = world.candidatures
    later = FORMATION_CLOSES + timedelta(days=5)
    masters = member(
        platform, admin, "m@example.org", Role.COMMISSION_MEMBER, commission_id=world.commissions["SCI-MASTERS"]
    )
    refused = platform.review.set_individual_date(masters, [c["paul"]], IndividualDate.RETURN, later, TODAY)
    assert refused.changed == [] and "droit" in refused.refused[0].reason
    manager = member(platform, admin, "g@example.org", Role.CENTRE_MANAGER, centre_id=world.centres["SCI"])
    mails = _count(platform, OutboxMail)
    result = platform.review.set_individual_date(
        manager, [c["paul"], c["lucie"], c["hugo"]], IndividualDate.RETURN, later.isoformat(), TODAY
    )
    assert result.changed == [c["paul"], c["lucie"]]  # Paul did not transmit: that is what the date is for
    assert [row.id for row in result.refused] == [c["hugo"]]  # another centre
    assert _candidature(platform, c["paul"]).individual_return_by == later
    too_early = platform.review.set_individual_date(
        admin, [c["jeanne"], c["paul"]], IndividualDate.RETURN, FORMATION_CLOSES, TODAY
    )
    assert [row.reason for row in too_early.refused] == [
        messages.INDIVIDUAL_DATE_NOT_LATER.format(date=f"{FORMATION_CLOSES:%d/%m/%Y}")
    ] * 2
    same = platform.review.set_individual_date(admin, [c["paul"]], IndividualDate.RETURN, later, TODAY)
    assert [row.reason for row in same.refused] == [messages.INDIVIDUAL_DATE_SAME]
    lines = _journal(platform, "candidature.individual_return")
    assert len(lines) == 2 and lines[0].after == {"individual_return_by": later.isoformat()}
    assert lines[0].before == {"individual_return_by": None}
    assert _count(platform, OutboxMail) == mails  # the original mails nothing for it
    with platform.db.session() as session:
        events = session.exec(select(CandidatureEvent.text).where(CandidatureEvent.candidature_id == c["paul"]))
        assert messages.INDIVIDUAL_RETURN_EVENT.format(date=f"{later:%d/%m/%Y}") in list(events)

    removed = platform.review.set_individual_date(admin, [c["paul"]], IndividualDate.RETURN, "", TODAY)
    assert removed.changed == [c["paul"]] and _candidature(platform, c["paul"]).individual_return_by is None


def test_the_individual_return_date_holds_for_the_transmission_the_reminders_the_agenda_and_the_card(
    platform: Platform, admin: Actor, world: World
):
    paul_id, account = world.candidatures["paul"], world.accounts["paul"]
    late = FORMATION_CLOSES + timedelta(days=2)  # the formation's date is past
    view = platform.candidatures.view(account.id, paul_id)
    assert view.return_by == FORMATION_CLOSES
    assert platform.reminders.send_due(late) == 0  # nothing due: the formation's date is past
    [card] = [card for card in cards(platform.candidatures, account.id, late) if card.candidature_id == paul_id]
    assert card.deadline == messages.HOME_CARDS_TOO_LATE

    individual = FORMATION_CLOSES + timedelta(days=4)
    platform.review.set_individual_date(admin, [paul_id], IndividualDate.RETURN, individual, TODAY)
    view = platform.candidatures.view(account.id, paul_id)
    assert view.return_by == individual
    [card] = [card for card in cards(platform.candidatures, account.id, late) if card.candidature_id == paul_id]
    assert card.deadline == messages.HOME_CARDS_RETURN_BY.format(date=f"{individual:%d/%m/%Y}")
    events = Calendar.from_ical(candidate_calendar([view], "Université Esup", platform.settings.link)).walk("VEVENT")
    assert [event.decoded("dtstart") for event in events] == [individual]
    assert platform.reminders.send_due(late) == 1
    with platform.db.session() as session:
        assert session.exec(select(Reminder.candidature_id)).all() == [paul_id]
        [mail] = session.exec(select(OutboxMail).where(OutboxMail.template == "reminder_return")).all()
    assert f"{individual:%d/%m/%Y}" in mail.text

    platform.candidatures.transmit(actor(platform, account), paul_id, late)  # allowed: before its own date
    assert _candidature(platform, paul_id).transmitted_at is not None


def test_an_individual_confirmation_date_holds_for_the_offer_the_reminders_the_agenda_and_the_letter(
    platform: Platform, admin: Actor, world: World
):
    marie_id, account = world.candidatures["marie"], world.accounts["marie"]
    individual = TODAY + timedelta(days=30)
    untouched = platform.review.set_individual_date(
        admin, [world.candidatures["paul"]], IndividualDate.CONFIRMATION, individual, TODAY
    )
    assert [row.reason for row in untouched.refused] == [messages.REVIEW_NOT_TRANSMITTED_REASON]
    platform.review.record_decision(marie_id, Decision.FAVORABLE)
    platform.review.validate_decision(marie_id)
    assert platform.candidatures.view(account.id, marie_id).confirm_deadline is None  # the formation sets none

    result = platform.review.set_individual_date(admin, [marie_id], IndividualDate.CONFIRMATION, individual, TODAY)
    assert result.changed == [marie_id]
    [line] = _journal(platform, "candidature.individual_confirmation")
    assert line.after == {"individual_confirm_by": individual.isoformat()}
    view = platform.candidatures.view(account.id, marie_id)
    assert view.confirm_deadline == individual
    assert view.can_answer_offer(individual) and not view.can_answer_offer(individual + timedelta(days=1))
    [card] = [card for card in cards(platform.candidatures, account.id, TODAY) if card.candidature_id == marie_id]
    assert card.deadline == messages.HOME_CARDS_CONFIRM_BY.format(date=f"{individual:%d/%m/%Y}")
    events = Calendar.from_ical(candidate_calendar([view], "Université Esup", platform.settings.link)).walk("VEVENT")
    assert individual in [event.decoded("dtstart") for event in events]
    with platform.db.session() as session:
        holder = session.get(Account, account.id)
    text = PdfReader(io.BytesIO(platform.letters.of(holder, marie_id).data)).pages[0].extract_text()
    assert f"{individual:%d/%m/%Y}" in text
    assert platform.reminders.send_due(individual - timedelta(days=1)) == 1
    with platform.db.session() as session:
        [mail] = session.exec(select(OutboxMail).where(OutboxMail.template == "reminder_confirmation")).all()
    assert f"{individual:%d/%m/%Y}" in mail.text
