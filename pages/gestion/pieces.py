"""« Pièces justificatives » (Offre de formation): those of every centre (scolarité) and of the member's centres;
a form with the original's flags and the model file candidates download from their candidature."""

from __future__ import annotations

from typing import Any

from nicegui import run, ui

from components.data_table import Column
from components.model_file import ModelFileBox
from components.setup_form import Field, Section, SetupDialog
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.asked_setup import ModelFile
from ecandidat_ui.services.rights import Action, Actor
from pages.gestion.asked_screen import AskedScreen, Texts
from pages.gestion.setup_screen import asked_id
from pages.gestion.shell import Screen, gestion_screen

SCREEN = Screen("/gestion/pieces", "Pièces justificatives", "Offre de formation", Action.VIEW_SETUP)
COLUMNS = [
    Column("position", "Ordre", sortable=True, align="right", wide_only=True),
    Column("code", "Code", sortable=True, nowrap=True),
    Column("label", "Libellé", sortable=True),
    Column("centre", "Centre", sortable=True, wide_only=True),
    Column("active", "En service", sortable=True, wide_only=True),
    Column("common", "Commune", sortable=True, wide_only=True),
    Column("unique_file", "Unique", wide_only=True),
    Column("conditional", "Conditionnelle", wide_only=True),
    Column("formations", "Formations", sortable=True, align="right", wide_only=True),
    Column("model", "Modèle", wide_only=True),
]
TEXTS = Texts(
    caption="Pièces justificatives",
    new="Nouvelle pièce justificative",
    edit="Edition de pièce justificative",
    what="la pièce justificative",
    empty=messages.PIECE_NONE,
    marker="piece",
)


def sections(centres: dict[Any, str]) -> list[Section]:
    return [
        Section(
            "Pièce justificative",
            [
                Field("code", "Code *", max_length=20),
                Field("position", "Ordre", "number"),
                Field("label", "Libellé *", max_length=200, wide=True),
                Field("centre_id", "Centre *", "select", options=centres, hint=messages.PIECE_REACH_HINT, wide=True),
                Field("active", "En service", "checkbox"),
                Field("common", "Commune", "checkbox"),
                Field("unique_file", "Unique (un seul fichier pour toutes les candidatures)", "checkbox"),
                Field("conditional", "Conditionnelle (« non concerné » possible)", "checkbox"),
                Field("template", "Url d'un formulaire en ligne", "url", max_length=500, wide=True),
            ],
            intro=messages.PIECE_COMMON_HINT,
        )
    ]


def register(platform: Platform) -> None:
    @gestion_screen(platform, SCREEN)
    async def pieces(actor: Actor) -> None:
        screen = PiecesScreen(platform, actor)
        await screen.load_centres()
        if (piece_id := asked_id()) is not None:
            await screen.edit(piece_id)


class PiecesScreen(AskedScreen):
    def __init__(self, platform: Platform, actor: Actor) -> None:
        super().__init__(platform, actor, platform.pieces, COLUMNS, sections, TEXTS)

    async def created(self, item_id: int) -> None:
        await self.edit(item_id)  # on to the model file

    def fill_new(self, dialog: SetupDialog) -> None:
        with dialog.body:
            ui.label(messages.PIECE_MODEL_AFTER_CREATE).classes("text-body2 text-grey-9")

    async def fill_edit(self, dialog: SetupDialog, item: Any, may_edit: bool) -> None:
        service = self.platform.pieces
        piece_id = item.id
        model = await run.io_bound(service.model_of, self.actor, piece_id)
        max_bytes = (await run.io_bound(self.platform.parameters.current)).upload_max_bytes

        async def new_file(name: str, data: bytes) -> ModelFile | None:
            await run.io_bound(service.set_model, self.actor, piece_id, name, data)
            await self.table.refresh()
            return await run.io_bound(service.model_of, self.actor, piece_id)

        async def remove_file() -> None:
            await run.io_bound(service.remove_model, self.actor, piece_id)
            await self.table.refresh()

        with dialog.body:
            ModelFileBox(model, editable=may_edit, max_bytes=max_bytes, on_file=new_file, on_remove=remove_file)
