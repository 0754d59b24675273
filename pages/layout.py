"""The frame of every page, filled with the platform's menu, the signed-in account and the account dialogs."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from urllib.parse import urlencode

from nicegui import run, ui

from components.account_dialogs import account_dialog, mail_dialog
from components.frame import FrameModel, MenuEntry, frame
from ecandidat_ui import language, messages
from ecandidat_ui.platform import Platform
from models import Account
from pages.language import switch_address

log = logging.getLogger(__name__)
SIGN_IN_PATH = "/connexion"

ACCOUNT_ICONS = {  # the tabs of the candidate's file (messages.TAB_LABELS) → their icons
    "informations-perso": "person",
    "adresse": "home",
    "baccalaureat": "school",
    "cursus-interne": "account_balance",
    "cursus-externe": "history_edu",
    "stages": "work_outline",
    "experiences-pro": "work",
    "candidatures": "assignment",
}


def account_pages() -> list[MenuEntry]:
    """The tabs of « Mon compte », in the page's language."""
    labels = messages.TAB_LABELS
    return [MenuEntry(labels[tab], f"/compte/{tab}", icon) for tab, icon in ACCOUNT_ICONS.items()]


def public_menu(signed_in: bool) -> list[MenuEntry]:
    entries = [
        MenuEntry(messages.HOME, "/", "home"),
        MenuEntry(messages.ASSISTANCE, "/assistance", "help_outline"),
        MenuEntry(messages.OFFER_TITLE, "/offre", "menu_book"),
    ]
    if not signed_in:
        entries.append(MenuEntry(messages.SIGN_IN, "/connexion", "login"))
    return entries


async def file_statuses(platform: Platform, account: Account | None) -> dict | None:
    """The badges of the menu for a signed-in candidate (read off the event loop), on every page they visit."""
    if account is None:
        return None
    return await run.io_bound(platform.candidate_file.statuses, account.id, date.today())


@contextmanager
def page_frame(
    platform: Platform, title: str, path: str, account: Account | None, *, statuses: dict | None = None
) -> Iterator[ui.column]:
    """The frame of a page; `statuses` (tab → status) puts the completion badges in the menu."""
    signed_in = account is not None
    account_menu = account_pages() if signed_in else []
    if statuses:
        account_menu = [
            replace(entry, status=str(status)) for entry, status in zip(account_menu, statuses.values(), strict=True)
        ]
    model = FrameModel(
        institution=platform.settings.institution_name,
        current_path=path,
        menu=public_menu(signed_in),
        account_menu=account_menu,
        user_name=account.display_name if account else None,
        on_sign_in=lambda: ui.navigate.to(sign_in_address(this_address())),
        on_create_account=lambda: open_create_account(platform),
        on_sign_out=lambda: sign_out(platform),
        maintenance=maintenance_message(platform),
        switch_language=switch_language(),
    )
    with frame(title, model) as content:
        yield content


def switch_language() -> tuple[str, str]:
    """The header's link to the other language (pages/language.py)."""
    other = language.ENGLISH if language.current() == language.FRENCH else language.FRENCH
    return other, switch_address(other)


def maintenance_message(platform: Platform) -> str:
    """The maintenance message; none when the database does not answer (the error page is built with this frame)."""
    try:
        return platform.site_messages.maintenance()
    except Exception:
        log.warning("the maintenance message could not be read", exc_info=True)
        return ""


def sign_out(platform: Platform) -> None:
    platform.session_cookie.sign_out("/")


def open_create_account(platform: Platform) -> None:
    async def save(values: dict[str, str]) -> str:
        await run.io_bound(
            platform.accounts.create,
            values["last_name"],
            values["first_name"],
            values["mail"],
            values["mail_confirmation"],
        )
        return messages.ACCOUNT_CREATED

    account_dialog(messages.ACCOUNT_CREATION, save, on_forgotten=lambda: open_forgotten(platform)).open()


def open_forgotten(platform: Platform) -> None:
    address = ui.context.client.ip

    async def save(values: dict[str, str]) -> str:
        await run.io_bound(platform.accounts.send_reset_link, values["mail"], address)
        return messages.RESET_SENT

    mail_dialog(messages.FORGOTTEN, messages.FORGOTTEN_INTRO, save).open()


def open_lost_activation(platform: Platform) -> None:
    address = ui.context.client.ip

    async def save(values: dict[str, str]) -> str:
        await run.io_bound(platform.accounts.resend_validation_link, values["mail"], address)
        return messages.ACTIVATION_SENT

    mail_dialog(messages.LOST_ACTIVATION, messages.LOST_ACTIVATION_INTRO, save).open()


def sign_in_address(then: str = "", login: str = "") -> str:
    """« Connexion », going on to `then` once signed in (the page that asked: a candidature, the offer…), with the
    login already typed when known (after choosing one's password)."""
    query = {name: value for name, value in (("suite", then), ("login", login)) if value}
    return f"{SIGN_IN_PATH}?{urlencode(query)}" if query else SIGN_IN_PATH


def this_address() -> str:
    """The address of the page being built or acted on, query included: where to come back after signing in."""
    request = ui.context.client.request
    if request is None:
        return "/"
    return f"{request.url.path}?{request.url.query}" if request.url.query else request.url.path
