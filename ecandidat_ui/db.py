"""The database: an engine built from the URL, sessions as transactions, the schema kept by Alembic."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, event, make_url
from sqlmodel import Session, create_engine

import models  # noqa: F401  (registers every table on SQLModel.metadata)
from ecandidat_ui import data_folder
from ecandidat_ui.folding import SQLITE_FUNCTION, fold_for_search

MIGRATIONS = Path(__file__).parent / "migrations"


class Database:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _engine(url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back entirely if it raises."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def upgrade(self) -> None:
        """Create or upgrade the schema to the newest migration."""
        with self.engine.begin() as connection:
            config = alembic_config(self.url)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def dispose(self) -> None:
        self.engine.dispose()


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def _engine(url: str) -> Engine:
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    _private_sqlite_file(url)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _private_sqlite_file(url: str) -> None:
    """Create the SQLite file readable by its owner only (its -wal and -shm files take the same mode)."""
    database = make_url(url).database or ""
    path = Path(database)
    if database and database != ":memory:" and not database.startswith("file:") and path.parent.is_dir():
        data_folder.create_private(path)


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
    # searches fold case and accents in SQL (services.paging); SQLite's own lower() knows only ASCII
    connection.create_function(SQLITE_FUNCTION, 1, fold_for_search, deterministic=True)
