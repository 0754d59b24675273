"""A message across the content, announced to screen readers: the outcome of what was just done."""

from __future__ import annotations

from nicegui import ui

KINDS = {
    "info": ("info", "bg-blue-1 text-blue-10"),
    "success": ("check_circle", "bg-green-1 text-green-10"),
    "warning": ("warning", "bg-amber-2 text-brown-10"),
    "error": ("error", "bg-red-1 text-red-10"),
}


def banner(text: str, kind: str = "info", *, marker: str = "banner") -> None:
    icon, colors = KINDS[kind]
    with ui.row().classes(f"w-full items-center gap-3 p-4 rounded no-wrap {colors}").props('role="status"'):
        ui.icon(icon).props('aria-hidden="true"')
        ui.label(text).classes("text-body1").mark(marker)
