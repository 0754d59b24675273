"""/gestion/activation/<token>: the page of a set-up link (create-admin, a new member, « Renvoyer le lien »):
choose a password, set up the application's codes, confirm a first code, then see the ten recovery codes once."""

from __future__ import annotations

from nicegui import run, ui

from components.banner import banner
from components.form import FormFields
from components.gestion_frame import GestionFrameModel, gestion_frame
from components.password_fields import new_password_fields
from components.second_factor import recovery_codes, totp_enrolment
from ecandidat_ui import messages, security
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.accounts import LinkState
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.staff import SETUP_PATH, SIGN_IN_PATH

TITLE = "Activation du compte de gestion"


def register(platform: Platform) -> None:
    @ui.page(SETUP_PATH + "{token}")
    async def activation(token: str) -> None:
        link = await run.io_bound(platform.staff.setup_link, token)
        enrolment = None
        if link.state is LinkState.VALID:
            try:
                enrolment = await run.io_bound(platform.staff.totp_enrolment, token)
            except Refused:  # the link ended between the two reads
                link = await run.io_bound(platform.staff.setup_link, token)
        model = GestionFrameModel(institution=platform.settings.institution_name, current_path=SETUP_PATH)
        with gestion_frame(TITLE, model):
            if enrolment is None:
                banner(link.message, "error", marker="link-result")
                ui.label(messages.SETUP_ASK_NEW_LINK).classes("text-body1")
                _to_sign_in()
                return
            ui.label(messages.SETUP_GREETING.format(name=link.name, mail=link.mail)).classes("text-body1")
            _setup_form(platform, token, enrolment.qr_svg, enrolment.secret)


def _setup_form(platform: Platform, token: str, qr_svg: str, secret: str) -> None:
    form = FormFields()
    with ui.column().classes("w-full max-w-3xl gap-4") as area:
        with ui.card().classes("w-full p-4 sm:p-6 gap-3"):
            ui.label("1. Votre mot de passe").classes("text-h6").props('role="heading" aria-level="2"')
            new_password_fields(form, security.password_strength)
        with ui.card().classes("w-full p-4 sm:p-6 gap-3"):
            ui.label("2. La double authentification").classes("text-h6").props('role="heading" aria-level="2"')
            totp_enrolment(form, qr_svg, secret)
        form.problem_line(marker="setup-problem")

        async def save() -> None:
            values = form.values()
            codes = await form.submit(
                run.io_bound(
                    platform.staff.complete_setup, token, values["password"], values["confirmation"], values["code"]
                )
            )
            if codes is None:
                return
            area.clear()
            with area:
                banner(messages.STAFF_SETUP_DONE, "success", marker="setup-done")
                recovery_codes(codes)
                _to_sign_in()

        form.inputs["code"].on("keydown.enter", save)
        ui.button("Activer mon compte", icon="check", on_click=save).mark("activate")


def _to_sign_in() -> None:
    ui.button("Se connecter à la gestion", icon="login", on_click=lambda: ui.navigate.to(SIGN_IN_PATH)).mark(
        "to-sign-in"
    )
