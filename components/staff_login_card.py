"""The staff's sign-in: mail, password and the code of their authentication application (or a recovery code);
« Se connecter avec CAS » above it when the institution has a CAS server."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import ui

from components.form import FormFields
from ecandidat_ui import messages
from ecandidat_ui.services.errors import InvalidInput, Refused


def cas_card(on_cas: Callable[[], None]) -> None:
    with ui.card().classes("w-full gap-3 p-4 sm:p-6").props('role="region" aria-labelledby="carte-cas"'):
        ui.label("Compte de l'établissement").classes("text-h6").props('id="carte-cas" role="heading" aria-level="2"')
        ui.label(messages.STAFF_CAS_INTRO).classes("text-body1")
        ui.button("Se connecter avec CAS", icon="account_balance", on_click=on_cas).mark("gestion-cas")


class StaffLoginCard:
    """`on_sign_in(mail, password, code)` raises InvalidInput (shown at the fields) or Refused (shown above the
    button); what was typed stays, but the code, which is good only once."""

    def __init__(self, on_sign_in: Callable[[str, str, str], Awaitable[None]]) -> None:
        self.on_sign_in = on_sign_in
        self.form = FormFields()
        with ui.card().classes("w-full gap-3 p-4 sm:p-6").props('role="region" aria-labelledby="carte-gestion"'):
            ui.label("Compte de gestion").classes("text-h6").props('id="carte-gestion" role="heading" aria-level="2"')
            self.mail = self.form.text("mail", "Adresse mail *", autocomplete="username", kind="email", max_length=100)
            self.password = self.form.password("password", "Mot de passe *")
            self.code = self.form.text("code", "Code de vérification *", autocomplete="one-time-code", max_length=40)
            self.code.props["hint"] = messages.STAFF_CODE_HINT
            self.code.props["inputmode"] = "text"
            for field in (self.mail, self.password, self.code):
                field.on("keydown.enter", self.submit)
            self.problem = ui.label().classes("text-negative text-body2").props('role="alert"').mark("sign-in-problem")
            self.problem.set_visibility(False)
            self.button = ui.button("Se connecter", icon="login", on_click=self.submit).mark("gestion-sign-in")

    async def submit(self) -> None:
        self.form.clear_errors()
        self.problem.set_visibility(False)
        self.button.props("loading")
        try:
            await self.on_sign_in(self.mail.value or "", self.password.value or "", self.code.value or "")
        except InvalidInput as error:
            self.form.show_errors(error.errors)
        except Refused as error:
            self.code.value = ""
            self.problem.set_text(error.message)
            self.problem.set_visibility(True)
        finally:
            self.button.props(remove="loading")
