from nicegui import ui

from ecandidat_ui import web_session
from ecandidat_ui.platform import Platform
from pages.connection_cards import connection_cards
from pages.layout import page_frame


def register(platform: Platform) -> None:
    @ui.page("/connexion")
    def connection_page() -> None:
        account = web_session.current_account(platform.sessions)
        if account is not None:
            ui.navigate.to("/")
            return
        with page_frame(platform, "Connexion", "/connexion", None):
            connection_cards(platform)
