"""The pages the mails link to: validation of the account, a new password."""

from __future__ import annotations

from nicegui import run, ui

from components.banner import banner
from components.form import FormFields
from components.password_fields import new_password_fields
from ecandidat_ui import language, messages, security
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.accounts import LINK_MESSAGES, LinkState
from models import TokenPurpose
from pages.layout import page_frame, sign_in_address


def register(platform: Platform) -> None:
    @ui.page("/compte/validation/{token}")
    async def validation_page(token: str) -> None:
        account = platform.session_cookie.account()
        outcome = await run.io_bound(platform.accounts.follow_validation_link, token)
        with page_frame(platform, messages.ACCOUNT_VALIDATION_TITLE, "/compte/validation", account):
            ok = outcome.state in (LinkState.VALID, LinkState.USED)
            _result(outcome.message, ok=ok)
            if outcome.needs_password:
                _password_form(platform, token, TokenPurpose.VALIDATION, outcome.login)
            elif ok:
                _to_sign_in()

    @ui.page("/compte/mot-de-passe/{token}")
    async def reset_page(token: str) -> None:
        account = platform.session_cookie.account()
        state, login = await run.io_bound(platform.accounts.reset_link_state, token)
        with page_frame(platform, messages.NEW_PASSWORD_TITLE, "/compte/mot-de-passe", account):
            if state is LinkState.VALID:
                _password_form(platform, token, TokenPurpose.PASSWORD_RESET, login)
            else:
                _result(language.translate(LINK_MESSAGES[state]), ok=False)
                ui.label(messages.NEW_LINK_HINT).classes("text-body1")
                _to_sign_in()


def _result(text: str, *, ok: bool) -> None:
    banner(text, "success" if ok else "error", marker="link-result")


def _to_sign_in(login: str = "") -> None:
    address = sign_in_address(login=login)
    ui.button(messages.GO_SIGN_IN, icon="login", on_click=lambda: ui.navigate.to(address)).mark("to-sign-in")


def _password_form(platform: Platform, token: str, purpose: TokenPurpose, login: str) -> None:
    form = FormFields()
    with ui.card().classes("w-full max-w-xl p-4 sm:p-6 gap-3") as card:
        ui.label(messages.CHOOSE_PASSWORD).classes("text-h6").props('role="heading" aria-level="2"')
        ui.label(messages.YOUR_LOGIN.format(login=login)).classes("text-body1").mark("login")
        new_password_fields(form, security.password_strength)
        form.problem_line()

        async def save() -> None:
            values = form.values()
            login_set = await form.submit(
                run.io_bound(
                    platform.accounts.set_password_from_link,
                    token,
                    purpose,
                    values["password"],
                    values["confirmation"],
                )
            )
            if login_set is None:
                return
            card.clear()
            with card:
                _result(messages.PASSWORD_SET, ok=True)
                _to_sign_in(login_set)

        ui.button(messages.SAVE, icon="check", on_click=save).mark("save-password")
