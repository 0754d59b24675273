"""The liste complémentaire of a formation (BACKOFFICE §3, « Rang », « Rang réel »).

A candidature is on the list while its avis is a validated Liste complémentaire and the candidate has not given it
up: once promoted its avis is Favorable, once withdrawn it has left. Its « rang réel » is its place among those
still on the list of its formation and campaign — by the rank the commission gave, then by who came first — so a
withdrawal or a promotion moves everyone behind up at once, computed in SQL and never stored.
"""

from __future__ import annotations

from sqlalchemy import and_, case, func, or_
from sqlalchemy.orm import aliased
from sqlmodel import col, select

from ecandidat_ui.services.review import Decision
from models import Candidature


def on_list(candidature=Candidature):
    """SQL: the candidature (or an alias of the table) is still on the liste complémentaire."""
    return and_(
        col(candidature.decision) == Decision.COMPLEMENTARY_LIST.value,
        col(candidature.decision_validated_at).is_not(None),
        col(candidature.withdrawn_at).is_(None),
    )


def real_rank_column():
    """SQL: the rang réel of the candidature of the row (Candidature in the FROM), NULL when not on the list."""
    other = aliased(Candidature)
    ahead = (
        select(func.count())
        .select_from(other)
        .where(
            other.formation_id == Candidature.formation_id,
            other.campaign_id == Candidature.campaign_id,
            on_list(other),
            or_(
                col(other.decision_rank) < col(Candidature.decision_rank),
                and_(other.decision_rank == Candidature.decision_rank, col(other.id) <= col(Candidature.id)),
            ),
        )
        .correlate(Candidature)
        .scalar_subquery()
    )
    return case((on_list(), ahead), else_=None)


def first_on_list(formation_id: int, campaign_id: int):
    """The statement of the list of a formation in its campaign, first first: rank, then who came first."""
    return (
        select(Candidature)
        .where(Candidature.formation_id == formation_id, Candidature.campaign_id == campaign_id, on_list())
        .order_by(col(Candidature.decision_rank), col(Candidature.id))
    )
