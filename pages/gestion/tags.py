"""« Tags »: the institution's tags and those of the member's centres, each shown as it will look; a form with
the colour chosen in the palette (with a preview), and a deletion that tells how many candidatures carry it."""

from __future__ import annotations

from typing import Any

from nicegui import run, ui

from components.confirm import confirm
from components.data_table import Column, DataTable, RowAction
from components.setup_form import Field, Section, SetupDialog
from components.tag_chip import add_styles, recolour, tag_chip
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import rights
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.rights import Action, Actor
from ecandidat_ui.services.tags import LABEL_MAX
from pages.gestion.setup_screen import asked_id, failed, run_action
from pages.gestion.shell import Screen, gestion_screen

SCREEN = Screen("/gestion/tags", "Tags", "Candidatures", Action.EDIT_TAGS)
COLUMNS = [
    Column("label", "Libellé", sortable=True),
    Column("colour", "Couleur", sortable=True, wide_only=True),
    Column("centre", "Centre de candidature", sortable=True),
    Column("active", "En service", sortable=True, wide_only=True),
    Column("uses", "Candidatures", sortable=True, align="right", wide_only=True),
]
# The label cell: the tag as it will look. Its class is the row's `colour_key`, a palette name (models.TagColour)
# the service gives; the classes of components/tag_chip.py hold the colours.
LABEL_CELL = """
<q-td :props="props">
  <span :class="['tag-chip', 'tag-' + props.row.colour_key]">{{ props.value }}</span>
</q-td>
"""
EVERY_CENTRE = ""  # the choice « Tous les centres » in the form's list (the service reads it as no centre)


def sections(centres: dict[Any, str]) -> list[Section]:
    return [
        Section(
            "Tag",
            [
                Field("label", "Libellé *", max_length=LABEL_MAX),
                Field("colour", "Couleur *", "select", options=messages.TAG_COLOURS),
                Field("centre_id", "Centre de candidature *", "select", options=centres),
                Field("active", "En service", "checkbox"),
            ],
        )
    ]


def register(platform: Platform) -> None:
    @gestion_screen(platform, SCREEN)
    async def tags(actor: Actor) -> None:
        screen = TagsScreen(platform, actor)
        if (tag_id := asked_id()) is not None:
            await screen.edit(tag_id)


class TagsScreen:
    def __init__(self, platform: Platform, actor: Actor) -> None:
        self.service = platform.tags
        self.actor = actor
        add_styles()
        self.dialogs = ui.element("div")
        self.table = DataTable(
            COLUMNS,
            lambda query: self.service.page(actor, query),
            caption="Tags",
            actions=[
                RowAction("edit", messages.EDIT, self.edit, icon="edit"),
                RowAction("delete", "Supprimer", self.delete, icon="delete"),
            ],
            row_label="label",
            sort_by="label",
            empty_text=messages.TAG_NONE,
            marker="tags-table",
        )
        self.table.table.add_slot("body-cell-label", LABEL_CELL)
        with self.table.toolbar:
            ui.button("Nouveau tag", icon="add", on_click=self.create).props("no-caps").mark("tag-new")

    async def _open(self, title: str, values: dict[str, Any], write, *, read_only: bool = False) -> None:
        centres = await run.io_bound(self.service.centre_options, self.actor)
        options = {EVERY_CENTRE if key is None else key: label for key, label in centres.items()}
        if "id" not in values:  # a new tag: the whole institution when the member may, else their only centre
            only = next(iter(centres)) if len(centres) == 1 else None
            values["centre_id"] = EVERY_CENTRE if None in centres else only
        else:
            if values["centre_id"] not in centres:  # seen read-only: a centre the member may not choose
                options[values["centre_id"] or EVERY_CENTRE] = values.get("centre_label", messages.TAG_EVERY_CENTRE)
            values["centre_id"] = EVERY_CENTRE if values["centre_id"] is None else values["centre_id"]

        async def save(typed: dict[str, Any]) -> str:
            await run.io_bound(write, typed)
            await self.table.refresh()
            return messages.SETUP_SAVED

        with self.dialogs:
            dialog = SetupDialog(title, sections(options), values, save, read_only=read_only, marker="tag-dialog")
            with dialog.body:
                with ui.row().classes("items-center gap-2"):
                    ui.label(messages.TAG_PREVIEW + " :").classes("text-body2")
                    chip = tag_chip(values.get("label") or messages.TAG_PREVIEW, values.get("colour", "gris"))
                    chip.mark("tag-preview")
            dialog.form.on_change("colour", lambda colour: recolour(chip, colour or "gris"))
            dialog.form.on_change("label", lambda label: chip.set_text(label or messages.TAG_PREVIEW))
            dialog.open()

    async def create(self) -> None:
        await self._open(
            "Nouveau tag", {"colour": "bleu", "active": True}, lambda typed: self.service.create(self.actor, typed)
        )

    async def edit(self, tag_id: int) -> None:
        try:
            tag = await run.io_bound(self.service.get, self.actor, tag_id)
        except Refused as refused:
            failed(refused)
            return
        row = next((row for row in self.table.rows if row["id"] == tag_id), None)
        values = {**tag.model_dump(), "centre_label": row["centre"] if row else messages.TAG_EVERY_CENTRE}
        may_edit = rights.allows(self.actor, Action.EDIT_TAGS, centre_id=tag.centre_id)
        await self._open(
            "Edition de tag",
            values,
            lambda typed: self.service.update(self.actor, tag_id, typed),
            read_only=not may_edit,
        )

    async def delete(self, tag_id: int) -> None:
        row = next((row for row in self.table.rows if row["id"] == tag_id), None)
        name = row["label"] if row else str(tag_id)
        try:
            uses = await run.io_bound(self.service.uses, self.actor, tag_id)
        except Refused as refused:
            failed(refused)
            return
        if uses:
            question = messages.TAG_DELETE_USED_QUESTION.format(name=name, count=uses)
        else:
            question = messages.SETUP_DELETE_QUESTION.format(what="le tag", name=name)
        with self.dialogs:
            sure = await confirm(question, yes="Supprimer", no="Annuler", marker="delete", danger=True)
        if not sure:
            return
        if await run_action(lambda: self.service.delete(self.actor, tag_id, confirmed_uses=uses)):
            ui.notify(messages.TAG_DELETED_FROM.format(count=uses) if uses else messages.SETUP_DELETED, type="positive")
            await self.table.refresh()
