"""/gestion: the staff sign-in, and once signed in, the gestion's home (who you are, your rights); the return
from the institution's CAS server."""

from __future__ import annotations

from urllib.parse import quote

from nicegui import run, ui

from ecandidat_ui import gestion_session, messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import cas
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.staff import SIGN_IN_PATH
from pages.gestion.shell import CAS_RETURN_PATH, frame, menu_for, sign_in_page


def register(platform: Platform) -> None:
    @ui.page(SIGN_IN_PATH)
    async def home(info: str = "") -> None:
        actor = await gestion_session.current_actor(platform)
        if actor is None:
            sign_in_page(platform, info=info)
            return
        account = await run.io_bound(platform.staff.own_account, actor)
        with frame(platform, actor, "Accueil de la gestion", SIGN_IN_PATH):
            ui.label(messages.STAFF_WELCOME.format(name=actor.name)).classes("text-body1").mark("gestion-welcome")
            ui.label("Vos droits").classes("text-h6").props('role="heading" aria-level="2"')
            with ui.element("ul").classes("q-pl-lg").mark("gestion-grants"):
                for grant in account.grants:
                    with ui.element("li"):
                        ui.label(grant.text)
                if not account.grants:
                    with ui.element("li"):
                        ui.label(messages.STAFF_NO_RIGHT)
            if not menu_for(actor) and account.grants:
                ui.label(messages.STAFF_NO_SCREEN).classes("text-body1")

    @ui.page(CAS_RETURN_PATH)
    async def cas_return(ticket: str = "", suite: str = SIGN_IN_PATH) -> None:
        settings = platform.settings
        problem = messages.CAS_NO_TICKET
        if settings.cas_enabled and ticket:
            service = settings.link(f"{CAS_RETURN_PATH}?suite={quote(suite)}")
            try:
                user = await run.io_bound(cas.validate, settings.cas_url, service, ticket, version=settings.cas_version)
                session_id = await run.io_bound(platform.staff.sign_in_with_cas, user.login, ui.context.client.ip or "")
            except (cas.CasError, Refused) as error:
                problem = str(error.message if isinstance(error, Refused) else error)
            else:
                gestion_session.signed_in(platform, session_id, suite)
                return
        sign_in_page(platform, problem=problem)
