"""« Commissions » (Offre de formation): the commissions the member may see, filtered by centre; a form per
commission with its contact details for candidates and its letters' signatory and signature image."""

from __future__ import annotations

from typing import Any

from nicegui import run, ui

from components.data_table import Column, DataTable, RowAction
from components.setup_form import Field, Section, SetupDialog
from components.signature_image import SignatureImage
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import rights
from ecandidat_ui.services.commissions import SIGNATURE_MAX_BYTES
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.paging import Page, TableQuery
from ecandidat_ui.services.rights import Action, Actor
from pages.gestion.setup_screen import asked_id, delete_row, failed
from pages.gestion.shell import Screen, gestion_screen

SCREEN = Screen("/gestion/commissions", "Commissions", "Offre de formation", Action.VIEW_SETUP)
COLUMNS = [
    Column("code", "Code", sortable=True, nowrap=True),
    Column("label", "Libellé", sortable=True),
    Column("centre", "Centre de candidature", sortable=True, wide_only=True),
    Column("active", "En service", sortable=True, wide_only=True),
    Column("mail", "Mail", wide_only=True),
    Column("signature", "Signature", wide_only=True),
    Column("formations", "Formations", sortable=True, align="right", wide_only=True),
]


def sections(centres: dict[int, str]) -> list[Section]:
    return [
        Section(
            "Paramètres généraux",
            [
                Field("code", "Code *", max_length=20),
                Field("label", "Libellé *", max_length=200),
                Field("centre_id", "Centre de candidature *", "select", options=centres),
                Field("active", "En service", "checkbox"),
                Field("mail", "Mail", "email", max_length=100),
                Field("phone", "Téléphone", max_length=20),
                Field("url", "Url", "url", max_length=500, wide=True),
            ],
        ),
        Section(
            "Adresse et retour des dossiers",
            [
                Field("address", "Adresse", "textarea", max_length=500),
                Field("return_comment", "Commentaire retour", "textarea", max_length=2000),
            ],
        ),
        Section("Signataire", [Field("signatory", "Signataire", "textarea", max_length=200)]),
    ]


def register(platform: Platform) -> None:
    @gestion_screen(platform, SCREEN)
    async def commissions(actor: Actor) -> None:
        screen = CommissionsScreen(platform, actor)
        await screen.load_centres()
        if (commission_id := asked_id()) is not None:
            await screen.edit(commission_id)


class CommissionsScreen:
    def __init__(self, platform: Platform, actor: Actor) -> None:
        self.platform = platform
        self.actor = actor
        self.centres: dict[int, str] = {}
        self.dialogs = ui.element("div")
        self.table = DataTable(
            COLUMNS,
            self.fetch,
            caption="Commissions",
            actions=[
                RowAction("edit", "Modifier", self.edit, icon="edit"),
                RowAction("delete", "Supprimer", self.delete, icon="delete"),
            ],
            row_label="label",
            sort_by="label",
            empty_text=messages.COMMISSION_NONE,
            marker="commissions-table",
        )
        with self.table.toolbar:
            self.centre_filter = (
                ui.select({}, label="Centre de candidature", clearable=True)
                .props("outlined dense")
                .classes("min-w-[14rem]")
                .mark("commissions-centre-filter")
            )
            self.centre_filter.on_value_change(lambda event: self.table.set_filters(centre=event.value))
            self.new_button = (
                ui.button("Nouvelle commission", icon="add", on_click=self.create)
                .props("no-caps")
                .mark("commission-new")
            )

    async def load_centres(self) -> None:
        self.centres = dict(await run.io_bound(self.platform.centres.options, self.actor))
        self.centre_filter.set_options(self.centres)
        creatable = await run.io_bound(self.platform.centres.options, self.actor, Action.EDIT_COMMISSION)
        self.creatable = dict(creatable)
        self.new_button.set_visibility(bool(self.creatable))

    def fetch(self, query: TableQuery) -> Page[dict[str, Any]]:
        return self.platform.commissions.page(self.actor, query)

    def create(self) -> None:
        async def save(values: dict[str, Any]) -> str:
            created = await run.io_bound(self.platform.commissions.create, self.actor, values)
            await self.table.refresh()
            await self.edit(created.id)  # on to the signature
            return messages.SETUP_SAVED

        values = {"active": True, "centre_id": self.centre_filter.value}
        with self.dialogs:
            dialog = SetupDialog(
                "Nouvelle commission", sections(self.creatable), values, save, marker="commission-dialog"
            )
            with dialog.body:
                ui.label(messages.SIGNATURE_AFTER_CREATE).classes("text-body2 text-grey-9")
            dialog.open()

    async def edit(self, commission_id: int) -> None:
        service = self.platform.commissions
        try:
            commission = await run.io_bound(service.get, self.actor, commission_id)
            signature = await run.io_bound(service.signature_of, commission)
        except Refused as refused:
            failed(refused)
            return
        may_edit = rights.allows(
            self.actor, Action.EDIT_COMMISSION, centre_id=commission.centre_id, commission_id=commission.id
        )
        centres = {**self.centres, commission.centre_id: self.centres.get(commission.centre_id, "")}

        async def save(values: dict[str, Any]) -> str:
            await run.io_bound(service.update, self.actor, commission_id, values)
            await self.table.refresh()
            return messages.SETUP_SAVED

        async def new_image(name: str, data: bytes) -> tuple[bytes, str] | None:
            await run.io_bound(service.set_signature, self.actor, commission_id, name, data)
            await self.table.refresh()
            stored = await run.io_bound(service.signature, self.actor, commission_id)
            return (stored.data, stored.content_type) if stored else None

        async def remove_image() -> None:
            await run.io_bound(service.remove_signature, self.actor, commission_id)
            await self.table.refresh()

        with self.dialogs:
            dialog = SetupDialog(
                "Edition de commission",
                sections(centres),
                commission.model_dump(),
                save,
                read_only=not may_edit,
                marker="commission-dialog",
            )
            with dialog.body:
                SignatureImage(
                    (signature.data, signature.content_type) if signature else None,
                    editable=may_edit,
                    max_bytes=SIGNATURE_MAX_BYTES,
                    on_file=new_image,
                    on_remove=remove_image,
                )
            dialog.open()

    async def delete(self, commission_id: int) -> None:
        await delete_row(self.table, "la commission", self.platform.commissions.delete, self.actor, commission_id)
