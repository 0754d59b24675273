"""Pages of a big list searched, filtered and sorted in SQL, on a real SQLite file and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlmodel import col, select

from ecandidat_ui.db import Database
from ecandidat_ui.demo import demo_offer
from ecandidat_ui.folding import fold_for_search, search_text
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.offer_import import apply_offer
from ecandidat_ui.services.paging import InvalidQuery, TableQuery, like_pattern, paginate
from models import Centre, Formation
from tests.conftest import POSTGRES_URL
from tests.databases import fresh_postgres
from tests.table_demo import DemoBase, create_demo, demo_page, demo_rows

GENERATED = 2_000
ALL_ROWS = list(demo_rows(GENERATED))
TOTAL = len(ALL_ROWS)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db(request, tmp_path_factory) -> Iterator[Database]:
    """The demo table with 2,000 generated rows and the hostile and literal ones, filled once per database."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('paging') / 'paging.sqlite3'}"
    else:
        if not POSTGRES_URL:
            pytest.skip("PostgreSQL: set ECANDIDAT_TEST_DATABASE_URL to run this test on PostgreSQL too")
        url = POSTGRES_URL
        fresh_postgres(url, migrated=False)  # its own tables, not the platform's
    database = Database(url)
    create_demo(database, GENERATED)
    yield database
    DemoBase.metadata.drop_all(database.engine)
    database.dispose()


def every_code(db: Database, **query) -> list[str]:
    """Codes of every matching row, page after page of 200."""
    codes: list[str] = []
    page = 1
    while True:
        result = demo_page(db, TableQuery(page=page, rows_per_page=200, **query))
        assert result.page == page
        codes += [row.code for row in result.rows]
        if page * 200 >= result.total:
            assert len(codes) == result.total
            return codes
        page += 1


def python_search(search: str) -> set[str]:
    """What the search must find, computed in Python from the same rows."""
    words = (fold_for_search(search) or "").split()
    return {
        row["code"]
        for row in ALL_ROWS
        if all(word in fold_for_search(f"{row['code']} {row['label']} {row['centre']}") for word in words)
    }


def test_the_first_page_and_the_total(db: Database):
    page = demo_page(db, TableQuery(sort_by="code"))
    assert page.total == TOTAL
    assert page.page == 1
    assert [row.code for row in page.rows] == [f"F{n:05d}" for n in range(1, 26)]


def test_pages_follow_each_other_and_a_page_beyond_the_last_gives_the_last(db: Database):
    second = demo_page(db, TableQuery(sort_by="code", page=2, rows_per_page=50))
    assert [row.code for row in second.rows] == [f"F{n:05d}" for n in range(51, 101)]
    beyond = demo_page(db, TableQuery(sort_by="code", page=999, rows_per_page=50))
    assert beyond.page == 41  # 2,008 rows: 40 full pages and 8 rows
    assert len(beyond.rows) == 8
    assert beyond.total == TOTAL


def test_a_searched_page_beyond_the_last_gives_the_last(db: Database):
    expected = sorted(python_search("economie"))
    beyond = demo_page(db, TableQuery(search="economie", sort_by="code", page=999, rows_per_page=50))
    assert beyond.total == len(expected)
    assert beyond.page == -(-len(expected) // 50)
    assert [row.code for row in beyond.rows] == expected[(beyond.page - 1) * 50 :]


@pytest.mark.parametrize("sort_by", ["centre", "capacity", "closes_on"])
@pytest.mark.parametrize("descending", [False, True])
def test_paging_through_equal_values_shows_every_row_once(db: Database, sort_by: str, descending: bool):
    codes = every_code(db, sort_by=sort_by, descending=descending)
    assert len(codes) == len(set(codes)) == TOTAL


def test_sorting_by_a_column_both_ways_with_empty_values_last(db: Database):
    ascending = demo_page(db, TableQuery(sort_by="capacity", rows_per_page=200, page=11))
    assert ascending.rows[-1].capacity is None
    descending = demo_page(db, TableQuery(sort_by="capacity", descending=True, rows_per_page=200))
    capacities = [row.capacity for row in descending.rows]
    assert capacities[0] == 59
    assert capacities == sorted(capacities, reverse=True)
    last = demo_page(db, TableQuery(sort_by="capacity", descending=True, rows_per_page=200, page=11))
    assert last.rows[-1].capacity is None
    labels = [row.label for row in demo_page(db, TableQuery(sort_by="label", descending=True, rows_per_page=200)).rows]
    assert labels == sorted(labels, reverse=True)


@pytest.mark.parametrize(
    "search",
    [
        "economie",
        "ÉCONOMIE",
        "écO",
        "oeno",
        "ŒNOLOGIE",
        "electronique",
        "ecole d'ing",
        "École d’ingénieurs",
        "saint-etienne",
        "droit 17",
        "master droit",
        "  licence   physique ",
        "f0199",
        "'",
        "{{",
        '" :title',
    ],
)
def test_a_search_ignores_case_and_accents_and_needs_every_word(db: Database, search: str):
    expected = python_search(search)
    assert expected, "the demo rows should contain matches"
    assert set(every_code(db, search=search, sort_by="code")) == expected


@pytest.mark.parametrize(
    ("search", "found"),
    [("50%", ["X004"]), ("a_b", ["X006"]), ("\\", ["X008"]), ("%", ["X004"]), ("_", ["X006"])],
)
def test_like_wildcards_typed_are_searched_literally(db: Database, search: str, found: list[str]):
    assert every_code(db, search=search) == found


def test_a_search_typed_as_sql_is_only_text(db: Database):
    assert demo_page(db, TableQuery(search="'; DROP TABLE paging_demo; --")).total == 0
    assert demo_page(db, TableQuery()).total == TOTAL


def test_a_search_for_nothing_shows_everything_and_no_match_shows_an_empty_page(db: Database):
    assert demo_page(db, TableQuery(search="   ")).total == TOTAL
    nothing = demo_page(db, TableQuery(search="introuvable", page=3))
    assert (nothing.rows, nothing.total, nothing.page) == ([], 0, 1)


def test_filters_by_value_and_by_list_combine_with_the_search(db: Database):
    centre = "IUT de Saint-Étienne"
    assert set(every_code(db, filters={"centre": centre})) == {r["code"] for r in ALL_ROWS if r["centre"] == centre}
    two = ["IUT de Saint-Étienne", "UFR Arts"]
    assert set(every_code(db, filters={"centre": two})) == {r["code"] for r in ALL_ROWS if r["centre"] in two}
    both = set(every_code(db, filters={"centre": two, "capacity": 13}, search="licence"))
    assert both == {r["code"] for r in ALL_ROWS if r["centre"] in two and r["capacity"] == 13} & python_search(
        "licence"
    )
    assert both
    assert demo_page(db, TableQuery(filters={"centre": "", "capacity": None})).total == TOTAL


@pytest.mark.parametrize(
    "query",
    [
        {"sort_by": "password"},
        {"sort_by": "label; DROP TABLE paging_demo"},
        {"filters": {"id": 3}},
    ],
)
def test_unknown_columns_are_refused(db: Database, query: dict):
    with pytest.raises(InvalidQuery):
        demo_page(db, TableQuery(**query))


@pytest.mark.parametrize(
    "values", [{"page": 0}, {"rows_per_page": 0}, {"rows_per_page": 10_000}, {"search": "x" * 201}]
)
def test_queries_no_screen_builds_are_refused(values: dict):
    with pytest.raises(InvalidQuery):
        TableQuery(**values)


@pytest.mark.parametrize("search", ["economie", "ÉCOLE d’ing", "50%", "master droit 1"])
def test_a_column_of_folded_text_kept_by_the_service_finds_the_same_rows(db: Database, search: str):
    """Big tables keep a folded copy of their searchable text (search_text) and search it without folding."""
    codes: set[str] = set()
    for page in range(1, 12):
        result = demo_page(db, TableQuery(search=search, page=page, rows_per_page=200), stored_search=True)
        codes |= {row.code for row in result.rows}
    assert codes == python_search(search)
    assert search_text("Master", "Économie", None, 3) == "master economie 3"


def test_like_patterns():
    assert like_pattern("50%") == "%50\\%%"
    assert like_pattern("a_b") == "%a\\_b%"
    assert like_pattern("\\") == "%\\\\%"


def test_the_folding_of_python_matches_the_text_people_type():
    assert fold_for_search("L'Œuvre d’Émile ÆSOP Straße Łódź Ørsted") == "l'oeuvre d'emile aesop strasse lodz orsted"
    assert fold_for_search(None) is None


def test_formations_and_their_centres_searched_and_sorted(platform: Platform):
    """The real models: a join, a search on the centre's name, tuples as rows."""
    apply_offer(platform.db, demo_offer(date(2027, 1, 15)))
    with platform.db.session() as session:
        page = paginate(
            session,
            select(Formation, Centre).join(Centre, col(Formation.centre_id) == col(Centre.id)),
            TableQuery(search="ufr LETTRES licence", sort_by="label", descending=True),
            key=col(Formation.id),
            sortable={"label": col(Formation.label), "centre": col(Centre.label)},
            searchable=[col(Formation.code), col(Formation.label), col(Centre.label)],
            filterable={"centre": col(Formation.centre_id)},
        )
    labels = [formation.label for formation, _ in page.rows]
    assert page.total == len(labels) > 1
    assert labels == sorted(labels, reverse=True)
    assert {centre.label for _, centre in page.rows} == {"UFR Lettres et Sciences humaines"}
    assert all(label.startswith("Licence") for label in labels)
