"""« Campagnes » (Administration): the campaigns; prepare the next one, then activate it, which archives the
active one (candidates keep their accounts and files)."""

from __future__ import annotations

from typing import Any

from nicegui import run, ui

from components.confirm import confirm
from components.data_table import Column, DataTable, RowAction
from components.setup_form import Field, Section, SetupDialog
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.campaigns import CampaignState, state_of
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.paging import Page, TableQuery
from ecandidat_ui.services.rights import Action, Actor
from pages.gestion.setup_screen import delete_row, failed, run_action
from pages.gestion.shell import Screen, gestion_screen

SCREEN = Screen("/gestion/campagnes", "Campagnes", "Administration", Action.EDIT_CAMPAIGNS)
COLUMNS = [
    Column("code", "Code", sortable=True, nowrap=True),
    Column("label", "Libellé", sortable=True),
    Column("starts_on", "Date début", sortable=True, wide_only=True, nowrap=True),
    Column("ends_on", "Date fin", sortable=True, wide_only=True, nowrap=True),
    Column("candidates_end_on", "Date fin candidats", wide_only=True, nowrap=True),
    Column("state", "État", sortable=True),
]
SECTIONS = [
    Section(
        "Campagne",
        [
            Field("code", "Code *", max_length=20),
            Field("label", "Libellé *", max_length=100),
            Field("starts_on", "Date début *", "date"),
            Field("ends_on", "Date fin *", "date"),
            Field("candidates_end_on", "Date fin candidats *", "date"),
        ],
    )
]


def register(platform: Platform) -> None:
    @gestion_screen(platform, SCREEN)
    async def campaigns(actor: Actor) -> None:
        CampaignsScreen(platform, actor)


class CampaignsScreen:
    def __init__(self, platform: Platform, actor: Actor) -> None:
        self.platform = platform
        self.actor = actor
        self.dialogs = ui.element("div")
        self.table = DataTable(
            COLUMNS,
            self.fetch,
            caption="Campagnes",
            actions=[
                RowAction("edit", "Modifier", self.edit, icon="edit"),
                RowAction("activate", "Activer", self.activate, icon="play_circle"),
                RowAction("delete", "Supprimer", self.delete, icon="delete"),
            ],
            row_label="label",
            sort_by="state",
            empty_text=messages.CAMPAIGN_NONE,
            marker="campaigns-table",
        )
        with self.table.toolbar:
            ui.button("Nouvelle campagne", icon="add", on_click=self.create).props("no-caps").mark("campaign-new")

    def fetch(self, query: TableQuery) -> Page[dict[str, Any]]:
        return self.platform.campaigns.page(self.actor, query)

    async def create(self) -> None:
        service = self.platform.campaigns
        try:
            current = await run.io_bound(service.active)
            if await run.io_bound(service.waiting, self.actor) is not None:
                raise Refused(messages.CAMPAIGN_ALREADY_WAITING)
        except Refused as refused:
            ui.notify(refused.message, type="warning", multi_line=True)
            return

        async def save(values: dict[str, Any]) -> str:
            await run.io_bound(service.create, self.actor, values)
            await self.table.refresh()
            return messages.CAMPAIGN_CREATED

        intro = messages.CAMPAIGN_TO_ARCHIVE.format(current.label) if current else ""
        with self.dialogs:
            SetupDialog("Nouvelle campagne", SECTIONS, {}, save, intro=intro, marker="campaign-dialog").open()

    async def edit(self, campaign_id: int) -> None:
        try:
            campaign = await run.io_bound(self.platform.campaigns.get, self.actor, campaign_id)
        except Refused as refused:
            failed(refused)
            return

        async def save(values: dict[str, Any]) -> str:
            await run.io_bound(self.platform.campaigns.update, self.actor, campaign_id, values)
            await self.table.refresh()
            return messages.SETUP_SAVED

        archived = state_of(campaign) == CampaignState.ARCHIVED
        with self.dialogs:
            SetupDialog(
                "Edition de campagne",
                SECTIONS,
                campaign.model_dump(),
                save,
                read_only=archived,
                intro=messages.CAMPAIGN_ARCHIVED_READ_ONLY if archived else "",
                marker="campaign-dialog",
            ).open()

    async def activate(self, campaign_id: int) -> None:
        service = self.platform.campaigns
        try:
            campaign = await run.io_bound(service.get, self.actor, campaign_id)
            current = await run.io_bound(service.active)
        except Refused as refused:
            failed(refused)
            return
        if state_of(campaign) != CampaignState.WAITING:
            ui.notify(messages.CAMPAIGN_NOT_WAITING, type="warning")
            return
        question = (
            messages.CAMPAIGN_ACTIVATE_QUESTION.format(new=campaign.label, old=current.label)
            if current
            else messages.CAMPAIGN_ACTIVATE_FIRST.format(new=campaign.label)
        )
        if not await confirm(question, yes="Activer", no="Annuler", marker="activate"):
            return
        if await run_action(service.activate, self.actor, campaign_id):
            ui.notify(messages.CAMPAIGN_ACTIVATED.format(new=campaign.label), type="positive")
            await self.table.refresh()

    async def delete(self, campaign_id: int) -> None:
        await delete_row(self.table, "la campagne", self.platform.campaigns.delete, self.actor, campaign_id)
