"""What a candidate does in the browser, shared by the journeys, the accessibility audit and the screenshots.

Everything is found by its role and its French label or text, as a candidate (or a screen reader) finds it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform, build_platform
from ecandidat_ui.settings import load_settings
from models import Account, Formation
from tests.e2e.app_process import child_environment
from tests.mailbox import Mailbox, ReceivedMail
from tests.unit.test_file_rules import ADDRESS, PERSONAL, bac

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
    return page.get_by_role("region", name=messages.NOT_STUDENT_OF.format(institution="").strip())


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
    """Type the identifiers in « Je ne suis pas étudiant à … » and press Enter (in the language of the run)."""
    card = login_card(page)
    card.get_by_label(messages.USER_FIELD, exact=True).fill(identifier)
    password_field = card.get_by_label(messages.PASSWORD_FIELD, exact=True)
    password_field.fill(password)
    password_field.press("Enter")


# --- a signed-in candidate and the file of « Mon compte » --------------------------------------------------

FILE_COMPLETE = "Les onglets obligatoires de votre dossier sont complets : vous pouvez candidater."
SAVED = "Vos informations ont été enregistrées"
DRAFT_RESTORED = "Nous avons retrouvé une saisie non enregistrée de cet onglet : elle est affichée ci-dessous."


def signed_in_candidate(
    page: Page, url: str, mailbox: Mailbox, mail: str, last_name: str = "Baillon", first_name: str = "Marie"
) -> str:
    """Create an account, follow the link of its mail, choose PASSWORD and sign in; returns the login."""
    open_page(page, url)
    received = create_account(page, mailbox, mail, last_name, first_name, check_message=False)
    open_page(page, received.link())
    choose_password(page)
    open_page(page, f"{url}/connexion")
    sign_in(page, received.login(), PASSWORD)
    expect(page.get_by_text(f"Vous êtes connecté avec le login : {received.login()}", exact=True)).to_be_visible()
    wait_connected(page)
    return received.login()


def open_account_tab(page: Page, url: str, path: str, heading: str) -> None:
    open_page(page, f"{url}{path}")
    expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()


def search_and_choose(scope: Page | Locator, page: Page, label: str, typed: str, option: str) -> None:
    """A list searched on the server as one types: click it, type a few letters, pick the option offered."""
    box = scope.get_by_role("combobox", name=label, exact=True)
    box.click()
    box.press_sequentially(typed, delay=40)
    page.get_by_role("listbox").get_by_role("option", name=option, exact=True).click()
    expect(box).to_have_value(option)
    expect(page.get_by_role("listbox")).to_have_count(0)


def choose_in_list(scope: Page | Locator, page: Page, label: str, option: str, *, typed: str = "") -> None:
    """A drop-down list: open it, then click the option, or type its first letters and press Enter (long lists)."""
    box = scope.get_by_role("combobox", name=label, exact=True)
    box.click()
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    if typed:
        page.keyboard.type(typed, delay=40)
        expect(listbox.locator('[role="option"].q-manual-focusable--focused')).to_have_text(option)
        page.keyboard.press("Enter")
    else:
        listbox.get_by_role("option", name=option, exact=True).click()
    expect(field_of(scope, page, label)).to_contain_text(option)
    expect(listbox).to_have_count(0)


def field_of(scope: Page | Locator, page: Page, label: str) -> Locator:
    """The whole field of a drop-down list, with the label of its chosen option."""
    return scope.locator(".q-field").filter(has=page.get_by_role("combobox", name=label, exact=True))


def save_tab(page: Page) -> None:
    """« Enregistrer » of a tab: the page comes back with its success message."""
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.get_by_role("status").filter(has_text=SAVED)).to_be_visible()
    wait_connected(page)


def menu_link(page: Page, entry: str) -> Locator:
    """An entry of the menu, by its text (its name may end with its completion badge)."""
    return menu(page).get_by_role("listitem").filter(has=page.get_by_text(entry, exact=True)).get_by_role("link")


def menu_badge(page: Page, entry: str) -> Locator:
    """The completion badge beside an entry of « Mon compte » in the menu (its aria-label: complet…)."""
    item = menu(page).get_by_role("listitem").filter(has=page.get_by_text(entry, exact=True))
    return item.locator("[aria-label]")


# --- the file completed from the test process, as the app's own services would -------------------------------


@contextmanager
def platform_of(app_url: str, data_dir: Path, mailbox: Mailbox, **extra_env: str) -> Iterator[Platform]:
    """The services of the app under test, on its database: the same ECANDIDAT_* settings as its process."""
    port = int(app_url.rsplit(":", 1)[1])
    env = child_environment(port, data_dir, "127.0.0.1", mailbox.port) | extra_env
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            if name.startswith("ECANDIDAT_"):
                patch.setenv(name, value)
        platform = build_platform(load_settings())
    try:
        yield platform
    finally:
        platform.db.dispose()


def account_id_of(platform: Platform, login: str) -> int:
    with platform.db.session() as session:
        return session.exec(select(Account).where(Account.login == login)).one().id


def actor_of(platform: Platform, login: str) -> str:
    """A session of the account opened directly (not the browser's): what the services want for a change."""
    return platform.sessions.start(account_id_of(platform, login))


def complete_file(platform: Platform, login: str) -> str:
    """Informations perso., Adresse, Baccalauréat and « pas d'études après le bac »; returns the session that
    filled them, for further changes."""
    me = actor_of(platform, login)
    service = platform.candidate_file
    service.save_personal(me, {**PERSONAL, "ine": ""}, 0, date.today())
    service.save_address(me, ADDRESS, 0)
    service.save_bac(me, bac(2019, "S"), 0, date.today())
    service.set_no_higher_education(me, True)
    return me


def formation_id_of(platform: Platform, code: str) -> int:
    with platform.db.session() as session:
        return session.exec(select(Formation).where(Formation.code == code)).one().id


# --- the offer and a candidature --------------------------------------------------------------------------------


def notification(page: Page, text: str) -> Locator:
    return page.locator(".q-notification").filter(has_text=text)


def piece_card(page: Page, label: str) -> Locator:
    """The card of a pièce justificative, found by its heading."""
    return page.locator(".q-card").filter(has=page.get_by_role("heading", level=3, name=label, exact=True))


def send_piece(page: Page, label: str, name: str, mime_type: str, data: bytes) -> None:
    """« Envoyer le fichier » (or « Remplacer le fichier ») of a pièce, then the file chosen in the file chooser."""
    names = {
        messages.PIECE_ACTION_FOR.format(action=action, label=label)
        for action in (messages.PIECE_SEND, messages.PIECE_REPLACE)
    }
    button = piece_card(page, label).get_by_role("button", name=re.compile("|".join(map(re.escape, names)) + "$"))
    with page.expect_file_chooser() as chooser:
        button.click()
    chooser.value.set_files(files=[{"name": name, "mimeType": mime_type, "buffer": data}])


def pdf_file(text: str) -> bytes:
    """A small real PDF of one page with a line of text."""
    from fpdf import FPDF

    document = FPDF()
    document.add_page()
    document.set_font("helvetica", size=14)
    document.cell(text=text)
    return bytes(document.output())


def png_file() -> bytes:
    """A small real PNG, as a scan of a card would be."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (120, 80), "white")
    ImageDraw.Draw(image).rectangle((8, 8, 112, 72), outline="navy", width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
