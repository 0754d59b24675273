"""A list of entries (studies, internships, experiences) shown as cards, with add, edit and delete."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from nicegui import ui


@dataclass(frozen=True)
class EntryView:
    id: int
    title: str
    lines: list[str]


def entry_list(
    entries: list[EntryView],
    *,
    add_label: str,
    empty_text: str,
    on_add: Callable[[], None],
    on_edit: Callable[[int], None],
    on_delete: Callable[[int], None],
    read_only: bool = False,
) -> None:
    if not read_only:
        ui.button(add_label, icon="add", on_click=on_add).mark("add-entry")
    if not entries:
        ui.label(empty_text).classes("text-body1 text-grey-9").mark("empty-list")
        return
    with ui.column().classes("w-full gap-2").props('role="list"'):
        for entry in entries:
            with ui.card().classes("w-full p-4").props('role="listitem"').mark(f"entry-{entry.id}"):
                with ui.row().classes("w-full items-start justify-between no-wrap gap-2"):
                    with ui.column().classes("gap-0"):
                        ui.label(entry.title).classes("text-subtitle1 text-bold")
                        for line in entry.lines:
                            ui.label(line).classes("text-body2 text-grey-9")
                    if not read_only:
                        with ui.row().classes("no-wrap gap-1"):
                            edit = ui.button(icon="edit", on_click=lambda _, i=entry.id: on_edit(i))
                            edit.props("flat round").mark(f"edit-{entry.id}")
                            edit.props["aria-label"] = f"Modifier {entry.title}"
                            delete = ui.button(icon="delete", on_click=lambda _, i=entry.id: on_delete(i))
                            delete.props("flat round color=negative").mark(f"delete-{entry.id}")
                            delete.props["aria-label"] = f"Supprimer {entry.title}"
