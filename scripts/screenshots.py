"""Screenshots of every page a candidate meets, at desktop (1280x900) and phone (390x844) widths.

    .venv/bin/python scripts/screenshots.py                 # starts the app (with the --demo offer) on a free
                                                            # port, its mails going to a local SMTP server
    .venv/bin/python scripts/screenshots.py --url http://localhost:8080 --outbox data/outbox
                                                            # an app already running without SMTP host

PNGs go to screenshots/ (git-ignored). With --url and no --outbox, the pages that need a mailed link
(validation, signed in) are left out.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from email import message_from_bytes, policy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402

from tests.e2e.app_process import start_app  # noqa: E402
from tests.e2e.chromium import ABSENT, CHROMIUM, launch  # noqa: E402
from tests.e2e.steps import (  # noqa: E402
    PASSWORD,
    choose_password,
    dialog,
    fill_account,
    header,
    open_create_account_dialog,
    open_page,
    sign_in,
    wait_still,
)
from tests.mailbox import Mailbox, ReceivedMail  # noqa: E402

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
PUBLIC_PAGES = {
    "accueil": "/",
    "connexion": "/connexion",
    "assistance": "/assistance",
    "offre": "/offre",
    "formation": "/formation/M1-INFO",
    "lien-validation-inconnu": "/compte/validation/lien-inconnu",
    "lien-mot-de-passe-inconnu": "/compte/mot-de-passe/lien-inconnu",
}


class OutboxFolder:
    """The mails an app without SMTP host writes as .eml files (ECANDIDAT_DATA_DIR/outbox)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def wait_for_sync(self, address: str, count: int = 1, timeout: float = 15.0) -> ReceivedMail:
        deadline = time.monotonic() + timeout
        while True:
            mails = []
            for path in sorted(self.folder.glob("*.eml")):
                message = message_from_bytes(path.read_bytes(), policy=policy.default)
                if address.lower() in str(message["To"]).lower():
                    mails.append(ReceivedMail([address], message))
            if len(mails) >= count:
                return mails[count - 1]
            if time.monotonic() > deadline:
                raise SystemExit(f"no mail #{count} for {address} in {self.folder}")
            time.sleep(0.1)


# The elements sticking out on the right of the page, when the page scrolls sideways.
OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > width + 1 && e.getBoundingClientRect().width > 0)
        .slice(0, 5)
        .map(e => `<${e.tagName.toLowerCase()} class="${e.className}">`
                  + ` right=${Math.round(e.getBoundingClientRect().right)}`);
}"""


def shoot(page: Page, folder: Path, name: str, viewport: str) -> None:
    wait_still(page)
    path = folder / f"{name}-{viewport}.png"
    page.screenshot(path=str(path), full_page=True)
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    for culprit in page.evaluate(OVERFLOW):
        print(f"    the page scrolls sideways: {culprit}")


def visit_all(page: Page, url: str, mails, folder: Path, viewport: str) -> None:
    for name, path in PUBLIC_PAGES.items():
        open_page(page, f"{url}{path}")
        expect(page.locator("[role=heading][aria-level='1']")).to_be_visible()
        shoot(page, folder, name, viewport)

    open_page(page, url)
    creation = open_create_account_dialog(page, from_card=viewport == "phone")
    creation.get_by_role("button", name="Enregistrer").click()
    expect(creation.get_by_text("Champ obligatoire").first).to_be_visible()
    shoot(page, folder, "creation-de-compte-erreurs", viewport)
    if mails is None:
        print("no mail source (--outbox): the pages after the validation mail are left out")
        return

    mail = f"marie.baillon.{viewport}.{uuid.uuid4().hex[:6]}@example.org"
    fill_account(creation, "Baillon", "Marie", mail, mail)
    creation.get_by_role("button", name="Enregistrer").click()
    expect(creation).to_be_hidden()
    shoot(page, folder, "compte-cree", viewport)
    received = mails.wait_for_sync(mail)

    open_page(page, received.link())
    expect(page.get_by_label("Nouveau mot de passe *", exact=True)).to_be_visible()
    page.get_by_label("Nouveau mot de passe *", exact=True).fill(PASSWORD)
    shoot(page, folder, "validation-mot-de-passe", viewport)
    choose_password(page)
    shoot(page, folder, "mot-de-passe-enregistre", viewport)

    open_page(page, f"{url}/connexion")
    sign_in(page, received.login(), PASSWORD)
    expect(page.get_by_text(f"Vous êtes connecté avec le login : {received.login()}")).to_be_visible()
    shoot(page, folder, "accueil-connecte", viewport)
    if viewport == "phone":
        header(page).get_by_role("button", name="Menu").click()
        expect(page.get_by_role("navigation", name="Menu principal")).to_be_in_viewport()
        shoot(page, folder, "menu-ouvert", viewport)
        page.keyboard.press("Escape")

    open_page(page, f"{url}/compte/informations-perso")
    expect(page.get_by_role("heading", level=1, name="Informations perso.")).to_be_visible()
    shoot(page, folder, "compte-informations-perso", viewport)

    open_page(page, url)
    page.get_by_role("button", name="Modifier mon mot de passe").click()
    expect(dialog(page, "Modifier mon mot de passe")).to_be_visible()
    shoot(page, folder, "modifier-mot-de-passe", viewport)


def run(url: str, mails, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for viewport, size in VIEWPORTS.items():
                context = browser.new_context(viewport=size, locale="fr-FR", device_scale_factor=1)
                context.set_default_timeout(15_000)
                expect.set_options(timeout=15_000)
                try:
                    visit_all(context.new_page(), url, mails, folder, viewport)
                finally:
                    context.close()
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="an app already running (default: start one on a free port)")
    parser.add_argument("--outbox", type=Path, help="with --url: the app's outbox folder (no SMTP host set)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="folder of the PNGs")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit(ABSENT)
    if args.url:
        run(args.url.rstrip("/"), OutboxFolder(args.outbox) if args.outbox else None, args.out)
        return
    mailbox = Mailbox()
    mailbox.controller.start()
    try:
        with tempfile.TemporaryDirectory(prefix="ecandidat-screenshots-") as tmp:
            app = start_app(Path(tmp) / "data", "127.0.0.1", mailbox.port, extra_env={"ECANDIDAT_DEMO": "true"})
            try:
                run(app.url, mailbox, args.out)
            finally:
                app.stop()
    finally:
        mailbox.controller.stop()


if __name__ == "__main__":
    main()
