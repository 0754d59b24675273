"""The staff's parts of the candidature window that list what was written: the history of avis (a table, one
element whatever its length) and the bloc-notes (newest first, one's own notes with a « Supprimer »).

Both take rows already worded by the page, and callbacks; neither reads the database."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from nicegui import ui

from ecandidat_ui import messages


def avis_history(rows: Sequence[dict[str, str]], *, marker: str = "avis-history") -> ui.element:
    """The « Historique des avis »: rows of `messages.AVIS_HISTORY_COLUMNS`'s keys (and `id`), the latest first."""
    if not rows:
        return ui.label(messages.AVIS_HISTORY_NONE).classes("text-body2").mark(f"{marker}-none")
    columns = [
        {"name": name, "label": label, "field": name, "align": "left"}
        for name, label in messages.AVIS_HISTORY_COLUMNS.items()
    ]
    table = ui.table(columns=columns, rows=list(rows), row_key="id").classes("w-full avis-history")
    table.props("flat bordered wrap-cells hide-pagination")
    table.props["pagination"] = {"rowsPerPage": 0}
    table.props["title"] = messages.AVIS_HISTORY_TITLE
    return table.mark(marker)


@dataclass(frozen=True)
class NoteRow:
    id: int
    heading: str  # « 06/12/2026 10:00 — Anne DUPONT »
    text: str
    deletable: bool


def note_list(
    notes: Sequence[NoteRow],
    on_delete: Callable[[NoteRow], Awaitable[None]] | None,
    *,
    marker: str = "notes",
) -> ui.element:
    """The notes, newest first; a « Supprimer » on each note `deletable` when `on_delete` is given."""
    if not notes:
        return ui.label(messages.NOTES_NONE).classes("text-body2").mark(f"{marker}-none")
    with ui.element("ul").classes("w-full q-pl-none q-my-none notes-list").mark(marker) as listing:
        listing.props["aria-label"] = messages.NOTES_LIST
        for note in notes:
            with ui.element("li").classes("w-full q-py-sm notes-item"):
                with ui.row().classes("w-full items-center justify-between no-wrap gap-2"):
                    ui.label(note.heading).classes("text-body2 text-weight-medium").props(
                        'role="heading" aria-level="4"'
                    )
                    if note.deletable and on_delete is not None:
                        delete = ui.button(messages.NOTES_DELETE, icon="delete").props("flat dense no-caps")
                        delete.props["aria-label"] = messages.NOTES_DELETE_LABEL.format(when=note.heading)
                        delete.on_click(lambda _, n=note: on_delete(n))
                        delete.mark(f"{marker}-delete-{note.id}")
                ui.label(note.text).classes("text-body2 whitespace-pre-line break-words").mark(f"{marker}-text")
    return listing


NOTES_CSS = """
.notes-list { list-style: none; }
.notes-item + .notes-item { border-top: 1px solid #d1d5db; }
"""


def add_note_styles() -> None:
    ui.add_css(NOTES_CSS)
