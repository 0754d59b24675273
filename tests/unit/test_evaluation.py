"""Evaluation grids (services/evaluation.py): a formation's criteria set by who may edit it, checked at each field;
each member's scores; the table's « Note moyenne /20 » and « Écart des notes », computed and sorted in SQL."""

from __future__ import annotations

import pytest
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.paging import TableQuery
from ecandidat_ui.services.rights import Actor, Role
from models import EvaluationScore, JournalEntry
from tests.review_world import World
from tests.unit.test_candidature_review import admin as admin  # the fixture
from tests.unit.test_candidature_review import member
from tests.unit.test_candidature_review import world as world  # the fixture

GRID = [
    {"label": "Résultats académiques", "weight": "2", "maximum": "20"},
    {"label": "Projet professionnel", "weight": "1", "maximum": "10"},
]


def scores(criteria, first: str, second: str) -> dict[str, str]:
    return {f"criterion-{criteria[0].id}": first, f"criterion-{criteria[1].id}": second}


def test_members_score_and_the_table_shows_the_mean_and_spread_of_their_notes(
    platform: Platform, admin: Actor, world: World
):
    grids = platform.evaluation
    manager = member(platform, admin, "g@example.org", Role.CENTRE_MANAGER, centre_id=world.centres["SCI"])
    masters = world.commissions["SCI-MASTERS"]
    first = member(platform, admin, "m@example.org", Role.COMMISSION_MEMBER, commission_id=masters)
    second = member(platform, admin, "n@example.org", Role.COMMISSION_MEMBER, commission_id=masters)
    informatique = world.formations["M1-INFO"]
    assert "M1-INFO — Master Informatique" in grids.formations(manager).values()
    grids.set_criteria(manager, informatique, GRID)
    criteria = grids.criteria(first, informatique)
    assert [(c.label, c.weight, c.maximum) for c in criteria] == [
        ("Résultats académiques", 2, 20),
        ("Projet professionnel", 1, 10),
    ]
    marie = world.candidatures["marie"]
    grids.score(first, marie, scores(criteria, "16", "5"))  # (2 × 16/20 + 5/10) / 3 × 20 = 14
    grids.score(second, marie, scores(criteria, "10,5", ""))  # only the first criterion: 10.5
    grid = grids.grid(first, marie)
    assert grid.mine == {criteria[0].id: 16.0, criteria[1].id: 5.0}
    assert sorted(grid.notes) == [10.5, 14.0] and grid.mean == 12.25
    key = f"commission-{masters}"
    rows = platform.candidature_table.page(admin, key, TableQuery(sort_by="eval_mean", descending=True)).rows
    assert (rows[0]["last_name"], rows[0]["eval_mean"], rows[0]["eval_spread"]) == ("BAILLON", "12,25", "3,5")
    assert all(row["eval_mean"] == "" for row in rows[1:])
    for name in ("eval_mean", "eval_spread"):
        page = platform.candidature_table.page(admin, key, TableQuery(sort_by=name))
        assert page.total == 3 and page.rows[0]["last_name"] == "BAILLON"
    grids.score(second, marie, scores(criteria, "", ""))  # blank: scores removed
    assert grids.grid(first, marie).notes == [14.0]
    with platform.db.session() as session:
        assert session.exec(select(JournalEntry).where(JournalEntry.action == "candidature.grid")).first()


def test_scores_are_checked_at_each_field_and_need_the_right_to_enter_an_avis(
    platform: Platform, admin: Actor, world: World
):
    grids = platform.evaluation
    grids.set_criteria(admin, world.formations["M1-INFO"], GRID)
    criteria = grids.criteria(admin, world.formations["M1-INFO"])
    marie = world.candidatures["marie"]
    with pytest.raises(InvalidInput) as refused:
        grids.score(admin, marie, scores(criteria, "21", "abc"))
    assert refused.value.errors == {
        f"criterion-{criteria[0].id}": messages.GRID_SCORE_INVALID.format(maximum=20),
        f"criterion-{criteria[1].id}": messages.GRID_SCORE_INVALID.format(maximum=10),
    }
    with pytest.raises(InvalidInput):
        grids.score(admin, marie, scores(criteria, "-1", "nan"))
    reader = member(platform, admin, "l@example.org", Role.READ_ONLY)
    assert grids.grid(reader, marie).criteria  # reads it
    with pytest.raises(Refused):
        grids.score(reader, marie, scores(criteria, "10", "5"))
    other = member(
        platform, admin, "o@example.org", Role.COMMISSION_MEMBER, commission_id=world.commissions["LSH-LICENCES"]
    )
    with pytest.raises(Refused):
        grids.score(other, marie, scores(criteria, "10", "5"))
    with pytest.raises(Refused):
        grids.grid(other, marie)
    with pytest.raises(InvalidInput) as refused:
        grids.score(admin, world.candidatures["hugo"], {})
    assert refused.value.errors == {"grid": messages.GRID_NONE}


def test_only_who_edits_the_formation_sets_its_grid_each_field_checked(platform: Platform, admin: Actor, world: World):
    grids = platform.evaluation
    informatique = world.formations["M1-INFO"]
    masters = member(
        platform, admin, "m@example.org", Role.COMMISSION_MEMBER, commission_id=world.commissions["SCI-MASTERS"]
    )
    assert grids.formations(masters) == {}
    with pytest.raises(Refused):
        grids.set_criteria(masters, informatique, GRID)
    lettres = member(platform, admin, "g@example.org", Role.CENTRE_MANAGER, centre_id=world.centres["LSH"])
    with pytest.raises(Refused):
        grids.set_criteria(lettres, informatique, GRID)
    with pytest.raises(InvalidInput) as refused:
        grids.set_criteria(admin, informatique, [{"label": " ", "weight": "0", "maximum": "2.5"}])
    assert refused.value.errors == {
        "label-0": messages.GRID_LABEL_REQUIRED,
        "weight-0": messages.GRID_WEIGHT_INVALID.format(top=100),
        "maximum-0": messages.GRID_MAXIMUM_INVALID.format(top=100),
    }
    with pytest.raises(InvalidInput):
        grids.set_criteria(admin, informatique, [GRID[0]] * 13)
    grids.set_criteria(admin, informatique, GRID)
    criteria = grids.criteria(admin, informatique)
    grids.score(admin, world.candidatures["marie"], scores(criteria, "18", "8"))
    lowered = [{**GRID[0], "id": criteria[0].id, "maximum": "15"}]
    with pytest.raises(InvalidInput) as refused:
        grids.set_criteria(admin, informatique, lowered)
    assert refused.value.errors == {"maximum-0": messages.GRID_MAXIMUM_BELOW_SCORES}
    kept = [{**GRID[0], "id": criteria[0].id, "label": "Résultats"}]  # the second criterion removed
    grids.set_criteria(admin, informatique, kept)
    assert [(c.id, c.label) for c in grids.criteria(admin, informatique)] == [(criteria[0].id, "Résultats")]
    with platform.db.session() as session:
        left = session.exec(select(EvaluationScore.criterion_id)).all()
    assert left == [criteria[0].id]
