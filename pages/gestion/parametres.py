"""« Paramètres »: the business parameters, each with its value, its default and the editor of its value."""

from __future__ import annotations

from nicegui import run, ui

from components.data_table import Column, DataTable, RowAction
from components.parameter_editor import ParameterField, parameter_editor
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.parameters import shown
from ecandidat_ui.services.rights import Action, Actor
from pages.gestion.attempt import attempt
from pages.gestion.shell import Screen, gestion_screen

SCREEN = Screen("/gestion/parametres", "Paramètres", "Administration", Action.EDIT_PARAMETERS)
COLUMNS = [
    Column("label", "Paramètre", sortable=True),
    Column("value", "Valeur", sortable=True),
    Column("default", "Par défaut", wide_only=True),
    Column("modified", "Modifié", sortable=True, wide_only=True),
]


def register(platform: Platform) -> None:
    service = platform.parameters

    @gestion_screen(platform, SCREEN)
    async def parametres(actor: Actor) -> None:
        async def edit(code: str) -> None:
            view = await attempt(run.io_bound(service.view, actor, code))
            if view is None:
                return

            async def save(value: object) -> str:
                await run.io_bound(service.update, actor, code, value)
                await table.refresh()
                return messages.PARAMETER_SAVED

            async def reset() -> object:
                restored = await run.io_bound(service.reset, actor, code)
                await table.refresh()
                return restored.value

            field = ParameterField(
                code=view.code,
                label=view.label,
                explanation=view.explanation,
                kind=view.kind.value,
                value=view.value,
                default_text=shown(view.kind, view.default),
                minimum=view.minimum,
                maximum=view.maximum,
            )
            with dialogs:
                parameter_editor(field, on_save=save, on_reset=reset).open()

        dialogs = ui.element("div")  # the editors live here, not inside the table
        ui.add_css(_CSS)
        with ui.column().classes("parameters-screen w-full"):
            table = DataTable(
                COLUMNS,
                fetch=lambda query: service.page(actor, query),
                caption="Paramètres de la plateforme",
                actions=[RowAction("edit", messages.EDIT, edit, icon="edit")],
                marker="parameters",
            )
        await table.loaded()


_CSS = """
.parameters-screen .q-table td { overflow-wrap: anywhere; }
"""
