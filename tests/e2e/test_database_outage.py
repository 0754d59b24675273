"""The database stopped and started under a running app (PostgreSQL: connections to its database refused, then
allowed again): `/sante` says 503 with a French reason, a page answers the French « service momentanément
indisponible » without the database's own error (its host and port), and both recover by themselves."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import POSTGRES_URL
from tests.e2e.app_process import start_app
from tests.mailbox import Mailbox

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="PostgreSQL: set ECANDIDAT_TEST_DATABASE_URL")


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def admin_engine():
    return create_engine(
        POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT"
    )


def test_health_and_pages_through_a_database_outage(tmp_path: Path, mailbox: Mailbox):
    name = f"outage_{uuid.uuid4().hex[:8]}"
    admin = admin_engine()
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}"
    app = start_app(tmp_path / "data", "127.0.0.1", mailbox.port, extra_env={"ECANDIDAT_DATABASE_URL": url})
    try:
        assert get(f"{app.url}/sante") == (200, json.dumps({"etat": "ok"}, separators=(",", ":")))

        with admin.connect() as connection:  # the database « stops »: no connection, the open ones cut
            connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
            connection.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"), {"name": name}
            )
        status, body = get(f"{app.url}/sante")
        assert status == 503 and json.loads(body) == {
            "etat": "indisponible",
            "raison": "la base de données ne répond pas",
        }
        status, page = get(f"{app.url}/offre")
        assert status == 503 and "Service momentanément indisponible" in page
        assert "psycopg" not in page and "5432" not in page and "127.0.0.1" not in page

        with admin.connect() as connection:  # it starts again: the app recovers without a restart
            connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
        assert get(f"{app.url}/sante")[0] == 200
        assert get(f"{app.url}/offre")[0] == 200
    finally:
        app.stop()
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
            connection.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"), {"name": name}
            )
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()
