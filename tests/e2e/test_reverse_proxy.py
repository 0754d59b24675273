"""Behind a reverse proxy, in Chromium: the client address of the sign-in throttle is the one the proxy forwards
(X-Forwarded-For), and only when the proxy is one of ECANDIDAT_FORWARDED_ALLOW_IPS."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from ecandidat_ui import messages, security
from ecandidat_ui.platform import build_platform
from ecandidat_ui.settings import Settings
from models import Account
from models.clock import utcnow
from tests.e2e.app_process import RunningApp, start_app
from tests.e2e.conftest import DESKTOP, TIMEOUT_MS
from tests.e2e.steps import login_card, open_page
from tests.mailbox import Mailbox

LOGIN = "PROX0001"
PASSWORD = "une phrase de passe solide"
ATTACKER = "203.0.113.7"
OWNER = "198.51.100.4"
TOO_MANY = "Trop de tentatives, veuillez réessayer dans"


@contextmanager
def app_behind(tmp_path: Path, mailbox: Mailbox, trusted: str) -> Iterator[RunningApp]:
    """The app, believing X-Forwarded-For from `trusted` only, with a validated account."""
    app = start_app(
        tmp_path / "app-data", "127.0.0.1", mailbox.port, extra_env={"ECANDIDAT_FORWARDED_ALLOW_IPS": trusted}
    )
    try:
        platform = build_platform(Settings(data_dir=app.data_dir, public_url=app.url))  # the app prepared it
        with platform.db.session() as session:
            session.add(
                Account(
                    login=LOGIN,
                    last_name="BAILLON",
                    first_name="MARIE",
                    mail="marie@example.org",
                    mail_key="marie@example.org",
                    password_hash=security.hash_password(PASSWORD),
                    mail_confirmed=True,
                    validated_at=utcnow(),
                )
            )
        platform.db.dispose()
        yield app
    finally:
        app.stop()


@contextmanager
def browser_at(browser: Browser, forwarded_for: str) -> Iterator[BrowserContext]:
    """A browser whose requests reach the app as if through a proxy, for a person at `forwarded_for`."""
    expect.set_options(timeout=TIMEOUT_MS)
    context = browser.new_context(
        viewport=DESKTOP, locale="fr-FR", extra_http_headers={"X-Forwarded-For": forwarded_for}
    )
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context
    finally:
        context.close()


def ready_to_sign_in(context: BrowserContext, app: RunningApp, password: str) -> Page:
    """A tab on « Connexion » with the identifiers typed in, Enter not pressed yet."""
    page = context.new_page()
    open_page(page, f"{app.url}/connexion")
    card = login_card(page)
    card.get_by_label("Utilisateur *", exact=True).fill(LOGIN)
    card.get_by_label("Mot de passe *", exact=True).fill(password)
    return page


def submit(page: Page) -> None:
    login_card(page).get_by_label("Mot de passe *", exact=True).press("Enter")


def three_wrong_passwords_then(context: BrowserContext, app: RunningApp, next_try: Page) -> None:
    """Three failures, then at once the next try (tabs typed in beforehand: the first wait is a few seconds)."""
    tabs = [ready_to_sign_in(context, app, "mauvais mot de passe") for _ in range(3)]
    for tab in tabs:
        submit(tab)
        expect(tab.get_by_text(messages.WRONG_PASSWORD)).to_be_visible()
    submit(next_try)


@pytest.mark.browser
def test_a_trusted_proxy_forwards_each_address(browser: Browser, tmp_path: Path, mailbox: Mailbox):
    with (
        app_behind(tmp_path, mailbox, "127.0.0.1") as app,
        browser_at(browser, ATTACKER) as attacker,
        browser_at(browser, OWNER) as owner,  # behind the same proxy, at another address
    ):
        fourth = ready_to_sign_in(attacker, app, "mauvais mot de passe")
        three_wrong_passwords_then(attacker, app, fourth)
        expect(fourth.get_by_text(TOO_MANY)).to_be_visible()
        owners_tab = ready_to_sign_in(owner, app, PASSWORD)
        submit(owners_tab)
        expect(owners_tab.get_by_text(f"Vous êtes connecté avec le login : {LOGIN}")).to_be_visible()


@pytest.mark.browser
def test_the_forwarded_address_is_not_believed_from_anyone_else(browser: Browser, tmp_path: Path, mailbox: Mailbox):
    with (
        app_behind(tmp_path, mailbox, "192.0.2.1") as app,
        browser_at(browser, ATTACKER) as attacker,
        browser_at(browser, OWNER) as owner,  # a header anyone can send: both are 127.0.0.1
    ):
        owners_tab = ready_to_sign_in(owner, app, PASSWORD)
        three_wrong_passwords_then(attacker, app, owners_tab)
        expect(owners_tab.get_by_text(TOO_MANY)).to_be_visible()
