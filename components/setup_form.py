"""The forms of the gestion's set-up screens: labelled fields in titled sections, in a dialog.

    dialog = SetupDialog("Edition de formation", SECTIONS, values, on_save, read_only=not may_edit)
    dialog.form.on_change("centre_id", reload_commissions)
    dialog.open()

`on_save(values)` (async) returns a message shown once saved, or raises InvalidInput (each message shown at its
field, in Quasar's error slot tied to the input, what was typed kept) or Refused (shown in the dialog). Fields
take their values as arguments and props set one by one: nothing typed ever becomes a props string.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from nicegui import ui
from sqlalchemy.exc import SQLAlchemyError

from components.modal import Modal
from ecandidat_ui import messages
from ecandidat_ui.services.errors import InvalidInput, Refused

log = logging.getLogger(__name__)

Kind = Literal["text", "textarea", "date", "number", "select", "multiselect", "checkbox", "time", "email", "url"]
CHOSEN = ("checkbox", "select", "multiselect")  # fields that are chosen, not typed
OnSave = Callable[[dict[str, Any]], Awaitable[str | None]]


@dataclass(frozen=True)
class Field:
    name: str
    label: str  # ends with « * » when required
    kind: Kind = "text"
    max_length: int | None = None
    options: Mapping[Any, str] | None = None  # for a select or a multiselect: value → label
    hint: str = ""
    wide: bool = False  # spans the whole width of the section


@dataclass(frozen=True)
class Section:
    title: str
    fields: Sequence[Field]
    intro: str = ""  # a line under the title


class SetupForm:
    """The fields of `sections` filled from `values`; `values()` gives what is typed, as typed."""

    def __init__(self, sections: Sequence[Section], values: Mapping[str, Any], *, read_only: bool = False) -> None:
        self.fields: dict[str, ui.element] = {}
        self.read_only = read_only
        for section in sections:
            ui.label(section.title).classes("text-subtitle1 text-bold text-primary pt-2").props(
                'role="heading" aria-level="3"'
            )
            if section.intro:
                ui.label(section.intro).classes("text-body2 text-grey-9")
            with ui.element("div").classes("w-full grid grid-cols-1 sm:grid-cols-2 gap-x-4 gap-y-1"):
                for field in section.fields:
                    self.fields[field.name] = self._field(field, values.get(field.name))

    def values(self) -> dict[str, Any]:
        return {name: element.value for name, element in self.fields.items()}

    def show_errors(self, errors: Mapping[str, str]) -> None:
        for name, element in self.fields.items():
            if hasattr(element, "error"):
                element.error = errors.get(name)
        first = next((element for name, element in self.fields.items() if name in errors), None)
        if first is not None:
            first.run_method("focus")

    def clear_errors(self) -> None:
        self.show_errors({})

    def set_options(self, name: str, options: Mapping[Any, str], value: Any = None) -> None:
        select = self.fields[name]
        if isinstance(select.value, list):  # a multiselect keeps what is still offered
            select.set_options(dict(options), value=[item for item in (value or select.value) if item in options])
            return
        select.set_options(dict(options), value=value if value in options else None)

    def on_change(self, name: str, callback: Callable[[Any], Any]) -> None:
        self.fields[name].on_value_change(lambda event: callback(event.value))

    def _field(self, field: Field, value: Any) -> ui.element:
        if field.kind == "checkbox":
            element = ui.checkbox(field.label, value=bool(value))
        elif field.kind == "select":
            element = ui.select(dict(field.options or {}), label=field.label, value=value)
            element.props("outlined stack-label")
        elif field.kind == "multiselect":
            options = dict(field.options or {})
            chosen = [item for item in (value or []) if item in options]
            element = ui.select(options, label=field.label, value=chosen, multiple=True, with_input=True)
            element.props("outlined stack-label use-chips")
        elif field.kind == "textarea":
            element = ui.textarea(field.label, value="" if value is None else str(value))
            element.props("outlined stack-label autogrow")
        else:
            element = ui.input(field.label, value=_text(value))
            element.props("outlined stack-label")
            element.props["type"] = {"date": "date", "email": "email", "url": "url"}.get(field.kind, "text")
            if field.kind in ("number", "time"):
                element.props["inputmode"] = "numeric"
        element.classes("w-full")
        if field.wide or field.kind in ("textarea", "multiselect"):
            element.classes("sm:col-span-2")
        element.props["for"] = f"champ-{field.name}"
        if field.max_length:
            element.props["maxlength"] = field.max_length
        if field.hint:
            element.props["hint"] = field.hint
        if field.label.endswith("*") and field.kind not in CHOSEN:  # a select says it: the « * »
            element.props('aria-required="true"')
        if self.read_only:
            element.props("readonly" if field.kind not in CHOSEN else "disable")
        if hasattr(element, "error"):
            element.on_value_change(lambda: setattr(element, "error", None))
        element.mark(field.name)
        return element


class SetupDialog:
    """A dialog holding a SetupForm, a line for a refusal, and Annuler / Enregistrer (only « Fermer » when
    read-only). `body` holds what a screen adds under the form (e.g. a signature image)."""

    def __init__(
        self,
        title: str,
        sections: Sequence[Section],
        values: Mapping[str, Any],
        on_save: OnSave | None,
        *,
        read_only: bool = False,
        intro: str = "",
        save_label: str = "Enregistrer",
        marker: str = "setup-dialog",
    ) -> None:
        self.on_save = on_save
        title_id = f"titre-{id(self)}"
        self.dialog = Modal().mark(marker)
        self.dialog.props["aria-labelledby"] = title_id
        with self.dialog, ui.card().classes("w-[56rem] max-w-full gap-2 p-4 sm:p-6"):
            with ui.row().classes("w-full items-center justify-between no-wrap"):
                heading = ui.label(title).classes("text-h6").props('role="heading" aria-level="2"')
                heading.props["id"] = title_id
                ui.button(icon="close", on_click=self.dialog.close).props('flat round aria-label="Fermer"')
            if intro:
                ui.label(intro).classes("text-body2 text-grey-9").mark(f"{marker}-intro")
            if read_only:
                ui.label(messages.SETUP_READ_ONLY).classes("text-body2 text-grey-9").mark(f"{marker}-read-only")
            self.form = SetupForm(sections, values, read_only=read_only)
            self.body = ui.column().classes("w-full gap-2")
            self.problem = ui.label().classes("text-negative text-body2").props('role="alert"').mark("problem")
            self.problem.set_visibility(False)
            with ui.row().classes("w-full justify-end gap-2"):
                if read_only or on_save is None:
                    ui.button(messages.CLOSE, on_click=self.dialog.close).props("flat").mark("cancel")
                    self.save_button = None
                else:
                    ui.button("Annuler", icon="close", on_click=self.dialog.close).props("flat").mark("cancel")
                    self.save_button = ui.button(save_label, icon="check", on_click=self.save).mark("save")

    def open(self) -> None:
        self.dialog.open()

    def close(self) -> None:
        self.dialog.close()

    def show_problem(self, text: str) -> None:
        self.problem.set_text(text)
        self.problem.set_visibility(bool(text))

    async def save(self) -> None:
        if self.on_save is None or self.save_button is None:
            return
        self.form.clear_errors()
        self.show_problem("")
        self.save_button.props("loading")
        try:
            message = await self.on_save(self.form.values())
        except InvalidInput as error:
            self.form.show_errors(error.errors)
            if unknown := [text for name, text in error.errors.items() if name not in self.form.fields]:
                self.show_problem(" ; ".join(unknown))
            return
        except Refused as error:
            self.show_problem(error.message)
            return
        except (SQLAlchemyError, OSError):  # the database or the disk failed: a French message, never a traceback
            log.exception("a set-up form could not be saved")
            self.show_problem(messages.SETUP_SAVE_FAILED)
            return
        finally:
            if not self.save_button.is_deleted:
                self.save_button.props(remove="loading")
        if message:  # before closing: the closed dialog is deleted, with the slot a notification would use
            ui.notify(message, type="positive", multi_line=True, timeout=8000)
        self.dialog.close()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
