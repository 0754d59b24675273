"""What a candidate does in the browser, shared by the journeys, the accessibility audit and the screenshots.

Everything is found by its role and its French label or text, as a candidate (or a screen reader) finds it.
"""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from tests.mailbox import Mailbox, ReceivedMail

PASSWORD = "une phrase de passe solide"
ACCOUNT_CREATED = "Votre compte a été créé avec succès, veuillez consulter vos courriels pour le valider"
PASSWORD_SET = "Votre mot de passe a été enregistré, vous pouvez vous connecter"


def open_page(page: Page, url: str) -> None:
    """Go to a page and wait until NiceGUI's websocket has shaken hands (events and navigation work)."""
    page.goto(url)
    wait_connected(page)


def wait_connected(page: Page) -> None:
    page.wait_for_function("window.did_handshake === true")


def wait_still(page: Page) -> None:
    """Wait for the end of every running animation (dialogs and notifications slide in) and of Quasar's
    loading bar (shown while a request is under way)."""
    page.wait_for_function(
        """() => document.getAnimations().every(
                     a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)
                 && !document.querySelector('.q-loading-bar[role="progressbar"]')"""
    )


def menu(page: Page) -> Locator:
    return page.get_by_role("navigation", name="Menu principal")


def header(page: Page) -> Locator:
    return page.get_by_role("banner")


def dialog(page: Page, title: str) -> Locator:
    return page.get_by_role("dialog").filter(has=page.get_by_role("heading", name=title, exact=True))


def login_card(page: Page) -> Locator:
    return page.get_by_role("region", name="Je ne suis pas étudiant")


def open_create_account_dialog(page: Page, *, from_card: bool = False) -> Locator:
    """« Créer un compte » of the header (hidden on phones) or of the connection card."""
    (login_card(page) if from_card else header(page)).get_by_role("button", name="Créer un compte").click()
    creation = dialog(page, "Création de compte")
    expect(creation).to_be_visible()
    return creation


def fill_account(creation: Locator, last_name: str, first_name: str, mail: str, confirmation: str) -> None:
    creation.get_by_label("Nom *", exact=True).fill(last_name)
    creation.get_by_label("Prénom *", exact=True).fill(first_name)
    creation.get_by_label("Adresse mail *", exact=True).fill(mail)
    creation.get_by_label("Confirmation Adresse Mail *", exact=True).fill(confirmation)


def create_account(
    page: Page,
    mailbox: Mailbox,
    mail: str,
    last_name: str = "Baillon",
    first_name: str = "Marie",
    *,
    check_message: bool = True,
) -> ReceivedMail:
    """Create an account through the header's dialog; returns its mail (login and validation link).
    The journey checks the success message; other tests only need the account (check_message=False)."""
    creation = open_create_account_dialog(page)
    fill_account(creation, last_name, first_name, mail, mail)
    creation.get_by_role("button", name="Enregistrer").click()
    if check_message:
        expect(page.get_by_text(ACCOUNT_CREATED)).to_be_visible()
    expect(creation).to_be_hidden()
    return mailbox.wait_for_sync(mail)


def choose_password(page: Page, password: str = PASSWORD) -> None:
    """On the page of a validation or reset link: the password twice, then Enregistrer."""
    page.get_by_label("Nouveau mot de passe *", exact=True).fill(password)
    page.get_by_label("Confirmation du mot de passe *", exact=True).fill(password)
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text(PASSWORD_SET)).to_be_visible()


def sign_in(page: Page, identifier: str, password: str) -> None:
    """Type the identifiers in « Je ne suis pas étudiant à … » and press Enter."""
    card = login_card(page)
    card.get_by_label("Utilisateur *", exact=True).fill(identifier)
    password_field = card.get_by_label("Mot de passe *", exact=True)
    password_field.fill(password)
    password_field.press("Enter")
