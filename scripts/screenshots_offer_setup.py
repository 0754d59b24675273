"""Screenshots of the gestion's offer set-up screens — Centres de candidature, Commissions, Formations,
Campagnes, their forms and « Editer en masse » —, at desktop (1280x900) and phone (390x844) widths, signed in as
an administrator of the sample offer (`--demo`).

    .venv/bin/python scripts/screenshots_offer_setup.py      # starts the app on a free port; PNGs in screenshots/
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pyotp  # noqa: E402
from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402

from ecandidat_ui.services import totp  # noqa: E402
from scripts.screenshots import VIEWPORTS, shoot  # noqa: E402
from tests.e2e.app_process import start_app  # noqa: E402
from tests.e2e.chromium import ABSENT, CHROMIUM, launch  # noqa: E402
from tests.e2e.steps import dialog, open_page, platform_of  # noqa: E402
from tests.mailbox import Mailbox  # noqa: E402

MAIL = "capture.admin@univ.example"
PASSWORD = "une phrase de passe pour la gestion"


class Codes:
    """TOTP codes of the administrator, each used once (a code is refused the second time)."""

    def __init__(self, secret: str, last_step: int) -> None:
        self.totp = pyotp.TOTP(secret)
        self.step = last_step

    def next(self) -> str:
        self.step = max(self.step + 1, int(time.time() // totp.STEP_SECONDS))
        while self.step > int(time.time() // totp.STEP_SECONDS) + totp.WINDOW:
            time.sleep(1)
        return self.totp.generate_otp(self.step)


def administrator(url: str, data_dir: Path, mailbox: Mailbox) -> Codes:
    with platform_of(url, data_dir, mailbox) as platform:
        created = platform.staff.bootstrap_admin(MAIL, "Capture", "Alice")
        token = created.link.rsplit("/", 1)[1]
        secret = platform.staff.totp_enrolment(token).secret
        step = int(time.time() // totp.STEP_SECONDS) - 1
        platform.staff.complete_setup(token, PASSWORD, PASSWORD, pyotp.TOTP(secret).generate_otp(step))
    return Codes(secret, step)


def sign_in(page: Page, url: str, codes: Codes) -> None:
    open_page(page, f"{url}/gestion")
    page.get_by_label("Adresse mail *").fill(MAIL)
    page.get_by_label("Mot de passe *").fill(PASSWORD)
    page.get_by_label("Code de vérification *").fill(codes.next())
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()


def screen(page: Page, url: str, path: str, heading: str) -> None:
    open_page(page, f"{url}{path}")
    expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
    expect(page.locator(".q-table tbody tr").first).to_be_visible()


def visit_all(page: Page, url: str, codes: Codes, folder: Path, viewport: str) -> None:
    sign_in(page, url, codes)
    screen(page, url, "/gestion/centres", "Centres de candidature")
    shoot(page, folder, "gestion-centres", viewport)
    page.get_by_role("button", name="Modifier : UFR Sciences et Techniques").click()
    expect(dialog(page, "Edition de centre de candidature")).to_be_visible()
    shoot(page, folder, "gestion-centre-formulaire", viewport)

    screen(page, url, "/gestion/commissions", "Commissions")
    shoot(page, folder, "gestion-commissions", viewport)
    page.get_by_role("button", name="Modifier").first.click()
    edit = dialog(page, "Edition de commission")
    expect(edit).to_be_visible()
    edit.get_by_label("Mail").fill("pas-une-adresse")
    edit.get_by_role("button", name="Enregistrer").click()
    expect(edit.get_by_text("Adresse mail invalide")).to_be_visible()
    shoot(page, folder, "gestion-commission-formulaire-erreur", viewport)

    screen(page, url, "/gestion/formations", "Formations")
    shoot(page, folder, "gestion-formations", viewport)
    page.get_by_role("button", name="Modifier : Licence Mathématiques", exact=True).click()
    edit = dialog(page, "Edition de formation — L1-MATH")
    expect(edit).to_be_visible()
    edit.get_by_label("Date fin dépôt *").fill("2000-01-01")
    edit.get_by_role("button", name="Enregistrer").click()
    expect(edit.get_by_text("doit être postérieure ou égale").first).to_be_visible()
    shoot(page, folder, "gestion-formation-formulaire-erreur", viewport)
    edit.get_by_role("button", name="Annuler").click()
    expect(edit).to_be_hidden()
    page.get_by_role("checkbox", name="Sélectionner : Licence Mathématiques", exact=True).click()
    page.get_by_role("checkbox", name="Sélectionner : Licence Informatique", exact=True).click()
    page.get_by_role("button", name="Editer en masse").click()
    expect(dialog(page, "Edition en masse de formations")).to_be_visible()
    shoot(page, folder, "gestion-formations-edition-en-masse", viewport)

    screen(page, url, "/gestion/campagnes", "Campagnes")
    shoot(page, folder, "gestion-campagnes", viewport)
    page.get_by_role("button", name="Nouvelle campagne").click()
    expect(dialog(page, "Nouvelle campagne")).to_be_visible()
    shoot(page, folder, "gestion-campagne-formulaire", viewport)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="folder of the PNGs")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit(ABSENT)
    args.out.mkdir(parents=True, exist_ok=True)
    mailbox = Mailbox()
    mailbox.controller.start()
    try:
        with tempfile.TemporaryDirectory(prefix="ecandidat-screenshots-") as tmp:
            app = start_app(Path(tmp) / "data", "127.0.0.1", mailbox.port, extra_env={"ECANDIDAT_DEMO": "true"})
            try:
                codes = administrator(app.url, app.data_dir, mailbox)
                with sync_playwright() as playwright:
                    browser = launch(playwright)
                    try:
                        for viewport, size in VIEWPORTS.items():
                            context = browser.new_context(viewport=size, locale="fr-FR", device_scale_factor=1)
                            context.set_default_timeout(15_000)
                            expect.set_options(timeout=15_000)
                            try:
                                visit_all(context.new_page(), app.url, codes, args.out, viewport)
                            finally:
                                context.close()
                    finally:
                        browser.close()
            finally:
                app.stop()
    finally:
        mailbox.controller.stop()


if __name__ == "__main__":
    main()
