"""The pages of « Mon compte », in menu order, with Précédent / Suivant."""

from __future__ import annotations

from nicegui import ui

from ecandidat_ui import messages, web_session
from ecandidat_ui.platform import Platform
from pages.layout import ACCOUNT_PAGES, page_frame


def register(platform: Platform) -> None:
    for index, entry in enumerate(ACCOUNT_PAGES):
        _register_entry(platform, index, entry.path, entry.label)


def _register_entry(platform: Platform, index: int, path: str, title: str) -> None:
    @ui.page(path)
    def account_page() -> None:
        account = web_session.current_account(platform.sessions)
        if account is None:
            ui.navigate.to("/connexion")
            return
        with page_frame(platform, title, path, account):
            _previous_next(index)
            with ui.card().classes("w-full p-6 items-center gap-2"):
                ui.icon("construction", size="lg", color="grey-8").props('aria-hidden="true"')
                ui.label(messages.COMING_SOON).classes("text-body1").mark("coming-soon")


def _previous_next(index: int) -> None:
    with ui.row().classes("w-full justify-end gap-2"):
        if index > 0:
            previous = ACCOUNT_PAGES[index - 1]
            ui.button("Précédent", icon="chevron_left", on_click=lambda: ui.navigate.to(previous.path)).props(
                f'outline aria-label="Précédent : {previous.label}"'
            ).mark("previous")
        if index < len(ACCOUNT_PAGES) - 1:
            following = ACCOUNT_PAGES[index + 1]
            ui.button("Suivant", on_click=lambda: ui.navigate.to(following.path)).props(
                f'icon-right=chevron_right aria-label="Suivant : {following.label}"'
            ).mark("next")
