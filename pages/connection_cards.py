"""The connection cards, as on the home page and on « Connexion »."""

from __future__ import annotations

from nicegui import run, ui

from components.login_card import LoginCard, student_card
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import cas
from pages import language
from pages.layout import open_create_account, open_forgotten, open_lost_activation


def connection_cards(platform: Platform, *, then: str = "/", login: str = "") -> None:
    """`then`: where the browser goes once signed in (kept to this site's addresses by the session cookie's
    route); `login`: typed in already."""
    settings = platform.settings
    student_of = language.student_of(settings)

    async def sign_in(login: str, password: str) -> None:
        client = ui.context.client
        handover = await run.io_bound(platform.accounts.sign_in, login, password, client.ip)
        if client.is_deleted:  # the browser left while the password was checked: the hand-over soon expires
            return
        platform.session_cookie.sign_in(handover, then)

    with ui.grid(columns="repeat(auto-fit, minmax(min(100%, 22rem), 1fr))").classes("w-full gap-4"):
        if settings.cas_enabled:
            student_card(student_of, cas.login_url(settings.cas_url, settings.link(cas.RETURN_PATH)))
        LoginCard(
            student_of,
            on_sign_in=sign_in,
            on_forgotten=lambda: open_forgotten(platform),
            on_lost_activation=lambda: open_lost_activation(platform),
            on_create=lambda: open_create_account(platform),
            login=login,
        )
