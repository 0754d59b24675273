"""Evaluation grids (issue 8, item 7): the criteria a formation's candidatures are scored on — each with its
weight and its maximum — and each commission member's scores. A member's note of a candidature is the weighted
mean of the criteria they scored, brought to 20; the table shows the mean of the members' notes and their spread
(highest minus lowest), both computed and sorted in SQL (`note_columns`).

Who may set a formation's grid: who may edit the formation (EDIT_FORMATION on its centre). Who may score: who may
enter an avis on the candidature's commission (ENTER_AVIS); everyone who sees the candidature reads its grid.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Float, cast, delete, func
from sqlmodel import Session, col, select

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.services import journal, rights
from ecandidat_ui.services.errors import InvalidInput
from ecandidat_ui.services.review import checked
from ecandidat_ui.services.rights import Action, Actor
from ecandidat_ui.services.setup_access import found
from models import EvaluationCriterion, EvaluationScore, Formation
from models.clock import utcnow

MAX_CRITERIA = 12
LABEL_MAX = 100
WEIGHT_MAX = 100
MAXIMUM_MAX = 100
NOTE_SCALE = 20


@dataclass(frozen=True)
class Criterion:
    id: int
    label: str
    weight: int
    maximum: int


@dataclass(frozen=True)
class Grid:
    """A candidature's grid as one member sees it: the criteria, their own scores, and the members' notes."""

    criteria: list[Criterion]
    mine: dict[int, float]
    notes: list[float]  # each member's note /20

    @property
    def mean(self) -> float | None:
        return sum(self.notes) / len(self.notes) if self.notes else None


class EvaluationService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def criteria(self, actor: Actor | int, formation_id: object) -> list[Criterion]:
        """The formation's grid, in order, for who may see its candidatures or edit it."""
        with self.db.session() as session:
            formation = found(session, Formation, formation_id, messages.GRID_FORMATION_UNKNOWN)
            fresh = rights.signed_in(session, actor)
            where = {"centre_id": formation.centre_id, "commission_id": formation.commission_id}
            if not (
                rights.allows(fresh, Action.EDIT_FORMATION, **where)
                or rights.allows(fresh, Action.VIEW_CANDIDATURES, **where)
            ):
                rights.require(fresh, Action.VIEW_CANDIDATURES, **where)
            return _criteria(session, formation.id)

    def formations(self, actor: Actor | int) -> dict[int, str]:
        """The formations whose grid the actor may set: id → « CODE — Libellé »."""
        with self.db.session() as session:
            fresh = rights.signed_in(session, actor)
            seen = rights.visible(fresh, Action.EDIT_FORMATION)
            if seen.nothing:
                return {}
            rows = session.exec(
                select(Formation)
                .where(seen.where(Formation.centre_id, Formation.commission_id))
                .order_by(col(Formation.code))
            ).all()
            return {formation.id: f"{formation.code} — {formation.label}" for formation in rows}

    def set_criteria(self, actor: Actor | int, formation_id: object, rows: Sequence[Mapping[str, object]]) -> None:
        """Replace the formation's grid by these rows ({"id"?, "label", "weight", "maximum"}, in order): a row
        with the id of a criterion keeps its scores (checked again against a lower maximum: refused if a score
        is above it); a criterion left out is deleted with its scores. InvalidInput at `label-3`, `weight-3`…"""
        errors: dict[str, str] = {}
        cleaned = []
        if len(rows) > MAX_CRITERIA:
            raise InvalidInput({"criteria": messages.GRID_TOO_MANY.format(count=MAX_CRITERIA)})
        for index, row in enumerate(rows):
            label = " ".join(str(row.get("label") or "").split())
            if not label or len(label) > LABEL_MAX:
                errors[f"label-{index}"] = messages.GRID_LABEL_REQUIRED
            weight = _whole(row.get("weight"), 1, WEIGHT_MAX)
            if weight is None:
                errors[f"weight-{index}"] = messages.GRID_WEIGHT_INVALID.format(top=WEIGHT_MAX)
            maximum = _whole(row.get("maximum"), 1, MAXIMUM_MAX)
            if maximum is None:
                errors[f"maximum-{index}"] = messages.GRID_MAXIMUM_INVALID.format(top=MAXIMUM_MAX)
            cleaned.append((row.get("id"), label, weight, maximum))
        if errors:
            raise InvalidInput(errors)
        with self.db.session() as session:
            formation = found(session, Formation, formation_id, messages.GRID_FORMATION_UNKNOWN)
            fresh = rights.check(
                session,
                actor,
                Action.EDIT_FORMATION,
                centre_id=formation.centre_id,
                commission_id=formation.commission_id,
            )
            existing = {
                c.id: c
                for c in session.exec(
                    select(EvaluationCriterion).where(EvaluationCriterion.formation_id == formation.id)
                )
            }
            before = [_described(c) for c in sorted(existing.values(), key=lambda c: c.position)]
            kept = set()
            for position, (criterion_id, label, weight, maximum) in enumerate(cleaned):
                criterion = existing.get(_id(criterion_id))
                if criterion is None:
                    criterion = EvaluationCriterion(formation_id=formation.id)
                else:
                    kept.add(criterion.id)
                    highest = session.exec(
                        select(func.max(EvaluationScore.score)).where(EvaluationScore.criterion_id == criterion.id)
                    ).one()
                    if highest is not None and highest > maximum:
                        raise InvalidInput({f"maximum-{position}": messages.GRID_MAXIMUM_BELOW_SCORES})
                criterion.label, criterion.weight, criterion.maximum, criterion.position = (
                    label,
                    weight,
                    maximum,
                    position,
                )
                session.add(criterion)
            gone = [criterion_id for criterion_id in existing if criterion_id not in kept]
            if gone:  # their scores first: SQLite may run without its foreign keys' cascades
                session.exec(delete(EvaluationScore).where(col(EvaluationScore.criterion_id).in_(gone)))
                session.exec(delete(EvaluationCriterion).where(col(EvaluationCriterion.id).in_(gone)))
            session.flush()
            after = [_described(c) for c in _criteria_rows(session, formation.id)]
            journal.record(
                session,
                fresh,
                "formation.grid",
                ("formation", formation.id),
                {"criteria": before},
                {"criteria": after},
                label=f"{formation.code} — {formation.label}",
            )

    def grid(self, actor: Actor | int, candidature_id: object) -> Grid:
        """The candidature's grid: the criteria, the actor's own scores, and every member's note."""
        with self.db.session() as session:
            fresh, candidature, formation = checked(session, actor, Action.VIEW_CANDIDATURES, candidature_id)
            criteria = _criteria(session, formation.id)
            mine = dict(
                session.exec(
                    select(EvaluationScore.criterion_id, EvaluationScore.score).where(
                        EvaluationScore.candidature_id == candidature.id,
                        EvaluationScore.staff_member_id == fresh.id,
                    )
                ).all()
            )
            member_notes = _member_notes().subquery()
            notes = session.exec(
                select(member_notes.c.note).where(member_notes.c.candidature_id == candidature.id)
            ).all()
            return Grid(criteria, mine, [round(note, 2) for note in notes])

    def score(self, actor: Actor | int, candidature_id: object, values: Mapping[str, object]) -> None:
        """The actor's scores of the candidature: `values` maps `criterion-{id}` to a number from 0 to the
        criterion's maximum (a comma is a decimal point; blank removes the score). InvalidInput at the field."""
        with self.db.session() as session:
            fresh, candidature, formation = checked(session, actor, Action.ENTER_AVIS, candidature_id)
            criteria = _criteria(session, formation.id)
            if not criteria:
                raise InvalidInput({"grid": messages.GRID_NONE})
            errors: dict[str, str] = {}
            chosen: dict[int, float | None] = {}
            for criterion in criteria:
                name = f"criterion-{criterion.id}"
                text = str(values.get(name) if values.get(name) is not None else "").strip().replace(",", ".")
                if not text:
                    chosen[criterion.id] = None
                    continue
                try:
                    number = float(text)
                except ValueError:
                    number = math.nan
                if not (math.isfinite(number) and 0 <= number <= criterion.maximum):
                    errors[name] = messages.GRID_SCORE_INVALID.format(maximum=criterion.maximum)
                    continue
                chosen[criterion.id] = round(number, 2)
            if errors:
                raise InvalidInput(errors)
            session.exec(
                delete(EvaluationScore).where(
                    EvaluationScore.candidature_id == candidature.id, EvaluationScore.staff_member_id == fresh.id
                )
            )
            for criterion_id, number in chosen.items():
                if number is not None:
                    session.add(
                        EvaluationScore(
                            candidature_id=candidature.id,
                            criterion_id=criterion_id,
                            staff_member_id=fresh.id,
                            score=number,
                            scored_at=utcnow(),
                        )
                    )
            journal.record(
                session,
                fresh,
                "candidature.grid",
                ("candidature", candidature.id),
                None,
                {str(k): v for k, v in chosen.items()},
                label=f"{formation.code}",
            )


def _member_notes():
    """Each member's note of each candidature: Σ weight × score / maximum ÷ Σ weight (of the criteria they
    scored), × 20."""
    weight = cast(EvaluationCriterion.weight, Float)
    share = weight * col(EvaluationScore.score) / cast(EvaluationCriterion.maximum, Float)
    return (
        select(
            EvaluationScore.candidature_id,
            (func.sum(share) / func.sum(weight) * NOTE_SCALE).label("note"),
        )
        .join(EvaluationCriterion, col(EvaluationCriterion.id) == col(EvaluationScore.criterion_id))
        .group_by(col(EvaluationScore.candidature_id), col(EvaluationScore.staff_member_id))
    )


def note_columns():
    """A subquery by candidature_id with `mean` (the members' notes' mean /20) and `spread` (highest minus lowest),
    for the candidature table to join and sort on."""
    notes = _member_notes().subquery()
    return (
        select(
            notes.c.candidature_id,
            func.avg(notes.c.note).label("mean"),
            (func.max(notes.c.note) - func.min(notes.c.note)).label("spread"),
        )
        .group_by(notes.c.candidature_id)
        .subquery()
    )


def _criteria_rows(session: Session, formation_id: int) -> list[EvaluationCriterion]:
    return list(
        session.exec(
            select(EvaluationCriterion)
            .where(EvaluationCriterion.formation_id == formation_id)
            .order_by(col(EvaluationCriterion.position), col(EvaluationCriterion.id))
        )
    )


def _criteria(session: Session, formation_id: int) -> list[Criterion]:
    return [Criterion(c.id, c.label, c.weight, c.maximum) for c in _criteria_rows(session, formation_id)]


def _described(criterion: EvaluationCriterion) -> str:
    return f"{criterion.label} (coefficient {criterion.weight}, sur {criterion.maximum})"


def _whole(value: object, low: int, high: int) -> int | None:
    text = str(value if value is not None else "").strip()
    if not text.isdigit():
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            return None
        if not number.is_integer():
            return None
        text = str(int(number))
    number = int(text)
    return number if low <= number <= high else None


def _id(value: object) -> int | None:
    text = str(value if value is not None else "")
    return int(text) if text.isdigit() else None
