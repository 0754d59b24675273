"""After transmission, in Chromium: the status set by staff (through the service layer, as the staff screens
will), the favourable decision, the confirmation, and the admission letter downloaded as a PDF."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader
from sqlmodel import select

from ecandidat_ui import security
from ecandidat_ui.platform import build_platform
from ecandidat_ui.services.review import Decision
from ecandidat_ui.settings import Settings
from models import Account, FileStatus, Formation
from models.clock import utcnow
from tests.e2e.app_process import RunningApp
from tests.e2e.steps import open_page, sign_in
from tests.mailbox import Mailbox
from tests.sessions import actor
from tests.unit.test_file_rules import ADDRESS, PERSONAL, bac

PASSWORD = "une phrase de passe solide"
PDF = b"%PDF-1.4\n%%EOF\n"


def transmitted_candidature(app: RunningApp) -> tuple:
    """A candidate with a complete file and a transmitted candidature to « Licence Droit », in the app's database."""
    platform = build_platform(Settings(data_dir=app.data_dir, public_url=app.url))  # the app prepared it
    today = date.today()
    with platform.db.session() as session:
        account = Account(
            login="DECI0001",
            last_name="BAILLON",
            first_name="MARIE",
            mail="marie@example.org",
            mail_key="marie@example.org",
            password_hash=security.hash_password(PASSWORD),
            mail_confirmed=True,
            validated_at=utcnow(),
        )
        session.add(account)
    files = platform.candidate_file
    me = actor(platform, account)
    files.save_personal(me, {**PERSONAL, "ine": ""}, 0, today)
    files.save_address(me, ADDRESS, 0)
    files.save_bac(me, bac(2019, "S"), 0, today)
    files.set_no_higher_education(me, True)
    with platform.db.session() as session:
        formation_id = session.exec(select(Formation.id).where(Formation.code == "L1-DROIT")).one()
    candidature = platform.candidatures.apply(me, formation_id, today)
    for piece in platform.candidatures.view(account.id, candidature.id).pieces:
        if piece.piece.conditional:
            platform.candidatures.set_not_concerned(me, candidature.id, piece.piece.id, True)
        else:
            platform.candidatures.send_piece(me, candidature.id, piece.piece.id, "piece.pdf", PDF)
    platform.candidatures.transmit(me, candidature.id, today)
    return platform, candidature.id


@pytest.mark.browser
def test_status_decision_confirmation_and_letter(demo_app: RunningApp, page: Page, mailbox: Mailbox, tmp_path: Path):
    platform, candidature_id = transmitted_candidature(demo_app)
    open_page(page, f"{demo_app.url}/connexion")
    sign_in(page, "DECI0001", PASSWORD)
    expect(page.get_by_text("Vous êtes connecté avec le login : DECI0001")).to_be_visible()

    platform.review.set_status(candidature_id, FileStatus.COMPLETE)
    platform.review.record_decision(candidature_id, Decision.FAVORABLE, comment="Bienvenue en licence")
    open_page(page, f"{demo_app.url}/compte/candidatures")
    row = page.get_by_role("row").filter(has_text="Licence Droit")
    expect(row).to_contain_text("Complet")
    expect(row).to_contain_text("En attente")  # the decision is not validated yet

    platform.review.validate_decision(candidature_id)
    open_page(page, f"{demo_app.url}/compte/candidatures/{candidature_id}")
    decision = page.get_by_role("region", name="Décision")
    expect(decision.get_by_text("Décision : Favorable")).to_be_visible()
    expect(decision.get_by_text("Bienvenue en licence")).to_be_visible()

    with page.expect_popup() as popup:
        page.get_by_role("button", name="Télécharger la lettre (PDF)").click()
    letter = popup.value.context.request.get(f"{demo_app.url}/compte/candidatures/{candidature_id}/lettre.pdf")
    assert letter.headers["content-type"] == "application/pdf"
    assert "avis favorable" in PdfReader(io.BytesIO(letter.body())).pages[0].extract_text()

    page.get_by_role("button", name="Confirmer mon inscription").click()
    page.get_by_role("button", name="Oui, je confirme").click()
    expect(page.get_by_text("Vous avez confirmé votre inscription").first).to_be_visible()
    subjects = {mailbox.wait_for_sync("marie@example.org", count).subject for count in range(1, 6)}
    assert "Décision pour votre candidature à la formation Licence Droit" in subjects
    platform.db.dispose()
