"""Each test gets its own data folder and database, and every mail goes to a real SMTP server on loopback."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from tests.cas_server import CasServer
from tests.mailbox import Mailbox

POSTGRES_URL = os.environ.get("ECANDIDAT_TEST_DATABASE_URL", "")


@pytest.fixture(scope="session")
def mailbox_server() -> Iterator[Mailbox]:
    mailbox = Mailbox()
    mailbox.controller.start()
    yield mailbox
    mailbox.controller.stop()


@pytest.fixture
def mailbox(mailbox_server: Mailbox) -> Mailbox:
    mailbox_server.mails.clear()
    return mailbox_server


@pytest.fixture(autouse=True)
def environment(tmp_path, monkeypatch, mailbox: Mailbox) -> None:
    """Settings of a test: its own folder and SQLite file, the loopback SMTP server, no .env file."""
    for name in list(os.environ):
        if name.startswith("ECANDIDAT_") and name != "ECANDIDAT_TEST_DATABASE_URL":
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ECANDIDAT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ECANDIDAT_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("ECANDIDAT_SMTP_PORT", str(mailbox.port))
    monkeypatch.setenv("ECANDIDAT_PUBLIC_URL", "http://ecandidat.test")
    monkeypatch.setenv("ECANDIDAT_INSTITUTION_NAME", "Université Esup")


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, monkeypatch) -> str:
    """The database of a service test: a SQLite file, and PostgreSQL where ECANDIDAT_TEST_DATABASE_URL is set."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.sqlite3'}"
    else:
        if not POSTGRES_URL:
            pytest.skip("PostgreSQL: set ECANDIDAT_TEST_DATABASE_URL to run this test on PostgreSQL too")
        url = POSTGRES_URL
        reset_postgres(url)
    monkeypatch.setenv("ECANDIDAT_DATABASE_URL", url)
    return url


def reset_postgres(url: str) -> None:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def cas_server(monkeypatch) -> Iterator[CasServer]:
    """A CAS server on loopback, set as the institution's."""
    server = CasServer()
    monkeypatch.setenv("ECANDIDAT_CAS_URL", server.url)
    yield server
    server.stop()
