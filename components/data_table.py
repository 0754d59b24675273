"""One table for the big lists of the gestion: Quasar's QTable in server-side mode over a `fetch` callback.

    table = DataTable(
        [Column("code", "Code", sortable=True), Column("label", "Libellé", sortable=True),
         Column("centre", "Centre", sortable=True, wide_only=True)],
        fetch=lambda query: service.formations_page(actor, query),   # TableQuery -> Page of dicts
        caption="Formations",
        actions=[RowAction("edit", "Modifier", open_editor, icon="edit")],   # open_editor(row_id)
        row_label="label",
        sort_by="code",
        empty_text="Aucune formation",
    )
    with table.toolbar:
        ui.button("Nouvelle formation", on_click=...)
    ...
    await table.refresh()   # after a save

Rows are data: each page is a list of dicts (column name → value shown as text, plus the row key) sent to
the browser as a prop; no element exists per row. `fetch` runs in a thread (`run.io_bound`), one call at a
time: while one runs, newer requests (typing, paging, sorting) only replace the query wanted next, so the
latest wins and a slow database never gets a queue of searches. The search box also waits for a pause in
typing (DEBOUNCE_MS) before sending anything.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from nicegui import background_tasks, run, ui
from nicegui.element import Element
from nicegui.events import GenericEventArguments, ValueChangeEventArguments

from ecandidat_ui import messages
from ecandidat_ui.services.paging import MAX_SEARCH_LENGTH, Page, TableQuery

log = logging.getLogger(__name__)

DEBOUNCE_MS = 300
LOADING_DELAY = 0.2  # seconds: a quicker answer shows no loading bar (no flicker, one update less)
ROWS_PER_PAGE_OPTIONS = (10, 25, 50, 100)
ACTIONS_COLUMN = "_actions"


@dataclass(frozen=True)
class Column:
    """`name` is the key of the value in each row dict and the name sorted on in TableQuery.sort_by."""

    name: str
    label: str
    sortable: bool = False
    align: Literal["left", "right", "center"] = "left"
    wide_only: bool = False  # hidden on phones (under 600 px)
    nowrap: bool = False  # short values kept on one line (codes, dates)


@dataclass(frozen=True)
class RowAction:
    """A button on each row; `callback` receives the row's key (sync or async). Its accessible name is
    « label : row label » (e.g. « Modifier : Licence Droit »); with an icon, the label is its tooltip."""

    name: str
    label: str
    callback: Callable[[Any], Awaitable[None] | None]
    icon: str | None = None


class _QTable(Element, component="data_table.js"):
    pass


class DataTable:
    """A searched, sorted and paged table whose rows come from `fetch(TableQuery) -> Page` (see the module).

    `columns` in order; `caption` names the table for screen readers; `row_key` is the key of each row dict
    given to row actions; `row_label` the column naming a row in the actions' accessible names (the first
    column by default); `empty_text` is shown when there is no row at all (a search without match says so
    itself). `sort_by`/`descending`, `rows_per_page` (one of ROWS_PER_PAGE_OPTIONS) and `filters` (see
    TableQuery) give the first query. `toolbar` is the row of the search box, for a screen's own buttons;
    `marker` marks the table, `{marker}-search`, `{marker}-count` and `{marker}-retry` for the tests.
    """

    def __init__(
        self,
        columns: Sequence[Column],
        fetch: Callable[[TableQuery], Page[Mapping[str, Any]]],
        *,
        caption: str,
        actions: Sequence[RowAction] = (),
        row_key: str = "id",
        row_label: str | None = None,
        empty_text: str = messages.TABLE_EMPTY,
        search_box: bool = True,
        sort_by: str | None = None,
        descending: bool = False,
        rows_per_page: int = 25,
        filters: Mapping[str, Any] | None = None,
        selectable: bool = False,
        visible: Sequence[str] | None = None,
        marker: str = "data-table",
    ) -> None:
        self._fetch = fetch
        self._columns = [column.name for column in columns]
        self._row_key = row_key
        self._empty_text = empty_text
        self._sortable = {column.name for column in columns if column.sortable}
        self._actions = {action.name: action for action in actions}
        if sort_by is not None and sort_by not in self._sortable:
            raise ValueError(f"column {sort_by!r} is not sortable")
        if rows_per_page not in ROWS_PER_PAGE_OPTIONS:
            raise ValueError(f"rows_per_page {rows_per_page}: one of {ROWS_PER_PAGE_OPTIONS}")
        self._query = TableQuery(
            sort_by=sort_by, descending=descending, rows_per_page=rows_per_page, filters=dict(filters or {})
        )
        self._rows: list[Mapping[str, Any]] = []
        self._selected: dict[Any, Mapping[str, Any]] = {}  # row key → row, kept from page to page
        self._total = 0
        self._wanted = False  # a newer query than the one being fetched is waiting
        self._task: asyncio.Task | None = None

        ui.add_css(_CSS)
        with ui.column().classes("data-table w-full gap-2") as self.container:
            with ui.row().classes("w-full items-end gap-2") as self.toolbar:
                self.search = None
                if search_box:
                    self.search = (
                        ui.input(messages.TABLE_SEARCH, on_change=self._on_search)
                        .props("clearable outlined dense type=search autocomplete=off")
                        .classes("min-w-[16rem] grow sm:grow-0")
                        .mark(f"{marker}-search")
                    )
                    self.search.props["maxlength"] = MAX_SEARCH_LENGTH
                    self.search.props["debounce"] = DEBOUNCE_MS  # Quasar sends the value after a pause in typing
            with ui.row().classes("items-center gap-2") as self._error:
                ui.label(messages.TABLE_LOAD_FAILED).classes("text-negative").props('role="alert"')
                ui.button(messages.TABLE_RETRY, on_click=self._request).props("flat dense").mark(f"{marker}-retry")
            self._error.set_visibility(False)
            self._count = ui.label().classes("data-table__sr-only").props('role="status"').mark(f"{marker}-count")
            # Quasar shows the count under the table; this one tells screen readers as it changes
            self._selection_count = ui.label(messages.TABLE_SELECTED.format(count=0)).classes("data-table__sr-only")
            self._selection_count.props('aria-live="polite"').mark(f"{marker}-selected")
            self._selection_count.set_visibility(selectable)
            self.table = _QTable().classes("w-full").mark(marker)
        self.table.props.update(
            columns=[_column(column) for column in columns] + ([_actions_column()] if actions else []),
            rows=[],
            pagination=self._pagination(),
            actions=[{"name": a.name, "label": a.label, "icon": a.icon} for a in actions],
            caption=caption,
            rowKey=row_key,
            rowLabel=row_label or columns[0].name,
            ofLabel=messages.TABLE_OF,
            loading=False,
        )
        self.table.props["rows-per-page-options"] = list(ROWS_PER_PAGE_OPTIONS)
        self.table.props["rows-per-page-label"] = messages.TABLE_ROWS_PER_PAGE
        self.table.props["loading-label"] = messages.TABLE_LOADING
        self.table.props["no-data-label"] = empty_text
        self.table.props["flat"] = True
        self.table.props["bordered"] = True
        self.table.props["dense"] = True
        self.set_visible(self._columns if visible is None else visible)
        if selectable:
            self.table.props.update(selectable=True, selection="multiple", selected=[])
            self.table.props["select-label-text"] = messages.TABLE_SELECT_ROW
            self.table.props["select-all-label"] = messages.TABLE_SELECT_PAGE
            self.table.on("selection", self._on_selection, ["keys", "added"])
        self.table.on("request", self._on_request, ["pagination"])
        self.table.on("action", self._on_action, ["action", "key"])
        self._request()

    @property
    def query(self) -> TableQuery:
        """The query of the rows shown (or being fetched)."""
        return self._query

    @property
    def rows(self) -> list[Mapping[str, Any]]:
        """The rows of the page shown."""
        return self._rows

    @property
    def total(self) -> int:
        return self._total

    @property
    def selected(self) -> list[Any]:
        """The keys of the rows ticked (with `selectable`), on any page."""
        return list(self._selected)

    def clear_selection(self) -> None:
        self._selected = {}
        self.table.props["selected"] = []
        self._selection_count.text = messages.TABLE_SELECTED.format(count=0)

    async def refresh(self) -> None:
        """Fetch the current page again (after a save) and return once it is shown."""
        self._request()
        await self.loaded()

    async def loaded(self) -> None:
        """Return once no fetch is running or waiting: e.g. for a page to send its first rows in its HTML."""
        while self._task is not None:
            await asyncio.shield(self._task)

    @property
    def visible(self) -> list[str]:
        """The names of the columns shown, in the table's order."""
        return list(self._visible)

    def set_visible(self, names: Sequence[str]) -> None:
        """Show only these columns (unknown names ignored; the row actions always shown); the rows are not
        fetched again: every row carries every column."""
        wanted = set(names)
        self._visible = [name for name in self._columns if name in wanted]
        self.table.props["visible-columns"] = self._visible

    def set_filters(self, **filters: Any) -> None:
        """Replace the per-column filters (TableQuery.filters) and show their first page."""
        self._ask(replace(self._query, filters=filters, page=1))

    def set_query(self, *, sort_by: str | None, descending: bool, filters: Mapping[str, Any]) -> None:
        """Replace the sort and the filters at once (a saved view chosen) and show their first page; a sort on a
        column that cannot be sorted is dropped."""
        if sort_by not in self._sortable:
            sort_by, descending = None, False
        self._ask(replace(self._query, sort_by=sort_by, descending=descending, filters=dict(filters), page=1))

    def _ask(self, query: TableQuery) -> None:
        self._query = query
        self._request()

    def _request(self) -> None:
        self._wanted = True
        if self._task is None:
            self._task = background_tasks.create(self._load(), name="data table page")

    async def _load(self) -> None:
        show_loading = asyncio.get_running_loop().call_later(LOADING_DELAY, self._set_loading, True)
        try:
            while self._wanted:
                self._wanted = False
                query = self._query
                try:
                    page = await run.io_bound(self._fetch, query)
                except Exception as error:
                    log.exception("a page of the table %r could not be loaded", self.table.props.get("caption"))
                    if not self.table.is_deleted:
                        self._error.set_visibility(True)
                        # the page's own handlers hear of it too: e.g. a session that ended sends the tab to sign in
                        self.table.client.handle_exception(error)
                    continue
                if page is None:  # the app is stopping
                    return
                if not self._wanted:  # else a newer query is waiting: this page is already out of date
                    self._show(query, page)
        finally:
            show_loading.cancel()
            self._task = None
            self._set_loading(False)

    def _show(self, query: TableQuery, page: Page[Mapping[str, Any]]) -> None:
        if self.table.is_deleted:
            return
        self._query = replace(query, page=page.page)
        self._rows = list(page.rows)
        self._total = page.total
        self._error.set_visibility(False)
        self.table.props["rows"] = self._rows
        self.table.props["pagination"] = self._pagination()
        self.table.props["no-data-label"] = messages.TABLE_NO_MATCH if query.words() else self._empty_text
        self._count.text = count_text(page.total)

    def _set_loading(self, loading: bool) -> None:
        if not self.table.is_deleted and self.table.props.get("loading") != loading:
            self.table.props["loading"] = loading

    def _pagination(self) -> dict[str, Any]:
        query = self._query
        return {
            "sortBy": query.sort_by,
            "descending": query.descending,
            "page": query.page,
            "rowsPerPage": query.rows_per_page,
            "rowsNumber": self._total,
        }

    def _on_search(self, event: ValueChangeEventArguments) -> None:
        text = str(event.value or "")[:MAX_SEARCH_LENGTH]
        if text.strip() != self._query.search.strip():
            self._ask(replace(self._query, search=text, page=1))

    def _on_request(self, event: GenericEventArguments) -> None:
        """Quasar asks for a page, a sort or a number of rows per page; anything a screen does not offer is
        ignored (the browser's events are not trusted)."""
        pagination = event.args.get("pagination") if isinstance(event.args, dict) else None
        if not isinstance(pagination, dict):
            return
        sort_by = pagination.get("sortBy") or None
        page = pagination.get("page")
        rows_per_page = pagination.get("rowsPerPage")
        if (
            (sort_by is not None and sort_by not in self._sortable)
            or type(page) is not int
            or page < 1
            or rows_per_page not in ROWS_PER_PAGE_OPTIONS
        ):
            return
        descending = bool(pagination.get("descending")) and sort_by is not None
        self._ask(replace(self._query, sort_by=sort_by, descending=descending, page=page, rows_per_page=rows_per_page))

    def _on_selection(self, event: GenericEventArguments) -> None:
        """Quasar says which keys were ticked or unticked; only rows shown can be (the browser is not trusted)."""
        args = event.args if isinstance(event.args, dict) else {}
        keys = args.get("keys") if isinstance(args.get("keys"), list) else []
        shown = {row.get(self._row_key): row for row in self._rows}
        for key in keys:
            if key not in shown:
                continue
            if args.get("added"):
                self._selected[key] = shown[key]
            else:
                self._selected.pop(key, None)
        self.table.props["selected"] = list(self._selected.values())
        self._selection_count.text = messages.TABLE_SELECTED.format(count=len(self._selected))

    async def _on_action(self, event: GenericEventArguments) -> None:
        args = event.args if isinstance(event.args, dict) else {}
        action = self._actions.get(args.get("action"))
        key = args.get("key")
        if action is None or not any(row.get(self._row_key) == key for row in self._rows):
            return  # only the rows shown can be acted on
        result = action.callback(key)
        if inspect.isawaitable(result):
            await result


def count_text(total: int) -> str:
    """« Aucun résultat », « 1 résultat », « 2 008 résultats » (narrow no-break space between thousands)."""
    if total == 0:
        return messages.TABLE_COUNT_NONE
    if total == 1:
        return messages.TABLE_COUNT_ONE
    return messages.TABLE_COUNT_MANY.format(count=f"{total:,}".replace(",", "\u202f"))


def _column(column: Column) -> dict[str, Any]:
    described: dict[str, Any] = {
        "name": column.name,
        "label": column.label,
        "field": column.name,
        "sortable": column.sortable,
        "align": column.align,
    }
    classes = [name for name, wanted in (("gt-xs", column.wide_only), ("data-table__nowrap", column.nowrap)) if wanted]
    if classes:
        described["classes"] = " ".join(classes)
        described["headerClasses"] = " ".join(classes)
    return described


def _actions_column() -> dict[str, Any]:
    return {
        "name": ACTIONS_COLUMN,
        "label": messages.TABLE_ACTIONS,
        "field": ACTIONS_COLUMN,
        "align": "right",
        "required": True,  # shown whatever columns are chosen
    }


_CSS = """
.data-table__sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
                       clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
.data-table .q-table th { font-size: 0.8125rem; font-weight: 700; color: #1f2937; }
.data-table .q-table td { font-size: 0.875rem; white-space: normal; overflow-wrap: break-word; }
.data-table__sort { background: none; border: 0; padding: 0; margin: 0; font: inherit; color: inherit;
                    text-align: inherit; cursor: pointer; }
.data-table__sort:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
/* Quasar's no-outline on buttons is !important in an earlier cascade layer: no outline can beat it */
.data-table .q-btn:focus-visible { box-shadow: 0 0 0 3px #f59e0b; }
.data-table .q-table td.data-table__actions { white-space: nowrap; }
.data-table .q-table td.data-table__nowrap { white-space: nowrap; }
.data-table .q-table__bottom { font-size: 0.8125rem; color: #1f2937; }
"""
