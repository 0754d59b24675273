"""Two processes of the platform behind one address: PostgreSQL holds the data and the sessions (a signed cookie
carries a session id the database knows; no Redis), so a candidate signed in on one process is signed in on the
other; a process started with another data folder or secret does not start, and says why."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ecandidat_ui import security
from ecandidat_ui.db import Database
from models import Account
from models.clock import utcnow
from tests.conftest import POSTGRES_URL
from tests.databases import fresh_postgres
from tests.e2e.app_process import AppDidNotStart, start_app
from tests.e2e.steps import open_page
from tests.mailbox import Mailbox

PASSWORD = "une phrase de passe solide"


def validated_account(url: str, login: str) -> None:
    """A validated candidate with PASSWORD, written straight into the shared database."""
    db = Database(url)
    with db.session() as session:
        session.add(
            Account(
                login=login,
                last_name="BAILLON",
                first_name="MARIE",
                mail="m@example.org",
                mail_key="m@example.org",
                password_hash=security.hash_password(PASSWORD),
                mail_confirmed=True,
                validated_at=utcnow(),
            )
        )
    db.dispose()


@pytest.mark.browser
def test_a_candidate_signed_in_on_one_process_is_signed_in_on_the_other(page: Page, tmp_path: Path, mailbox: Mailbox):
    if not POSTGRES_URL:
        pytest.skip("PostgreSQL: set ECANDIDAT_TEST_DATABASE_URL to run this test")
    fresh_postgres(POSTGRES_URL, migrated=False)
    shared = {
        "ECANDIDAT_DATABASE_URL": POSTGRES_URL,
        "ECANDIDAT_STORAGE_SECRET": secrets.token_urlsafe(32),
    }
    folder = tmp_path / "donnees"  # one data folder for both: the pièces one writes, the other reads
    first = start_app(folder, "127.0.0.1", mailbox.port, extra_env=shared)
    second = start_app(folder, "127.0.0.1", mailbox.port, extra_env=shared)
    try:
        validated_account(POSTGRES_URL, "MULTI001")

        open_page(page, f"{first.url}/connexion")
        page.get_by_label("Utilisateur *").fill("MULTI001")
        page.get_by_label("Mot de passe *").fill(PASSWORD)
        page.keyboard.press("Enter")
        expect(page.get_by_text("Vous êtes connecté avec le login : MULTI001")).to_be_visible()

        open_page(page, f"{second.url}/")  # the cookie of 127.0.0.1 goes to the other process too
        expect(page.get_by_text("Vous êtes connecté avec le login : MULTI001")).to_be_visible()
        page.get_by_role("button", name="Déconnexion").first.click()
        expect(page.get_by_text("Non connecté")).to_be_visible()
        open_page(page, f"{first.url}/")
        expect(page.get_by_text("Non connecté")).to_be_visible()
    finally:
        first.stop()
        second.stop()


def test_a_process_with_another_folder_or_secret_does_not_start(tmp_path: Path, mailbox: Mailbox):
    if not POSTGRES_URL:
        pytest.skip("PostgreSQL: set ECANDIDAT_TEST_DATABASE_URL to run this test")
    fresh_postgres(POSTGRES_URL, migrated=False)
    secret = secrets.token_urlsafe(32)
    shared = {"ECANDIDAT_DATABASE_URL": POSTGRES_URL, "ECANDIDAT_STORAGE_SECRET": secret}
    first = start_app(tmp_path / "donnees", "127.0.0.1", mailbox.port, extra_env=shared)
    try:
        with pytest.raises(AppDidNotStart) as stopped:
            start_app(tmp_path / "ailleurs", "127.0.0.1", mailbox.port, extra_env=shared)
        assert "le dossier de données ECANDIDAT_DATA_DIR=" in str(stopped.value)
        assert "n'est pas celui des autres processus" in str(stopped.value)
        other_secret = shared | {"ECANDIDAT_STORAGE_SECRET": secrets.token_urlsafe(32)}
        with pytest.raises(AppDidNotStart) as stopped:
            start_app(tmp_path / "donnees", "127.0.0.1", mailbox.port, extra_env=other_secret)
        assert "le secret de stockage (ECANDIDAT_STORAGE_SECRET" in str(stopped.value)
        assert "Traceback" not in str(stopped.value)
    finally:
        first.stop()
