"""Small steps shared by the page tests."""

from __future__ import annotations

import asyncio

from nicegui import ui
from nicegui.testing import User

from components.app_menu import AppMenu
from tests.mailbox import Mailbox

PASSWORD = "une phrase de passe solide"


async def see(user: User, text: str) -> None:
    """Wait for text that appears after work done off the event loop (hashing, database, mail)."""
    await user.should_see(text, retries=50)


def field(user: User, marker: str) -> ui.input:
    return user.find(marker=marker).elements.pop()


def fill(user: User, **values: str) -> None:
    for marker, value in values.items():
        field(user, marker).value = value


async def create_account(
    user: User,
    mailbox: Mailbox,
    mail: str = "marie.baillon@example.org",
    last_name: str = "Baillon",
    first_name: str = "Marie",
) -> str:
    """Create an account through the dialog; returns the validation link of its mail."""
    await user.open("/")
    user.find(marker="create-account").click()
    fill(user, last_name=last_name, first_name=first_name, mail=mail, mail_confirmation=mail)
    user.find(marker="save").click()
    await see(user, "Votre compte a été créé avec succès, veuillez consulter vos courriels pour le valider")
    return (await mailbox.wait_for(mail)).link()


async def validated_account(user: User, mailbox: Mailbox, mail: str = "marie.baillon@example.org") -> str:
    """Create and validate an account with PASSWORD; returns its login."""
    link = await create_account(user, mailbox, mail)
    await user.open(link.removeprefix("http://ecandidat.test"))
    fill(user, password=PASSWORD, confirmation=PASSWORD)
    user.find(marker="save-password").click()
    await see(user, "Votre mot de passe a été enregistré, vous pouvez vous connecter")
    return (await mailbox.wait_for(mail)).login()


async def sign_in(user: User, login: str, password: str = PASSWORD) -> None:
    await user.open("/connexion")
    fill(user, login=login, password=password)
    user.find(marker="sign-in").click()


def path_of(link: str) -> str:
    return link.removeprefix("http://ecandidat.test")


async def error_of(user: User, marker: str, timeout: float = 5.0) -> str | None:
    """The error shown at a field, once the save running off the event loop has set one."""
    deadline = asyncio.get_running_loop().time() + timeout
    while field(user, marker).error is None and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.02)
    return field(user, marker).error


def choose(user: User, marker: str, typed: str, code: str | None = None) -> str:
    """Type in a searched list, as a candidate would, then pick the given option (or the first one)."""
    user.find(marker=marker).trigger("inputValue", typed)  # Quasar's input-value, as NiceGUI names it
    select = field(user, marker)
    chosen = code or next(iter(select.options))
    assert chosen in select.options, f"{chosen} not offered for {typed!r}: {select.options}"
    select.value = chosen
    return chosen


async def until(condition, timeout: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


async def offer_line(user: User, code: str, timeout: float = 5.0) -> dict:
    """A formation's line in the offer. Its lines are the rows of one element (components/offer_list.py): the
    user fixture reads them there, as the browser's template shows them."""
    page = f"/formation/{code}"

    def found() -> dict | None:
        rows = (row for table in user.find(marker="offer-list").elements for row in table.rows)
        return next((row for row in rows if row.get("page") == page), None)

    await until(lambda: found() is not None, timeout)
    return found()


def offer_lines(user: User) -> list[dict]:
    return [row for table in user.find(marker="offer-list").elements for row in table.rows if "id" in row]


async def apply_to_line(user: User, code: str) -> None:
    """« Candidater » on a formation's line, as its button does: the list's `apply` event with the id."""
    line = await offer_line(user, code)
    assert line["open"] and not line["candidature"], f"{code} offers no « Candidater »: {line}"
    user.find(marker="offer-list").trigger("apply", line["id"])


def menu(user: User) -> AppMenu:
    """The candidate's menu: one element whose entries are props (components/app_menu.py), read as it shows them."""
    return user.find(marker="menu").elements.pop()


async def menu_shows(user: User, *labels: str) -> None:
    """Each label is an entry of the menu (waiting for the page as `see` does)."""
    await until(lambda: bool(user.find(marker="menu").elements) and set(labels) <= set(menu(user).labels))
