"""The staff's parts of the candidature window that list what was written: the history of avis (latest first) and
the bloc-notes (newest first, one's own notes with a « Supprimer »).

Both take rows already worded by the page, and callbacks; neither reads the database."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from nicegui import ui

from ecandidat_ui import messages


@dataclass(frozen=True)
class AvisRow:
    """An avis of the history, worded: « Avis favorable », « Motif, Rang 2 », « Saisi le … par … », « Validé le … »
    or « Non validé »."""

    id: int
    decision: str
    detail: str
    comment: str
    entered: str
    validated: str


def avis_history(rows: Sequence[AvisRow], *, marker: str = "avis-history") -> ui.element:
    """The « Historique des avis », the latest first: a short list (a candidature gets few avis), each avis a
    heading and its lines, readable at any width without scrolling sideways."""
    if not rows:
        return ui.label(messages.AVIS_HISTORY_NONE).classes("text-body2").mark(f"{marker}-none")
    with ui.element("ul").classes("w-full q-pl-none q-my-none notes-list").mark(marker) as listing:
        listing.props["aria-label"] = messages.AVIS_HISTORY_TITLE
        for row in rows:
            with ui.element("li").classes("w-full q-py-sm notes-item").mark(f"{marker}-item"):
                title = f"{row.decision} — {row.detail}" if row.detail else row.decision
                ui.label(title).classes("text-body1 text-weight-medium").props('role="heading" aria-level="4"')
                ui.label(row.entered).classes("text-body2").mark(f"{marker}-entered")
                ui.label(row.validated).classes("text-body2").mark(f"{marker}-validated")
                if row.comment:
                    ui.label(messages.AVIS_COMMENT_LINE.format(comment=row.comment)).classes(
                        "text-body2 break-words whitespace-pre-line"
                    )
    return listing


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
