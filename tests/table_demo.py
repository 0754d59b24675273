"""A throw-away table of formation-like rows for the paging tests, the data table's page tests, its Chromium
test (tests/e2e/table_demo_app.py) and benchmarks/table_paging.py. Its own SQLModel registry keeps it off the
app's metadata (and so off the migrations)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

from sqlalchemy import insert
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel, col, select

from ecandidat_ui.db import Database
from ecandidat_ui.folding import search_text
from ecandidat_ui.services.paging import Page, TableQuery, paginate


class DemoBase(SQLModel, registry=registry()):
    pass


class DemoRow(DemoBase, table=True):
    __tablename__ = "paging_demo"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=20, unique=True)
    label: str = Field(max_length=200, index=True)
    centre: str = Field(max_length=120, index=True)
    capacity: int | None = None
    closes_on: date
    search: str = Field(default="", max_length=400, description="search_text(code, label, centre)")


DIPLOMAS = ["Licence", "Master", "BUT", "Licence professionnelle", "Diplôme d'université"]
SUBJECTS = [
    "Droit privé",
    "Économie",
    "Mathématiques",
    "Physique, chimie",
    "Histoire",
    "Lettres modernes",
    "Œnologie",
    "Informatique",
    "Sociologie",
    "Géographie et aménagement",
    "Langues étrangères appliquées",
    "Sciences de la vie",
    "Génie civil",
    "Ingénierie des données",
    "Arts plastiques",
    "ÉLECTRONIQUE",
    "Psychologie",
]
CENTRES = [
    "UFR Sciences et Techniques",
    "UFR Lettres et Sciences humaines",
    "UFR Droit, Économie, Gestion",
    "IUT de Saint-Étienne",
    "École d'ingénieurs",
    "Faculté de Médecine",
    "Institut d'Administration des Entreprises",
    "UFR Arts",
]
# Rows whose text must stay text in the browser, and rows for LIKE's own characters.
HOSTILE = ['" :title="alert(1)', "{{1+1}}", "<b>gras</b> <script>alert(2)</script>"]
LITERAL = ["Taux 50% de réussite", "Taux 500 de réussite", "Code A_B", "Code AXB", "Barre \\ oblique"]
FIRST_CLOSING = date(2027, 3, 1)


def demo_rows(count: int) -> Iterator[dict]:
    """`count` generated rows (codes F00001…), then the hostile and literal ones (codes X001…)."""
    for number in range(1, count + 1):
        subject = SUBJECTS[number % len(SUBJECTS)]
        diploma = DIPLOMAS[number % len(DIPLOMAS)]
        yield _row(
            f"F{number:05d}",
            f"{diploma} {subject} {number}",
            CENTRES[number % len(CENTRES)],
            None if number % 7 == 0 else 10 + number % 50,
            FIRST_CLOSING + timedelta(days=number % 90),
        )
    for number, label in enumerate(HOSTILE + LITERAL, start=1):
        yield _row(f"X{number:03d}", label, CENTRES[0], None, FIRST_CLOSING)


def _row(code: str, label: str, centre: str, capacity: int | None, closes_on: date) -> dict:
    return {
        "code": code,
        "label": label,
        "centre": centre,
        "capacity": capacity,
        "closes_on": closes_on,
        "search": search_text(code, label, centre),
    }


def create_demo(db: Database, count: int, batch: int = 5000) -> None:
    """The table, emptied, filled with `count` generated rows plus the hostile and literal ones."""
    DemoBase.metadata.drop_all(db.engine)
    DemoBase.metadata.create_all(db.engine)
    rows = list(demo_rows(count))
    with db.session() as session:
        for start in range(0, len(rows), batch):
            session.execute(insert(DemoRow), rows[start : start + batch])


SORTABLE = {
    "code": col(DemoRow.code),
    "label": col(DemoRow.label),
    "centre": col(DemoRow.centre),
    "capacity": col(DemoRow.capacity),
    "closes_on": col(DemoRow.closes_on),
}
SEARCHABLE = [col(DemoRow.code), col(DemoRow.label), col(DemoRow.centre)]
FILTERABLE = {"centre": col(DemoRow.centre), "capacity": col(DemoRow.capacity)}


def demo_page(db: Database, query: TableQuery, *, stored_search: bool = False) -> Page[DemoRow]:
    """The page; `stored_search` searches the folded copy kept in `search` instead of folding in SQL."""
    with db.session() as session:
        return paginate(
            session,
            select(DemoRow),
            query,
            key=col(DemoRow.id),
            sortable=SORTABLE,
            searchable=() if stored_search else SEARCHABLE,
            folded=[col(DemoRow.search)] if stored_search else (),
            filterable=FILTERABLE,
        )


def as_cells(row: DemoRow) -> dict:
    """A row as the data table shows it: display values, French date."""
    return {
        "id": row.id,
        "code": row.code,
        "label": row.label,
        "centre": row.centre,
        "capacity": row.capacity,
        "closes_on": row.closes_on.strftime("%d/%m/%Y"),
    }


def demo_fetch(db: Database) -> Callable[[TableQuery], Page[dict]]:
    """The `fetch` callback a screen gives the data table."""
    return lambda query: demo_page(db, query).map(as_cells)
