"""« Candidatures » (BACKOFFICE §3): the table a commission reviews in.

The member chooses one of their commissions (or, seeing a whole centre, « Toutes les candidatures du
centre »); the counts by statut sit above it, « Non transmise » included; search, sort, and filters on the
statut, the avis and the formation run in SQL (services/candidature_table.py). « Ouvrir » on a row opens the
candidature window (candidature_window.py). Actions on the rows ticked each run in one transaction and list the
rows refused with their reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nicegui import run, ui

from components.bulk_result import show_bulk_result
from components.data_table import Column, DataTable, RowAction
from components.setup_form import Field, Section, SetupDialog
from components.tag_chip import add_styles
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import rights
from ecandidat_ui.services.candidature_table import NO_AVIS, STATUSES
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.review import Decision
from ecandidat_ui.services.rights import Action, Actor
from models import FileStatus
from pages.gestion import exports
from pages.gestion.attempt import failed
from pages.gestion.shell import Screen, gestion_screen

SCREEN = Screen("/gestion/candidatures", "Candidatures", "Candidatures", Action.VIEW_CANDIDATURES)
SCOPE_PARAMETER = "commission"
COLUMNS = [
    Column("tags", "Tags", wide_only=True),
    Column("login", "N° dossier", sortable=True, nowrap=True),
    Column("last_name", "Nom", sortable=True),
    Column("first_name", "Prénom", sortable=True),
    Column("formation_code", "Code formation", sortable=True, wide_only=True, nowrap=True),
    Column("formation_label", "Libellé formation", sortable=True, wide_only=True),
    Column("status", "Statut", sortable=True, nowrap=True),
    Column("avis", "Avis", sortable=True),
    Column("validated", "Avis validé", sortable=True, wide_only=True),
    Column("motif", "Motif", sortable=True, wide_only=True),
    Column("comment", "Commentaire", sortable=True, wide_only=True),
    Column("confirmed", "Confirmé", sortable=True, wide_only=True),
    Column("transmitted", "Date transmission", sortable=True, wide_only=True, nowrap=True),
]
# The tags cell: each tag on its colour; the class is the palette key the service gives (components/tag_chip.py).
TAGS_CELL = """
<q-td :props="props">
  <span v-for="tag in props.value" :key="tag.label"
        :class="['tag-chip', 'tag-' + tag.colour_key, 'q-mr-xs']">{{ tag.label }}</span>
</q-td>
"""
# The N° dossier cell: a link to the candidature window (the row's key is the candidature's id, a number).
LOGIN_CELL = """
<q-td :props="props">
  <a :href="'/gestion/candidatures/' + props.row.id" class="text-primary">{{ props.value }}</a>
</q-td>
"""
AVIS_FILTER = {"": messages.REVIEW_ALL, NO_AVIS: messages.REVIEW_NO_AVIS, **{d.value: d.value for d in Decision}}
STATUS_FILTER = {"": messages.REVIEW_ALL, **{status: status for status in STATUSES}}
STATUS_SECTIONS = [
    Section(
        messages.REVIEW_STATUS_SECTION,
        [
            Field(
                "status",
                messages.REVIEW_STATUS_FIELD,
                "select",
                options={status.value: status.value for status in FileStatus if status is not FileStatus.WAITING},
            )
        ],
    )
]


def register(platform: Platform) -> None:
    @gestion_screen(platform, SCREEN)
    async def candidatures(actor: Actor) -> None:
        await CandidaturesScreen(platform, actor).load()


class CandidaturesScreen:
    def __init__(self, platform: Platform, actor: Actor) -> None:
        self.platform = platform
        self.service = platform.candidature_table
        self.actor = actor
        self.scope: str | None = None
        self.table: DataTable | None = None
        self.may_set_status = not rights.visible(actor, Action.SET_STATUS).nothing
        self.may_enter_avis = not rights.visible(actor, Action.ENTER_AVIS).nothing
        self.may_validate_avis = not rights.visible(actor, Action.VALIDATE_AVIS).nothing
        self.dialogs = ui.element("div")

    async def load(self) -> None:
        try:
            scopes = await run.io_bound(self.service.scopes, self.actor)
        except Refused as refused:
            failed(refused)
            return
        if not scopes:
            ui.label(messages.REVIEW_NO_SCOPE).classes("text-body1").mark("review-no-scope")
            return
        options = {scope.key: scope.label for scope in scopes}
        request = ui.context.client.request
        asked = request.query_params.get(SCOPE_PARAMETER) if request is not None else None
        self.scope = asked if asked in options else scopes[0].key
        add_styles()
        with ui.row().classes("w-full items-end gap-4"):
            self.scope_select = (
                ui.select(options, label=messages.REVIEW_SCOPE, value=self.scope)
                .props("outlined dense")
                .classes("min-w-[18rem] max-w-full")
                .mark("review-scope")
            )
        self.counts = ui.row().classes("w-full gap-2").mark("review-counts")
        self.counts.props["aria-label"] = messages.REVIEW_COUNTS
        self.counts.props["role"] = "list"
        self.table = DataTable(
            COLUMNS,
            self.fetch,
            caption=messages.REVIEW_TABLE_CAPTION,
            actions=[RowAction("open", messages.REVIEW_OPEN, self.open, icon="open_in_new")],
            row_label="last_name",
            sort_by="last_name",
            empty_text=messages.REVIEW_NONE,
            selectable=self.may_set_status or self.may_enter_avis or self.may_validate_avis,
            marker="review-table",
        )
        self.table.table.add_slot("body-cell-tags", TAGS_CELL)
        self.table.table.add_slot("body-cell-login", LOGIN_CELL)
        with self.table.toolbar:
            self.status_filter = self._filter(STATUS_FILTER, messages.REVIEW_FILTER_STATUS, "review-status-filter")
            self.avis_filter = self._filter(AVIS_FILTER, messages.REVIEW_FILTER_AVIS, "review-avis-filter")
            every = {"": messages.REVIEW_ALL}
            self.formation_filter = self._filter(every, messages.REVIEW_FILTER_FORMATION, "review-formation-filter")
            self.formation_filter.classes("min-w-[16rem]")
            self.tag_filter = self._filter(every, messages.REVIEW_FILTER_TAG, "review-tag-filter")
            ui.button(messages.EXPORT_OPEN, icon="download", on_click=self.ask_export).props("no-caps outline").mark(
                "export-open"
            )
            if self.table.table.props.get("selectable"):
                ui.button(messages.DOSSIER_ZIP, icon="folder_zip", on_click=self.ask_zip).props("no-caps outline").mark(
                    "zip-open"
                )
            if self.may_set_status:
                ui.button(messages.REVIEW_SET_STATUS, icon="fact_check", on_click=self.ask_status).props(
                    "no-caps"
                ).mark("review-set-status")
            if self.may_enter_avis:
                ui.button(messages.AVIS_ENTER, icon="rate_review", on_click=self.ask_avis).props("no-caps").mark(
                    "review-enter-avis"
                )
            if self.may_validate_avis:
                ui.button(messages.AVIS_VALIDATE, icon="verified", on_click=self.ask_validation).props("no-caps").mark(
                    "review-validate-avis"
                )
        self.scope_select.on_value_change(self.scope_chosen)
        await self.show_scope()

    def _filter(self, options: dict[Any, str], label: str, marker: str) -> ui.select:
        select = ui.select(options, label=label, value="").props("outlined dense").classes("min-w-[10rem]")
        select.on_value_change(self.filter)
        return select.mark(marker)

    def fetch(self, query):
        return self.service.page(self.actor, self.scope, query)

    async def scope_chosen(self) -> None:
        self.scope = self.scope_select.value
        self.formation_filter.value = ""
        self.tag_filter.value = ""
        await self.show_scope()
        self.filter()

    async def show_scope(self) -> None:
        try:
            formations = await run.io_bound(self.service.formations, self.actor, self.scope)
            tags = await run.io_bound(self.service.tags, self.actor, self.scope)
            counts = await run.io_bound(self.service.counts, self.actor, self.scope)
        except Refused as refused:
            failed(refused)
            return
        self.formation_filter.set_options({"": messages.REVIEW_ALL, **formations}, value="")
        self.tag_filter.set_options({"": messages.REVIEW_ALL, **tags}, value="")
        self.counts.clear()
        with self.counts:
            for name, count in counts.items():
                with ui.element("div").classes("review-count").props('role="listitem"'):
                    ui.label(name).classes("text-caption text-grey-9")
                    ui.label(f"{count}").classes("text-h6").mark(f"review-count-{name}")
        ui.add_css(COUNT_CSS)

    def filter(self) -> None:
        if self.table is None:
            return
        self.table.set_filters(
            status=self.status_filter.value or None,
            avis=self.avis_filter.value or None,
            formation=self.formation_filter.value or None,
            tag=self.tag_filter.value or None,
        )

    async def ask_export(self) -> None:
        await exports.open_export(self.platform, self.actor, self.scope, self.table.query, self.dialogs)

    async def ask_zip(self) -> None:
        await exports.open_zip(self.platform, self.actor, self.table.selected, self.dialogs)

    def open(self, candidature_id: int) -> None:
        ui.navigate.to(f"/gestion/candidatures/{int(candidature_id)}")

    def ask_status(self) -> None:
        """« Saisie du statut du dossier » of the rows ticked: the statut chosen, then what changed and what was
        refused, row by row."""
        self._on_selection(
            Selection(
                messages.REVIEW_SET_STATUS,
                messages.REVIEW_SET_STATUS_INTRO,
                messages.REVIEW_STATUS_DONE,
                messages.REVIEW_STATUS_REFUSED,
                "review-status",
            ),
            STATUS_SECTIONS,
            lambda rows, values: self.platform.review.set_statuses(self.actor, rows, values.get("status")),
        )

    async def ask_avis(self) -> None:
        """« Saisie des avis » of the rows ticked: a type de décision in service, its motivation or rank when it
        needs one, a comment."""
        if not self.table.selected:
            ui.notify(messages.REVIEW_NOTHING_SELECTED, type="warning")
            return
        types = await run.io_bound(self.platform.decision_types.options)
        motivations = await run.io_bound(self.platform.motivations.options)
        self._on_selection(
            Selection(
                messages.AVIS_ENTER, messages.AVIS_ENTER_INTRO, messages.AVIS_DONE, messages.AVIS_REFUSED, "avis"
            ),
            avis_sections(types, motivations),
            lambda rows, values: self.platform.review.enter_avis(self.actor, rows, values),
        )

    def ask_validation(self) -> None:
        """« Validation des avis » of the rows ticked: confirmed, then each candidate mailed their decision."""
        self._on_selection(
            Selection(
                messages.AVIS_VALIDATE,
                messages.AVIS_VALIDATE_INTRO,
                messages.AVIS_VALIDATED_DONE,
                messages.AVIS_VALIDATED_REFUSED,
                "avis-validation",
                messages.AVIS_VALIDATE_CONFIRM,
            ),
            [],
            lambda rows, values: self.platform.review.validate_avis(self.actor, rows),
        )

    def _on_selection(self, selection: Selection, sections: list[Section], act) -> None:
        """The dialog of an action on the rows ticked; once saved, the table and counts reloaded and what changed
        and what was refused shown, row by row."""
        selected = self.table.selected
        if not selected:
            ui.notify(messages.REVIEW_NOTHING_SELECTED, type="warning")
            return

        async def save(values: dict[str, Any]) -> None:
            result = await run.io_bound(act, selected, values)
            self.table.clear_selection()
            await self.table.refresh()
            await self.show_scope()
            with self.dialogs:
                show_bulk_result(selection.title, selection.done, selection.refused, result, marker=selection.marker)

        with self.dialogs:
            SetupDialog(
                selection.title,
                sections,
                {},
                save,
                intro=selection.intro.format(count=len(selected)),
                save_label=selection.save_label,
                marker=f"{selection.marker}-dialog",
            ).open()


@dataclass(frozen=True)
class Selection:
    """The French texts of an action on a selection, and the marker its dialogs carry for the tests."""

    title: str
    intro: str
    done: str
    refused: str
    marker: str
    save_label: str = "Enregistrer"


def avis_sections(types: list[tuple[int, str, str]], motivations: list[tuple[int, str]]) -> list[Section]:
    return [
        Section(
            messages.AVIS_SECTION,
            [
                Field(
                    "decision_type_id",
                    messages.AVIS_TYPE_FIELD,
                    "select",
                    options={type_id: label for type_id, label, _ in types},
                ),
                Field(
                    "motivation_id",
                    messages.AVIS_MOTIVATION_FIELD,
                    "select",
                    options={motivation_id: label for motivation_id, label in motivations},
                ),
                Field("rank", messages.AVIS_RANK_FIELD, "number", max_length=4),
                Field("comment", messages.AVIS_COMMENT_FIELD, "textarea", max_length=1000),
            ],
        )
    ]


COUNT_CSS = """
.review-count { border: 1px solid #d1d5db; border-radius: 0.5rem; padding: 0.25rem 0.75rem; min-width: 6rem; }
"""
