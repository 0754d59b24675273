"""`python -m ecandidat_ui backup DEST` and `restore SRC`: the database and the files the platform keeps.

A backup is a folder: the database (SQLite through its online backup API, consistent while the app runs; a
`pg_dump` custom-format file for PostgreSQL), the folders of files (pièces, signatures…), the storage secret
(the browsers' cookies stay valid) and a `sauvegarde.json` saying what is inside. Restoring puts all of it back
in place of what is there; stop the app first. Everything written is private (0700 folders, 0600 files).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from ecandidat_ui import data_folder
from ecandidat_ui.settings import Settings
from models.clock import utcnow

MANIFEST = "sauvegarde.json"
SQLITE_FILE, POSTGRES_FILE = "ecandidat.sqlite3", "ecandidat.dump"
FOLDERS = ("uploads", "signatures", "modeles")  # the files the platform keeps, each where the settings say
FILES = ("storage_secret", "installation")  # the secret, and the folder's mark (shared_settings.py)


class BackupError(Exception):
    """A French message for the administrator: what went wrong, nothing written in a half-done state."""


@dataclass(frozen=True)
class BackupReport:
    folder: Path
    database: str  # "sqlite" or "postgresql"
    files: int


def backup(settings: Settings, destination: Path) -> BackupReport:
    if destination.exists() and any(destination.iterdir()):
        raise BackupError(f"Le dossier {destination} n'est pas vide : choisissez un dossier nouveau ou vide.")
    data_folder.make_folder(destination)
    kind = _kind(settings.database_url)
    if kind == "sqlite":
        _sqlite_copy(_sqlite_path(settings.database_url), destination / SQLITE_FILE)
    else:
        _run(["pg_dump", "--format=custom", f"--file={destination / POSTGRES_FILE}", _libpq(settings)])
    files = 0
    for name in FOLDERS:
        source = settings.data_dir / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
            files += sum(1 for path in (destination / name).rglob("*") if path.is_file())
    for name in FILES:
        if (settings.data_dir / name).is_file():
            shutil.copy2(settings.data_dir / name, destination / name)
    manifest = {"date": utcnow().isoformat(), "base": kind, "dossiers": list(FOLDERS), "fichiers": files}
    data_folder.write_private(destination / MANIFEST, json.dumps(manifest, indent=2).encode())
    _make_private(destination)
    return BackupReport(destination, kind, files)


def restore(settings: Settings, source: Path) -> BackupReport:
    try:
        manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BackupError(f"{source} n'est pas une sauvegarde d'eCandidat ({MANIFEST} illisible).") from error
    kind = _kind(settings.database_url)
    if manifest.get("base") != kind:
        raise BackupError(f"Cette sauvegarde est d'une base {manifest.get('base')}, la plateforme utilise {kind}.")
    if kind == "sqlite":
        target = _sqlite_path(settings.database_url)
        data_folder.make_folder(target.parent)
        _sqlite_copy(source / SQLITE_FILE, target)
    else:
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                f"--dbname={_libpq(settings)}",
                str(source / POSTGRES_FILE),
            ]
        )
    for name in FOLDERS:
        target = settings.data_dir / name
        if (source / name).is_dir():
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(source / name, target)
    for name in FILES:
        if (source / name).is_file():
            shutil.copy2(source / name, settings.data_dir / name)
    data_folder.protect(settings.data_dir)
    return BackupReport(source, kind, int(manifest.get("fichiers", 0)))


def _kind(url: str) -> str:
    name = make_url(url).get_backend_name()
    if name not in ("sqlite", "postgresql"):
        raise BackupError(f"Base de données non prise en charge par la sauvegarde : {name}.")
    return name


def _sqlite_path(url: str) -> Path:
    return Path(make_url(url).database or "")


def _sqlite_copy(source: Path, target: Path) -> None:
    """SQLite's online backup: a consistent copy even while the app writes."""
    if not source.is_file():
        raise BackupError(f"Base SQLite introuvable : {source}")
    with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(target)) as copy:
        origin.backup(copy)
    data_folder.make_private(target)


def _libpq(settings: Settings) -> str:
    """The URL as pg_dump and pg_restore read it (no SQLAlchemy driver name)."""
    return make_url(settings.database_url).set(drivername="postgresql").render_as_string(hide_password=False)


def _run(command: list[str]) -> None:
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} est introuvable : installez les outils clients de PostgreSQL.") from error
    if done.returncode != 0:
        raise BackupError(f"{command[0]} a échoué : {done.stderr.strip()[-500:]}")


def _make_private(folder: Path) -> None:
    data_folder.make_private(folder)
    for path in folder.rglob("*"):
        data_folder.make_private(path)
