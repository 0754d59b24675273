"""`backup` and `restore`: what was saved comes back — the accounts in the database and the files of the pièces
— on SQLite (online backup API) and PostgreSQL (pg_dump / pg_restore); a backup is private and a wrong one is
refused with a French message, nothing changed."""

from __future__ import annotations

import stat
from pathlib import Path

from sqlmodel import select

from ecandidat_ui.__main__ import main
from ecandidat_ui.lifecycle import prepare
from ecandidat_ui.platform import build_platform
from ecandidat_ui.settings import load_settings
from models import Account


def logins(platform) -> set[str]:
    with platform.db.session() as session:
        return set(session.exec(select(Account.login)).all())


def test_what_was_saved_comes_back(database_url: str, tmp_path: Path, capsys):
    platform = build_platform(load_settings())
    prepare(platform)
    kept = platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org").login
    piece = platform.settings.uploads_dir / "ab" / "piece.pdf"
    piece.parent.mkdir(parents=True)
    piece.write_bytes(b"%PDF-1.4 la piece de Marie")
    platform.db.dispose()

    assert main(["backup", str(tmp_path / "sauvegarde")]) == 0
    assert "Sauvegarde écrite" in capsys.readouterr().out
    saved = tmp_path / "sauvegarde"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(path.stat().st_mode) in (0o600, 0o700) for path in saved.rglob("*"))

    platform = build_platform(load_settings())  # after the backup: a new account, a lost pièce
    later = platform.accounts.create("Martin", "Paul", "paul@example.org", "paul@example.org").login
    piece.unlink()
    assert logins(platform) == {kept, later}
    platform.db.dispose()

    assert main(["restore", str(saved)]) == 0
    platform = build_platform(load_settings())
    assert logins(platform) == {kept}  # the database as it was saved
    assert piece.read_bytes() == b"%PDF-1.4 la piece de Marie"
    platform.db.dispose()


def test_a_folder_that_is_not_a_backup_is_refused(database_url: str, tmp_path: Path, capsys):
    platform = build_platform(load_settings())
    prepare(platform)
    platform.db.dispose()
    (tmp_path / "autre").mkdir()
    assert main(["restore", str(tmp_path / "autre")]) == 1
    assert "n'est pas une sauvegarde d'eCandidat" in capsys.readouterr().err
    (tmp_path / "plein").mkdir()
    (tmp_path / "plein" / "x").write_text("x")
    assert main(["backup", str(tmp_path / "plein")]) == 1
    assert "n'est pas vide" in capsys.readouterr().err
