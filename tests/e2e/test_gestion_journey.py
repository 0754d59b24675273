"""The staff side in Chromium: the first administrator made by `create-admin` (its own process) follows the mailed
link, chooses a password, sets up the application's codes from the secret shown as text, signs in and finds the
menu; then axe on every screen of the shell (sign-in, activation, home, « Personnels », « Journal », « Mon compte »,
their dialogs), at desktop and phone widths, with a screenshot of each in screenshots/gestion/."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import pyotp
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.app_process import ROOT, RunningApp, child_environment
from tests.e2e.axe import Violation, audit, axe_installed, report
from tests.e2e.steps import open_page, wait_still
from tests.mailbox import Mailbox

pytestmark = [pytest.mark.browser]

MAIL = "sophie.durand@univ.example"
PASSWORD = "une phrase de passe pour la gestion"
SHOTS = ROOT / "screenshots" / "gestion"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SIDEWAYS = """() => document.documentElement.scrollWidth > document.documentElement.clientWidth"""


def create_admin(app: RunningApp, mailbox: Mailbox, mail: str = MAIL) -> str:
    """`python -m ecandidat_ui create-admin` with the app's settings; returns the link of the mail it sent."""
    port = int(app.url.rsplit(":", 1)[1])
    env = child_environment(port, app.data_dir, "127.0.0.1", mailbox.port) | {"PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "ecandidat_ui", "create-admin", "--mail", mail, "--nom", "Durand", "--prenom", "Sophie"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return mailbox.wait_for_sync(mail).link()


def activate(page: Page, link: str) -> tuple[str, list[str]]:
    """On the set-up page: the password twice, the secret typed into "the application", its first code."""
    open_page(page, link)
    expect(page.get_by_role("heading", level=1, name="Activation du compte de gestion")).to_be_visible()
    expect(page.get_by_role("img", name="Code QR à scanner avec votre application d'authentification")).to_be_visible()
    page.get_by_label("Nouveau mot de passe *", exact=True).fill(PASSWORD)
    page.get_by_label("Confirmation du mot de passe *", exact=True).fill(PASSWORD)
    secret = page.locator(".totp-secret").inner_text().replace(" ", "")
    assert re.fullmatch(r"[A-Z2-7]{32}", secret), secret
    page.get_by_label("Code à 6 chiffres de l'application *", exact=True).fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Activer mon compte").click()
    expect(page.get_by_role("heading", name="Vos codes de secours")).to_be_visible()
    codes = page.locator(".recovery-list li").all_inner_texts()
    assert len(codes) == 10
    return secret, codes


def sign_in(page: Page, app: RunningApp, secret: str, *, step_ahead: int = 1, mail: str = MAIL) -> None:
    open_page(page, f"{app.url}/gestion")
    page.get_by_label("Adresse mail *", exact=True).fill(mail)
    page.get_by_label("Mot de passe *", exact=True).fill(PASSWORD)
    code = page.get_by_label("Code de vérification *", exact=True)
    code.fill(pyotp.TOTP(secret).at(time.time() + 30 * step_ahead))  # the current code served the set-up
    code.press("Enter")
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()


def test_first_administrator_from_the_command_to_the_menu(app: RunningApp, page: Page, mailbox: Mailbox):
    link = create_admin(app, mailbox)
    assert link.startswith(f"{app.url}/gestion/activation/")
    secret, _ = activate(page, link)
    page.get_by_role("button", name="Se connecter à la gestion").click()
    expect(page.get_by_role("heading", level=1, name="Connexion à la gestion")).to_be_visible()

    sign_in(page, app, secret)
    expect(page.get_by_text("Bonjour Sophie DURAND, bienvenue dans la gestion d'eCandidat.")).to_be_visible()
    menu = page.get_by_role("navigation", name="Menu de la gestion")
    for entry in ("Accueil", "Personnels", "Journal", "Mon compte"):
        expect(menu.get_by_role("link", name=entry, exact=True)).to_be_visible()
    expect(page.get_by_role("banner").get_by_text("Université Esup")).to_be_visible()
    expect(page.get_by_role("banner").get_by_text("Sophie DURAND")).to_be_visible()

    # by keyboard: the menu's links are reached with Tab and followed with Enter
    personnels = menu.get_by_role("link", name="Personnels", exact=True)
    for _ in range(30):
        page.keyboard.press("Tab")
        if personnels.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("« Personnels » is never reached with Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Personnels")).to_be_visible()
    expect(page.get_by_role("cell", name=MAIL)).to_be_visible()

    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("heading", level=1, name="Connexion à la gestion")).to_be_visible()
    open_page(page, f"{app.url}/gestion/personnels")
    expect(page.get_by_text("Veuillez vous connecter à la gestion pour accéder à cette page")).to_be_visible()
    expect(page.get_by_role("cell", name=MAIL)).to_have_count(0)


class Audit:
    def __init__(self, page: Page, viewport: str) -> None:
        self.page = page
        self.viewport = viewport
        self.violations: list[Violation] = []
        self.sideways: list[str] = []

    def check(self, name: str) -> None:
        wait_still(self.page)
        assert self.page.evaluate("document.documentElement.lang") == "fr", name
        self.violations += audit(self.page, f"{name} ({self.viewport})")
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}-{self.viewport}.png"), full_page=True)
        if self.page.evaluate(SIDEWAYS):
            self.sideways.append(name)

    def assert_clean(self) -> None:
        others = [v for v in self.violations if not v.blocking]
        blocking = [v for v in self.violations if v.blocking]
        if others:
            print("axe, not blocking (minor or moderate, or best practices):\n" + report(others))
        assert not blocking, "axe, serious and critical WCAG violations:\n" + report(blocking)
        assert not self.sideways, f"the page scrolls sideways at {self.viewport}: {self.sideways}"


@pytest.mark.skipif(not axe_installed(), reason="axe-core absent: run `npm install` at the repo root")
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_and_screenshots_of_every_screen_of_the_shell(
    app: RunningApp, page: Page, mailbox: Mailbox, viewport: dict[str, int]
):
    name = "desktop" if viewport == DESKTOP else "phone"
    page.set_viewport_size(viewport)
    checked = Audit(page, name)

    open_page(page, f"{app.url}/gestion")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_text("Champ obligatoire").first).to_be_visible()
    checked.check("connexion-erreurs")
    open_page(page, f"{app.url}/gestion/activation/lien-inconnu")
    expect(page.get_by_text("Ce lien n'est pas valide")).to_be_visible()
    checked.check("activation-lien-inconnu")

    link = create_admin(app, mailbox)
    open_page(page, link)
    expect(page.get_by_role("button", name="Activer mon compte")).to_be_visible()
    page.get_by_role("button", name="Activer mon compte").click()
    expect(page.get_by_text("Champ obligatoire").first).to_be_visible()
    checked.check("activation-formulaire")
    secret, _ = activate(page, link)
    checked.check("activation-codes-de-secours")

    sign_in(page, app, secret)
    checked.check("accueil")
    if viewport == PHONE:
        page.get_by_role("button", name="Menu").click()
        expect(page.get_by_role("navigation", name="Menu de la gestion")).to_be_visible()
        checked.check("menu-telephone")
        page.keyboard.press("Escape")

    open_page(page, f"{app.url}/gestion/personnels")
    expect(page.get_by_role("cell", name=MAIL)).to_be_visible()
    checked.check("personnels")
    page.get_by_role("button", name="Ajouter un membre").click()
    add = page.get_by_role("dialog", name="Ajouter un membre du personnel")
    add.get_by_role("button", name="Enregistrer").click()
    expect(add.get_by_text("Champ obligatoire").first).to_be_visible()
    checked.check("personnels-ajout-erreurs")
    add.get_by_label("Adresse mail *", exact=True).fill("lea.bernard@univ.example")
    add.get_by_label("Nom *", exact=True).fill("Bernard")
    add.get_by_label("Prénom *", exact=True).fill("Léa")
    add.get_by_role("button", name="Enregistrer").click()
    panel = page.get_by_role("dialog", name="Léa BERNARD")
    expect(panel.get_by_text("Aucun droit")).to_be_visible()
    panel.get_by_label("Rôle *").click()
    page.get_by_role("option", name="Lecture seule").click()
    panel.get_by_role("button", name="Donner ce droit").click()
    expect(panel.get_by_role("listitem").filter(has_text="Lecture seule")).to_be_visible()
    checked.check("personnels-membre")
    panel.get_by_role("button", name="Fermer").click()

    open_page(page, f"{app.url}/gestion/journal")
    expect(page.get_by_role("cell", name="Droit donné").first).to_be_visible()
    checked.check("journal")
    page.get_by_role("button", name=re.compile("^Détails")).first.click()
    expect(page.get_by_role("dialog")).to_be_visible()
    checked.check("journal-details")
    page.keyboard.press("Escape")

    open_page(page, f"{app.url}/gestion/mon-compte")
    expect(page.get_by_role("heading", level=1, name="Mon compte")).to_be_visible()
    checked.check("mon-compte")
    checked.assert_clean()


def test_screenshots_folder_is_ignored_by_git():
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", str(SHOTS / "x.png")], cwd=ROOT, check=False, env=dict(os.environ)
    )
    assert ignored.returncode == 0
