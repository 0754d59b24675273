"""Other processes' mail senders are woken through PostgreSQL's LISTEN/NOTIFY (issue 11, item 3): a mail
committed through one platform is sent by another platform's sender (another process, as far as the database
can tell: its own engine, its own listening connection) within a second although that sender polls only every
minute; the listener comes back after its connection is killed; a transaction rolled back notifies nobody.
Real PostgreSQL, real SMTP (aiosmtpd)."""

from __future__ import annotations

import asyncio
import time
import uuid

import psycopg
import pytest
from sqlalchemy import create_engine, text

from ecandidat_ui.lifecycle import prepare
from ecandidat_ui.mail import outbox
from ecandidat_ui.mail.listener import APPLICATION_NAME
from ecandidat_ui.mail.templates import RenderedMail
from ecandidat_ui.platform import Platform, build_platform
from ecandidat_ui.settings import load_settings
from tests.conftest import POSTGRES_URL
from tests.databases import fresh_postgres
from tests.mailbox import Mailbox

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="PostgreSQL: set ECANDIDAT_TEST_DATABASE_URL")
LONG_POLL = 60.0
WAKE_WITHIN = 3.0  # seconds: ~0.1 on an idle machine; far below the poll, with room for a loaded one


@pytest.fixture
def two_platforms(monkeypatch) -> tuple[Platform, Platform]:
    fresh_postgres(POSTGRES_URL)
    monkeypatch.setenv("ECANDIDAT_DATABASE_URL", POSTGRES_URL)
    first, second = build_platform(load_settings()), build_platform(load_settings())
    prepare(first)
    yield first, second
    first.db.dispose()
    second.db.dispose()


def listener_pids(platform: Platform) -> list[int]:
    """The backends of listening connections (their last query was the LISTEN)."""
    with platform.db.engine.connect() as connection:
        return list(
            connection.execute(
                text(
                    "SELECT pid FROM pg_stat_activity WHERE application_name = :name AND query LIKE 'LISTEN%' "
                    "AND datname = current_database()"
                ),
                {"name": APPLICATION_NAME},
            ).scalars()
        )


async def wait_for_listeners(platform: Platform, count: int, other_than: set[int] = frozenset()) -> list[int]:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        pids = await asyncio.to_thread(listener_pids, platform)
        if len(set(pids) - other_than) >= count:
            return pids
        await asyncio.sleep(0.05)
    raise AssertionError(f"no listening connection within 15 s (seen {pids})")


async def sent_within(first: Platform, mailbox: Mailbox, address: str) -> float:
    """Create an account through the first platform (its validation mail is committed with it); the seconds
    until that mail reaches the SMTP server."""
    started = time.monotonic()
    await asyncio.to_thread(first.accounts.create, "Baillon", "Marie", address, address)
    await mailbox.wait_for(address, timeout=LONG_POLL / 2)
    return time.monotonic() - started


async def test_a_mail_committed_by_one_process_is_sent_by_another_at_once(two_platforms, mailbox: Mailbox):
    first, second = two_platforms
    sender = asyncio.create_task(second.mail_sender.run(poll_seconds=LONG_POLL))
    try:
        await wait_for_listeners(second, 1)
        await asyncio.sleep(0.3)  # the sender's first round is over: it sleeps for a minute
        assert await sent_within(first, mailbox, "marie@example.org") < WAKE_WITHIN
        assert len(mailbox.for_address("marie@example.org")) == 1
    finally:
        sender.cancel()


async def test_the_listener_comes_back_after_its_connection_is_killed(two_platforms, mailbox: Mailbox, caplog):
    first, second = two_platforms
    sender = asyncio.create_task(second.mail_sender.run(poll_seconds=LONG_POLL))
    try:
        [killed] = await wait_for_listeners(second, 1)
        with second.db.engine.connect() as connection:
            assert connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": killed}).scalar()
        await wait_for_listeners(second, 1, other_than={killed})
        assert any("the outbox listener lost PostgreSQL" in message for message in caplog.messages)
        await asyncio.sleep(0.3)  # the wake-up that follows a reconnection is spent
        assert await sent_within(first, mailbox, "paul@example.org") < WAKE_WITHIN
        assert not sender.done()
    finally:
        sender.cancel()


def test_a_transaction_rolled_back_notifies_nobody(two_platforms):
    first, _second = two_platforms
    mail = RenderedMail(subject="Objet", text="Texte", html="<p>Texte</p>", template="essai")
    with psycopg.connect(POSTGRES_URL, autocommit=True) as listening:
        listening.execute(f"LISTEN {outbox.CHANNEL}")
        with pytest.raises(RuntimeError), first.db.session() as session:
            outbox.enqueue(session, "marie@example.org", mail)
            session.flush()
            raise RuntimeError("the transaction fails after the mail was written")
        assert list(listening.notifies(timeout=0.5)) == []
        with first.db.session() as session:  # two mails, one transaction: one notification
            outbox.enqueue(session, "marie@example.org", mail)
            outbox.enqueue(session, "paul@example.org", mail)
        assert [note.channel for note in listening.notifies(timeout=0.5)] == [outbox.CHANNEL]


async def test_the_listener_survives_a_database_outage(monkeypatch, mailbox: Mailbox, caplog):
    """The database refuses every connection for a while (as during a restart), then comes back: the listener
    kept trying, listens again, and a mail committed afterwards is sent at once."""
    name = f"listener_outage_{uuid.uuid4().hex[:8]}"
    admin = create_engine(
        POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    monkeypatch.setenv("ECANDIDAT_DATABASE_URL", POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}")
    first, second = build_platform(load_settings()), build_platform(load_settings())
    prepare(first)
    sender = asyncio.create_task(second.mail_sender.run(poll_seconds=LONG_POLL))

    def allow(allowed: bool) -> None:
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {str(allowed).lower()}'))
            connection.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"), {"name": name}
            )

    try:
        [before] = await wait_for_listeners(second, 1)
        allow(False)
        await asyncio.sleep(4)
        lost = [message for message in caplog.messages if "the outbox listener lost PostgreSQL" in message]
        assert len(lost) >= 2 and not sender.done()  # it kept trying, with growing waits
        allow(True)
        await wait_for_listeners(second, 1, other_than={before})
        await asyncio.sleep(0.3)
        assert await sent_within(first, mailbox, "marie@example.org") < WAKE_WITHIN
    finally:
        sender.cancel()
        first.db.dispose()
        second.db.dispose()
        allow(True)
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()
