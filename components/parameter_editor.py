"""The editor of one business parameter: its explanation, the field its kind asks for (a number, yes/no, a mail
address, a web address, a short code), its bounds and default, and « Revenir à la valeur par défaut »."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from nicegui import ui

from components.editor_dialog import EditorDialog
from ecandidat_ui import messages

KINDS = {"integer": "text", "text": "text", "mail": "email", "url": "url"}  # the input's type for each kind


@dataclass(frozen=True)
class ParameterField:
    code: str
    label: str
    explanation: str
    kind: str  # integer, boolean, text, mail or url
    value: object
    default_text: str  # the default as the table shows it
    minimum: int | None = None
    maximum: int | None = None


def parameter_editor(
    field: ParameterField,
    *,
    on_save: Callable[[object], Awaitable[str | None]],
    on_reset: Callable[[], Awaitable[object]],
) -> EditorDialog:
    """`on_save(value)` returns the message to show or raises InvalidInput({code: message}) / Refused;
    `on_reset()` returns the default value once it is saved."""
    described_by = f"explication-{field.code}"
    if field.kind == "boolean":
        dialog = EditorDialog(field.label, lambda _values: on_save(bool(switch.value)))
        with dialog.body:
            switch = ui.switch(field.label, value=bool(field.value)).mark(field.code)
            switch.props["aria-describedby"] = described_by
    else:
        dialog = EditorDialog(field.label, lambda values: on_save(values[field.code]))
        with dialog.body:
            label = field.label + " *" if field.kind in ("integer", "mail") else field.label  # the others may be empty
            typed = dialog.form.text(field.code, label, kind=KINDS[field.kind], value=str(field.value))
            if field.kind == "integer":
                typed.props["inputmode"] = "numeric"
            typed.props["aria-describedby"] = described_by
    with dialog.body:
        with ui.column().classes("gap-1") as about:
            about.props["id"] = described_by
            ui.label(field.explanation).classes("text-body2")
            if field.minimum is not None and field.maximum is not None:
                ui.label(messages.PARAMETER_BOUNDS.format(min=field.minimum, max=field.maximum)).classes(
                    "text-caption text-grey-9"
                )
            ui.label(messages.PARAMETER_DEFAULT_IS.format(value=field.default_text)).classes(
                "text-caption text-grey-9"
            ).mark("parameter-default")

    async def reset() -> str:
        value = await on_reset()
        if field.kind == "boolean":
            switch.value = bool(value)
        else:
            typed.value = str(value)
        return messages.PARAMETER_RESET_DONE

    with dialog.extra:
        button = ui.button(messages.PARAMETER_RESET, icon="restore").props("flat").mark("reset")
        button.on_click(lambda: dialog.run(reset, button))
    return dialog
