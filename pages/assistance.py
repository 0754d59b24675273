from nicegui import ui

from ecandidat_ui.platform import Platform
from pages.layout import page_frame


def register(platform: Platform) -> None:
    @ui.page("/assistance")
    def assistance_page() -> None:
        settings = platform.settings
        account = platform.session_cookie.account()
        with (
            page_frame(platform, "Assistance", "/assistance", account),
            ui.card().classes("w-full p-4 sm:p-6 gap-3"),
        ):
            ui.label("Vous pouvez :").classes("text-body1")
            with ui.list().classes("w-full"):
                if settings.faq_url:
                    _link("quiz", "Consulter la FAQ", settings.faq_url)
                if settings.documentation_url:
                    _link("description", "Consulter la documentation", settings.documentation_url)
                _link(
                    "mail",
                    f"Envoyer un mail au référent de l'application: {settings.contact_mail}",
                    f"mailto:{settings.contact_mail}",
                )


def _link(icon: str, text: str, target: str) -> None:
    with ui.item().classes("w-full"):
        with ui.item_section().props("avatar"):
            ui.icon(icon, color="primary").props('aria-hidden="true"')
        with ui.item_section():
            ui.link(text, target, new_tab=not target.startswith("mailto:")).classes("text-primary text-body1")
