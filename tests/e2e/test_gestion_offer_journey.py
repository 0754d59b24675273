"""In Chromium: an administrator signs in to the gestion (password + TOTP code), creates a centre, a commission
and a formation open today through the screens, and a visitor finds it on « Offre de formation »; a gestionnaire
of another centre can neither see nor open it, by the screen or by typing its address; axe audits each set-up
screen and its form (no serious or critical WCAG violation)."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pyotp
from playwright.sync_api import Page, expect

from ecandidat_ui import messages
from ecandidat_ui.services import totp
from ecandidat_ui.services.rights import Role
from models import Centre
from tests.e2e.app_process import RunningApp
from tests.e2e.axe import Violation, audit, axe_installed, report
from tests.e2e.steps import (
    choose_in_list,
    dialog,
    formation_id_of,
    notification,
    open_page,
    platform_of,
    png_file,
    wait_still,
)
from tests.mailbox import Mailbox
from tests.ui.gestion_helpers import staff_member

ADMIN_MAIL = "anne.dupont@univ.example"
STAFF_PASSWORD = "une phrase de passe pour la gestion"
SAVED = "Les modifications ont été enregistrées"
SETUP_CENTRE_REFUSED = messages.RIGHT_REFUSED_CENTRE.format(action=messages.STAFF_ACTIONS["view_setup"])


def set_up_admin(app: RunningApp, mailbox: Mailbox) -> str:
    """The first administrator, as create-admin makes them, who followed their link: returns the TOTP secret."""
    with platform_of(app.url, app.data_dir, mailbox) as platform:
        created = platform.staff.bootstrap_admin(ADMIN_MAIL, "Dupont", "Anne")
        token = created.link.rsplit("/", 1)[1]
        secret = platform.staff.totp_enrolment(token).secret
        step = int(time.time() // totp.STEP_SECONDS) - 1  # leaves the current step for the sign-in
        platform.staff.complete_setup(token, STAFF_PASSWORD, STAFF_PASSWORD, pyotp.TOTP(secret).generate_otp(step))
    return secret


def sign_in_gestion(page: Page, url: str, secret: str, mail: str = ADMIN_MAIL) -> None:
    open_page(page, f"{url}/gestion")
    page.get_by_label("Adresse mail *").fill(mail)
    page.get_by_label("Mot de passe *").fill(STAFF_PASSWORD)
    page.get_by_label("Code de vérification *").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()


class Audit:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.violations: list[Violation] = []

    def __call__(self, name: str) -> None:
        wait_still(self.page)
        if axe_installed():
            self.violations += audit(self.page, name)

    def check(self) -> None:
        others = [v for v in self.violations if not v.blocking]
        if others:
            print("axe, not blocking (minor or moderate, or best practices):\n" + report(others))
        blocking = [v for v in self.violations if v.blocking]
        assert not blocking, "axe, serious and critical WCAG violations:\n" + report(blocking)


def test_an_administrator_sets_up_a_formation_that_a_visitor_finds(app: RunningApp, page: Page, mailbox: Mailbox):
    secret = set_up_admin(app, mailbox)
    axe = Audit(page)
    sign_in_gestion(page, app.url, secret)

    open_page(page, f"{app.url}/gestion/centres")
    expect(page.get_by_role("heading", level=1, name="Centres de candidature")).to_be_visible()
    axe("centres")
    page.get_by_role("button", name="Nouveau centre de candidature").click()
    form = dialog(page, "Nouveau centre de candidature")
    form.get_by_label("Code *").fill("SCI")
    form.get_by_label("Libellé *").fill("UFR Sciences et Techniques")
    form.get_by_label("Mail contact").fill("pas-une-adresse")
    form.get_by_role("button", name="Enregistrer").click()
    expect(form.get_by_text("Adresse mail invalide")).to_be_visible()
    axe("centres, erreur dans le formulaire")
    form.get_by_label("Mail contact").fill("sciences@univ.example")
    form.get_by_role("button", name="Enregistrer").click()
    expect(notification(page, SAVED)).to_be_visible()
    expect(page.get_by_role("cell", name="UFR Sciences et Techniques", exact=True)).to_be_visible()

    open_page(page, f"{app.url}/gestion/commissions")
    axe("commissions")
    page.get_by_role("button", name="Nouvelle commission").click()
    form = dialog(page, "Nouvelle commission")
    form.get_by_label("Code *").fill("SCI-L")
    form.get_by_label("Libellé *").fill("Commission des licences")
    choose_in_list(form, page, "Centre de candidature *", "SCI — UFR Sciences et Techniques")
    form.get_by_label("Adresse").fill("UFR Sciences et Techniques\n1 rue des Écoles")
    form.get_by_role("button", name="Enregistrer").click()
    edit = dialog(page, "Edition de commission")  # opened next, for the signature image
    expect(edit.get_by_role("button", name="Choisir une image")).to_be_visible()
    axe("commissions, formulaire")
    image = {"name": "signature.png", "mimeType": "image/png", "buffer": png_file()}
    edit.locator("input[type=file]").set_input_files(files=[image])  # through the upload guard, as staff
    expect(edit.get_by_role("img", name="Image de signature de la commission")).to_be_visible()
    expect(edit.get_by_role("button", name="Retirer l'image")).to_be_visible()
    edit.get_by_role("button", name="Annuler").click()
    expect(page.get_by_role("cell", name="Commission des licences", exact=True)).to_be_visible()

    open_page(page, f"{app.url}/gestion/formations")
    axe("formations")
    page.get_by_role("button", name="Nouvelle formation").click()
    form = dialog(page, "Nouvelle formation")
    form.get_by_label("Code *").fill("L1-INFO")
    form.get_by_label("Libellé *").fill("Licence Informatique")
    choose_in_list(form, page, "Commission *", "SCI-L — Commission des licences")
    today = date.today()
    form.get_by_label("Date début dépôt *").fill(today.isoformat())
    form.get_by_label("Date fin dépôt *").fill((today - timedelta(days=1)).isoformat())
    form.get_by_label("Date de retour des dossiers *").fill((today + timedelta(days=40)).isoformat())
    form.get_by_role("button", name="Enregistrer").click()
    expect(form.get_by_text("« Date fin dépôt » doit être postérieure ou égale à « Date début dépôt »")).to_be_visible()
    axe("formations, erreur de dates")
    form.get_by_label("Date fin dépôt *").fill((today + timedelta(days=30)).isoformat())
    form.get_by_role("button", name="Enregistrer").click()
    expect(notification(page, SAVED)).to_be_visible()
    expect(page.get_by_role("cell", name="Licence Informatique", exact=True)).to_be_visible()

    open_page(page, f"{app.url}/gestion/campagnes")
    expect(page.get_by_role("cell", name="Active", exact=True)).to_be_visible()
    axe("campagnes")

    visitor = page.context.browser.new_context(locale="fr-FR").new_page()
    open_page(visitor, f"{app.url}/offre?recherche=informatique")
    expect(visitor.get_by_text("Licence Informatique")).to_be_visible()
    expect(visitor.get_by_text("Candidatures ouvertes")).to_be_visible()
    visitor.context.close()

    refused_to_another_centres_manager(app, page, mailbox)
    axe.check()


def refused_to_another_centres_manager(app: RunningApp, page: Page, mailbox: Mailbox) -> None:
    """A gestionnaire of another centre: L1-INFO is not in their list, and its typed address is refused."""
    with platform_of(app.url, app.data_dir, mailbox) as platform:
        with platform.db.session() as session:
            letters = Centre(code="LET", label="UFR Lettres")
            session.add(letters)
            session.commit()
            letters_id = letters.id
        manager = staff_member(Role.CENTRE_MANAGER, centre_id=letters_id, platform=platform)
        formation_id = formation_id_of(platform, "L1-INFO")
    other = page.context.browser.new_context(locale="fr-FR").new_page()
    sign_in_gestion(other, app.url, manager.secret, manager.mail)
    open_page(other, f"{app.url}/gestion/formations")
    expect(other.get_by_role("heading", level=1, name="Formations")).to_be_visible()
    expect(other.get_by_role("status").filter(has_text=messages.TABLE_COUNT_NONE)).to_be_visible()  # answered
    expect(other.get_by_text("Licence Informatique")).to_have_count(0)
    open_page(other, f"{app.url}/gestion/formations?ouvrir={formation_id}")
    expect(other.get_by_text(SETUP_CENTRE_REFUSED)).to_be_visible()
    expect(other.get_by_text("Licence Informatique")).to_have_count(0)
    other.context.close()
