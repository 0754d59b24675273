"""« Formations » (Offre de formation): the formations the member may see — 2,000 and more, paged on the
server —, filtered by centre, commission and « En service »; a form per formation with every field and date of
the original, its copy, and « Editer en masse »: the dates (and « En service ») of the formations ticked.

A formation is also opened by its address, /gestion/formations?ouvrir=12: the service decides, as for the
table, whether the member may see it."""

from __future__ import annotations

from typing import Any

from nicegui import run, ui

from components.bulk_result import show_bulk_result
from components.data_table import Column, DataTable, RowAction
from components.setup_form import Field, Section, SetupDialog
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.formations import BULK_FIELDS, DELAYS, TREATMENT_TYPES, form_values
from ecandidat_ui.services.paging import Page, TableQuery
from ecandidat_ui.services.rights import Action, Actor
from ecandidat_ui.services.setup_access import BulkResult
from pages.gestion.setup_screen import asked_id, delete_row, failed
from pages.gestion.shell import Screen, gestion_screen

SCREEN = Screen("/gestion/formations", "Formations", "Offre de formation", Action.VIEW_SETUP)
COLUMNS = [
    Column("code", "Code", sortable=True, nowrap=True),
    Column("label", "Libellé", sortable=True),
    Column("centre", "Centre de candidature", sortable=True, wide_only=True),
    Column("commission", "Commission", sortable=True, wide_only=True),
    Column("opens_on", "Date début dépôt", sortable=True, wide_only=True, nowrap=True),
    Column("closes_on", "Date fin dépôt", sortable=True, wide_only=True, nowrap=True),
    Column("state", "Etat", sortable=True, wide_only=True, nowrap=True),
]
DATES = messages.DATE_LABELS
DELAY_LABELS = {
    "confirm_delay_days": "Délai de confirmation (jours)",
    "waiting_list_confirm_delay_days": "Délai de confirmation liste comp. (jours)",
}
ACTIVE_FILTER = {"": "Toutes", "oui": "En service", "non": "Hors service"}


def sections(
    centres: dict[int, str],
    commissions: dict[int, str],
    pieces: dict[int, str] | None = None,
    questions: dict[int, str] | None = None,
) -> list[Section]:
    return [
        Section(
            "Paramètres généraux",
            [
                Field("code", "Code *", max_length=20),
                Field("label", "Libellé *", max_length=200),
                Field("centre_id", "Centre de candidature *", "select", options=centres),
                Field("commission_id", "Commission *", "select", options=commissions),
                Field("treatment_type", "Type de traitement *", "select", options=TREATMENT_TYPES),
                Field("diploma_type", "Type de diplôme", max_length=100),
                Field("capacity", "Capacité d'accueil", "number"),
                Field("url", "Url offre formation", "url", max_length=500),
                Field("keywords", "Mots clés", max_length=500, wide=True),
                Field("active", "En service", "checkbox"),
                Field("paperless", "Dématérialisation", "checkbox"),
                Field("auto_waiting_list", messages.AUTO_PROMOTION_LABEL, "checkbox"),
            ],
        ),
        Section(
            "Dates/Délais",
            [
                Field("opens_on", f"{DATES['opens_on']} *", "date"),
                Field("closes_on", f"{DATES['closes_on']} *", "date"),
                Field("preanalysis_on", DATES["preanalysis_on"], "date"),
                Field("return_by", f"{DATES['return_by']} *", "date"),
                Field("jury_on", DATES["jury_on"], "date"),
                Field("publication_on", DATES["publication_on"], "date"),
                Field("confirm_by", DATES["confirm_by"], "date"),
                Field("confirm_delay_days", DELAY_LABELS["confirm_delay_days"], "number"),
                Field("waiting_list_confirm_by", DATES["waiting_list_confirm_by"], "date"),
                Field("waiting_list_confirm_delay_days", DELAY_LABELS["waiting_list_confirm_delay_days"], "number"),
            ],
        ),
        Section(
            "Présélection",
            [
                Field("preselection_place", "Lieu ep. présélection", max_length=200, wide=True),
                Field("preselection_on", "Date ep. présélection", "date"),
                Field("preselection_time", "Heure ep. présélection", "time", max_length=5, hint="HH:MM"),
            ],
        ),
        Section("Infos comp.", [Field("info", "Infos comp.", "textarea", max_length=2000)]),
        Section(
            "Pièces justificatives et questions",
            [
                Field("piece_ids", "Pièces justificatives", "multiselect", options=pieces or {}),
                Field("question_ids", "Questions", "multiselect", options=questions or {}),
            ],
            intro=messages.FORMATION_ASKED_HINT,
        ),
    ]


BULK_SECTIONS = [
    Section(
        "Dates/Délais",
        [Field(name, DATES[name], "date") for name in DATES]
        + [Field(name, DELAY_LABELS[name], "number") for name in DELAYS],
    ),
    Section(
        "En service",
        [Field("active", "En service", "select", options={"": messages.BULK_KEEP, "oui": "Oui", "non": "Non"})],
    ),
]


def register(platform: Platform) -> None:
    @gestion_screen(platform, SCREEN)
    async def formations(actor: Actor) -> None:
        screen = FormationsScreen(platform, actor)
        await screen.load_choices()
        if (formation_id := asked_id()) is not None:
            await screen.edit(formation_id)


class FormationsScreen:
    def __init__(self, platform: Platform, actor: Actor) -> None:
        self.platform = platform
        self.actor = actor
        self.centres: dict[int, str] = {}
        self.editable_centres: dict[int, str] = {}
        self.dialogs = ui.element("div")
        self.table = DataTable(
            COLUMNS,
            self.fetch,
            caption="Formations",
            actions=[
                RowAction("edit", "Modifier", self.edit, icon="edit"),
                RowAction("copy", "Dupliquer", self.duplicate, icon="content_copy"),
                RowAction("delete", "Supprimer", self.delete, icon="delete"),
            ],
            row_label="label",
            sort_by="code",
            empty_text=messages.FORMATION_NONE,
            selectable=True,
            marker="formations-table",
        )
        with self.table.toolbar:
            self.centre_filter = (
                ui.select({}, label="Centre de candidature", clearable=True)
                .props("outlined dense")
                .classes("min-w-[14rem]")
                .mark("formations-centre-filter")
            )
            self.commission_filter = (
                ui.select({}, label="Commission", clearable=True)
                .props("outlined dense")
                .classes("min-w-[14rem]")
                .mark("formations-commission-filter")
            )
            self.active_filter = (
                ui.select(ACTIVE_FILTER, label="En service", value="")
                .props("outlined dense")
                .classes("min-w-[9rem]")
                .mark("formations-active-filter")
            )
            self.centre_filter.on_value_change(self.centre_chosen)
            self.commission_filter.on_value_change(self.filter)
            self.active_filter.on_value_change(self.filter)
            self.new_button = (
                ui.button("Nouvelle formation", icon="add", on_click=self.create).props("no-caps").mark("formation-new")
            )
            self.bulk_button = (
                ui.button("Editer en masse", icon="date_range", on_click=self.bulk_dates)
                .props("no-caps outline")
                .mark("formation-bulk")
            )
            self.bulk_button.props["title"] = "Editer dates et témoin en service en masse"
            self.bulk_asked_button = (
                ui.button("Pièces et questions en masse", icon="playlist_add", on_click=self.bulk_asked)
                .props("no-caps outline")
                .mark("formation-bulk-asked")
            )

    async def load_choices(self) -> None:
        self.centres = dict(await run.io_bound(self.platform.centres.options, self.actor))
        self.editable_centres = dict(
            await run.io_bound(self.platform.centres.options, self.actor, Action.EDIT_FORMATION)
        )
        self.centre_filter.set_options(self.centres)
        self.new_button.set_visibility(bool(self.editable_centres))
        self.bulk_button.set_visibility(bool(self.editable_centres))
        self.bulk_asked_button.set_visibility(bool(self.editable_centres))

    def fetch(self, query: TableQuery) -> Page[dict[str, Any]]:
        return self.platform.formations.page(self.actor, query)

    async def centre_chosen(self) -> None:
        centre_id = self.centre_filter.value
        options = {}
        if centre_id is not None:
            options = dict(
                await run.io_bound(self.platform.commissions.options, self.actor, Action.VIEW_SETUP, centre_id)
            )
        self.commission_filter.set_options(options, value=None)
        self.filter()

    def filter(self) -> None:
        active = {"oui": True, "non": False}.get(self.active_filter.value)
        self.table.set_filters(centre=self.centre_filter.value, commission=self.commission_filter.value, active=active)

    # --- one formation -------------------------------------------------------------------------------------

    async def create(self) -> None:
        centre_id = self.centre_filter.value if self.centre_filter.value in self.editable_centres else None
        centre_id = centre_id or next(iter(self.editable_centres), None)
        if centre_id is None:
            return
        try:
            values = await run.io_bound(self.platform.formations.new_values, self.actor, centre_id)
        except Refused as refused:
            failed(refused)
            return

        async def save(entered: dict[str, Any]) -> str:
            await run.io_bound(self.platform.formations.create, self.actor, entered)
            await self.table.refresh()
            return messages.SETUP_SAVED

        await self._open("Nouvelle formation", values, save, self.editable_centres)

    async def edit(self, formation_id: int) -> None:
        try:
            detail = await run.io_bound(self.platform.formations.get, self.actor, formation_id)
        except Refused as refused:
            failed(refused)
            return

        async def save(values: dict[str, Any]) -> str:
            await run.io_bound(self.platform.formations.update, self.actor, formation_id, values)
            await self.table.refresh()
            return messages.SETUP_SAVED

        formation = detail.formation
        centres = {**self.editable_centres, formation.centre_id: self.centres.get(formation.centre_id, "")}
        title = f"Edition de formation — {formation.code}"
        values = {**form_values(formation), "piece_ids": detail.piece_ids, "question_ids": detail.question_ids}
        await self._open(title, values, save, centres, read_only=not detail.may_edit)

    async def duplicate(self, formation_id: int) -> None:
        try:
            detail = await run.io_bound(self.platform.formations.get, self.actor, formation_id)
        except Refused as refused:
            failed(refused)
            return

        async def save(values: dict[str, Any]) -> str:
            await run.io_bound(self.platform.formations.duplicate, self.actor, formation_id, values)
            await self.table.refresh()
            return messages.SETUP_SAVED

        values = {**form_values(detail.formation), "code": "", "piece_ids": detail.piece_ids}
        values["question_ids"] = detail.question_ids
        intro = messages.FORMATION_COPY_OF.format(code=detail.formation.code)
        await self._open("Dupliquer une formation", values, save, self.editable_centres, intro=intro)

    async def _open(
        self,
        title: str,
        values: dict[str, Any],
        save,
        centres: dict[int, str],
        *,
        read_only: bool = False,
        intro: str = "",
    ) -> None:
        action = Action.VIEW_SETUP if read_only else Action.EDIT_FORMATION
        commissions = await self._commissions(action, values.get("centre_id"), values.get("commission_id"))
        pieces, questions = await self._asked(values.get("centre_id"))
        with self.dialogs:
            dialog = SetupDialog(
                title,
                sections(centres, commissions, pieces, questions),
                values,
                save,
                read_only=read_only,
                intro=intro,
                marker="formation-dialog",
            )

        async def centre_changed(centre_id: Any) -> None:
            dialog.form.set_options("commission_id", await self._commissions(action, centre_id))
            pieces, questions = await self._asked(centre_id)
            dialog.form.set_options("piece_ids", pieces)
            dialog.form.set_options("question_ids", questions)

        if not read_only:
            dialog.form.on_change("centre_id", centre_changed)
        dialog.open()

    async def _asked(self, centre_id: Any) -> tuple[dict[int, str], dict[int, str]]:
        """The pièces and questions a formation of this centre may be given (the common ones are asked anyway)."""
        pieces = await run.io_bound(self.platform.pieces.options, self.actor, centre_id)
        questions = await run.io_bound(self.platform.questions.options, self.actor, centre_id)
        return pieces, questions

    async def _commissions(self, action: Action, centre_id: Any, current: Any = None) -> dict[int, str]:
        if centre_id is None:
            return {}
        options = dict(await run.io_bound(self.platform.commissions.options, self.actor, action, centre_id))
        if current is not None and current not in options:  # shown, even when the member may not choose it
            shown = dict(
                await run.io_bound(self.platform.commissions.options, self.actor, Action.VIEW_SETUP, centre_id)
            )
            options[current] = shown.get(current, str(current))
        return options

    async def delete(self, formation_id: int) -> None:
        await delete_row(self.table, "la formation", self.platform.formations.delete, self.actor, formation_id)

    # --- many formations at once ------------------------------------------------------------------------

    def bulk_dates(self) -> None:
        selected = self.table.selected
        if not selected:
            ui.notify(messages.BULK_NOTHING_SELECTED, type="warning")
            return

        async def save(values: dict[str, Any]) -> None:
            changes = {name: value for name, value in values.items() if name in BULK_FIELDS and value not in ("", None)}
            if "active" in changes:
                changes["active"] = changes["active"] == "oui"
            result = await run.io_bound(self.platform.formations.change_dates, self.actor, selected, changes)
            await self.table.refresh()
            self.show_result(result)

        intro = messages.BULK_INTRO.format(count=len(selected))
        with self.dialogs:
            SetupDialog(
                "Edition en masse de formations",
                BULK_SECTIONS,
                {"active": ""},
                save,
                intro=intro,
                save_label="Modifier",
                marker="bulk-dialog",
            ).open()

    async def bulk_asked(self) -> None:
        """Add (or remove) pièces and questions to every formation selected."""
        selected = self.table.selected
        if not selected:
            ui.notify(messages.BULK_NOTHING_SELECTED, type="warning")
            return
        centre = self.centre_filter.value  # offered: those of every centre, and of the centre filtered on
        pieces, questions = await self._asked(centre)

        async def save(values: dict[str, Any]) -> None:
            remove = values.get("mode") == "remove"
            result = await run.io_bound(
                lambda: self.platform.formations.change_asked(self.actor, selected, values, remove=remove)
            )
            await self.table.refresh()
            self.show_result(result)

        section = Section(
            "Pièces justificatives et questions",
            [
                Field("mode", "Action *", "select", options=messages.BULK_ASKED_MODES),
                Field("piece_ids", "Pièces justificatives", "multiselect", options=pieces),
                Field("question_ids", "Questions", "multiselect", options=questions),
            ],
        )
        with self.dialogs:
            SetupDialog(
                "Pièces et questions en masse",
                [section],
                {"mode": "add", "piece_ids": [], "question_ids": []},
                save,
                intro=messages.BULK_ASKED_INTRO.format(count=len(selected)),
                save_label="Modifier",
                marker="bulk-asked-dialog",
            ).open()

    def show_result(self, result: BulkResult) -> None:
        with self.dialogs:
            show_bulk_result(messages.BULK_RESULT_TITLE, messages.BULK_DONE, messages.BULK_REFUSED, result)
