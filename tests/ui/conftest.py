"""Page tests start main.py over the default SQLite file of their data folder: it is a copy of the file migrated
once per session (tests/databases.py), so each start finds its schema up to date instead of migrating it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.databases import copy_sqlite


@pytest.fixture(autouse=True)
def migrated_database(environment, tmp_path: Path, sqlite_template: Path) -> None:
    copy_sqlite(sqlite_template, tmp_path / "data" / "ecandidat.sqlite3")  # where settings.py puts it by default
