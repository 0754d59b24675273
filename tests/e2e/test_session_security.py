"""Sessions against the real app in its own process: the browser identity is renewed at sign-in and sign-out, so a
cookie copied before opens nothing, and a tab left open stops acting once its session ended elsewhere."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sqlmodel import select

from ecandidat_ui.web_session import LANGUAGE_COOKIE
from models import PostalAddress
from tests.e2e.app_process import RunningApp
from tests.e2e.steps import (
    choose_in_list,
    open_account_tab,
    open_page,
    platform_of,
    signed_in_candidate,
)
from tests.mailbox import Mailbox

pytestmark = pytest.mark.browser

MAIL = "marie.baillon@example.org"
SESSION_EXPIRED = "Votre session a expiré, veuillez vous reconnecter"
CONNECTED_AS = "Vous êtes connecté avec le login : {}"


def session_cookies(context: BrowserContext) -> dict[str, str]:
    return {cookie["name"]: cookie["value"] for cookie in context.cookies()}


def test_a_cookie_copied_before_sign_in_does_not_become_the_signed_in_session(
    app: RunningApp, page: Page, browser: Browser, mailbox: Mailbox
):
    open_page(page, app.url)
    before = page.context.cookies()  # what an attacker could have planted or copied before the sign-in
    login = signed_in_candidate(page, app.url, mailbox, MAIL)
    after = session_cookies(page.context)
    assert all(after.get(cookie["name"]) != cookie["value"] for cookie in before), "the browser identity was kept"

    other = browser.new_context(locale="fr-FR")
    try:
        other.add_cookies(before)
        copied = other.new_page()
        open_page(copied, app.url)
        expect(copied.get_by_text("Non connecté")).to_be_visible()
        expect(copied.get_by_text(CONNECTED_AS.format(login))).to_have_count(0)
    finally:
        other.close()


def test_sign_out_renews_the_browser_identity_and_ends_the_copied_cookie(
    app: RunningApp, page: Page, browser: Browser, mailbox: Mailbox
):
    login = signed_in_candidate(page, app.url, mailbox, MAIL)
    signed_in = page.context.cookies()
    page.get_by_role("button", name="Déconnexion").first.click()
    expect(page.get_by_text("Non connecté")).to_be_visible()
    after = session_cookies(page.context)
    identity = [cookie for cookie in signed_in if cookie["name"] != LANGUAGE_COOKIE]  # a preference, kept on purpose
    assert identity and all(after.get(cookie["name"]) != cookie["value"] for cookie in identity)

    other = browser.new_context(locale="fr-FR")
    try:
        other.add_cookies(signed_in)
        copied = other.new_page()
        open_page(copied, app.url)
        expect(copied.get_by_text("Non connecté")).to_be_visible()
        expect(copied.get_by_text(CONNECTED_AS.format(login))).to_have_count(0)
    finally:
        other.close()


def test_a_live_tab_cannot_save_once_signed_out_in_another_tab(app: RunningApp, page: Page, mailbox: Mailbox):
    signed_in_candidate(page, app.url, mailbox, MAIL)
    open_account_tab(page, app.url, "/compte/adresse", "Adresse")
    page.get_by_role("textbox", name="Code postal *").fill("35000")
    choose_in_list(page, page, "Commune *", "Rennes")
    page.get_by_role("textbox", name="Adresse *").fill("12 rue des Lilas")  # unsaved: leaving would ask first

    elsewhere = page.context.new_page()
    open_page(elsewhere, app.url)
    elsewhere.get_by_role("button", name="Déconnexion").first.click()
    expect(elsewhere.get_by_text("Non connecté")).to_be_visible()

    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(app.url)}/connexion"))
    expect(page.get_by_text(SESSION_EXPIRED)).to_be_visible()
    with platform_of(app.url, app.data_dir, mailbox) as platform, platform.db.session() as session:
        assert session.exec(select(PostalAddress)).first() is None
