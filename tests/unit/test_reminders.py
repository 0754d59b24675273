"""Reminders before a return or confirmation deadline: due when they should be, mailed once, even by two
processes at once (real SMTP, SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlmodel import select

from ecandidat_ui.platform import Platform, build_platform
from ecandidat_ui.services import parameters
from ecandidat_ui.services.fields import FieldError
from ecandidat_ui.services.offer_import import apply_offer
from ecandidat_ui.services.review import Decision
from ecandidat_ui.settings import load_settings
from models import Candidature, Formation
from models.clock import utcnow
from tests.mailbox import Mailbox
from tests.parameters import set_parameter
from tests.sessions import actor
from tests.unit.test_candidatures import TODAY, formation_id, offer, ready_candidate

RETURN_SUBJECT = "Rappel : votre candidature à la formation Master Informatique n'est pas transmise"
CONFIRM_SUBJECT = "Rappel : confirmez votre inscription à la formation Master Informatique"


def _applied(platform: Platform, return_in_days: int) -> Candidature:
    apply_offer(
        platform.db,
        offer(TODAY - timedelta(days=10), TODAY + timedelta(days=1), TODAY + timedelta(days=return_in_days)),
    )
    return platform.candidatures.apply(actor(platform, ready_candidate(platform)), formation_id(platform), TODAY)


def _subjects(platform: Platform, mailbox: Mailbox) -> list[str]:
    platform.mail_sender.send_due()
    return [mail.subject for mail in mailbox.for_address("marie@example.org") if mail.subject.startswith("Rappel")]


def test_a_return_reminder_goes_once_a_few_days_before_the_date(platform: Platform, mailbox: Mailbox):
    candidature = _applied(platform, return_in_days=5)
    assert platform.reminders.send_due(TODAY) == 0  # 5 days before: not yet (3 by default)
    assert platform.reminders.send_due(TODAY + timedelta(days=2)) == 1
    assert platform.reminders.send_due(TODAY + timedelta(days=3)) == 0  # once
    assert _subjects(platform, mailbox) == [RETURN_SUBJECT]
    [mail] = [m for m in mailbox.for_address("marie@example.org") if m.subject == RETURN_SUBJECT]
    assert f"{TODAY + timedelta(days=5):%d/%m/%Y}" in mail.text
    assert f"/compte/candidatures/{candidature.id}" in mail.text


def test_no_return_reminder_for_a_transmitted_or_withdrawn_candidature_or_when_set_to_none(
    platform: Platform, mailbox: Mailbox
):
    candidature = _applied(platform, return_in_days=2)
    set_parameter(platform, "reminder_days", 0)
    assert platform.reminders.send_due(TODAY) == 0
    set_parameter(platform, "reminder_days", 3)
    with platform.db.session() as session:
        row = session.get(Candidature, candidature.id)
        row.transmitted_at = utcnow()
        session.add(row)
    assert platform.reminders.send_due(TODAY) == 0
    with platform.db.session() as session:
        row = session.get(Candidature, candidature.id)
        row.transmitted_at, row.withdrawn_at = None, utcnow()
        session.add(row)
    assert platform.reminders.send_due(TODAY) == 0
    with platform.db.session() as session:  # a paper file is posted, not transmitted here
        row = session.get(Candidature, candidature.id)
        row.withdrawn_at = None
        session.add(row)
        formation = session.exec(select(Formation).where(Formation.code == "M1-INFO")).one()
        formation.paperless = False
        session.add(formation)
    assert platform.reminders.send_due(TODAY) == 0
    assert _subjects(platform, mailbox) == []


def test_a_confirmation_reminder_goes_to_the_admitted_who_have_not_answered(platform: Platform, mailbox: Mailbox):
    candidature = _applied(platform, return_in_days=20)
    with platform.db.session() as session:
        formation = session.exec(select(Formation).where(Formation.code == "M1-INFO")).one()
        formation.confirm_by = TODAY + timedelta(days=30)
        session.add(formation)
    platform.review.record_decision(candidature.id, Decision.FAVORABLE)
    assert platform.reminders.send_due(TODAY) == 0  # not validated: the candidate does not know yet
    platform.review.validate_decision(candidature.id)
    assert platform.reminders.send_due(TODAY) == 0  # 30 days ahead
    assert platform.reminders.send_due(TODAY + timedelta(days=28)) == 1
    assert platform.reminders.send_due(TODAY + timedelta(days=29)) == 0
    assert CONFIRM_SUBJECT in _subjects(platform, mailbox)


def test_no_confirmation_reminder_once_confirmed(platform: Platform):
    candidature = _applied(platform, return_in_days=20)
    with platform.db.session() as session:
        formation = session.exec(select(Formation).where(Formation.code == "M1-INFO")).one()
        formation.confirm_delay_days = 2  # a delay after the decision
        session.add(formation)
    platform.review.record_decision(candidature.id, Decision.FAVORABLE)
    platform.review.validate_decision(candidature.id)
    with platform.db.session() as session:
        row = session.get(Candidature, candidature.id)
        row.confirmed_at = utcnow()
        session.add(row)
    assert platform.reminders.send_due(TODAY) == 0


def test_two_processes_at_once_send_one_reminder(platform: Platform, mailbox: Mailbox):
    _applied(platform, return_in_days=1)
    other = build_platform(load_settings())  # a second process's services, on the same database
    counts: list[int] = []
    start = threading.Barrier(2)

    def run(services: Platform) -> None:
        start.wait()
        counts.append(services.reminders.send_due(TODAY))

    try:
        threads = [threading.Thread(target=run, args=(services,)) for services in (platform, other)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        other.db.dispose()
    assert sorted(counts) == [0, 1]
    assert _subjects(platform, mailbox) == [RETURN_SUBJECT]


@pytest.mark.parametrize(("typed", "accepted"), [("0", True), ("30", True), ("31", False), ("-1", False)])
def test_the_days_before_are_bounded(typed: str, accepted: bool):
    definition = parameters.DEFINITIONS["reminder_days"]
    if accepted:
        assert parameters.parse(definition, typed) == int(typed)
    else:
        with pytest.raises(FieldError):
            parameters.parse(definition, typed)


def test_a_reminder_is_a_mail_the_institution_edits_like_the_others(platform: Platform, staff_actors, mailbox: Mailbox):
    _applied(platform, return_in_days=2)
    platform.mail_texts.update(
        staff_actors["admin"],
        "reminder_return",
        "Plus que quelques jours : {formation}",
        "Bonjour {prenom},\n\ntransmettez votre candidature avant le {date} : {lien}",
    )
    assert platform.reminders.send_due(TODAY) == 1
    assert _subjects(platform, mailbox) == []  # the edited subject, not « Rappel : … »
    [mail] = [m for m in mailbox.for_address("marie@example.org") if m.subject.startswith("Plus que")]
    assert mail.subject == "Plus que quelques jours : Master Informatique"
    assert f"transmettez votre candidature avant le {TODAY + timedelta(days=2):%d/%m/%Y}" in mail.text
