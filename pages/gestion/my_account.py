"""« Mon compte »: the signed-in member's identity and rights, and new recovery codes (the old ones stop working)."""

from __future__ import annotations

from nicegui import run, ui

from components.form import FormFields
from components.second_factor import recovery_codes
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.rights import Actor
from pages.gestion.shell import Screen, gestion_screen

SCREEN = Screen("/gestion/mon-compte", "Mon compte", "Mon compte", None)


def register(platform: Platform) -> None:
    @gestion_screen(platform, SCREEN)
    async def my_account(actor: Actor) -> None:
        account = await run.io_bound(platform.staff.own_account, actor)
        with ui.card().classes("w-full max-w-3xl p-4 gap-2"):
            ui.label("Identité").classes("text-h6").props('role="heading" aria-level="2"')
            _line("Nom", f"{account.first_name} {account.last_name}")
            _line("Adresse mail", account.mail)
            if account.cas_login:
                _line("Login CAS", account.cas_login)
            ui.label("Vos droits").classes("text-subtitle1 text-bold q-mt-sm")
            with ui.element("ul").classes("q-pl-lg q-my-none list-disc").mark("my-grants"):
                for grant in account.grants:
                    with ui.element("li"):
                        ui.label(grant.text)
                if not account.grants:
                    with ui.element("li"):
                        ui.label(messages.STAFF_NO_RIGHT)
        if account.set_up:
            _new_codes(platform, actor)


def _line(name: str, value: str) -> None:
    with ui.row().classes("gap-2 items-baseline"):
        ui.label(f"{name} :").classes("text-body2 text-grey-9")
        ui.label(value).classes("text-body1")


def _new_codes(platform: Platform, actor: Actor) -> None:
    form = FormFields()
    with ui.column().classes("w-full max-w-3xl") as area, ui.card().classes("w-full p-4 gap-3"):
        ui.label("Codes de secours").classes("text-h6").props('role="heading" aria-level="2"')
        ui.label(messages.RECOVERY_RENEW_INTRO).classes("text-body1")
        code = form.text("code", "Code à 6 chiffres de l'application *", autocomplete="one-time-code", max_length=10)
        code.props["inputmode"] = "numeric"
        code.classes("max-w-xs")
        form.problem_line()

        async def renew() -> None:
            codes = await form.submit(run.io_bound(platform.staff.new_recovery_codes, actor, code.value or ""))
            if codes is None:
                return
            area.clear()
            with area:
                recovery_codes(codes)

        code.on("keydown.enter", renew)
        ui.button("Générer de nouveaux codes", icon="autorenew", on_click=renew).mark("renew-codes")
