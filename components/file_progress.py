"""Completion badges of the file's tabs, and the strip of tabs shown above each page of « Mon compte »."""

from __future__ import annotations

from dataclasses import dataclass

from nicegui import ui

BADGES = {
    "complete": ("check_circle", "text-green-9", "complet"),
    "to_complete": ("error", "text-deep-orange-10", "à compléter"),
    "optional": ("radio_button_unchecked", "text-grey-8", "facultatif"),
}


@dataclass(frozen=True)
class TabLink:
    label: str
    path: str
    status: str  # complete, to_complete, optional


def badge(status: str) -> None:
    icon, color, text = BADGES[status]
    with ui.row().classes(f"items-center gap-1 no-wrap {color}"):
        ui.icon(icon, size="xs").props('aria-hidden="true"')
        ui.label(text).classes("text-caption")


def tab_strip(tabs: list[TabLink], current_path: str) -> None:
    """A horizontal, scrollable list of the tabs with their badge; the current one is marked for screen readers."""
    with ui.element("nav").props('aria-label="Onglets de mon dossier"').classes("w-full"):
        with ui.row().classes("gap-2"):
            for tab in tabs:
                current = tab.path == current_path
                icon, color, text = BADGES[tab.status]
                link = ui.link(target=tab.path).classes(
                    "no-underline rounded-full px-3 py-1 border text-body2 whitespace-nowrap "
                    + ("bg-primary text-white border-primary" if current else "bg-white text-grey-10 border-grey-5")
                )
                if current:
                    link.props('aria-current="page"')
                with link, ui.row().classes("items-center gap-1 no-wrap"):
                    ui.icon(icon, size="xs").classes("" if current else color).props('aria-hidden="true"')
                    ui.label(tab.label)
                    ui.label(f"({text})").classes("sr-only")
