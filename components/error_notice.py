"""What an error page says: the explanation, the reference to quote (server errors) and the way back home."""

from __future__ import annotations

from nicegui import ui

from ecandidat_ui import messages


def error_notice(text: str, reference: str | None = None) -> None:
    with ui.card().classes("w-full p-4 sm:p-6 gap-3").mark("error-notice"):
        ui.label(text).classes("text-body1")
        if reference:
            ui.label(messages.ERROR_REFERENCE.format(reference=reference)).classes("text-body1 text-bold").mark(
                "error-reference"
            )
        ui.link(messages.BACK_HOME, "/").classes("text-primary text-body1").mark("back-home")
