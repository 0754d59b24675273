"""The form in a dialog of the gestion's content screens (mails, messages, FAQ, parameters): labelled fields
(components.form.FormFields) in `body`, an optional `aside` beside them on wide screens (a preview), secondary
buttons in `extra` (« Revenir au texte par défaut »…), and Annuler / Enregistrer.

`on_save(values)` returns the message to show once saved, or raises InvalidInput (each message at its field,
what was typed kept) or Refused (said in the dialog). `run(action)` gives a secondary button the same handling.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from nicegui import ui

from components.form import FormFields
from components.modal import Modal
from ecandidat_ui import messages
from ecandidat_ui.services.errors import InvalidInput, Refused

log = logging.getLogger(__name__)
OnSave = Callable[[dict[str, object]], Awaitable[str | None]]
WIDTHS = {False: "w-[36rem] max-w-full gap-3 p-4 sm:p-6", True: "w-[72rem] max-w-full gap-3 p-4 sm:p-6"}


class EditorDialog:
    def __init__(self, title: str, on_save: OnSave, *, intro: str = "", wide: bool = False) -> None:
        self.on_save = on_save
        self.form = FormFields()
        title_id = f"titre-{id(self)}"
        self.dialog = Modal()
        self.dialog.props["aria-labelledby"] = title_id
        with self.dialog, ui.card().classes(WIDTHS[wide]).mark("editor"):
            with ui.row().classes("w-full items-center justify-between no-wrap"):
                heading = ui.label(title).classes("text-h6").props('role="heading" aria-level="2"')
                heading.props["id"] = title_id
                ui.button(icon="close", on_click=self.dialog.close).props('flat round aria-label="Fermer"')
            if intro:
                ui.label(intro).classes("text-body2 text-grey-9").mark("editor-intro")
            with ui.element("div").classes("w-full grid gap-4" + (" md:grid-cols-2" if wide else "")):
                self.body = ui.column().classes("w-full gap-2 min-w-0")
                self.aside = ui.column().classes("w-full gap-2 min-w-0")
            self.problem = ui.label().classes("text-negative text-body2").props('role="alert"').mark("editor-problem")
            self.problem.set_visibility(False)
            with ui.row().classes("w-full items-center justify-between gap-2"):
                self.extra = ui.row().classes("gap-2")
                with ui.row().classes("gap-2 ml-auto"):
                    ui.button(messages.EDITOR_CANCEL, icon="close", on_click=self.dialog.close).props("flat").mark(
                        "cancel"
                    )
                    self.save_button = ui.button(messages.EDITOR_SAVE, icon="check", on_click=self.save).mark("save")

    def open(self) -> None:
        self.dialog.open()

    async def save(self) -> None:
        if await self.run(lambda: self.on_save(self.form.values()), self.save_button):
            self.dialog.close()

    async def run(self, action: Callable[[], Awaitable[str | None]], button: ui.button | None = None) -> bool:
        """Do `action`, showing its message, its errors at the fields or its refusal; True when it succeeded."""
        self.form.clear_errors()
        self.problem.set_visibility(False)
        if button is not None:
            button.props("loading")
        try:
            message = await action()
        except InvalidInput as error:
            self.form.show_errors(error.errors)
            return False
        except Refused as error:
            self.say_problem(error.message)
            return False
        except Exception:  # the database or the disk: a French sentence, never a traceback
            log.exception("a gestion editor could not do what was asked")
            self.say_problem(messages.UNEXPECTED_ERROR)
            return False
        finally:
            if button is not None and not button.is_deleted:
                button.props(remove="loading")
        if message:  # before a close: the closed dialog is deleted, with the slot a notification would use
            ui.notify(message, type="positive", multi_line=True, timeout=8000)
        return True

    def say_problem(self, text: str) -> None:
        if not self.problem.is_deleted:
            self.problem.set_text(text)
            self.problem.set_visibility(True)
