"""axe-core on every page a candidate meets before and after signing in: no serious or critical WCAG 2.0/2.1
A or AA violation, and the document in French. The other violations, and axe's best practices, are printed
(see them with pytest -rP or -s)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.app_process import RunningApp
from tests.e2e.axe import Violation, audit, axe_installed, report
from tests.e2e.steps import (
    PASSWORD,
    account_id_of,
    choose_in_list,
    choose_password,
    complete_file,
    create_account,
    dialog,
    formation_id_of,
    open_account_tab,
    open_create_account_dialog,
    open_page,
    pdf_file,
    piece_card,
    platform_of,
    sign_in,
    signed_in_candidate,
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
        ("/formation/M1-INFO", "Master Informatique, parcours génie logiciel"),
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


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_file_the_offer_and_a_candidature(demo_app: RunningApp, page: Page, mailbox: Mailbox, viewport):
    """Each tab of « Mon compte » with its form and its errors, the offer with « Candidater », a candidature with
    its pièces and questions, the Candidatures tab: at desktop and at phone width."""
    app = demo_app
    login = signed_in_candidate(page, app.url, mailbox, MAIL)  # « Créer un compte » of the header: desktop
    page.set_viewport_size(viewport)
    page.on("dialog", lambda warning: warning.accept())  # « leave the page? » after typing in a tab
    checked = Audit(page)
    save = page.get_by_role("button", name="Enregistrer", exact=True)

    open_account_tab(page, app.url, "/compte/informations-perso", "Informations perso.")
    page.get_by_role("combobox", name="Pays de naissance *").click()
    page.get_by_role("combobox", name="Pays de naissance *").press_sequentially("fra", delay=40)
    expect(page.get_by_role("listbox").get_by_role("option", name="France", exact=True)).to_be_visible()
    checked.check("/compte/informations-perso, a searched list open")
    page.get_by_role("listbox").get_by_role("option", name="France", exact=True).click()
    page.get_by_role("textbox", name="Prénom *").fill("")
    save.click()
    expect(page.get_by_text("Champ obligatoire").first).to_be_visible()
    checked.check("/compte/informations-perso, born in France, errors shown")

    open_account_tab(page, app.url, "/compte/adresse", "Adresse")
    page.get_by_role("textbox", name="Code postal *").fill("01300")
    save.click()
    expect(page.get_by_text("Champ obligatoire").first).to_be_visible()
    checked.check("/compte/adresse, errors shown")
    page.get_by_role("combobox", name="Commune *").click()
    expect(page.get_by_role("listbox").get_by_role("option").first).to_be_visible()
    checked.check("/compte/adresse, the communes of a postal code open")
    page.keyboard.press("Escape")

    open_account_tab(page, app.url, "/compte/baccalaureat", "Baccalauréat")
    choose_in_list(page, page, "Année d'obtention *", "2023")
    choose_in_list(page, page, "Série du bac ou équivalence *", "Baccalauréat général")
    expect(page.get_by_role("combobox", name="Spécialités suivies en Terminale *")).to_be_visible()
    save.click()
    expect(page.get_by_text("Champ obligatoire").first).to_be_visible()
    checked.check("/compte/baccalaureat, bac général, errors shown")

    open_account_tab(page, app.url, "/compte/cursus-externe", "Cursus Externe")
    checked.check("/compte/cursus-externe")
    page.get_by_role("button", name="Ajouter un cursus").click()
    cursus = dialog(page, "Cursus post-bac")
    expect(cursus).to_be_visible()
    wait_still(page)
    cursus.get_by_role("button", name="Enregistrer").click()
    expect(cursus.get_by_text("Champ obligatoire").first).to_be_visible()
    checked.check("/compte/cursus-externe, the dialog of a cursus with its errors")

    open_account_tab(page, app.url, "/compte/stages", "Stages")
    checked.check("/compte/stages")
    open_account_tab(page, app.url, "/compte/candidatures", "Candidatures")
    checked.check("/compte/candidatures, none yet")

    # A complete file, a candidature with one pièce sent.
    with platform_of(app.url, app.data_dir, mailbox, ECANDIDAT_DEMO="true") as platform:
        me = complete_file(platform, login)
        candidature = platform.candidatures.apply(me, formation_id_of(platform, "M1-INFO"), date.today())
        pieces = platform.candidatures.view(account_id_of(platform, login), candidature.id).pieces
        cv = next(p.piece for p in pieces if p.piece.code == "CV")
        platform.candidatures.send_piece(me, candidature.id, cv.id, "cv.pdf", pdf_file("CV"))

    open_page(page, f"{app.url}/offre")
    page.get_by_role("button", name=re.compile(r"^UFR Sciences et Techniques")).click()
    expect(page.get_by_role("button", name="Candidater à Licence Mathématiques")).to_be_visible()
    checked.check("/offre, a centre open with « Candidater »")

    open_page(page, f"{app.url}/compte/candidatures/{candidature.id}")
    expect(piece_card(page, "Curriculum vitae").get_by_role("link", name="cv.pdf (ouvrir)")).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="Questions")).to_be_visible()
    checked.check("/compte/candidatures/…, pièces and questions")
    page.get_by_role("button", name="Transmettre ma candidature").click()
    expect(page.get_by_role("dialog")).to_be_visible()
    checked.check("/compte/candidatures/…, « Transmettre » asks first")

    open_account_tab(page, app.url, "/compte/candidatures", "Candidatures")
    expect(page.get_by_role("link", name="Master Informatique, parcours génie logiciel")).to_be_visible()
    checked.check("/compte/candidatures, one candidature")  # a table, one card per candidature on phones
    checked.assert_clean()
