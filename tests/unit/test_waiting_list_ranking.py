"""« Classer la liste complémentaire selon les notes »: the rows ticked whose avis is Liste complémentaire, not
validated and scored get ranks 1..n within their formation by the mean of their evaluation notes (ties: the earlier
transmission), in one transaction, journaled; the others are refused with their reason."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import col, select

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.rights import Actor, Role
from models import AvisEntry, Candidature, JournalEntry
from tests.review_world import World, apply_and_transmit, ready_candidate
from tests.unit.test_candidature_review import admin as admin  # the fixture
from tests.unit.test_candidature_review import member
from tests.unit.test_candidature_review import world as world  # the fixture
from tests.unit.test_decision_setup import type_id
from tests.unit.test_evaluation import GRID, scores


def _more_candidates(platform: Platform, world: World) -> dict[str, int]:
    made = {}
    for last_name, first_name in (("Roux", "Yann"), ("Petit", "Zoé")):
        account = ready_candidate(platform, last_name, first_name, f"{first_name.lower()}@example.org", date.today())
        made[first_name] = apply_and_transmit(platform, account, world.formations["M1-INFO"], date.today(), True)
    return made


def _candidature(platform: Platform, candidature_id: int) -> Candidature:
    with platform.db.session() as session:
        return session.get(Candidature, candidature_id)


def test_the_waiting_list_is_ranked_by_the_notes_and_the_others_refused_with_their_reason(
    platform: Platform, admin: Actor, world: World
):
    c = world.candidatures
    more = _more_candidates(platform, world)
    yann, zoe, marie, lucie, jeanne = more["Yann"], more["Zoé"], c["marie"], c["lucie"], c["jeanne"]
    grids = platform.evaluation
    for code in ("M1-INFO", "M1-DATA"):
        grids.set_criteria(admin, world.formations[code], GRID)
    info = grids.criteria(admin, world.formations["M1-INFO"])
    grids.score(admin, marie, scores(info, "16", "5"))  # 14
    grids.score(admin, yann, scores(info, "20", "3"))  # 15.33: first
    data = grids.criteria(admin, world.formations["M1-DATA"])
    grids.score(admin, lucie, scores(data, "10", "10"))
    waiting = {"decision_type_id": type_id(platform, "LISTE_COMP"), "rank": "9", "comment": "À revoir"}
    platform.review.enter_avis(admin, [marie, yann, zoe, lucie], waiting)
    platform.review.validate_avis(admin, [lucie])
    platform.review.enter_avis(admin, [jeanne], {"decision_type_id": type_id(platform, "FAVORABLE")})

    masters = member(
        platform, admin, "m@example.org", Role.COMMISSION_MEMBER, commission_id=world.commissions["SCI-MASTERS"]
    )
    result = platform.review.rank_waiting_list(masters, [zoe, marie, yann, lucie, jeanne])
    assert result.changed == [marie, yann]
    reasons = {row.id: row.reason for row in result.refused}
    assert reasons[zoe] == messages.LC_RANKING_NO_NOTES
    assert reasons[lucie] == messages.AVIS_ALREADY_VALIDATED
    assert "droit" in reasons[jeanne]  # another commission
    assert _candidature(platform, yann).decision_rank == 1 and _candidature(platform, marie).decision_rank == 2
    marie_now = _candidature(platform, marie)
    assert marie_now.decision_validated_at is None and marie_now.decision_comment == "À revoir"
    assert marie_now.decision_type_id == type_id(platform, "LISTE_COMP")
    with platform.db.session() as session:
        lines = session.exec(
            select(JournalEntry).where(JournalEntry.action == "candidature.waiting_list_ranking")
        ).all()
        entries = session.exec(
            select(AvisEntry.rank).where(AvisEntry.candidature_id == yann).order_by(col(AvisEntry.id))
        ).all()
    assert entries == [9, 1]  # a new avis in its history
    assert {line.after["rank"] for line in lines} == {1, 2} and {line.before["rank"] for line in lines} == {9}

    refused = platform.review.rank_waiting_list(admin, [jeanne])
    assert [row.reason for row in refused.refused] == [messages.LC_RANKING_NOT_LC]


def test_ties_go_to_the_earlier_transmission(platform: Platform, admin: Actor, world: World):
    more = _more_candidates(platform, world)
    marie, yann, zoe = world.candidatures["marie"], more["Yann"], more["Zoé"]
    grids = platform.evaluation
    grids.set_criteria(admin, world.formations["M1-INFO"], GRID)
    info = grids.criteria(admin, world.formations["M1-INFO"])
    for one in (zoe, yann, marie):
        grids.score(admin, one, scores(info, "12", "6"))
    waiting = {"decision_type_id": type_id(platform, "LISTE_COMP"), "rank": "5"}
    platform.review.enter_avis(admin, [marie, yann, zoe], waiting)
    result = platform.review.rank_waiting_list(admin, [zoe, yann, marie])
    assert sorted(result.changed) == sorted([marie, yann, zoe])
    ranks = [_candidature(platform, one).decision_rank for one in (marie, yann, zoe)]
    assert ranks == [1, 2, 3]  # transmitted in this order


def test_a_read_only_member_may_not_rank(platform: Platform, admin: Actor, world: World):
    reader = member(platform, admin, "r@example.org", Role.READ_ONLY)
    result = platform.review.rank_waiting_list(reader, [world.candidatures["marie"]])
    assert result.changed == [] and "droit" in result.refused[0].reason
    with pytest.raises(Refused):  # nothing ticked
        platform.review.rank_waiting_list(admin, [])
