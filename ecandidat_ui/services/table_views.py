"""« Enregistrer la vue »: each staff member's named views of a gestion table (columns shown, filters, sort, and
the scope looked at), kept in the database, and the one they last chose, which comes back when they open the
screen again.

A screen declares what a view of it may hold (`ViewSpec`): its columns, those it sorts on, its filters with
the values each accepts, and the right needed to see it. Everything saved is checked against it here, on the
server: an unknown column, sort, filter or value is refused, whatever the browser sent. A staff member only
ever reads, uses or deletes their own views (a view of someone else is « unknown », as is one that is not).

    views = platform.table_views
    saved = views.save(actor, "candidatures", "Mes favorables", {"columns": [...], "sort_by": "last_name",
                       "descending": False, "filters": {"avis": "Favorable"}, "scope": "commission-3"})
    views.views(actor, "candidatures")      # [SavedView(...)], by name
    views.use(actor, saved.id)              # its settings, and it is the last used now
    views.last(actor, "candidatures")       # the view to restore on opening, or None
    views.delete(actor, saved.id)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.services import rights
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.rights import Action, Actor
from models import TableView
from models.clock import utcnow

MAX_NAME_LENGTH = 60
MAX_VIEWS = 30  # per staff member and screen
SCOPE_KEY = re.compile(r"(commission|centre)-[0-9]{1,9}")


@dataclass(frozen=True)
class ViewSpec:
    """What a view of one screen may hold. `filters` maps each filter's name to the test of a value (a string;
    "" is always allowed: no filter)."""

    action: Action
    columns: tuple[str, ...]
    sortable: frozenset[str]
    filters: Mapping[str, Callable[[str], bool]] = field(default_factory=dict)
    scoped: bool = False  # a view may name the scope looked at (« commission-3 », « centre-1 »)


@dataclass(frozen=True)
class SavedView:
    id: int
    name: str
    settings: dict[str, Any]
    last_used: bool


def is_id(value: str) -> bool:
    """A filter value naming a row by its id: digits only (whether the actor sees that row is checked when the
    table is read)."""
    return value.isdigit() and len(value) <= 9


class TableViewService:
    def __init__(self, db: Database, screens: Mapping[str, ViewSpec]) -> None:
        self.db = db
        self.screens = dict(screens)

    def views(self, actor: Actor | int, screen: str) -> list[SavedView]:
        """The actor's views of the screen, by name."""
        with self.db.session() as session:
            fresh, _ = self._allowed(session, actor, screen)
            rows = session.exec(self._own(fresh, screen).order_by(col(TableView.name))).all()
            latest = _latest(rows)
            return [_saved(row, row is latest) for row in rows]

    def last(self, actor: Actor | int, screen: str) -> SavedView | None:
        """The view the actor chose or saved last on this screen (None if « Vue par défaut » since)."""
        return next((view for view in self.views(actor, screen) if view.last_used), None)

    def save(self, actor: Actor | int, screen: str, name: object, settings: Mapping[str, Any]) -> SavedView:
        """Save the settings under this name (replacing the actor's view of that name), as the last used view.
        InvalidInput at the name; Refused for settings the screen does not offer."""
        name = " ".join(str(name or "").split())
        if not name or len(name) > MAX_NAME_LENGTH:
            raise InvalidInput({"name": messages.VIEWS_NAME_REQUIRED})
        with self.db.session() as session:
            fresh, spec = self._allowed(session, actor, screen)
            clean = validated(spec, settings)
            rows = session.exec(self._own(fresh, screen)).all()
            row = next((row for row in rows if row.name == name), None)
            if row is None:
                if len(rows) >= MAX_VIEWS:
                    raise InvalidInput({"name": messages.VIEWS_TOO_MANY.format(count=MAX_VIEWS)})
                row = TableView(staff_member_id=fresh.id, screen=screen, name=name)
            row.settings = clean
            self._mark_used(session, fresh, screen, row)
            return _saved(row, True)

    def use(self, actor: Actor | int, view_id: object) -> SavedView:
        """The actor's view chosen: its settings, checked again (a column since removed is dropped), and it
        is their last used view on its screen."""
        with self.db.session() as session:
            row = self._found(session, actor, view_id)
            fresh, spec = self._allowed(session, actor, row.screen)
            row.settings = validated(spec, row.settings, lenient=True)
            self._mark_used(session, fresh, row.screen, row)
            return _saved(row, True)

    def forget_last(self, actor: Actor | int, screen: str) -> None:
        """« Vue par défaut » chosen: no view comes back on opening the screen."""
        with self.db.session() as session:
            fresh, _ = self._allowed(session, actor, screen)
            session.execute(
                update(TableView)
                .where(col(TableView.staff_member_id) == fresh.id, col(TableView.screen) == screen)
                .values(used_at=None)
            )

    def delete(self, actor: Actor | int, view_id: object) -> str:
        """Delete one of the actor's views; returns its name."""
        with self.db.session() as session:
            row = self._found(session, actor, view_id)
            self._allowed(session, actor, row.screen)
            session.delete(row)
            return row.name

    # --- inside ------------------------------------------------------------------------------------------

    def _allowed(self, session: Session, actor: Actor | int, screen: str) -> tuple[Actor, ViewSpec]:
        spec = self.screens.get(screen)
        if spec is None:
            raise Refused(messages.VIEWS_UNKNOWN)
        fresh = rights.signed_in(session, actor)
        if rights.visible(fresh, spec.action).nothing:
            raise Refused(messages.RIGHT_REFUSED.format(action=spec.action.label))
        return fresh, spec

    def _found(self, session: Session, actor: Actor | int, view_id: object) -> TableView:
        """The view of this id if it is the actor's (someone else's is as unknown as a missing one)."""
        fresh = rights.signed_in(session, actor)
        try:
            row = session.get(TableView, int(view_id))
        except (TypeError, ValueError):
            row = None
        if row is None or row.staff_member_id != fresh.id:
            raise Refused(messages.VIEWS_UNKNOWN)
        return row

    @staticmethod
    def _own(actor: Actor, screen: str):
        return select(TableView).where(TableView.staff_member_id == actor.id, TableView.screen == screen)

    @staticmethod
    def _mark_used(session: Session, actor: Actor, screen: str, row: TableView) -> None:
        session.execute(
            update(TableView)
            .where(col(TableView.staff_member_id) == actor.id, col(TableView.screen) == screen)
            .values(used_at=None)
        )
        row.used_at = utcnow()
        session.add(row)
        session.flush()


def validated(spec: ViewSpec, settings: Mapping[str, Any], *, lenient: bool = False) -> dict[str, Any]:
    """The settings as stored: {"columns": [...], "sort_by": name or None, "descending": bool, "filters":
    {name: value}, "scope": key or None}. Anything else, or not in the spec, is Refused — or, `lenient` (a view
    saved before the screen changed), dropped."""
    if not isinstance(settings, Mapping):
        raise Refused(messages.VIEWS_INVALID.format(detail="format"))

    def refuse(detail: str) -> None:
        if not lenient:
            raise Refused(messages.VIEWS_INVALID.format(detail=detail))

    unknown = set(settings) - {"columns", "sort_by", "descending", "filters", "scope"}
    if unknown:
        refuse(", ".join(sorted(map(str, unknown)))[:100])
    columns = settings.get("columns", list(spec.columns))
    if not isinstance(columns, list) or not all(isinstance(name, str) for name in columns):
        raise Refused(messages.VIEWS_INVALID.format(detail="colonnes"))
    for name in columns:
        if name not in spec.columns:
            refuse(f"colonne {name[:40]}")
    shown = [name for name in spec.columns if name in set(columns)]
    if not shown:
        raise Refused(messages.VIEWS_INVALID.format(detail="aucune colonne"))
    sort_by = settings.get("sort_by")
    if sort_by is not None and (not isinstance(sort_by, str) or sort_by not in spec.sortable):
        refuse("tri")
        sort_by = None
    descending = settings.get("descending", False)
    if not isinstance(descending, bool):
        refuse("ordre du tri")
        descending = False
    filters = settings.get("filters") or {}
    if not isinstance(filters, Mapping):
        raise Refused(messages.VIEWS_INVALID.format(detail="filtres"))
    kept: dict[str, str] = {}
    for name, value in filters.items():
        test = spec.filters.get(name)
        if test is None or not isinstance(value, str | int) or isinstance(value, bool):
            refuse(f"filtre {str(name)[:40]}")
            continue
        value = str(value)
        if value and not test(value):
            refuse(f"filtre {name}")
            continue
        if value:
            kept[name] = value
    scope = settings.get("scope")
    if scope is not None and (not spec.scoped or not isinstance(scope, str) or not SCOPE_KEY.fullmatch(scope)):
        refuse("commission")
        scope = None
    return {"columns": shown, "sort_by": sort_by, "descending": descending, "filters": kept, "scope": scope}


def _latest(rows) -> TableView | None:
    used = [row for row in rows if row.used_at is not None]
    return max(used, key=lambda row: row.used_at) if used else None


def _saved(row: TableView, last_used: bool) -> SavedView:
    return SavedView(row.id, row.name, dict(row.settings), last_used)
