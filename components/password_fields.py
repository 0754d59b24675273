"""The two fields to choose a password, with a live strength hint instead of composition rules."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from components.form import FormFields
from ecandidat_ui import messages

STRENGTH_COLORS = ("negative", "negative", "warning", "positive", "positive")


def new_password_fields(form: FormFields, strength: Callable[[str], int]) -> None:
    password = form.password("password", messages.NEW_PASSWORD_FIELD, autocomplete="new-password")
    password.props["hint"] = messages.PASSWORD_HINT
    with ui.row().classes("w-full items-center gap-2 no-wrap"):
        meter = ui.linear_progress(value=0, show_value=False).classes("grow")
        meter.props('aria-hidden="true"')
        label = ui.label().classes("text-caption min-w-[9rem]").props('aria-live="polite"')
    form.password("confirmation", messages.PASSWORD_CONFIRMATION_FIELD, autocomplete="new-password")

    def show_strength() -> None:
        score = strength(password.value or "") if password.value else 0
        meter.value = (score + 1) / 5 if password.value else 0
        meter.props["color"] = STRENGTH_COLORS[score]
        label.text = messages.STRENGTH.format(level=messages.STRENGTH_LABELS[score]) if password.value else ""

    password.on_value_change(show_strength)
