"""Dialogs of the account: creation or change of the account, a mail to ask for, a new password.

Each takes an async `on_save(values)` that returns a message to show on success, or raises
InvalidInput (errors shown at their fields, values kept) or Refused (message shown in the dialog).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import ui

from components.form import FormFields
from components.modal import Modal
from components.password_fields import new_password_fields
from ecandidat_ui import messages
from ecandidat_ui.services.errors import InvalidInput, Refused

OnSave = Callable[[dict[str, str]], Awaitable[str | None]]


class FormDialog:
    def __init__(self, title: str, on_save: OnSave, *, intro: str = "", save_label: str = "") -> None:
        self.on_save = on_save
        self.on_errors: Callable[[dict[str, str]], None] | None = None  # e.g. a way out for a known address
        self.form = FormFields()
        title_id = f"titre-{id(self)}"
        self.dialog = Modal()
        self.dialog.props["aria-labelledby"] = title_id
        with self.dialog, ui.card().classes("w-[32rem] max-w-full gap-3 p-4 sm:p-6"):
            with ui.row().classes("w-full items-center justify-between no-wrap"):
                heading = ui.label(title).classes("text-h6").props('role="heading" aria-level="2"')
                heading.props["id"] = title_id
                ui.button(icon="close", on_click=self.dialog.close).props("flat round").props["aria-label"] = (
                    messages.CLOSE
                )
            if intro:
                ui.label(intro).classes("text-body2 text-grey-9")
            self.body = ui.column().classes("w-full gap-2")
            self.problem = ui.label().classes("text-negative text-body2").props('role="alert"')
            self.problem.set_visibility(False)
            with ui.row().classes("w-full justify-end gap-2"):
                ui.button(messages.EDITOR_CANCEL, icon="close", on_click=self.dialog.close).props("flat").mark("cancel")
                self.save_button = ui.button(save_label or messages.SAVE, icon="check", on_click=self.save).mark("save")

    def open(self) -> None:
        self.dialog.open()

    async def save(self) -> None:
        self.form.clear_errors()
        self.problem.set_visibility(False)
        self.save_button.props("loading")
        try:
            message = await self.on_save(self.form.values())
        except InvalidInput as error:
            self.form.show_errors(error.errors)
            if self.on_errors is not None:
                self.on_errors(error.errors)
            return
        except Refused as error:
            self.problem.set_text(error.message)
            self.problem.set_visibility(True)
            return
        finally:
            self.save_button.props(remove="loading")
        if message:  # before closing: the closed dialog is deleted, with the slot a notification would use
            ui.notify(message, type="positive", multi_line=True, timeout=10000)
        self.dialog.close()


def account_dialog(
    title: str,
    on_save: OnSave,
    *,
    values: dict[str, str] | None = None,
    on_forgotten: Callable[[], None] | None = None,
) -> FormDialog:
    """« Création de compte », also used to change the account (the same fields and notice). With
    `on_forgotten`, an address already used offers « J'ai oublié mes identifiants » at once, as the guide says."""
    values = values or {}
    dialog = FormDialog(title, on_save, intro=messages.ACCOUNT_NOTICE)
    with dialog.body:
        dialog.form.text(
            "last_name",
            messages.LAST_NAME_FIELD,
            max_length=30,
            autocomplete="family-name",
            value=values.get("last_name", ""),
        )
        dialog.form.text(
            "first_name",
            messages.FIRST_NAME_FIELD,
            max_length=20,
            autocomplete="given-name",
            value=values.get("first_name", ""),
        )
        dialog.form.text(
            "mail",
            messages.MAIL_FIELD,
            max_length=100,
            autocomplete="email",
            kind="email",
            value=values.get("mail", ""),
        )
        dialog.form.text(
            "mail_confirmation",
            messages.MAIL_CONFIRMATION_FIELD,
            max_length=100,
            kind="email",
            autocomplete="off",
            value=values.get("mail", ""),
        )
        if on_forgotten is not None:
            _known_address_way_out(dialog, on_forgotten)
    return dialog


def _known_address_way_out(dialog: FormDialog, on_forgotten: Callable[[], None]) -> None:
    def forgotten() -> None:
        dialog.dialog.close()
        on_forgotten()

    with ui.row().classes("w-full items-center gap-1").mark("known-address") as row:
        ui.label(messages.KNOWN_ADDRESS_HINT).classes("text-body2")
        ui.button(messages.FORGOTTEN, on_click=forgotten).props("flat no-caps dense").classes(
            "text-primary underline px-1"
        ).mark("known-address-forgotten")
    row.set_visibility(False)
    dialog.on_errors = lambda errors: row.set_visibility(errors.get("mail") == messages.MAIL_ALREADY_USED)


def mail_dialog(title: str, intro: str, on_save: OnSave) -> FormDialog:
    """« J'ai oublié mes identifiants » and « J'ai perdu mon code d'activation »."""
    dialog = FormDialog(title, on_save, intro=intro)
    with dialog.body:
        dialog.form.text("mail", messages.MAIL_FIELD, max_length=100, autocomplete="email", kind="email")
    return dialog


def password_dialog(on_save: OnSave, strength: Callable[[str], int]) -> FormDialog:
    dialog = FormDialog(messages.CHANGE_PASSWORD, on_save)
    with dialog.body:
        dialog.form.password("current", messages.CURRENT_PASSWORD_FIELD)
        new_password_fields(dialog.form, strength)
    return dialog


def deletion_dialog(login: str, on_save: OnSave) -> FormDialog:
    """« Supprimer mon compte »: the candidate types their login to confirm; the button says it is for good."""
    dialog = FormDialog(
        messages.PRIVACY_DELETE,
        on_save,
        intro=messages.PRIVACY_DELETE_INTRO.format(login=login),
        save_label=messages.PRIVACY_DELETE_CONFIRM,
    )
    dialog.save_button.props("color=negative")
    with dialog.body:
        dialog.form.text("login", messages.PRIVACY_DELETE_LOGIN + " *", max_length=10, autocomplete="off")
    return dialog
