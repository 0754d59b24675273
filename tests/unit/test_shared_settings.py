"""Every process of an installation has the same storage secret and data folder, or does not start: the first
start records them, a process started otherwise is stopped with a French line saying which and why."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from ecandidat_ui import messages
from ecandidat_ui.__main__ import main
from ecandidat_ui.lifecycle import prepare
from ecandidat_ui.platform import Platform, build_platform
from ecandidat_ui.settings import SettingsError, load_settings


def _process(monkeypatch, data_dir: Path | None = None, secret: str | None = None) -> Platform:
    """Another process of the installation, on the same database, with the given folder or secret."""
    if data_dir is not None:
        monkeypatch.setenv("ECANDIDAT_DATA_DIR", str(data_dir))
    if secret is not None:
        monkeypatch.setenv("ECANDIDAT_STORAGE_SECRET", secret)
    return build_platform(load_settings())


def test_a_process_with_the_same_settings_starts(platform: Platform, monkeypatch):
    other = _process(monkeypatch)  # the same environment: the same folder, its secret file
    try:
        prepare(other)
    finally:
        other.db.dispose()
    assert (platform.settings.data_dir / "installation").is_file()


def test_another_secret_stops_the_start_and_says_why(platform: Platform, monkeypatch):
    other = _process(monkeypatch, secret="un autre secret que celui du dossier de données")
    try:
        with pytest.raises(SettingsError) as stopped:
            prepare(other)
    finally:
        other.db.dispose()
    assert str(stopped.value) == messages.SHARED_SECRET_DIFFERS


def test_another_data_folder_stops_the_start_and_says_why(platform: Platform, monkeypatch, tmp_path: Path):
    secret = (platform.settings.data_dir / "storage_secret").read_text().strip()
    elsewhere = tmp_path / "autre-dossier"
    other = _process(monkeypatch, data_dir=elsewhere, secret=secret)  # the same secret, not the same pièces
    try:
        with pytest.raises(SettingsError) as stopped:
            prepare(other)
    finally:
        other.db.dispose()
    assert str(stopped.value) == messages.SHARED_FOLDER_DIFFERS.format(folder=elsewhere.resolve())


def test_a_change_made_on_purpose_is_accepted_after_a_reset(platform: Platform, monkeypatch, tmp_path: Path, capsys):
    platform.db.dispose()
    monkeypatch.setenv("ECANDIDAT_STORAGE_SECRET", "le nouveau secret, choisi par l'administrateur")
    assert main(["import-offer", str(tmp_path / "absent.yaml")]) == 2  # refused before anything is read
    assert "ECANDIDAT_STORAGE_SECRET" in capsys.readouterr().err
    assert main(["shared-settings", "--reset"]) == 0
    other = build_platform(load_settings())
    try:
        prepare(other)  # records the new secret
        prepare(other)  # and is at home with it
    finally:
        other.db.dispose()


def test_processes_starting_at_the_same_moment_agree(empty_database_url: str, monkeypatch):
    first, second = build_platform(load_settings()), build_platform(load_settings())
    failures: list[Exception] = []
    start = threading.Barrier(2)

    def run(platform: Platform) -> None:
        start.wait()
        try:
            prepare(platform)
        except Exception as error:
            failures.append(error)

    try:
        threads = [threading.Thread(target=run, args=(platform,)) for platform in (first, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        first.db.dispose()
        second.db.dispose()
    assert failures == []
