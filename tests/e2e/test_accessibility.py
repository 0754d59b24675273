"""axe-core on every page a candidate meets before and after signing in: no serious or critical WCAG 2.0/2.1
A or AA violation, and the document in French. The other violations, and axe's best practices, are printed
(see them with pytest -rP or -s)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.app_process import RunningApp
from tests.e2e.axe import Violation, audit, axe_installed, report
from tests.e2e.steps import (
    PASSWORD,
    choose_password,
    create_account,
    dialog,
    open_create_account_dialog,
    open_page,
    sign_in,
    wait_still,
)
from tests.mailbox import Mailbox

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not axe_installed(), reason="axe-core absent: run `npm install` at the repo root (node_modules/axe-core)"
    ),
]

MAIL = "marie.baillon@example.org"


class Audit:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.violations: list[Violation] = []
        self.not_french: list[str] = []

    def check(self, name: str, *, still: bool = True) -> None:
        if still:
            wait_still(self.page)
        lang = self.page.evaluate("document.documentElement.lang")
        if lang != "fr":
            self.not_french.append(f"{name}: lang={lang!r}")
        self.violations += audit(self.page, name)

    def assert_clean(self) -> None:
        others = [v for v in self.violations if not v.blocking]
        blocking = [v for v in self.violations if v.blocking]
        if others:
            print("axe, not blocking (minor or moderate, or best practices):\n" + report(others))
        assert not self.not_french, f"<html lang> is not fr: {self.not_french}"
        assert not blocking, "axe, serious and critical WCAG violations:\n" + report(blocking)


def test_public_pages(demo_app: RunningApp, page: Page):
    """With the sample offer of `main.py --demo`, so that « Offre de formation » lists formations."""
    app = demo_app
    checked = Audit(page)
    for path, heading in (
        ("/", "Accueil"),
        ("/connexion", "Connexion"),
        ("/assistance", "Assistance"),
        ("/offre", "Offre de formation"),
        ("/compte/validation/lien-inconnu", "Validation de compte"),
        ("/compte/mot-de-passe/lien-inconnu", "Nouveau mot de passe"),
    ):
        open_page(page, f"{app.url}{path}")
        expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
        checked.check(path)

    open_page(page, app.url)
    creation = open_create_account_dialog(page)
    creation.get_by_role("button", name="Enregistrer").click()
    expect(creation.get_by_text("Champ obligatoire").first).to_be_visible()
    checked.check("« Création de compte » with errors")

    # Quasar's loading bar shows on every page while a request is under way: audit it shown.
    open_page(page, app.url)
    page.evaluate("Quasar.LoadingBar.start()")
    checked.check("/ while loading (Quasar's loading bar)", still=False)
    page.evaluate("Quasar.LoadingBar.stop()")
    checked.assert_clean()


def test_pages_of_a_candidate(app: RunningApp, page: Page, mailbox: Mailbox):
    checked = Audit(page)
    open_page(page, app.url)
    received = create_account(page, mailbox, MAIL, check_message=False)  # the journey checks the message

    open_page(page, received.link())
    expect(page.get_by_label("Nouveau mot de passe *", exact=True)).to_be_visible()
    checked.check("validation link, password form")
    choose_password(page)
    checked.check("password chosen")

    open_page(page, f"{app.url}/connexion")
    sign_in(page, received.login(), PASSWORD)
    expect(page.get_by_text(f"Vous êtes connecté avec le login : {received.login()}")).to_be_visible()
    checked.check("/ signed in")

    open_page(page, f"{app.url}/compte/informations-perso")
    expect(page.get_by_role("heading", level=1, name="Informations perso.")).to_be_visible()
    checked.check("/compte/informations-perso")

    open_page(page, app.url)
    page.get_by_role("button", name="Modifier mon mot de passe").click()
    expect(dialog(page, "Modifier mon mot de passe")).to_be_visible()
    checked.check("« Modifier mon mot de passe » dialog")
    checked.assert_clean()
