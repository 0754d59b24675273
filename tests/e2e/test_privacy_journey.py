"""« Données personnelles » in Chromium: the notice for everyone; a candidate downloads a copy of their data, is
told why their account cannot go once a file was transmitted, and deletes it while nothing was."""

from __future__ import annotations

import json
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from ecandidat_ui.services.offer_import import apply_offer
from models import Account, Candidature, Formation
from models.clock import utcnow
from tests.e2e.app_process import RunningApp
from tests.e2e.axe import audit, report
from tests.e2e.steps import open_page, platform_of, signed_in_candidate, wait_still
from tests.e2e.test_gestion_content import audit_at_both_widths, shoot
from tests.e2e.test_gestion_review import mail_about
from tests.mailbox import Mailbox
from tests.unit.test_candidatures import offer

pytestmark = pytest.mark.browser

MAIL = "marie.baillon@example.org"


def test_a_candidate_downloads_their_data_then_deletes_their_account(
    app: RunningApp, page: Page, mailbox: Mailbox, tmp_path: Path
):
    # a visitor reads the notice; the copy is nobody's without a session
    open_page(page, app.url + "/donnees-personnelles")
    expect(page.get_by_role("heading", name="Responsable du traitement")).to_be_visible()
    expect(page.get_by_role("link", name="dpo@example.org")).to_be_visible()
    expect(page.get_by_role("button", name="Télécharger mes données")).to_have_count(0)
    assert page.request.get(app.url + "/compte/mes-donnees.zip").status == 404

    login = signed_in_candidate(page, app.url, mailbox, MAIL)
    page.get_by_text("Protection des données personnelles", exact=True).click()  # home's notice, folded
    page.get_by_role("link", name="Données personnelles : vos droits et la conservation de vos données").click()
    expect(page.get_by_role("heading", name="Mes données")).to_be_visible()
    violations = audit_at_both_widths(page, "privacy")

    # the copy: a ZIP with every field
    with page.expect_download() as waiting:
        page.get_by_role("button", name="Télécharger mes données").click()
    download = waiting.value
    assert download.suggested_filename == f"mes-donnees-{login}.zip"
    saved = tmp_path / "copie.zip"
    download.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        data = json.loads(archive.read("donnees.json"))
    assert data["compte"]["login"] == login and data["compte"]["mail"] == MAIL
    assert "password_hash" not in data["compte"]

    # a wrong login is said at the field, and nothing is deleted
    page.get_by_role("button", name="Supprimer mon compte").click()
    deletion = page.get_by_role("dialog", name="Supprimer mon compte")
    expect(deletion.get_by_text(login, exact=False).first).to_be_visible()
    wait_still(page)
    violations += audit(page, "suppression du compte")
    shoot(page, "privacy-delete-dialog")
    field = deletion.get_by_label("Votre login (numéro de dossier) *")
    field.fill("ZZ0000")
    deletion.get_by_role("button", name="Supprimer définitivement").click()
    expect(deletion.get_by_text("Ce n'est pas votre login")).to_be_visible()
    expect(field).to_be_focused()  # the field in error takes the focus, its message read out (role=alert)

    # once a candidature was transmitted, the account is kept, and the candidate is told until when
    with platform_of(app.url, app.data_dir, mailbox) as platform:
        with platform.db.session() as session:
            account_id = session.exec(select(Account.id).where(Account.login == login)).one()
        transmitted = _transmitted_candidature(platform, account_id)
    page.keyboard.press("Escape")
    page.reload()
    expect(page.get_by_text("Vous avez transmis une candidature")).to_be_visible()
    expect(page.get_by_role("button", name="Supprimer mon compte")).to_have_count(0)
    with platform_of(app.url, app.data_dir, mailbox) as platform:
        with platform.db.session() as session:
            session.delete(session.get(Candidature, transmitted))

    # with nothing transmitted, the account goes, and the candidate is told on the home page and by mail
    page.reload()
    page.get_by_role("button", name="Supprimer mon compte").click()
    deletion.get_by_label("Votre login (numéro de dossier) *").fill(login)
    deletion.get_by_role("button", name="Supprimer définitivement").click()
    expect(page.get_by_text("Votre compte a été supprimé. Un mail de confirmation vous a été envoyé.")).to_be_visible()
    expect(page.get_by_text("Non connecté", exact=True)).to_be_visible()
    told = mail_about(mailbox, MAIL, "Suppression de votre compte")
    with platform_of(app.url, app.data_dir, mailbox) as platform:
        with platform.db.session() as session:
            assert session.exec(select(Account).where(Account.login == login)).first() is None
    assert login in told.text
    blocking = [violation for violation in violations if violation.blocking]
    assert not blocking, report(blocking)


def _transmitted_candidature(platform, account_id: int) -> int:
    """A candidature transmitted to a commission, as the transmission leaves it."""
    today = date.today()
    apply_offer(platform.db, offer(today - timedelta(days=5), today + timedelta(days=5)))
    with platform.db.session() as session:
        formation = session.exec(select(Formation)).first()
        row = Candidature(
            account_id=account_id,
            formation_id=formation.id,
            campaign_id=platform.campaigns.active().id,
            transmitted_at=utcnow(),
        )
        session.add(row)
        session.flush()
        return row.id
