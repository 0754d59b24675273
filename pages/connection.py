from nicegui import ui

from components.banner import banner
from ecandidat_ui import messages, web_session
from ecandidat_ui.platform import Platform
from pages.connection_cards import connection_cards
from pages.layout import page_frame


def register(platform: Platform) -> None:
    @ui.page("/connexion")
    def connection_page(info: str = "", suite: str = "/", login: str = "") -> None:
        if platform.session_cookie.signed_in() is not None:
            ui.navigate.to(suite)  # an address of this site only: the route of the cookie keeps it so
            return
        with page_frame(platform, "Connexion", "/connexion", None):
            if info == web_session.EXPIRED:
                banner(messages.SESSION_EXPIRED, "warning", marker="session-expired")
            connection_cards(platform, then=suite, login=login[:100])
