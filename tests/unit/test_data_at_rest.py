"""The data folder is the platform's alone: folders 0700, files 0600, on real files, including those made by
SQLite and NiceGUI, and those an older version left readable."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from nicegui.persistence import FilePersistentDict

from ecandidat_ui.lifecycle import prepare
from ecandidat_ui.mail.sender import MailSender
from ecandidat_ui.platform import build_platform
from ecandidat_ui.services import uploads
from ecandidat_ui.settings import load_settings


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The umask a server usually starts with: files 0644 unless the platform sees to it."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def data_dir(tmp_path: Path, usual_umask, monkeypatch) -> Path:
    monkeypatch.setenv("ECANDIDAT_SMTP_HOST", "")  # mails written as .eml files in the data folder
    return tmp_path / "data"


def test_a_new_data_folder_and_everything_in_it_are_private(data_dir: Path):
    settings = load_settings()
    platform = build_platform(settings)
    prepare(platform)
    platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org")
    assert MailSender(platform.db, settings).send_due() == 1
    stored = uploads.store(settings.uploads_dir, b"%PDF-1.4 une piece")
    browser = FilePersistentDict(data_dir / "storage" / "storage-user-1.json", encoding="utf-8")
    browser["session"] = "x"  # NiceGUI writes it at once when no event loop runs
    platform.db.dispose()

    [mail] = list(settings.outbox_dir.iterdir())
    folders = [data_dir, settings.outbox_dir, settings.uploads_dir, data_dir / "storage"]
    files = [
        data_dir / "storage_secret",
        data_dir / "ecandidat.sqlite3",
        data_dir / "ecandidat.sqlite3-wal",
        data_dir / "ecandidat.sqlite3-shm",
        mail,
        settings.uploads_dir / stored,
        data_dir / "storage" / "storage-user-1.json",
    ]
    assert {str(p): oct(mode(p)) for p in folders} == {str(p): "0o700" for p in folders}
    assert {str(p): oct(mode(p)) for p in files if p.exists()} == {str(p): "0o600" for p in files if p.exists()}
    assert (data_dir / "ecandidat.sqlite3").exists() and mail.suffix == ".eml"


def test_what_an_older_version_left_readable_is_made_private_at_start(data_dir: Path):
    (data_dir / "uploads").mkdir(parents=True)
    (data_dir / "outbox").mkdir()
    (data_dir / "storage").mkdir()
    own = [
        data_dir / "storage_secret",
        data_dir / "ecandidat.sqlite3",
        data_dir / "uploads" / "0123abcd",
        data_dir / "outbox" / "000001-account_created.eml",
        data_dir / "storage" / "storage-user-1.json",
    ]
    for path in own:
        path.write_text("x")
        path.chmod(0o644)
    for folder in (data_dir, data_dir / "uploads", data_dir / "outbox", data_dir / "storage"):
        folder.chmod(0o755)
    not_ours = data_dir / "LISEZMOI.txt"
    not_ours.write_text("placed by the administrator")
    not_ours.chmod(0o644)

    load_settings()

    assert {p.name: oct(mode(p)) for p in own} == {p.name: "0o600" for p in own}
    for folder in (data_dir, data_dir / "uploads", data_dir / "outbox", data_dir / "storage"):
        assert mode(folder) == 0o700
    assert mode(not_ours) == 0o644


def test_a_sqlite_database_outside_the_data_folder_is_private_too(tmp_path: Path, usual_umask, monkeypatch):
    monkeypatch.setenv("ECANDIDAT_DATABASE_URL", f"sqlite:///{tmp_path / 'ailleurs.sqlite3'}")
    os.umask(0o022)
    platform = build_platform(load_settings())
    os.umask(0o022)  # even when something set the umask back
    prepare(platform)
    platform.db.dispose()
    assert mode(tmp_path / "ailleurs.sqlite3") == 0o600
