"""A message across the content, announced to screen readers: the outcome of what was just done."""

from __future__ import annotations

from nicegui import ui

ICONS = {"info": "info", "success": "check_circle", "warning": "warning", "error": "error"}
COLORS = {  # literal classes: a kind chooses among them, never adds its own
    "info": "bg-blue-1 text-blue-10",
    "success": "bg-green-1 text-green-10",
    "warning": "bg-amber-2 text-brown-10",
    "error": "bg-red-1 text-red-10",
}


def banner(text: str, kind: str = "info", *, marker: str = "banner") -> None:
    with ui.row().classes("w-full items-center gap-3 p-4 rounded no-wrap").classes(COLORS[kind]).props('role="status"'):
        ui.icon(ICONS[kind]).props('aria-hidden="true"')
        ui.label(text).classes("text-body1").mark(marker)
