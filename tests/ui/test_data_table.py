"""The data table over 2,000 rows, on a page registered by the test, as NiceGUI's simulated user sees it."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator

import pytest
from nicegui import ui
from nicegui.testing import User

from components.data_table import Column, DataTable, RowAction, count_text
from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.folding import fold_for_search
from ecandidat_ui.services.paging import Page, TableQuery
from models.clock import utcnow
from tests.table_demo import HOSTILE, DemoRow, create_demo, demo_fetch, demo_rows
from tests.ui.helpers import until

GENERATED = 2_000
TOTAL = GENERATED + 8
COLUMNS = [
    Column("code", "Code", sortable=True),
    Column("label", "Libellé", sortable=True),
    Column("centre", "Centre", sortable=True, wide_only=True),
    Column("capacity", "Capacité", sortable=True, align="right"),
    Column("closes_on", "Fin de dépôt"),
]
PATH = "/test/tableau"


@pytest.fixture
def db(tmp_path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    create_demo(database, GENERATED)
    yield database
    database.dispose()


async def open_table(
    user: User,
    fetch: Callable[[TableQuery], Page],
    actions: tuple[RowAction, ...] = (),
    wait: bool = True,
) -> DataTable:
    shown: list[DataTable] = []

    @ui.page(PATH)
    def page() -> None:
        shown.append(
            DataTable(
                COLUMNS,
                fetch,
                caption="Formations de test",
                actions=actions,
                row_label="label",
                sort_by="code",
                empty_text="Aucune formation",
                marker="formations",
            )
        )

    await user.open(PATH)
    if wait:
        await shown[0].loaded()
    return shown[0]


def codes(table: DataTable) -> list[str]:
    return [row["code"] for row in table.rows]


def ask(user: User, **pagination) -> None:
    """What Quasar sends when a header is clicked, a page turned or the rows per page changed."""
    current = {"sortBy": "code", "descending": False, "page": 1, "rowsPerPage": 25, "rowsNumber": TOTAL}
    user.find(marker="formations").trigger("request", {"pagination": current | pagination})


async def test_the_first_page_is_shown_with_its_count(user: User, db: Database):
    table = await open_table(user, demo_fetch(db))
    assert codes(table) == [f"F{n:05d}" for n in range(1, 26)]
    assert table.rows[0] == {
        "id": 1,
        "code": "F00001",
        "label": "Master Économie 1",
        "centre": "UFR Lettres et Sciences humaines",
        "capacity": 11,
        "closes_on": "02/03/2027",
    }
    element = table.table
    assert element.props["pagination"] == {
        "sortBy": "code",
        "descending": False,
        "page": 1,
        "rowsPerPage": 25,
        "rowsNumber": TOTAL,
    }
    assert [c["label"] for c in element.props["columns"]] == ["Code", "Libellé", "Centre", "Capacité", "Fin de dépôt"]
    assert element.props["caption"] == "Formations de test"
    assert element.props["no-data-label"] == "Aucune formation"
    assert element.props["loading"] is False
    await user.should_see("2\u202f008 résultats")
    await user.should_see(messages.TABLE_SEARCH)


async def test_a_search_narrows_the_rows_ignoring_case_and_accents(user: User, db: Database):
    table = await open_table(user, demo_fetch(db))
    user.find(marker="formations-search").type("ŒNOLOGIE licence")
    await table.loaded()
    expected = sorted(
        r["code"]
        for r in demo_rows(GENERATED)
        if all(w in fold_for_search(f"{r['code']} {r['label']} {r['centre']}") for w in ["oenologie", "licence"])
    )
    assert table.total == len(expected) > 25
    assert codes(table) == expected[:25]
    assert table.query.page == 1
    await user.should_see(count_text(len(expected)))

    user.find(marker="formations-search").clear()
    await table.loaded()
    assert table.total == TOTAL


async def test_a_search_without_match_says_so(user: User, db: Database):
    table = await open_table(user, demo_fetch(db))
    user.find(marker="formations-search").type("introuvable")
    await table.loaded()
    assert table.rows == []
    assert table.table.props["no-data-label"] == messages.TABLE_NO_MATCH
    await user.should_see("Aucun résultat")


async def test_clicking_a_header_sorts_and_the_pages_turn(user: User, db: Database):
    table = await open_table(user, demo_fetch(db))
    ask(user, sortBy="label", descending=True)
    await table.loaded()
    labels = sorted((r["label"] for r in demo_rows(GENERATED)), reverse=True)
    assert [row["label"] for row in table.rows] == labels[:25]
    assert table.table.props["pagination"]["sortBy"] == "label"
    assert table.table.props["pagination"]["descending"] is True

    ask(user, page=2, rowsPerPage=50)
    await table.loaded()
    assert codes(table) == [f"F{n:05d}" for n in range(51, 101)]
    assert table.table.props["pagination"]["page"] == 2

    ask(user, page=999, rowsPerPage=100)
    await table.loaded()
    assert table.table.props["pagination"]["page"] == 21  # 2,008 rows: the last page of 100 has 8
    assert len(table.rows) == 8


async def test_requests_no_screen_offers_are_ignored(user: User, db: Database):
    calls: list[TableQuery] = []
    fetch = demo_fetch(db)
    table = await open_table(user, lambda query: calls.append(query) or fetch(query))
    for pagination in ({"sortBy": "password"}, {"rowsPerPage": 5000}, {"page": 0}, {"page": "2"}):
        ask(user, **pagination)
    user.find(marker="formations").trigger("request", {"pagination": "page=2"})
    await table.loaded()
    assert len(calls) == 1
    assert table.query == TableQuery(sort_by="code")


async def test_a_row_action_receives_the_row_id(user: User, db: Database):
    edited: list[int] = []
    deleted: list[int] = []

    async def delete(row_id: int) -> None:
        deleted.append(row_id)

    actions = (RowAction("edit", "Modifier", edited.append, icon="edit"), RowAction("delete", "Supprimer", delete))
    table = await open_table(user, demo_fetch(db), actions)
    assert table.table.props["actions"] == [
        {"name": "edit", "label": "Modifier", "icon": "edit"},
        {"name": "delete", "label": "Supprimer", "icon": None},
    ]
    assert table.table.props["columns"][-1]["label"] == messages.TABLE_ACTIONS
    third = table.rows[2]["id"]
    user.find(marker="formations").trigger("action", {"action": "edit", "key": third})
    user.find(marker="formations").trigger("action", {"action": "delete", "key": third})
    user.find(marker="formations").trigger("action", {"action": "edit", "key": 1999})  # not on this page
    user.find(marker="formations").trigger("action", {"action": "drop", "key": third})
    await until(lambda: bool(edited and deleted))
    await asyncio.sleep(0.1)  # the two refused events ran too (handlers run in the order of the events)
    assert edited == [third]
    assert deleted == [third]


async def test_hostile_text_travels_only_as_row_data(user: User, db: Database):
    table = await open_table(user, demo_fetch(db))
    ask(user, sortBy="code", descending=True)  # X… codes come last in ascending order
    await table.loaded()
    labels = [row["label"] for row in table.rows]
    for text in HOSTILE:
        assert text in labels  # verbatim: not escaped, not evaluated
    assert user.client is not None
    for element in user.client.elements.values():
        for name, value in element.props.items():
            if name != "rows":
                assert not any(text in str(value) for text in HOSTILE), (element, name)
        assert not any(text in str(slot.template) for text in HOSTILE for slot in element.slots.values())


async def test_the_latest_search_wins_and_only_one_fetch_runs_at_a_time(user: User, db: Database):
    release = threading.Event()
    fetch = demo_fetch(db)
    calls: list[TableQuery] = []
    running = 0
    most_running = 0

    def slow_fetch(query: TableQuery) -> Page:
        nonlocal running, most_running
        assert threading.current_thread() is not threading.main_thread()  # never on the event loop
        running += 1
        most_running = max(most_running, running)
        calls.append(query)
        release.wait(10)
        running -= 1
        return fetch(query)

    table = await open_table(user, slow_fetch, wait=False)
    search = user.find(marker="formations-search")
    for typed in ("d", "dr", "dro", "droit 1"):
        search.clear().type(typed)
    ask(user, page=3)  # a page asked meanwhile, kept with the newest search
    await until(lambda: table.table.props["loading"] is True)  # shown once the answer is slow to come
    release.set()
    await table.loaded()
    assert table.table.props["loading"] is False
    assert [query.search for query in calls] == ["", "droit 1"]
    assert most_running == 1
    assert table.query.search == "droit 1"
    assert table.query.page == 3
    assert table.rows
    assert all("droit" in fold_for_search(f"{row['label']} {row['centre']}") for row in table.rows)


async def test_refresh_shows_what_was_saved(user: User, db: Database):
    table = await open_table(user, demo_fetch(db))
    with db.session() as session:
        session.add(DemoRow(code="A0001", label="Licence ajoutée", centre="UFR Arts", closes_on=utcnow().date()))
    assert codes(table)[0] == "F00001"
    await table.refresh()
    assert codes(table)[0] == "A0001"
    assert table.total == TOTAL + 1


async def test_a_failing_database_shows_a_french_message_and_retry_works(
    user: User, db: Database, caplog: pytest.LogCaptureFixture
):
    broken = True
    fetch = demo_fetch(db)

    def flaky(query: TableQuery) -> Page:
        if broken:
            raise OSError("database unreachable")
        return fetch(query)

    table = await open_table(user, flaky)
    await user.should_see(messages.TABLE_LOAD_FAILED)
    assert table.rows == []
    broken = False
    user.find(marker="formations-retry").click()
    await user.should_see("2\u202f008 résultats")
    await table.loaded()
    assert len(table.rows) == 25
    await user.should_not_see(messages.TABLE_LOAD_FAILED)
    assert any("could not be loaded" in record.message for record in caplog.records)
    caplog.clear()  # the error was logged on purpose


def test_count_texts():
    assert count_text(0) == "Aucun résultat"
    assert count_text(1) == "1 résultat"
    assert count_text(100_000) == "100\u202f000 résultats"


@pytest.mark.parametrize("wrong", [{"sort_by": "closes_on"}, {"sort_by": "nowhere"}, {"rows_per_page": 20}])
def test_a_screen_giving_what_the_table_cannot_do_is_stopped_at_once(wrong: dict):
    with pytest.raises(ValueError):
        DataTable(COLUMNS, lambda query: Page([], 0), caption="Formations", **wrong)
