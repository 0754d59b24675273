"""The mail sender through faults (issue 11): a sender stalled past its claim does not send a mail a second
time, the sender outlives a database outage and sends once the database is back, and after a long SMTP outage
the mails leave within the probe's period, not after their hour of back-off. Real SMTP (aiosmtpd), real SQLite
files and PostgreSQL."""

from __future__ import annotations

import asyncio
import shutil
import time
from datetime import timedelta

from sqlmodel import select, update

from ecandidat_ui.lifecycle import prepare
from ecandidat_ui.mail.sender import MailSender
from ecandidat_ui.platform import build_platform
from ecandidat_ui.settings import load_settings
from models import OutboxMail
from models.clock import utcnow
from tests.mailbox import Mailbox, free_port


def outbox(platform) -> list[OutboxMail]:
    with platform.db.session() as session:
        return list(session.exec(select(OutboxMail).order_by(OutboxMail.id)).all())


def test_a_sender_stalled_past_its_claim_does_not_send_twice(database_url: str, mailbox: Mailbox):
    platform = build_platform(load_settings())
    prepare(platform)
    platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org")
    stalled = MailSender(platform.db, platform.settings)
    [mail] = stalled._claim_due()
    with platform.db.session() as session:  # five minutes later: the claim has run out
        session.exec(update(OutboxMail).values(claimed_until=utcnow() - timedelta(seconds=1)))
    other = MailSender(platform.db, platform.settings)
    assert other.send_due() == 1  # another process takes the mail over and sends it
    assert stalled._send_one(mail) is False  # the stalled one wakes up: not sent a second time
    mailbox.wait_for_sync("marie@example.org")
    assert len(mailbox.for_address("marie@example.org")) == 1
    platform.db.dispose()


async def test_the_sender_outlives_a_database_outage_and_sends_once_it_is_back(tmp_path, monkeypatch, caplog):
    database = tmp_path / "outage.sqlite3"
    monkeypatch.setenv("ECANDIDAT_DATABASE_URL", f"sqlite:///{database}")
    server = Mailbox()
    monkeypatch.setenv("ECANDIDAT_SMTP_PORT", str(server.port))
    server.controller.start()
    platform = build_platform(load_settings())
    prepare(platform)
    sender = platform.mail_sender
    task = asyncio.create_task(sender.run(poll_seconds=0.1))
    try:
        await asyncio.sleep(0.3)
        shutil.move(database, tmp_path / "away.sqlite3")  # the database goes away: nothing can be opened
        database.mkdir()
        platform.db.engine.dispose()
        await asyncio.sleep(2.5)
        assert not task.done()  # the sender did not die with the database
        assert any("the mail sender failed" in message for message in caplog.messages)
        database.rmdir()  # back
        shutil.move(tmp_path / "away.sqlite3", database)
        platform.db.engine.dispose()
        await asyncio.to_thread(platform.accounts.create, "Baillon", "Marie", "marie@example.org", "marie@example.org")
        await server.wait_for("marie@example.org", timeout=15)
    finally:
        task.cancel()
        server.controller.stop()
        platform.db.dispose()


def test_after_a_long_smtp_outage_the_waiting_mails_leave_with_the_probe(database_url: str, monkeypatch):
    port = free_port()
    monkeypatch.setenv("ECANDIDAT_SMTP_PORT", str(port))
    platform = build_platform(load_settings())
    prepare(platform)
    sender = MailSender(platform.db, platform.settings, retry_base_delay=3600, probe_every=timedelta(seconds=0.5))
    for name in ("marie", "paul"):
        platform.accounts.create("Baillon", name, f"{name}@example.org", f"{name}@example.org")
    assert sender.send_due() == 0  # nobody listens: both wait an hour
    assert all(
        mail.attempts == 1 and mail.next_attempt_at > utcnow() + timedelta(minutes=50) for mail in outbox(platform)
    )

    server = Mailbox()
    server.port = port
    server.controller = type(server.controller)(server, hostname="127.0.0.1", port=port)
    server.controller.start()
    try:
        assert sender.send_due() == 0  # the server is back, but the probe is not due yet
        time.sleep(0.6)
        assert sender.send_due() == 1  # the probe: the oldest mail goes, and the others become due at once
        assert sender.send_due() == 1
        server.wait_for_sync("paul@example.org")
        assert {mail.to for mail in outbox(platform) if mail.sent_at} == {"marie@example.org", "paul@example.org"}
    finally:
        server.controller.stop()
        platform.db.dispose()
