"""Back from the institution's CAS server: check the ticket, sign the student in."""

from nicegui import run, ui

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import cas
from ecandidat_ui.services.errors import Refused
from pages.layout import page_frame

RETURN_PATH = cas.RETURN_PATH


def register(platform: Platform) -> None:
    @ui.page(RETURN_PATH)
    async def cas_return(ticket: str = "") -> None:
        settings = platform.settings
        problem = messages.CAS_NO_TICKET
        if settings.cas_enabled and ticket:
            try:
                user = await run.io_bound(
                    cas.validate, settings.cas_url, settings.link(RETURN_PATH), ticket, version=settings.cas_version
                )
                handover = await run.io_bound(platform.accounts.sign_in_with_cas, user)
            except (cas.CasError, Refused) as error:
                problem = str(error.message if isinstance(error, Refused) else error)
            else:
                platform.session_cookie.sign_in(handover, "/")
                return
        with page_frame(platform, messages.SIGN_IN, RETURN_PATH, None):
            with (
                ui.row()
                .classes("w-full items-center gap-3 p-4 rounded bg-red-1 text-red-10 no-wrap")
                .props('role="alert"')
            ):
                ui.icon("error").props('aria-hidden="true"')
                ui.label(problem).classes("text-body1").mark("cas-problem")
            ui.button(messages.FILE_RETOUR_A_LA_CONNEXION, on_click=lambda: ui.navigate.to("/connexion"))
