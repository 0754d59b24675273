"""The content screens of the gestion in Chromium: an administrator signs in (password + TOTP code), opens Mails,
Messages, FAQ and Paramètres and their editors — axe finds no serious or critical WCAG violation, at desktop and
phone widths, and nothing sticks out sideways — then edits the account-creation mail, which the next candidate
who creates an account receives."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.app_process import RunningApp
from tests.e2e.axe import Violation, audit, axe_installed, report
from tests.e2e.steps import create_account, open_page, platform_of, wait_still
from tests.mailbox import Mailbox
from tests.ui.gestion_helpers import StaffLogin, staff_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not axe_installed(), reason="axe-core absent: run `npm install` at the repo root"),
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# (path, the row whose editor is opened, its accessible action name)
SCREENS = {
    "mails": ("/gestion/mails", "Modifier : Création de compte"),
    "messages": ("/gestion/messages", "Modifier : Message de maintenance"),
    "faq": ("/gestion/faq", "Modifier : Comment changer l'adresse mail de mon compte ?"),
    "parametres": ("/gestion/parametres", "Modifier : Taille maximale d'une pièce justificative (Mo)"),
}
OVERFLOW = "() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"


def sign_in_staff(page: Page, url: str, member: StaffLogin, path: str) -> None:
    open_page(page, url + path)
    page.get_by_label("Adresse mail *").fill(member.mail)
    page.get_by_label("Mot de passe *").fill(member.password)
    page.get_by_label("Code de vérification *").fill(member.code())
    page.get_by_role("button", name="Se connecter", exact=True).click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()


def shoot(page: Page, name: str) -> None:
    """Kept in SCREENSHOTS_DIR (a folder) when it is set, to be looked at."""
    folder = os.environ.get("SCREENSHOTS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def audit_screens(page: Page, url: str, screens: dict[str, tuple[str, str]]) -> None:
    """Each screen (name → (path, the accessible name of a row's « Modifier »)) and the form that button opens,
    at desktop and phone widths: no serious or critical axe violation, nothing sticking out sideways; each shot."""
    violations: list[Violation] = []
    for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        for name, (path, action) in screens.items():
            open_page(page, url + path)
            expect(page.get_by_role("button", name=action)).to_be_visible()
            wait_still(page)
            violations += audit(page, f"{name} ({width_name})")
            assert not page.evaluate(OVERFLOW), f"{name} scrolls sideways at {width_name} width"
            shoot(page, f"gestion-{name}-{width_name}")
            page.get_by_role("button", name=action).click()
            editor = page.get_by_role("dialog")
            expect(editor.get_by_role("button", name="Enregistrer")).to_be_visible()
            wait_still(page)
            violations += audit(page, f"{name}, editor ({width_name})")
            shoot(page, f"gestion-{name}-editor-{width_name}")
            editor.get_by_role("button", name="Annuler").click()
            expect(editor).to_be_hidden()
    blocking = [violation for violation in violations if violation.blocking]
    assert not blocking, report(blocking)
    if violations:
        print(report(violations))


def test_the_content_screens_are_accessible_at_both_widths_and_a_mail_edit_reaches_the_next_candidate(
    app: RunningApp, page: Page, mailbox: Mailbox
):
    with platform_of(app.url, app.data_dir, mailbox) as platform:
        admin = staff_member(platform=platform)
    sign_in_staff(page, app.url, admin, "/gestion/mails")
    audit_screens(page, app.url, SCREENS)

    page.set_viewport_size(DESKTOP)
    open_page(page, app.url + "/gestion/mails")
    page.get_by_role("button", name="Modifier : Création de compte").click()
    editor = page.get_by_role("dialog")
    editor.get_by_label("Objet *").fill("Bienvenue {prenom} {civilite}")
    editor.get_by_role("button", name="Enregistrer").click()
    expect(editor.get_by_text("La variable {civilite} n'existe pas pour ce mail")).to_be_visible()
    editor.get_by_label("Objet *").fill("Bienvenue {prenom} dans votre espace")
    expect(editor.get_by_text("Bienvenue CAMILLE dans votre espace")).to_be_visible()  # the preview follows
    editor.get_by_role("button", name="Enregistrer").click()
    expect(editor).to_be_hidden()
    expect(page.get_by_role("cell", name="Bienvenue {prenom} dans votre espace")).to_be_visible()

    visitor = page.context.browser.new_page(locale="fr-FR", viewport=DESKTOP)
    try:
        open_page(visitor, app.url + "/")
        mail = create_account(visitor, mailbox, "marie.baillon@example.org")
    finally:
        visitor.close()
    assert mail.subject == "Bienvenue MARIE dans votre espace"
    assert re.search(r"/compte/validation/\S+", mail.text)


def audit_at_both_widths(page: Page, name: str, ready: Callable[[], object] = lambda: None) -> list[Violation]:
    """The page as it is now at desktop then phone width (left at desktop width), once `ready` says so: axe's
    violations, nothing sticking out sideways, a screenshot of each (`shoot`)."""
    violations: list[Violation] = []
    for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        ready()
        wait_still(page)
        violations += audit(page, f"{name} ({width_name})")
        assert not page.evaluate(OVERFLOW), f"{name} sticks out sideways at {width_name} width"
        shoot(page, f"{name}-{width_name}")
    page.set_viewport_size(DESKTOP)
    return violations
