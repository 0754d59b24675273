"""The two connection cards of the home page: the institution's own students (CAS), everybody else."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import ui

from components.form import FormFields
from ecandidat_ui import messages
from ecandidat_ui.services.errors import InvalidInput, Refused


def student_card(student_of: str, cas_login_url: str) -> None:
    with ui.card().classes("w-full gap-3 p-4 sm:p-6").props('role="region" aria-labelledby="carte-etudiant"'):
        ui.label(messages.STUDENT_OF.format(institution=student_of)).classes("text-h6").props(
            'id="carte-etudiant" role="heading" aria-level="2"'
        )
        ui.label(messages.PLEASE_SIGN_IN).classes("text-body1")
        ui.button(messages.SIGN_IN, icon="school", on_click=lambda: ui.navigate.to(cas_login_url)).mark("cas")


class LoginCard:
    """« Je ne suis pas étudiant à … »: login or mail, password, and the three account links."""

    def __init__(
        self,
        student_of: str,
        on_sign_in: Callable[[str, str], Awaitable[None]],
        on_forgotten: Callable[[], None],
        on_lost_activation: Callable[[], None],
        on_create: Callable[[], None],
        login: str = "",
    ) -> None:
        self.on_sign_in = on_sign_in
        self.form = FormFields()
        with ui.card().classes("w-full gap-3 p-4 sm:p-6").props('role="region" aria-labelledby="carte-compte"'):
            ui.label(messages.NOT_STUDENT_OF.format(institution=student_of)).classes("text-h6").props(
                'id="carte-compte" role="heading" aria-level="2"'
            )
            ui.label(messages.SIGN_IN_WITH_ACCOUNT).classes("text-body1")
            self.login = self.form.text(
                "login", messages.USER_FIELD, autocomplete="username", max_length=100, value=login
            )
            self.password = self.form.password("password", messages.PASSWORD_FIELD)
            for field in (self.login, self.password):
                field.on("keydown.enter", self.submit)
            self.problem = ui.label().classes("text-negative text-body2").props('role="alert"')
            self.problem.set_visibility(False)
            self.button = ui.button(messages.SIGN_IN, icon="login", on_click=self.submit).mark("sign-in")
            with ui.column().classes("gap-1"):
                _link_button(messages.FORGOTTEN, on_forgotten, "forgotten")
                _link_button(messages.LOST_ACTIVATION, on_lost_activation, "lost-activation")
                _link_button(messages.CREATE_ACCOUNT, on_create, "create-account")

    async def submit(self) -> None:
        self.form.clear_errors()
        self.problem.set_visibility(False)
        self.button.props("loading")
        try:
            await self.on_sign_in(self.login.value or "", self.password.value or "")
        except InvalidInput as error:
            self.form.show_errors(error.errors)
        except Refused as error:
            self.problem.set_text(error.message)
            self.problem.set_visibility(True)
        finally:
            self.button.props(remove="loading")


def _link_button(text: str, on_click: Callable[[], None], marker: str) -> None:
    ui.button(text, on_click=on_click).props("flat no-caps dense align=left").classes(
        "text-primary underline px-0"
    ).mark(marker)
