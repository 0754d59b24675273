"""What an action on a selection did: how many rows changed, and each row refused with its reason (a dialog)."""

from __future__ import annotations

from nicegui import ui

from components.modal import Modal
from ecandidat_ui import messages
from ecandidat_ui.services.setup_access import BulkResult


def show_bulk_result(title: str, done: str, refused: str, result: BulkResult, *, marker: str = "bulk") -> ui.dialog:
    """Open the dialog: `done` and `refused` are the French lines, their `{count}` filled in here. Marks
    `{marker}-result`, `{marker}-done`, `{marker}-refused` and `{marker}-close` for the tests."""
    with Modal().mark(f"{marker}-result") as dialog:
        dialog.props["aria-label"] = title
        with ui.card().classes("w-[40rem] max-w-full gap-2 p-4 sm:p-6"):
            ui.label(title).classes("text-h6").props('role="heading" aria-level="2"')
            changed = ui.label(done.format(count=len(result.changed))).classes("text-body1")
            changed.props('role="status"').mark(f"{marker}-done")
            if result.refused:
                ui.label(refused.format(count=len(result.refused))).classes("text-body1 text-negative").mark(
                    f"{marker}-refused"
                )
                with ui.list().props("dense separator").classes("w-full"):
                    for row in result.refused:
                        with ui.item(), ui.item_section():
                            ui.item_label(row.name).classes("text-bold")
                            ui.item_label(row.reason).props("caption").classes("text-grey-9")
            with ui.row().classes("w-full justify-end"):
                ui.button(messages.CLOSE, on_click=dialog.close).mark(f"{marker}-close")
    dialog.open()
    return dialog
