"""A yes/no question in a dialog, awaited: `if await confirm("Supprimer ?", yes="Supprimer", marker="delete"):`."""

from __future__ import annotations

from nicegui import ui

from components.modal import Modal
from ecandidat_ui import messages


async def confirm(question: str, *, yes: str = "", no: str = "", marker: str = "confirm", danger: bool = False) -> bool:
    """Buttons are marked `{marker}-yes` and `{marker}-no`; closing the dialog answers no."""
    title_id = f"question-{id(question)}"
    with (
        Modal() as dialog,
        ui.card().classes("p-4 sm:p-6 gap-3 max-w-lg"),
    ):
        dialog.props["aria-labelledby"] = title_id
        heading = ui.label(question).classes("text-body1").props('role="heading" aria-level="2"')
        heading.props["id"] = title_id
        with ui.row().classes("w-full justify-end gap-2"):
            ui.button(no or messages.NO, on_click=lambda: dialog.submit(False)).props("flat").mark(f"{marker}-no")
            ui.button(
                yes or messages.YES, color="negative" if danger else "primary", on_click=lambda: dialog.submit(True)
            ).mark(f"{marker}-yes")
    answer = await dialog
    if not dialog.is_deleted:  # the candidate may have left the page meanwhile
        dialog.delete()
    return bool(answer)
