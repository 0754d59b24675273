"""« Candidatures » (BACKOFFICE §3): the table a commission reviews in.

The member chooses one of their commissions (or, seeing a whole centre, « Toutes les candidatures du
centre »); the counts by statut sit above it, « Non transmise » included; search, sort, and filters on the
statut, the avis and the formation run in SQL (services/candidature_table.py). « Ouvrir » on a row opens the
candidature window (candidature_window.py). Actions on the rows ticked each run in one transaction and list the
rows refused with their reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from nicegui import run, ui

from components.bulk_result import show_bulk_result
from components.column_chooser import ColumnChooser
from components.data_table import Column, DataTable, RowAction
from components.setup_form import Field, Section, SetupDialog
from components.tag_chip import add_styles
from components.view_bar import ViewBar
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import rights
from ecandidat_ui.services.candidature_table import DEFAULT_COLUMNS, NO_AVIS, SORTABLE, STATUSES
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.review import Decision, IndividualDate
from ecandidat_ui.services.rights import Action, Actor
from models import FileStatus
from pages.gestion import exports
from pages.gestion.attempt import attempt, failed, run_action
from pages.gestion.shell import Screen, gestion_screen

SCREEN = Screen("/gestion/candidatures", "Candidatures", "Candidatures", Action.VIEW_CANDIDATURES)
SCOPE_PARAMETER = "commission"
VIEW_SCREEN = "candidatures"  # the screen's name among the saved views (services/table_views.py)
DEFAULT_SORT = "last_name"
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
    # optional: shown once ticked in « Colonnes » (components/column_chooser.py)
    Column("ine", messages.REVIEW_COLUMN_INE, sortable=True, wide_only=True, nowrap=True),
    Column("birth_date", messages.REVIEW_COLUMN_BIRTH_DATE, sortable=True, wide_only=True, nowrap=True),
    Column("nationality", messages.REVIEW_COLUMN_NATIONALITY, wide_only=True),
    Column("birth_country", messages.REVIEW_COLUMN_BIRTH_COUNTRY, wide_only=True),
    Column("bac_series", messages.REVIEW_COLUMN_BAC_SERIES, sortable=True, wide_only=True, nowrap=True),
    Column("bac_year", messages.REVIEW_COLUMN_BAC_YEAR, sortable=True, wide_only=True, nowrap=True),
    Column("mail", messages.REVIEW_COLUMN_MAIL, sortable=True, wide_only=True),
    Column("phone", messages.REVIEW_COLUMN_PHONE, sortable=True, wide_only=True, nowrap=True),
    Column("created", messages.REVIEW_COLUMN_CREATED, sortable=True, wide_only=True, nowrap=True),
    Column("received", messages.REVIEW_COLUMN_RECEIVED, sortable=True, wide_only=True, nowrap=True),
    Column("status_date", messages.REVIEW_COLUMN_STATUS_DATE, sortable=True, wide_only=True, nowrap=True),
    Column("rank", messages.REVIEW_COLUMN_RANK, sortable=True, wide_only=True, nowrap=True),
    Column("real_rank", messages.WAITING_LIST_REAL_RANK, sortable=True, wide_only=True, align="right"),
    Column("confirmed_at", messages.REVIEW_COLUMN_CONFIRMED_AT, sortable=True, wide_only=True, nowrap=True),
    Column("withdrawn_at", messages.REVIEW_COLUMN_WITHDRAWN_AT, sortable=True, wide_only=True, nowrap=True),
    Column("eval_mean", messages.REVIEW_COLUMN_EVAL_MEAN, sortable=True, align="right", wide_only=True, nowrap=True),
    Column("eval_spread", messages.REVIEW_COLUMN_EVAL_SPREAD, sortable=True, align="right", wide_only=True),
    Column("individual_return", messages.REVIEW_COLUMN_INDIVIDUAL_RETURN, sortable=True, wide_only=True, nowrap=True),
    Column("individual_confirm", messages.REVIEW_COLUMN_INDIVIDUAL_CONFIRM, sortable=True, wide_only=True),
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
        self.may_set_tags = not rights.visible(actor, Action.SET_TAGS).nothing
        self.may_set_dates = not rights.visible(actor, Action.SET_DATES).nothing
        self.dialogs = ui.element("div")
        self.views = platform.table_views
        self._restoring = False  # a saved view being applied: the filters' changes fetch nothing one by one

    async def load(self) -> None:
        try:
            scopes = await run.io_bound(self.service.scopes, self.actor)
            saved = await run.io_bound(self.views.views, self.actor, VIEW_SCREEN)
        except Refused as refused:
            failed(refused)
            return
        if not scopes:
            ui.label(messages.REVIEW_NO_SCOPE).classes("text-body1").mark("review-no-scope")
            return
        options = {scope.key: scope.label for scope in scopes}
        request = ui.context.client.request
        asked = request.query_params.get(SCOPE_PARAMETER) if request is not None else None
        last = next((view for view in saved if view.last_used), None)
        settings = last.settings if last is not None else default_settings()
        if asked not in options:
            asked = settings.get("scope") if settings.get("scope") in options else scopes[0].key
        self.scope = asked
        filters = settings.get("filters", {})
        add_styles()
        with ui.row().classes("w-full items-end gap-4"):
            self.scope_select = (
                ui.select(options, label=messages.REVIEW_SCOPE, value=self.scope)
                .props("outlined dense")
                .classes("min-w-[18rem] max-w-full")
                .mark("review-scope")
            )
            with ui.row().classes("items-end gap-2"):
                self.view_bar = ViewBar(
                    {view.id: view.name for view in saved},
                    current=last.id if last is not None else None,
                    on_choose=self.view_chosen,
                    on_save=self.save_view,
                    on_delete=self.delete_view,
                    marker="review-views",
                )
                self.columns = ColumnChooser(
                    [(column.name, column.label) for column in COLUMNS],
                    visible=settings.get("columns") or DEFAULT_COLUMNS,
                    defaults=DEFAULT_COLUMNS,
                    on_change=self.columns_chosen,
                    marker="review-columns",
                )
        sort_by = settings.get("sort_by") if settings.get("sort_by") in SORTABLE else None
        self.counts = ui.row().classes("w-full gap-2").mark("review-counts")
        self.counts.props["aria-label"] = messages.REVIEW_COUNTS
        self.counts.props["role"] = "list"
        self.table = DataTable(
            COLUMNS,
            self.fetch,
            caption=messages.REVIEW_TABLE_CAPTION,
            actions=[RowAction("open", messages.REVIEW_OPEN, self.open, icon="open_in_new")]
            + (
                [RowAction("evaluate", messages.GRID_EVALUATE, self.evaluate, icon="grading")]
                if self.may_enter_avis
                else []
            ),
            row_label="last_name",
            sort_by=sort_by,
            descending=bool(settings.get("descending")) and sort_by is not None,
            filters=_table_filters(filters),
            empty_text=messages.REVIEW_NONE,
            selectable=self.may_set_status
            or self.may_enter_avis
            or self.may_validate_avis
            or self.may_set_tags
            or self.may_set_dates,
            visible=self.columns.visible,
            marker="review-table",
        )
        self.table.table.add_slot("body-cell-tags", TAGS_CELL)
        self.table.table.add_slot("body-cell-login", LOGIN_CELL)
        self._restoring = True  # the view's filters are the table's first query: nothing more to fetch
        with self.table.toolbar:
            self.status_filter = self._filter(STATUS_FILTER, messages.REVIEW_FILTER_STATUS, "review-status-filter")
            self.avis_filter = self._filter(AVIS_FILTER, messages.REVIEW_FILTER_AVIS, "review-avis-filter")
            _choose(self.status_filter, filters.get("status"))
            _choose(self.avis_filter, filters.get("avis"))
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
            if self.may_enter_avis:
                ui.button(messages.LC_RANKING, icon="format_list_numbered", on_click=self.ask_ranking).props(
                    "no-caps outline"
                ).mark("review-lc-ranking")
            if self.may_validate_avis:
                ui.button(messages.AVIS_VALIDATE, icon="verified", on_click=self.ask_validation).props("no-caps").mark(
                    "review-validate-avis"
                )
            if self.may_set_tags:
                ui.button(messages.TAGS_ACTION, icon="sell", on_click=self.ask_tags).props("no-caps").mark(
                    "review-tags"
                )
            if self.may_set_dates:
                with ui.button(messages.INDIVIDUAL_DATES, icon="event").props("no-caps").mark("review-dates"):
                    with ui.menu().props('role="menu"').mark("review-dates-menu"):
                        ui.menu_item(
                            messages.INDIVIDUAL_RETURN, lambda: self.ask_individual_date(IndividualDate.RETURN)
                        ).props('role="menuitem"').mark("review-dates-return")
                        ui.menu_item(
                            messages.INDIVIDUAL_CONFIRM, lambda: self.ask_individual_date(IndividualDate.CONFIRMATION)
                        ).props('role="menuitem"').mark("review-dates-confirm")
        self.scope_select.on_value_change(self.scope_chosen)
        try:
            await self.show_scope(filters.get("formation"), filters.get("tag"))
        finally:
            self._restoring = False
        if dict(self.table.query.filters) != self.current_filters():
            self.filter()  # a saved formation or tag not offered here (another scope asked, since removed)

    def _filter(self, options: dict[Any, str], label: str, marker: str) -> ui.select:
        select = ui.select(options, label=label, value="").props("outlined dense").classes("min-w-[10rem]")
        select.on_value_change(self.filter)
        return select.mark(marker)

    def columns_chosen(self, names: list[str]) -> None:
        if self.table is not None:
            self.table.set_visible(names)

    # --- saved views (components/view_bar.py, services/table_views.py) -----------------------------------

    def current_settings(self) -> dict[str, Any]:
        """What « Enregistrer la vue » saves: the columns shown, the sort, the filters and the scope."""
        query = self.table.query
        filters = {name: str(value) for name, value in self.current_filters().items() if value not in (None, "")}
        return {
            "columns": self.table.visible,
            "sort_by": query.sort_by,
            "descending": query.descending,
            "filters": filters,
            "scope": self.scope,
        }

    async def save_view(self, name: str) -> str:
        """Raises InvalidInput or Refused for the dialog to show them."""
        saved = await run.io_bound(self.views.save, self.actor, VIEW_SCREEN, name, self.current_settings())
        await self.reload_views(saved.id)
        return messages.VIEWS_SAVED.format(name=saved.name)

    async def delete_view(self, view_id: int) -> None:
        name = await attempt(run.io_bound(self.views.delete, self.actor, view_id))
        if name is not None:
            ui.notify(messages.VIEWS_DELETED.format(name=name), type="positive")
            await self.reload_views(None)

    async def reload_views(self, current: int | None) -> None:
        saved = await attempt(run.io_bound(self.views.views, self.actor, VIEW_SCREEN))
        if saved is not None:
            self.view_bar.set_views({view.id: view.name for view in saved}, current)

    async def view_chosen(self, view_id: int | None) -> None:
        """A saved view chosen (or « Vue par défaut »): its scope, filters, columns and sort applied, and it comes
        back the next time the screen is opened."""
        if view_id is None:
            if not await run_action(self.views.forget_last, self.actor, VIEW_SCREEN):
                return
            settings = default_settings()
        else:
            saved = await attempt(run.io_bound(self.views.use, self.actor, view_id))
            if saved is None:
                await self.reload_views(None)
                return
            settings = saved.settings
        await self.apply(settings)

    async def apply(self, settings: dict[str, Any]) -> None:
        filters = settings.get("filters", {})
        columns = settings.get("columns") or list(DEFAULT_COLUMNS)
        self._restoring = True
        try:
            scope = settings.get("scope")
            if scope in self.scope_select.options and scope != self.scope:
                self.scope = scope  # before the select: scope_chosen then sees nothing to do
                self.scope_select.value = scope
            _choose(self.status_filter, filters.get("status"))
            _choose(self.avis_filter, filters.get("avis"))
            await self.show_scope(filters.get("formation"), filters.get("tag"))
            self.columns.set_visible(columns)
            self.table.set_visible(columns)
        finally:
            self._restoring = False
        sort_by = settings.get("sort_by") if settings.get("sort_by") in SORTABLE else None
        self.table.set_query(
            sort_by=sort_by, descending=bool(settings.get("descending")), filters=self.current_filters()
        )

    def fetch(self, query):
        return self.service.page(self.actor, self.scope, query)

    async def scope_chosen(self) -> None:
        if self.scope_select.value == self.scope:  # set by a saved view
            return
        self.scope = self.scope_select.value
        self.formation_filter.value = ""
        self.tag_filter.value = ""
        await self.show_scope()
        self.filter()

    async def show_scope(self, formation: object = None, tag: object = None) -> None:
        """The scope's filters' options (`formation` and `tag` chosen in them, if there), and its counts."""
        try:
            formations = await run.io_bound(self.service.formations, self.actor, self.scope)
            tags = await run.io_bound(self.service.tags, self.actor, self.scope)
            counts = await run.io_bound(self.service.counts, self.actor, self.scope)
        except Refused as refused:
            failed(refused)
            return
        self.formation_filter.set_options({"": messages.REVIEW_ALL, **formations}, value=_known(formations, formation))
        self.tag_filter.set_options({"": messages.REVIEW_ALL, **tags}, value=_known(tags, tag))
        self.counts.clear()
        with self.counts:
            for name, count in counts.items():
                with ui.element("div").classes("review-count").props('role="listitem"'):
                    ui.label(name).classes("text-caption text-grey-9")
                    ui.label(f"{count}").classes("text-h6").mark(f"review-count-{name}")
        ui.add_css(COUNT_CSS)

    def current_filters(self) -> dict[str, Any]:
        return {
            "status": self.status_filter.value or None,
            "avis": self.avis_filter.value or None,
            "formation": self.formation_filter.value or None,
            "tag": self.tag_filter.value or None,
        }

    def filter(self) -> None:
        if self.table is None or self._restoring:
            return
        self.table.set_filters(**self.current_filters())

    async def evaluate(self, candidature_id: int) -> None:
        """« Évaluer »: the member's scores on the formation's grid (services/evaluation.py), with the notes so far."""
        grids = self.platform.evaluation
        grid = await attempt(run.io_bound(grids.grid, self.actor, candidature_id))
        if grid is None:
            return
        if not grid.criteria:
            ui.notify(messages.GRID_NONE, type="warning")
            return
        if grid.notes:
            notes = messages.GRID_EVALUATE_NOTES.format(count=len(grid.notes), mean=_decimal(grid.mean))
        else:
            notes = messages.GRID_EVALUATE_NO_NOTES
        fields = [
            Field(
                f"criterion-{c.id}",
                messages.GRID_SCORE_FIELD.format(label=c.label, maximum=c.maximum, weight=c.weight),
                "number",
                max_length=6,
            )
            for c in grid.criteria
        ]

        async def save(values: dict[str, Any]) -> str:
            await run.io_bound(grids.score, self.actor, candidature_id, values)
            await self.table.refresh()
            return messages.GRID_SCORED

        row = next((row for row in self.table.rows if row.get("id") == candidature_id), {})
        name = " ".join(str(row.get(key) or "") for key in ("last_name", "first_name")).strip()
        with self.dialogs:
            SetupDialog(
                f"{messages.GRID_EVALUATE} : {name}" if name else messages.GRID_EVALUATE,
                [Section(messages.GRID_EVALUATE, fields)],
                {f"criterion-{key}": _decimal(value) for key, value in grid.mine.items()},
                save,
                intro=f"{messages.GRID_EVALUATE_INTRO} {notes}",
                marker="grid-dialog",
            ).open()

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

    async def ask_tags(self) -> None:
        """« Tags » of the rows ticked: tags in service (of their centre, or the institution's) added, removed."""
        if not self.table.selected:
            ui.notify(messages.REVIEW_NOTHING_SELECTED, type="warning")
            return
        choices = await run.io_bound(self.platform.review.tag_choices, self.actor, self.table.selected)
        fields = [
            Field("add", messages.TAGS_ADD_FIELD, "multiselect", options=choices),
            Field("remove", messages.TAGS_REMOVE_FIELD, "multiselect", options=choices),
        ]
        self._on_selection(
            Selection(
                messages.TAGS_ACTION, messages.TAGS_ACTION_INTRO, messages.TAGS_DONE, messages.TAGS_REFUSED, "tags"
            ),
            [Section(messages.TAGS_SECTION, fields)],
            lambda rows, values: self.platform.review.change_tags(
                self.actor, rows, values.get("add") or [], values.get("remove") or []
            ),
        )

    def ask_ranking(self) -> None:
        """« Classer la liste complémentaire selon les notes » of the rows ticked: confirmed, then the ranks given
        and the rows refused shown."""
        self._on_selection(
            Selection(
                messages.LC_RANKING,
                messages.LC_RANKING_INTRO,
                messages.LC_RANKING_DONE,
                messages.LC_RANKING_REFUSED,
                "lc-ranking",
                messages.LC_RANKING_CONFIRM,
            ),
            [],
            lambda rows, values: self.platform.review.rank_waiting_list(self.actor, rows),
        )

    def ask_individual_date(self, kind: IndividualDate) -> None:
        """« Date de retour / de confirmation individuelle » of the rows ticked: a date after the formation's, or
        none to go back to the formation's."""
        returning = kind is IndividualDate.RETURN
        title = messages.INDIVIDUAL_RETURN if returning else messages.INDIVIDUAL_CONFIRM
        self._on_selection(
            Selection(
                title,
                messages.INDIVIDUAL_RETURN_INTRO if returning else messages.INDIVIDUAL_CONFIRM_INTRO,
                messages.INDIVIDUAL_DATE_DONE,
                messages.INDIVIDUAL_DATE_REFUSED,
                "individual-date",
            ),
            [Section(messages.INDIVIDUAL_DATE_SECTION, [Field("date", messages.INDIVIDUAL_DATE_FIELD, "date")])],
            lambda rows, values: self.platform.review.set_individual_date(
                self.actor, rows, kind, values.get("date"), date.today()
            ),
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


def default_settings() -> dict[str, Any]:
    """« Vue par défaut »: the default columns, by name, no filter (the scope kept)."""
    return {"columns": list(DEFAULT_COLUMNS), "sort_by": DEFAULT_SORT, "descending": False, "filters": {}}


def _known(options: dict[int, str], value: object) -> object:
    """A saved filter's value (a string of digits) as the select's option key, or "" (all) if not offered."""
    try:
        key = int(str(value))
    except ValueError:
        return ""
    return key if key in options else ""


def _decimal(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def _choose(select: ui.select, value: object) -> None:
    select.value = value if value in select.options else ""


def _table_filters(filters: dict[str, str]) -> dict[str, Any]:
    """The filters of a saved view as the table's first query (ids as numbers)."""
    table = {name: filters.get(name) or None for name in ("status", "avis")}
    for name in ("formation", "tag"):
        value = filters.get(name)
        table[name] = int(value) if value and value.isdigit() else None
    return table


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
