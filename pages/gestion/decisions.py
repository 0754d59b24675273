"""« Types de décision » and « Motivations d'avis »: two lists of the same shape (code, libellé, En service), each
in a table with a form in a dialog; a row an avis uses is refused deletion, with the way out (« En service »)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from nicegui import run, ui

from components.confirm import confirm
from components.data_table import Column, DataTable, RowAction
from components.setup_form import Field, Section, SetupDialog
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.decisions import CODE_MAX, MOTIVATION_LABEL_MAX, TYPE_LABEL_MAX, mail_options
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.rights import Action, Actor
from pages.gestion.setup_screen import asked_id, failed, run_action
from pages.gestion.shell import Screen, gestion_screen

TYPES = Screen("/gestion/types-decision", "Types de décision", "Candidatures", Action.EDIT_DECISION_TYPES)
MOTIVATIONS = Screen("/gestion/motivations", "Motivations d'avis", "Candidatures", Action.EDIT_MOTIVATIONS)


@dataclass(frozen=True)
class Kind:
    """What differs between the two screens."""

    screen: Screen
    service: Callable[[Platform], Any]
    columns: Sequence[Column]
    sections: Sequence[Section]
    new: str  # the button and the title of a new row's dialog
    edit_title: str
    what: str  # « le type de décision », in the delete question
    empty: str
    marker: str
    defaults: dict[str, Any]


TYPE_KIND = Kind(
    screen=TYPES,
    service=lambda platform: platform.decision_types,
    columns=[
        Column("code", "Code", sortable=True, nowrap=True),
        Column("label", "Libellé", sortable=True),
        Column("avis", "Type d'avis", sortable=True),
        Column("mail", "Mail", wide_only=True),
        Column("active", "En service", sortable=True, wide_only=True),
        Column("final", "Avis définitif", wide_only=True),
        Column("uses", "Avis", sortable=True, align="right", wide_only=True),
    ],
    sections=[
        Section(
            "Type de décision",
            [
                Field("code", "Code *", max_length=CODE_MAX),
                Field("label", "Libellé *", max_length=TYPE_LABEL_MAX),
                Field("avis", "Type d'avis *", "select", options=messages.AVIS_KINDS),
                Field(
                    "mail_code",
                    "Mail envoyé au candidat *",
                    "select",
                    options=mail_options(),
                    hint=messages.DECISION_TYPE_HINT,
                ),
                Field("active", "En service", "checkbox"),
                Field("final", "Avis définitif", "checkbox"),
                Field("show_comment", "Affichage du commentaire au candidat", "checkbox", wide=True),
            ],
        )
    ],
    new="Nouveau type de décision",
    edit_title="Edition de type de décision",
    what="le type de décision",
    empty=messages.DECISION_TYPE_NONE,
    marker="decision-types",
    defaults={"active": True, "final": False, "show_comment": True},
)
MOTIVATION_KIND = Kind(
    screen=MOTIVATIONS,
    service=lambda platform: platform.motivations,
    columns=[
        Column("code", "Code", sortable=True, nowrap=True),
        Column("label", "Libellé", sortable=True),
        Column("active", "En service", sortable=True, wide_only=True),
        Column("uses", "Avis", sortable=True, align="right", wide_only=True),
    ],
    sections=[
        Section(
            "Motivation d'avis",
            [
                Field("code", "Code *", max_length=CODE_MAX),
                Field("label", "Libellé *", max_length=MOTIVATION_LABEL_MAX),
                Field("active", "En service", "checkbox"),
            ],
        )
    ],
    new="Nouvelle motivation d'avis",
    edit_title="Edition de motivation d'avis",
    what="la motivation d'avis",
    empty=messages.MOTIVATION_NONE,
    marker="motivations",
    defaults={"active": True},
)


def register(platform: Platform) -> None:
    for kind in (TYPE_KIND, MOTIVATION_KIND):
        _register(platform, kind)


def _register(platform: Platform, kind: Kind) -> None:
    @gestion_screen(platform, kind.screen)
    async def screen(actor: Actor) -> None:
        built = CodedScreen(platform, actor, kind)
        if (row_id := asked_id()) is not None:
            await built.edit(row_id)


class CodedScreen:
    def __init__(self, platform: Platform, actor: Actor, kind: Kind) -> None:
        self.service = kind.service(platform)
        self.actor = actor
        self.kind = kind
        self.dialogs = ui.element("div")
        self.table = DataTable(
            kind.columns,
            lambda query: self.service.page(actor, query),
            caption=kind.screen.title,
            actions=[
                RowAction("edit", messages.EDIT, self.edit, icon="edit"),
                RowAction("delete", "Supprimer", self.delete, icon="delete"),
            ],
            row_label="label",
            sort_by="code",
            empty_text=kind.empty,
            marker=f"{kind.marker}-table",
        )
        with self.table.toolbar:
            ui.button(kind.new, icon="add", on_click=self.create).props("no-caps").mark(f"{kind.marker}-new")

    def _open(self, title: str, values: dict[str, Any], write: Callable[[dict[str, Any]], Any]) -> None:
        async def save(typed: dict[str, Any]) -> str:
            await run.io_bound(write, typed)
            await self.table.refresh()
            return messages.SETUP_SAVED

        with self.dialogs:
            SetupDialog(title, self.kind.sections, values, save, marker=f"{self.kind.marker}-dialog").open()

    def create(self) -> None:
        self._open(self.kind.new, dict(self.kind.defaults), lambda typed: self.service.create(self.actor, typed))

    async def edit(self, row_id: int) -> None:
        try:
            row = await run.io_bound(self.service.get, self.actor, row_id)
        except Refused as refused:
            failed(refused)
            return
        self._open(self.kind.edit_title, row.model_dump(), lambda typed: self.service.update(self.actor, row_id, typed))

    async def delete(self, row_id: int) -> None:
        row = next((row for row in self.table.rows if row["id"] == row_id), None)
        name = row["label"] if row else str(row_id)
        question = messages.SETUP_DELETE_QUESTION.format(what=self.kind.what, name=name)
        with self.dialogs:
            sure = await confirm(question, yes="Supprimer", no="Annuler", marker="delete", danger=True)
        if not sure:
            return
        if await run_action(self.service.delete, self.actor, row_id):
            ui.notify(messages.SETUP_DELETED, type="positive")
            await self.table.refresh()
