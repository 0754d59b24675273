"""« Messages »: the home message and the maintenance message shown atop every candidate page while set."""

from __future__ import annotations

from nicegui import run, ui

from components.data_table import Column, DataTable, RowAction
from components.markdown_editor import markdown_editor
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.rights import Action, Actor
from ecandidat_ui.services.site_messages import TEXT_MAX
from pages.gestion.attempt import attempt
from pages.gestion.shell import Screen, gestion_screen

SCREEN = Screen("/gestion/messages", "Messages", "Contenus", Action.EDIT_MESSAGES)
COLUMNS = [
    Column("title", "Message", sortable=True),
    Column("purpose", "Affiché", wide_only=True),
    Column("text", "Texte"),
]


def register(platform: Platform) -> None:
    service = platform.site_messages

    @gestion_screen(platform, SCREEN)
    async def site_messages(actor: Actor) -> None:
        async def edit(code: str) -> None:
            view = await attempt(run.io_bound(service.view, actor, code))
            if view is None:
                return

            async def save(values: dict[str, object]) -> str:
                await run.io_bound(service.update, actor, code, str(values["text"]))
                await table.refresh()
                return messages.SITE_MESSAGE_SAVED

            with dialogs:
                markdown_editor(
                    view.title,
                    save,
                    name="text",
                    label=messages.MESSAGE_TEXT_LABEL,
                    text=view.text,
                    max_length=TEXT_MAX,
                    intro=view.purpose,
                ).open()

        dialogs = ui.element("div")  # the editors live here, not inside the table
        table = DataTable(
            COLUMNS,
            fetch=lambda query: service.page(actor, query),
            caption="Messages aux visiteurs",
            actions=[RowAction("edit", messages.EDIT, edit, icon="edit")],
            search_box=False,
            marker="site-messages",
        )
        await table.loaded()
