"""The figures /metrics shows (issue 11, item 5), without the web: sign-in failures counted where the services
refuse them (candidates and staff, wrong or throttled), the outbox read from the database at scrape time, the
mail failures counted by the sender. SQLite and PostgreSQL; real SMTP (aiosmtpd) or a port nobody listens on."""

from __future__ import annotations

from datetime import timedelta

import pytest
from prometheus_client import REGISTRY, CollectorRegistry
from sqlmodel import update

from ecandidat_ui import messages, metrics
from ecandidat_ui.db import Database
from ecandidat_ui.mail.sender import MailSender
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.errors import InvalidInput, Refused
from models import OutboxMail
from models.clock import utcnow
from tests.mailbox import free_port


def failures(space: str, reason: str = "wrong") -> float:
    return REGISTRY.get_sample_value("ecandidat_sign_in_failures_total", {"space": space, "reason": reason}) or 0.0


def mail_failures() -> float:
    return REGISTRY.get_sample_value("ecandidat_mail_send_failures_total") or 0.0


def outbox_figures(db: Database) -> dict[str, float]:
    registry = CollectorRegistry()
    registry.register(metrics.OutboxCollector(db))
    return {
        sample.name.removeprefix("ecandidat_"): sample.value
        for family in registry.collect()
        for sample in family.samples
    }


def test_candidate_sign_in_failures_are_counted_wrong_or_throttled(platform: Platform):
    wrong, throttled = failures(metrics.CANDIDATE), failures(metrics.CANDIDATE, "throttled")
    with pytest.raises(InvalidInput):
        platform.accounts.sign_in("INCONNU1", "un mot de passe", "10.0.0.1")
    assert failures(metrics.CANDIDATE) == wrong + 1

    platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org")
    with pytest.raises(Refused, match=messages.NOT_VALIDATED):  # an account to validate: no guess, no failure
        platform.accounts.sign_in("marie@example.org", "un mot de passe", "10.0.0.1")
    assert failures(metrics.CANDIDATE) == wrong + 1

    with pytest.raises(Refused):  # one address trying logins until it must wait
        for _ in range(20):
            with pytest.raises(InvalidInput):
                platform.accounts.sign_in("INCONNU2", "un mot de passe", "10.0.0.2")
    assert failures(metrics.CANDIDATE, "throttled") == throttled + 1


def test_staff_sign_in_failures_are_counted_apart(platform: Platform):
    staff, candidates = failures(metrics.STAFF), failures(metrics.CANDIDATE)
    with pytest.raises(Refused, match=messages.STAFF_SIGN_IN_FAILED):
        platform.staff.sign_in("personne@example.org", "un mot de passe", "123456", "10.0.0.3")
    assert (failures(metrics.STAFF), failures(metrics.CANDIDATE)) == (staff + 1, candidates)


def test_the_outbox_is_read_at_scrape_time(platform: Platform, monkeypatch):
    assert outbox_figures(platform.db) == {
        "database_up": 1,
        "outbox_waiting": 0,
        "outbox_waiting_after_failure": 0,
        "outbox_oldest_waiting_seconds": 0,
    }
    platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org")
    platform.accounts.create("Baillon", "Paul", "paul@example.org", "paul@example.org")
    with platform.db.session() as session:
        session.exec(update(OutboxMail).values(created_at=utcnow() - timedelta(hours=1)))
    figures = outbox_figures(platform.db)
    assert figures["outbox_waiting"] == 2 and figures["outbox_waiting_after_failure"] == 0
    assert 3600 <= figures["outbox_oldest_waiting_seconds"] < 3660

    monkeypatch.setattr(platform.settings, "smtp_port", free_port())  # nobody listens there
    failed_before = mail_failures()
    assert MailSender(platform.db, platform.settings).send_due() == 0
    assert mail_failures() == failed_before + 2
    assert outbox_figures(platform.db)["outbox_waiting_after_failure"] == 2


def test_a_database_away_is_said_and_the_scrape_still_answers(tmp_path):
    away = Database(f"sqlite:///{tmp_path / 'nowhere' / 'ecandidat.sqlite3'}")
    assert outbox_figures(away) == {"database_up": 0}
    away.dispose()
