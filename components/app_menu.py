"""The candidate's menu as ONE element (app_menu.js): its entries are props, so a page carries one element for
the menu instead of five to seven per entry (~20 for a visitor, ~60 for a signed-in candidate), which every
connected page keeps and the garbage collector walks (ecandidat_ui/collector.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from nicegui.element import Element

from components.file_progress import badge_props
from ecandidat_ui import messages


@dataclass(frozen=True)
class MenuEntry:
    label: str
    path: str
    icon: str
    status: str | None = None  # complete, to_complete or optional: a badge beside the entry


class AppMenu(Element, component="app_menu.js"):
    """« Menu principal »: `entries`, then « Déconnexion » when `on_sign_out` is given, then « Mon compte »'s
    `account_entries` under their heading; the entry whose path is `current_path` is marked as the current page."""

    def __init__(
        self,
        entries: Sequence[MenuEntry],
        current_path: str,
        *,
        account_entries: Sequence[MenuEntry] = (),
        on_sign_out: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.props["label"] = messages.MAIN_MENU
        self.props["entries"] = [_entry(entry, current_path) for entry in entries]
        self.props["account-title"] = messages.MY_ACCOUNT
        self.props["account-entries"] = [_entry(entry, current_path) for entry in account_entries]
        if on_sign_out is not None:
            self.props["sign-out-label"] = messages.SIGN_OUT
            self.on("sign_out", lambda _: on_sign_out())

    @property
    def labels(self) -> list[str]:
        """The entries' texts in order (« Déconnexion » included): what the menu shows, for tests and the gallery."""
        texts = [entry["label"] for entry in self.props["entries"]]
        texts += [self.props["sign-out-label"]] if "sign-out-label" in self.props else []
        return texts + [entry["label"] for entry in self.props["account-entries"]]

    @property
    def badges(self) -> dict[str, str]:
        """Entry text → its badge's accessible name (« complet »…)."""
        return {
            entry["label"]: entry["badge"]["label"]
            for entry in self.props["entries"] + self.props["account-entries"]
            if entry.get("badge")
        }


def _entry(entry: MenuEntry, current_path: str) -> dict:
    data = {"label": entry.label, "path": entry.path, "icon": entry.icon, "current": entry.path == current_path}
    if entry.status:
        data["badge"] = badge_props(entry.status)
    return data
