"""What is missing before an action can be done, in a dialog: a title, a sentence, and one link per thing to
complete (a tab of « Mon compte », a pièce or a question further down the page)."""

from __future__ import annotations

from nicegui import ui

from components.modal import Modal
from ecandidat_ui import messages


async def show_missing(title: str, intro: str, missing: list[tuple[str, str]], *, marker: str = "missing") -> None:
    """`missing`: (label, address) — an address starting with « # » is a place on this page: the dialog closes,
    then the page goes there (while a dialog is open the page under it cannot scroll)."""
    place: list[str] = []
    with Modal(delete_on_close=False) as dialog, ui.card().classes("p-4 sm:p-6 gap-3 max-w-lg"):
        dialog.props["aria-labelledby"] = f"{marker}-title"
        heading = ui.label(title).classes("text-h6").props('role="heading" aria-level="2"')
        heading.props["id"] = f"{marker}-title"
        ui.label(intro).classes("text-body1")
        with ui.element("ul").classes("list-disc q-pl-lg").mark(marker):
            for label, address in missing:
                with ui.element("li"):
                    link = ui.link(label, address).classes("text-primary text-body1")
                    if address.startswith("#"):
                        link.on("click", lambda address=address: go_to(address))
        with ui.row().classes("w-full justify-end"):
            ui.button(messages.CLOSE, on_click=lambda: dialog.submit(None)).props("flat").mark(f"{marker}-close")

    def go_to(address: str) -> None:
        place.append(address)
        dialog.props("no-refocus")  # the focus and the scroll go to the place, not back to the button clicked
        dialog.submit(None)

    def hidden() -> None:
        if place:
            ui.navigate.to(place[-1])
        dialog.delete()

    dialog.on("hide", hidden)
    dialog.open()
    await dialog
