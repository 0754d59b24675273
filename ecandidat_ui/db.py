"""The database: an engine built from the URL, sessions as transactions, the schema kept by Alembic."""

from __future__ import annotations

import fcntl
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
MIGRATION_LOCK = 7140251  # PostgreSQL advisory lock of the migrations (any number no other code uses)


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
        """Create or upgrade the schema to the newest migration.

        On SQLite, foreign keys are off meanwhile (as https://sqlite.org/lang_altertable.html asks): a migration
        that copies a table to change it drops the old one, which with foreign keys on would delete — or cascade
        to — every row pointing at it. They are checked before the commit instead."""
        with self._migrating_alone(), self.engine.connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=OFF")  # outside any transaction, or ignored
                connection.commit()
            try:
                with connection.begin():
                    if not sqlite:  # processes started together: one migrates, the others wait, then find it done
                        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
                    config = alembic_config(self.url)
                    config.attributes["connection"] = connection
                    command.upgrade(config, "head")
                    if sqlite and (broken := connection.exec_driver_sql("PRAGMA foreign_key_check").all()):
                        raise RuntimeError(f"the migration left rows pointing nowhere: {broken[:5]}")
            finally:
                if sqlite:
                    connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                    connection.commit()

    @contextmanager
    def _migrating_alone(self) -> Iterator[None]:
        """On SQLite, a lock file beside the database keeps processes started together from migrating at once
        (PostgreSQL has its advisory lock, taken in the migration's transaction)."""
        path = _sqlite_file(self.url)
        if path is None:
            yield
            return
        lock_path = path.with_name(path.name + ".migration-lock")
        if not path.parent.is_dir():  # nothing to lock beside: the engine will say so
            yield
            return
        data_folder.create_private(lock_path)
        with open(lock_path, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def dispose(self) -> None:
        self.engine.dispose()


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def _engine(url: str) -> Engine:
    """`hide_parameters`: a database error, logged with its traceback, shows the SQL but never the values (a
    password's hash, a TOTP secret, a candidate's data)."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20, hide_parameters=True)
    _private_sqlite_file(url)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, hide_parameters=True)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _private_sqlite_file(url: str) -> None:
    """Create the SQLite file readable by its owner only (its -wal and -shm files take the same mode)."""
    path = _sqlite_file(url)
    if path is not None and path.parent.is_dir():
        data_folder.create_private(path)


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
    # searches fold case and accents in SQL (services.paging); SQLite's own lower() knows only ASCII
    connection.create_function(SQLITE_FUNCTION, 1, fold_for_search, deterministic=True)


def _sqlite_file(url: str) -> Path | None:
    """The file of an SQLite database, or None (PostgreSQL, SQLite in memory or given as a file: URI)."""
    if not url.startswith("sqlite"):
        return None
    database = make_url(url).database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)
