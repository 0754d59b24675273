"""Each test gets its own data folder and database, and every mail goes to a real SMTP server on loopback."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cas_server import CasServer
from tests.databases import copy_sqlite, fresh_postgres, migrated_sqlite
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


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """An SQLite file migrated once for the whole session: each test gets a copy."""
    return migrated_sqlite(tmp_path_factory.mktemp("migrated"))


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, monkeypatch) -> str:
    """The database of a service test, empty and fully migrated: a SQLite file, and PostgreSQL where
    ECANDIDAT_TEST_DATABASE_URL is set (tests/databases.py: copies of a database migrated once per session)."""
    return _database(request, tmp_path, monkeypatch, migrated=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database_url(request, tmp_path, monkeypatch) -> str:
    """As `database_url`, but without any table: for the tests of the migrations themselves."""
    return _database(request, tmp_path, monkeypatch, migrated=False)


def _database(request, tmp_path: Path, monkeypatch, *, migrated: bool) -> str:
    if request.param == "sqlite":
        path = tmp_path / "test.sqlite3"
        if migrated:
            copy_sqlite(request.getfixturevalue("sqlite_template"), path)
        url = f"sqlite:///{path}"
    else:
        if not POSTGRES_URL:
            pytest.skip("PostgreSQL: set ECANDIDAT_TEST_DATABASE_URL to run this test on PostgreSQL too")
        url = POSTGRES_URL
        fresh_postgres(url, migrated=migrated)
    monkeypatch.setenv("ECANDIDAT_DATABASE_URL", url)
    return url


@pytest.fixture
def cas_server(monkeypatch) -> Iterator[CasServer]:
    """A CAS server on loopback, set as the institution's."""
    server = CasServer()
    monkeypatch.setenv("ECANDIDAT_CAS_URL", server.url)
    yield server
    server.stop()
