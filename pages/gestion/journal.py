"""« Journal » (Administration): every staff write, newest first, filtered by member, object and date; a line's
values before and after in a dialog. The service pages on the server: 100,000 lines open as fast as 100."""

from __future__ import annotations

import json
from typing import Any

from nicegui import run

from components.data_table import Column, DataTable, RowAction
from components.journal_view import JournalFilters, changes_dialog
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.dates import date_time
from ecandidat_ui.services.journal import JournalFilter
from ecandidat_ui.services.paging import Page, TableQuery
from ecandidat_ui.services.rights import Action, Actor
from models import JournalEntry
from pages.gestion.shell import Screen, gestion_screen

SCREEN = Screen("/gestion/journal", "Journal", "Administration", Action.READ_JOURNAL)
COLUMNS = [
    Column("at", "Date"),
    Column("actor", "Membre"),
    Column("action", "Action"),
    Column("object", "Objet"),
    Column("changed", "Valeurs modifiées", wide_only=True),
]
FILTERS = ("staff_id", "object_type", "object_id", "from_day", "to_day")


def register(platform: Platform) -> None:
    @gestion_screen(platform, SCREEN)
    async def journal(actor: Actor) -> None:
        members = await run.io_bound(platform.journal.authors, actor)
        kinds = await run.io_bound(platform.journal.object_types, actor)
        shown: dict[int, JournalEntry] = {}  # the lines of the page shown, for their dialog

        def fetch(query: TableQuery) -> Page[dict[str, Any]]:
            filters = JournalFilter(**{name: query.filters.get(name) for name in FILTERS})
            offset = (query.page - 1) * query.rows_per_page
            page = platform.journal.page(actor, filters, offset=offset, limit=query.rows_per_page)
            if not page.rows and page.total and offset:  # beyond the last page (a narrower filter): the last one
                last = (page.total - 1) // query.rows_per_page
                page = platform.journal.page(
                    actor, filters, offset=last * query.rows_per_page, limit=query.rows_per_page
                )
            shown.clear()
            shown.update({entry.id: entry for entry in page.rows})
            return Page([_row(entry) for entry in page.rows], page.total, page.offset // query.rows_per_page + 1)

        def details(entry_id: int) -> None:
            entry = shown.get(entry_id)
            if entry is not None:
                changes_dialog(f"{_action(entry.action)} — {_object(entry)}", _changes(entry))

        JournalFilters(members, {kind: _kind(kind) for kind in kinds}, lambda values: table.set_filters(**values))
        table = DataTable(
            COLUMNS,
            fetch,
            caption="Journal des modifications",
            actions=[RowAction("details", "Détails", details, icon="visibility")],
            row_label="object",
            search_box=False,
            rows_per_page=50,
            empty_text=messages.JOURNAL_EMPTY,
            marker="journal-table",
        )


def _row(entry: JournalEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "at": date_time(entry.at),
        "actor": entry.actor_name,
        "action": _action(entry.action),
        "object": _object(entry),
        "changed": _changed(entry),
    }


def _action(action: str) -> str:
    return messages.JOURNAL_ACTIONS.get(action, action)


def _kind(object_type: str) -> str:
    return messages.JOURNAL_OBJECTS.get(object_type, object_type)


def _object(entry: JournalEntry) -> str:
    name = entry.object_label or f"n° {entry.object_id}"
    return f"{_kind(entry.object_type)} : {name}"


def _changed(entry: JournalEntry) -> str:
    """The names of the values changed by an update; a creation or a deletion shows them in « Détails »."""
    if not (entry.before and entry.after):
        return ""
    return ", ".join(name for name, _, _ in _changes(entry))[:200]


def _changes(entry: JournalEntry) -> list[tuple[str, str, str]]:
    """The values that differ between before and after (the ones set, for a creation or a deletion)."""
    before, after = entry.before or {}, entry.after or {}
    names = list(dict.fromkeys([*before, *after]))
    lines = [
        (messages.JOURNAL_FIELDS.get(name, name), _text(before.get(name)), _text(after.get(name))) for name in names
    ]
    return [(name, was, now) for name, was, now in lines if was != now]


def _text(value: object) -> str:
    if value is None or value == [] or value == {}:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "oui" if value else "non"
    return json.dumps(value, ensure_ascii=False)
