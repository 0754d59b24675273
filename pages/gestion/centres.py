"""« Centres de candidature » (Offre de formation): the centres the member may see; a form per centre with its
general parameters and the dates its new formations start from."""

from __future__ import annotations

from typing import Any

from nicegui import run, ui

from components.data_table import Column, DataTable, RowAction
from components.setup_form import Field, Section, SetupDialog
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import rights
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.paging import Page, TableQuery
from ecandidat_ui.services.rights import Action, Actor
from pages.gestion.setup_screen import asked_id, delete_row, failed
from pages.gestion.shell import Screen, gestion_screen

SCREEN = Screen("/gestion/centres", "Centres de candidature", "Offre de formation", Action.VIEW_SETUP)
COLUMNS = [
    Column("code", "Code", sortable=True, nowrap=True),
    Column("label", "Libellé", sortable=True),
    Column("active", "En service", sortable=True, wide_only=True),
    Column("contact_mail", "Mail contact", wide_only=True),
    Column("max_candidatures", "Nombre de vœux max.", align="right", wide_only=True),
    Column("formations", "Formations", sortable=True, align="right", wide_only=True),
]
DATES = messages.DATE_LABELS
SECTIONS = [
    Section(
        "Paramètres généraux",
        [
            Field("code", "Code *", max_length=20),
            Field("label", "Libellé *", max_length=120),
            Field("contact_mail", "Mail contact", "email", max_length=100),
            Field("max_candidatures", "Nombre de vœux maximum", "number", hint=messages.CENTRE_MAX_HINT),
            Field("active", "En service", "checkbox"),
        ],
    ),
    Section(
        "Dates/Délais par défaut",
        [
            Field(f"default_{name}", DATES[name], "date")
            for name in (
                "opens_on",
                "closes_on",
                "preanalysis_on",
                "return_by",
                "jury_on",
                "publication_on",
                "confirm_by",
            )
        ]
        + [
            Field("default_confirm_delay_days", "Délai de confirmation (jours)", "number"),
            Field("default_paperless", "Dématérialisation", "checkbox"),
        ],
        intro=messages.CENTRE_DEFAULTS_HINT,
    ),
]


def register(platform: Platform) -> None:
    @gestion_screen(platform, SCREEN)
    async def centres(actor: Actor) -> None:
        screen = CentresScreen(platform, actor)
        if (centre_id := asked_id()) is not None:
            await screen.edit(centre_id)


class CentresScreen:
    def __init__(self, platform: Platform, actor: Actor) -> None:
        self.platform = platform
        self.actor = actor
        self.dialogs = ui.element("div")
        self.table = DataTable(
            COLUMNS,
            self.fetch,
            caption="Centres de candidature",
            actions=[
                RowAction("edit", "Modifier", self.edit, icon="edit"),
                RowAction("delete", "Supprimer", self.delete, icon="delete"),
            ],
            row_label="label",
            sort_by="label",
            empty_text=messages.CENTRE_NONE,
            marker="centres-table",
        )
        with self.table.toolbar:
            if rights.allows(actor, Action.EDIT_CENTRE):
                ui.button("Nouveau centre de candidature", icon="add", on_click=self.create).props("no-caps").mark(
                    "centre-new"
                )

    def fetch(self, query: TableQuery) -> Page[dict[str, Any]]:
        return self.platform.centres.page(self.actor, query)

    def create(self) -> None:
        async def save(values: dict[str, Any]) -> str:
            await run.io_bound(self.platform.centres.create, self.actor, values)
            await self.table.refresh()
            return messages.SETUP_SAVED

        values = {"active": True, "default_paperless": True}
        with self.dialogs:
            SetupDialog("Nouveau centre de candidature", SECTIONS, values, save, marker="centre-dialog").open()

    async def edit(self, centre_id: int) -> None:
        try:
            centre = await run.io_bound(self.platform.centres.get, self.actor, centre_id)
        except Refused as refused:
            failed(refused)
            return

        async def save(values: dict[str, Any]) -> str:
            await run.io_bound(self.platform.centres.update, self.actor, centre_id, values)
            await self.table.refresh()
            return messages.SETUP_SAVED

        may_edit = rights.allows(self.actor, Action.EDIT_CENTRE, centre_id=centre.id)
        with self.dialogs:
            SetupDialog(
                "Edition de centre de candidature",
                SECTIONS,
                centre.model_dump(),
                save,
                read_only=not may_edit,
                marker="centre-dialog",
            ).open()

    async def delete(self, centre_id: int) -> None:
        await delete_row(self.table, "le centre de candidature", self.platform.centres.delete, self.actor, centre_id)
