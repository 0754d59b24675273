"""The databases of the tests: each test gets its own, empty and fully migrated, but the migration chain runs once
per test session and database kind.

- SQLite: a file migrated once (`migrated_sqlite`), copied for each test (`copy_sqlite`).
- PostgreSQL: the database of ECANDIDAT_TEST_DATABASE_URL (`test` in CI, `test_NAME` for an engineer) is dropped
  and made again for each test (`fresh_postgres`), as a copy of `<its name>_template`, migrated once per session
  (CREATE DATABASE … TEMPLATE copies its ~10 MB: ~0.15 s on a quiet machine instead of ~0.5 s of migrations;
  on a busy disk the copy, written to the WAL, costs about as much as the migrations did).

The migration tests ask for an empty database instead (`empty_database_url`, `fresh_postgres(migrated=False)`):
the chain itself stays tested from nothing on both databases.
"""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, make_url, text

from ecandidat_ui import data_folder
from ecandidat_ui.db import Database


def fresh_postgres(url: str, *, migrated: bool = True) -> None:
    """Drop the database of `url` (whoever is still connected) and make it again: a copy of the migrated template,
    or empty."""
    name = _database_name(url)
    create = f"CREATE DATABASE {_quoted(name)}"
    if migrated:
        create += f" TEMPLATE {_quoted(_postgres_template(url))}"
    # a test's commits need not wait for the disk (nothing is tested across a crash of the server): on a machine
    # whose disk is busy, this is most of a database test's time
    durability = f"ALTER DATABASE {_quoted(name)} SET synchronous_commit = off"
    _on_server(url, f"DROP DATABASE IF EXISTS {_quoted(name)} WITH (FORCE)", create, durability)


@cache
def _postgres_template(url: str) -> str:
    """`<name>_template`, made and migrated at the first test of the session that needs it (the migrations may
    have changed since the last session)."""
    template = f"{_database_name(url)}_template"
    _on_server(url, f"DROP DATABASE IF EXISTS {_quoted(template)} WITH (FORCE)", f"CREATE DATABASE {_quoted(template)}")
    _migrate(_url(url).set(database=template).render_as_string(hide_password=False))
    return template


def migrated_sqlite(folder: Path) -> Path:
    """An SQLite file migrated to the newest revision, in `folder` (once per session: see tests/conftest.py)."""
    path = folder / "migrated.sqlite3"
    _migrate(f"sqlite:///{path}")  # closing the last connection folds the WAL into the file: it is whole alone
    return path


def copy_sqlite(template: Path, path: Path) -> None:
    """A test's own copy of the migrated file, private like the one the platform creates."""
    data_folder.make_folder(path.parent)
    shutil.copyfile(template, path)
    data_folder.make_private(path)


def _migrate(url: str) -> None:
    db = Database(url)
    try:
        db.upgrade()
    finally:
        db.dispose()


def _on_server(url: str, *statements: str) -> None:
    """Run statements outside any transaction (CREATE/DROP DATABASE), from the server's `postgres` database."""
    engine: Engine = create_engine(_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def _url(url: str) -> URL:
    return make_url(url).set(drivername="postgresql+psycopg")


def _database_name(url: str) -> str:
    name = make_url(url).database
    if not name:
        raise ValueError("ECANDIDAT_TEST_DATABASE_URL names no database")
    return name


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
