"""Completion badges of the file's tabs, and the strip of tabs shown above each page of « Mon compte »."""

from __future__ import annotations

from dataclasses import dataclass

from nicegui import ui
from nicegui.element import Element

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


def badge_props(status: str) -> dict[str, str]:
    """The badge as data for a template (the menu's, the tab strip's): its icon, colour class and name."""
    return {"icon": BADGES[status], "colour": BADGE_COLORS[status], "label": messages.BADGE_LABELS[status]}


class _TabStrip(Element, component="tab_strip.js"):
    """A horizontal list of the tabs with their badge, the current one marked for screen readers: ONE element
    (tab_strip.js) where it was five per tab, on every page of « Mon compte »."""

    def __init__(self, tabs: list[TabLink], current_path: str) -> None:
        super().__init__()
        self.props["label"] = messages.FILE_TABS_NAV
        self.props["tabs"] = [
            {
                "label": tab.label,
                "path": tab.path,
                "current": tab.path == current_path,
                "badge": badge_props(tab.status),
                "badge_text": messages.BADGE_OF_TAB.format(badge=messages.BADGE_LABELS[tab.status]),
            }
            for tab in tabs
        ]


def tab_strip(tabs: list[TabLink], current_path: str) -> _TabStrip:
    return _TabStrip(tabs, current_path).mark("file-tabs")
