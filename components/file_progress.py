"""Completion badges of the file's tabs, and the strip of tabs shown above each page of « Mon compte »."""

from __future__ import annotations

from dataclasses import dataclass

from nicegui import ui

from ecandidat_ui import messages

BADGES = {"complete": "check_circle", "to_complete": "error", "optional": "radio_button_unchecked"}  # what it says:
# messages.BADGE_LABELS
BADGE_COLORS = {"complete": "text-green-9", "to_complete": "text-deep-orange-10", "optional": "text-grey-8"}


@dataclass(frozen=True)
class TabLink:
    label: str
    path: str
    status: str  # complete, to_complete, optional


def badge(status: str) -> None:
    icon, text = BADGES[status], messages.BADGE_LABELS[status]
    with ui.row().classes("items-center gap-1 no-wrap").classes(BADGE_COLORS[status]):
        ui.icon(icon, size="xs").props('aria-hidden="true"')
        ui.label(text).classes("text-caption")


def tab_strip(tabs: list[TabLink], current_path: str) -> None:
    """A horizontal, scrollable list of the tabs with their badge; the current one is marked for screen readers."""
    with ui.element("nav").classes("w-full") as nav:
        nav.props["aria-label"] = messages.FILE_TABS_NAV
        with ui.row().classes("gap-2"):
            for tab in tabs:
                current = tab.path == current_path
                icon, text = BADGES[tab.status], messages.BADGE_LABELS[tab.status]
                link = ui.link(target=tab.path).classes(
                    "no-underline rounded-full px-3 py-1 border text-body2 whitespace-nowrap "
                    + ("bg-primary text-white border-primary" if current else "bg-white text-grey-10 border-grey-5")
                )
                if current:
                    link.props('aria-current="page"')
                with link, ui.row().classes("items-center gap-1 no-wrap"):
                    mark = ui.icon(icon, size="xs").props('aria-hidden="true"')
                    if not current:
                        mark.classes(BADGE_COLORS[tab.status])
                    ui.label(tab.label)
                    ui.label(messages.BADGE_OF_TAB.format(badge=text)).classes("sr-only")
