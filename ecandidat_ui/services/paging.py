"""One page of a big list, searched, filtered and sorted in SQL: what every gestion table asks for.

A screen's service builds the `select` of what its actor may see and hands it here with the columns a person
may sort, search and filter on:

    def formations_page(self, actor, query: TableQuery) -> Page[dict]:
        with self.db.session() as session:
            statement = select(Formation, Centre).join(Centre, col(Formation.centre_id) == col(Centre.id))
            page = paginate(
                session, statement, query,
                key=col(Formation.id),
                sortable={"code": col(Formation.code), "label": col(Formation.label), "centre": col(Centre.label)},
                searchable=[col(Formation.code), col(Formation.label), col(Centre.label)],
                filterable={"centre": col(Formation.centre_id)},
            )
        return page.map(lambda row: {"id": row[0].id, "code": row[0].code, ...})

Two statements per page: `count(*)`, then the page (ORDER BY … LIMIT … OFFSET), each able to use an index; a
search on PostgreSQL takes one: the page with `count(*) OVER ()` on each row, so that the search runs over the
table once (see `_page_counted_by_window`).

Search: what was typed is folded (`ecandidat_ui.folding`) and split into words; every word must appear, as a
substring, in one of the searchable columns folded the same way in SQL. « droit l3 » finds « L3 Droit privé »;
« economie » finds « Économie ». LIKE's wildcards typed by the person (% _ \\) are searched literally.
Folding in SQL costs a function call per row and per search: right for a few thousand rows (2,000 formations),
too slow beyond some 10,000 (benchmarks/table_paging.py). There, the service keeps a folded copy of the
searchable text in a column of its own (`folding.search_text(...)`, written with the row) and passes it as
`folded`: it is compared as it is, a plain LIKE.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import String, and_, cast, func, literal_column, or_
from sqlalchemy.sql import ColumnElement, Select
from sqlmodel import Session, select
from sqlmodel.sql.expression import SelectOfScalar

from ecandidat_ui.folding import (
    COMBINING,
    LIGATURES,
    SQLITE_FUNCTION,
    UNDECOMPOSED_FROM,
    UNDECOMPOSED_TO,
    fold_for_search,
)

MAX_ROWS_PER_PAGE = 200
MAX_SEARCH_LENGTH = 200
MAX_SEARCH_WORDS = 8
LIKE_ESCAPE = "\\"

T = TypeVar("T")
U = TypeVar("U")
FilterValue = str | int | float | bool | date | datetime | None


class InvalidQuery(ValueError):
    """A query no screen builds: an unknown column, a page below 1, too many rows asked."""


@dataclass(frozen=True)
class TableQuery:
    """What a person asks of a table: typed search, sorted column and direction, page, per-column filters.

    `filters` maps a filterable column's name to a value (rows equal to it) or a list, tuple or set of values
    (rows equal to one of them); None, "" and empty lists mean no filter on that column.
    """

    search: str = ""
    sort_by: str | None = None
    descending: bool = False
    page: int = 1
    rows_per_page: int = 25
    filters: Mapping[str, FilterValue | Sequence[FilterValue] | frozenset] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.page, int) or self.page < 1:
            raise InvalidQuery(f"page {self.page!r}: pages start at 1")
        if not isinstance(self.rows_per_page, int) or not 1 <= self.rows_per_page <= MAX_ROWS_PER_PAGE:
            raise InvalidQuery(f"rows_per_page {self.rows_per_page!r}: from 1 to {MAX_ROWS_PER_PAGE}")
        if len(self.search) > MAX_SEARCH_LENGTH:
            raise InvalidQuery(f"search longer than {MAX_SEARCH_LENGTH} characters")

    def words(self) -> list[str]:
        """The folded words of the search, each searched on its own (the first MAX_SEARCH_WORDS)."""
        return (fold_for_search(self.search) or "").split()[:MAX_SEARCH_WORDS]


@dataclass(frozen=True)
class Page(Generic[T]):
    """The rows of one page, the number of rows matching the query, and the page actually returned: the last
    one when the query asked for a page beyond it (rows deleted, a narrower search)."""

    rows: list[T]
    total: int
    page: int = 1

    def map(self, convert: Callable[[T], U]) -> Page[U]:
        return Page([convert(row) for row in self.rows], self.total, self.page)


def paginate(
    session: Session,
    statement: Select,
    query: TableQuery,
    *,
    key: ColumnElement,
    sortable: Mapping[str, ColumnElement],
    searchable: Sequence[ColumnElement] = (),
    folded: Sequence[ColumnElement] = (),
    filterable: Mapping[str, ColumnElement] | None = None,
) -> Page[Any]:
    """The page `query` asks of `statement` (a SQLModel `select`, joins and WHERE clauses of the caller kept).

    `key` is a unique column (the primary key): it follows the sorted column so that equal values keep one
    order from page to page. Rows come as `session.exec(statement)` gives them: model instances for
    `select(Model)`, tuples for `select(A, B)`. Raises InvalidQuery for a sort or filter on a column not listed.
    """
    filtered, ordered, search = _narrowed(session, statement, query, key, sortable, searchable, folded, filterable)
    if search and session.get_bind().dialect.name == "postgresql":
        counted = _page_counted_by_window(session, ordered, query)
        if counted is not None:
            return counted
    total = session.exec(select(func.count()).select_from(filtered.order_by(None).subquery())).one()
    page = min(query.page, max(1, math.ceil(total / query.rows_per_page)))
    rows = session.exec(_slice(ordered, page, query.rows_per_page)).all()
    return Page(list(rows), total, page)


def ordered_rows(
    session: Session,
    statement: Select,
    query: TableQuery,
    *,
    key: ColumnElement,
    sortable: Mapping[str, ColumnElement],
    searchable: Sequence[ColumnElement] = (),
    folded: Sequence[ColumnElement] = (),
    filterable: Mapping[str, ColumnElement] | None = None,
) -> Select:
    """Every row `paginate` would give for `query`, over all its pages, in the same order: the statement an
    export streams (the query's page and rows per page are not used)."""
    return _narrowed(session, statement, query, key, sortable, searchable, folded, filterable)[1]


def _narrowed(session, statement, query, key, sortable, searchable, folded, filterable):
    """The statement filtered and searched, the same ordered, and the search conditions."""
    if query.sort_by is not None and query.sort_by not in sortable:
        raise InvalidQuery(f"column {query.sort_by!r} cannot be sorted")
    dialect = session.get_bind().dialect.name
    search = _search_conditions(query, searchable, folded, dialect)
    conditions = [*_filter_conditions(query, filterable or {}), *search]
    filtered = statement.where(*conditions) if conditions else statement
    ordered = filtered.order_by(None).order_by(*_order(query, sortable, key))
    return filtered, ordered, search


def _page_counted_by_window(session: Session, ordered: Select, query: TableQuery) -> Page[Any] | None:
    """A page in one statement: each row carries `count(*) OVER ()`, so the search (a fold and a LIKE per row)
    runs over the table once instead of once for the count and once for the page: half the time on PostgreSQL.
    Not on SQLite, whose page statement stops after its LIMIT when an index gives the order (measured: same
    time or slower). None when the page asked is beyond the last: no row then carries the total."""
    result = session.execute(
        _slice(ordered.add_columns(func.count().over().label("paging_total")), query.page, query.rows_per_page)
    ).all()
    if not result:
        return Page([], 0, 1) if query.page == 1 else None
    one_entity = isinstance(ordered, SelectOfScalar)
    rows = [row[0] if one_entity else tuple(row[:-1]) for row in result]
    return Page(rows, result[0][-1], query.page)


def _slice(statement: Select, page: int, rows_per_page: int) -> Select:
    return statement.offset((page - 1) * rows_per_page).limit(rows_per_page)


def like_pattern(word: str) -> str:
    """`%word%` with LIKE's own characters escaped: « 50% » matches « 50% », never « 500 »."""
    escaped = word.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%").replace("_", LIKE_ESCAPE + "_")
    return f"%{escaped}%"


def fold_sql(text: ColumnElement, dialect: str) -> ColumnElement:
    """`text` folded in SQL exactly as `fold_for_search` folds it in Python."""
    if dialect == "sqlite":
        return getattr(func, SQLITE_FUNCTION)(text)
    for ligature, letters in LIGATURES.items():
        text = func.replace(text, ligature, letters)
    decomposed = func.normalize(func.translate(text, UNDECOMPOSED_FROM, UNDECOMPOSED_TO), literal_column("NFKD"))
    return func.lower(func.regexp_replace(decomposed, COMBINING, "", "g"))


def haystack(columns: Sequence[ColumnElement]) -> ColumnElement:
    """The columns' texts joined by spaces: folded once per row, and a searched word (which has no space)
    can never match across two columns."""
    texts = [
        func.coalesce(column if isinstance(column.type, String) else cast(column, String), "") for column in columns
    ]
    joined = texts[0]
    for text in texts[1:]:
        joined = joined + " " + text
    return joined


def _search_conditions(
    query: TableQuery, searchable: Sequence[ColumnElement], folded: Sequence[ColumnElement], dialect: str
) -> list[ColumnElement]:
    words = query.words()
    if not words:
        return []
    if not searchable and not folded:
        raise InvalidQuery("this table has no searchable column")
    haystacks = ([fold_sql(haystack(searchable), dialect)] if searchable else []) + list(folded)
    return [or_(*(text.like(like_pattern(word), escape=LIKE_ESCAPE) for text in haystacks)) for word in words]


def _filter_conditions(query: TableQuery, filterable: Mapping[str, ColumnElement]) -> list[ColumnElement]:
    conditions = []
    for name, value in query.filters.items():
        if name not in filterable:
            raise InvalidQuery(f"column {name!r} cannot be filtered")
        if value is None or value == "":
            continue
        if isinstance(value, list | tuple | set | frozenset):
            if value:
                conditions.append(filterable[name].in_(list(value)))
        else:
            conditions.append(filterable[name] == value)
    return [and_(*conditions)] if conditions else []


def _order(query: TableQuery, sortable: Mapping[str, ColumnElement], key: ColumnElement) -> list[ColumnElement]:
    """The sorted column, then the key in the same direction; empty values last in both directions, on SQLite
    as on PostgreSQL (which otherwise disagree)."""
    direction = (lambda c: c.desc()) if query.descending else (lambda c: c.asc())
    order = [direction(key)]
    if query.sort_by is not None:
        order.insert(0, direction(sortable[query.sort_by]).nulls_last())
    return order


def page_of_list(
    rows: Sequence[Mapping[str, Any]],
    query: TableQuery,
    *,
    searchable: Sequence[str] = (),
    sortable: Sequence[str] = (),
) -> Page[Mapping[str, Any]]:
    """The same page as `paginate`, of a short list already in memory (a screen of a few dozen fixed rows: the
    mails, the parameters): every searched word in one of the `searchable` keys, folded; sorted on one of the
    `sortable` keys, folded text, the list's own order kept among equals."""
    if query.sort_by is not None and query.sort_by not in sortable:
        raise InvalidQuery(f"column {query.sort_by!r} cannot be sorted")
    words = query.words()
    kept = [
        row
        for row in rows
        if all(any(word in (fold_for_search(str(row.get(key, ""))) or "") for key in searchable) for word in words)
    ]
    if query.sort_by is not None:
        kept.sort(key=lambda row: _sort_key(row.get(query.sort_by)), reverse=query.descending)
    page = min(query.page, max(1, math.ceil(len(kept) / query.rows_per_page)))
    start = (page - 1) * query.rows_per_page
    return Page(kept[start : start + query.rows_per_page], len(kept), page)


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None:
        return (0, "")
    if isinstance(value, int | float):
        return (1, value)
    return (2, fold_for_search(str(value)))
