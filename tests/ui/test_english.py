"""The candidate's pages in English (issue 10, item 16), as the user fixture sees them: the browser's language by
default, the header's switch, remembered for the visitor (cookie) and on the account (the mails sent later)."""

from __future__ import annotations

from urllib.parse import quote

from nicegui.testing import User
from sqlmodel import select

from ecandidat_ui.language import FRENCH
from models import Account
from tests.mailbox import Mailbox
from tests.ui.gestion_helpers import test_platform
from tests.ui.helpers import PASSWORD, fill, menu_shows, path_of, see

ENGLISH_BROWSER = "en-GB,en;q=0.9,fr;q=0.5"


async def switch_language(user: User) -> None:
    """Follow the header's link, and wait for the page in the other language (whose link names the first)."""
    before = user.find(marker="language-switch").elements.pop().text
    user.find(marker="language-switch").click()
    await user.should_see({"English": "Français", "Français": "English"}[before], retries=50)


async def test_an_english_browser_gets_the_pages_in_english(user: User):
    user.http_client.headers["Accept-Language"] = ENGLISH_BROWSER
    client = await user.open("/")
    for text in ("Not signed in", "Home", "I am not a student at Université Esup"):
        await user.should_see(text)
    await menu_shows(user, "Home", "Help", "Formations on offer", "Sign in")
    await user.should_see("Please sign in with your eCandidat account")
    await user.should_not_see("Non connecté")
    assert client.page.resolve_language() == "en-GB"  # <html lang="en-GB">
    switch = user.find(marker="language-switch").elements.pop()
    assert switch.text == "Français" and switch.props["lang"] == FRENCH


async def test_a_french_browser_keeps_french_and_html_lang_fr(user: User):
    user.http_client.headers["Accept-Language"] = "fr-FR,fr;q=0.9,en;q=0.8"
    client = await user.open("/")
    await user.should_see("Non connecté")
    assert client.page.resolve_language() == "fr"
    assert user.find(marker="language-switch").elements.pop().text == "English"


async def test_the_switch_turns_the_page_to_english_and_is_remembered(user: User):
    await user.open("/offre")
    await user.should_see("Offre de formation")
    await switch_language(user)
    await user.should_see("Formations on offer")
    await user.should_see("Search for a formation")
    await user.should_see("No formation is open for applications at the moment.")
    client = await user.open("/connexion")  # another page: the choice is remembered (a cookie)
    await user.should_see("I forgot my login details")
    assert client.page.resolve_language() == "en-GB"
    await switch_language(user)
    await user.should_see("J'ai oublié mes identifiants")


async def test_the_gestion_stays_french_for_an_english_browser(user: User):
    user.http_client.headers["Accept-Language"] = ENGLISH_BROWSER
    client = await user.open("/gestion")
    await user.should_see("Connexion")
    assert client.page.resolve_language() == "fr"
    await user.should_not_see(marker="language-switch")


async def test_an_account_made_in_english_gets_its_mails_and_pages_in_english(user: User, mailbox: Mailbox):
    address = "ana.silva@example.org"
    await user.open("/")
    await switch_language(user)
    user.find(marker="create-account").click()
    await user.should_see("Account creation")
    fill(user, last_name="Silva", first_name="Ana", mail=address, mail_confirmation="nope@example.org")
    user.find(marker="save").click()
    await see(user, "The confirmation of the mail address does not match the mail address")  # a service's, in English
    fill(user, mail_confirmation=address)
    user.find(marker="save").click()
    await see(user, "Your account has been created, please check your mail to validate it")
    mail = await mailbox.wait_for(address)
    assert mail.subject == "Creation of your eCandidat account"
    assert "To validate your account and choose your password" in mail.text

    await user.open(path_of(mail.link()))
    await user.should_see("Account validation")
    await user.should_see("Your account has been validated")
    fill(user, password=PASSWORD, confirmation=PASSWORD)
    user.find(marker="save-password").click()
    await see(user, "Your password has been saved, you can sign in")

    await user.open("/connexion")
    fill(user, login=mail.login(), password=PASSWORD)
    user.find(marker="sign-in").click()
    await user.should_see(marker="welcome", retries=50)
    await user.should_see("Welcome ANA SILVA.")
    await menu_shows(user, "Personal details", "Sign out")  # the menu of « Mon compte »
    await user.should_see("Sign out")
    await user.open("/compte/adresse")  # a tab of the file: its fields and buttons
    for text in ("Address", "Country *", "Address *", "Address line 2", "Save", "Next"):
        await user.should_see(text)

    # signed in, the switch also saves the choice on the account, for the mails and PDFs sent later
    await switch_language(user)
    await user.should_see("Déconnexion")
    platform = test_platform()
    try:
        with platform.db.session() as session:
            saved = session.exec(select(Account.language).where(Account.mail == address)).one()
    finally:
        platform.db.dispose()
    assert saved == FRENCH


async def test_the_switch_only_leads_back_to_this_site(user: User):
    for elsewhere in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        client = await user.open(f"/langue/en?suite={quote(elsewhere)}")
        assert client.page.path == "/"  # the home page, now in English
        await user.should_see("Not signed in")
    client = await user.open("/langue/xx?suite=/offre")  # an unknown language is French
    assert client.page.path == "/offre"
    await user.should_see("Non connecté")
