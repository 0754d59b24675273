"""What the « Pièces justificatives » and « Questions » screens share: a table of those of every centre and of the
member's centres (search, sort), a form in a dialog, the deletion refused once candidates used one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from nicegui import run, ui

from components.confirm import confirm
from components.data_table import Column, DataTable, RowAction
from components.setup_form import Section, SetupDialog
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.asked_setup import PieceService, QuestionService
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.paging import Page, TableQuery
from ecandidat_ui.services.rights import Action, Actor
from pages.gestion.setup_screen import failed, run_action

EVERY_CENTRE = ""  # the value of « Tous les centres » in the form's list


@dataclass(frozen=True)
class Texts:
    caption: str
    new: str  # « Nouvelle pièce justificative »
    edit: str  # the title of the form of one
    what: str  # « la pièce justificative », in the deletion question
    empty: str
    marker: str  # « piece »: piece-new, piece-dialog, pieces-table


class AskedScreen:
    def __init__(
        self,
        platform: Platform,
        actor: Actor,
        service: PieceService | QuestionService,
        columns: Sequence[Column],
        sections: Callable[[dict[Any, str]], list[Section]],
        texts: Texts,
    ) -> None:
        self.platform, self.actor, self.service = platform, actor, service
        self.sections, self.texts = sections, texts
        self.centres: dict[Any, str] = {}  # the reaches the member may give
        self.visible: dict[int, str] = {}  # the centres the member sees, to name a read-only row's reach
        self.dialogs = ui.element("div")
        self.table = DataTable(
            columns,
            self.fetch,
            caption=texts.caption,
            actions=[
                RowAction("edit", "Modifier", self.edit, icon="edit"),
                RowAction("delete", "Supprimer", self.delete, icon="delete"),
            ],
            row_label="label",
            sort_by="position",
            empty_text=texts.empty,
            marker=f"{texts.marker}s-table",
        )
        with self.table.toolbar:
            self.new_button = (
                ui.button(texts.new, icon="add", on_click=self.create).props("no-caps").mark(f"{texts.marker}-new")
            )
            self.new_button.set_visibility(False)

    async def load_centres(self) -> None:
        """The reaches the member may give: every centre (scolarité) and the centres where they may act."""
        centres = dict(await run.io_bound(self.platform.centres.options, self.actor, self.service.action))
        self.visible = dict(await run.io_bound(self.platform.centres.options, self.actor, Action.VIEW_SETUP))
        every = {EVERY_CENTRE: messages.EVERY_CENTRE} if self.service.may_edit_every_centre(self.actor) else {}
        self.centres = {**every, **centres}
        self.new_button.set_visibility(bool(self.centres))

    def fetch(self, query: TableQuery) -> Page[dict[str, Any]]:
        return self.service.page(self.actor, query)

    def create(self) -> None:
        async def save(values: dict[str, Any]) -> str:
            created = await run.io_bound(self.service.create, self.actor, values)
            await self.table.refresh()
            await self.created(created.id)
            return messages.SETUP_SAVED

        first_centre = next(iter(self.centres))
        values = {"active": True, "required": True, "kind": "text", "position": 0, "centre_id": first_centre}
        with self.dialogs:
            dialog = SetupDialog(self.texts.new, self.sections(self.centres), values, save, marker=self.dialog_marker)
            self.fill_new(dialog)
            dialog.open()

    @property
    def dialog_marker(self) -> str:
        return f"{self.texts.marker}-dialog"

    async def created(self, item_id: int) -> None:
        """What follows the creation of one."""

    def fill_new(self, dialog: SetupDialog) -> None:
        """What a screen adds under the form of a new one."""

    async def fill_edit(self, dialog: SetupDialog, item: Any, may_edit: bool) -> None:
        """What a screen adds under the form of one."""

    async def edit(self, item_id: int) -> None:
        try:
            item = await run.io_bound(self.service.get, self.actor, item_id)
        except Refused as refused:
            failed(refused)
            return
        may_edit = self.service.may_edit(self.actor, item)

        async def save(values: dict[str, Any]) -> str:
            await run.io_bound(self.service.update, self.actor, item_id, values)
            await self.table.refresh()
            return messages.SETUP_SAVED

        reach = EVERY_CENTRE if item.centre_id is None else item.centre_id
        centres = {**self.centres, reach: self.centres.get(reach) or self._centre_label(item.centre_id)}
        values = {**item.model_dump(), "centre_id": reach}
        with self.dialogs:
            dialog = SetupDialog(
                f"{self.texts.edit} — {item.code}",
                self.sections(centres),
                values,
                save,
                read_only=not may_edit,
                marker=self.dialog_marker,
            )
            await self.fill_edit(dialog, item, may_edit)
            dialog.open()

    def _centre_label(self, centre_id: int | None) -> str:
        if centre_id is None:
            return messages.EVERY_CENTRE
        return self.visible.get(centre_id, str(centre_id))

    async def delete(self, item_id: int) -> None:
        row = next((row for row in self.table.rows if row["id"] == item_id), None)
        name = row["label"] if row else str(item_id)
        question = messages.SETUP_DELETE_QUESTION.format(what=self.texts.what, name=name)
        if not await confirm(question, yes="Supprimer", no="Annuler", marker="delete", danger=True):
            return
        if await run_action(self.service.delete, self.actor, item_id):
            ui.notify(messages.SETUP_DELETED, type="positive")
            await self.table.refresh()
