"""The cards of the candidate's home: what each says at each step of a candidature, from the real services."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.candidate_dashboard import cards
from ecandidat_ui.services.offer_import import apply_offer
from ecandidat_ui.services.review import Decision
from models import Campaign, Formation
from models.clock import utcnow
from tests.sessions import actor
from tests.unit.test_candidatures import PDF, TODAY, formation_id, offer, ready_candidate


def test_each_card_says_where_the_candidature_stands_and_the_next_step(platform: Platform):
    return_by = TODAY + timedelta(days=20)
    apply_offer(platform.db, offer(TODAY - timedelta(days=10), TODAY + timedelta(days=10), return_by))
    account = ready_candidate(platform)
    me = actor(platform, account)
    assert cards(platform.candidatures, account.id, TODAY) == []

    candidature = platform.candidatures.apply(me, formation_id(platform), TODAY)
    [card] = cards(platform.candidatures, account.id, TODAY)
    view = platform.candidatures.view(account.id, candidature.id)
    pieces = [piece.piece for piece in view.pieces]
    assert card.formation == "Master Informatique" and card.path == f"/compte/candidatures/{candidature.id}"
    assert card.missing == f"{len(pieces)} pièces manquantes, 1 question sans réponse"
    assert card.deadline == f"Date limite de retour : {return_by:%d/%m/%Y}"
    assert card.action == messages.HOME_CARDS_COMPLETE and not card.urgent

    for piece in pieces:
        if piece.conditional:
            platform.candidatures.set_not_concerned(me, candidature.id, piece.id, True)
        else:
            platform.candidatures.send_piece(me, candidature.id, piece.id, f"{piece.code}.pdf", PDF)
    [question] = [question for question, _ in view.questions]
    platform.candidatures.answer(me, candidature.id, question.id, "Oui")
    [card] = cards(platform.candidatures, account.id, TODAY)
    assert card.missing == "" and card.action == messages.HOME_CARDS_TRANSMIT
    assert cards(platform.candidatures, account.id, return_by - timedelta(days=3))[0].urgent  # a week or less

    platform.candidatures.transmit(me, candidature.id, TODAY)
    [card] = cards(platform.candidatures, account.id, TODAY)
    assert (card.status, card.action, card.deadline) == (messages.HOME_CARDS_TRANSMITTED, "", "")

    with platform.db.session() as session:
        formation = session.exec(select(Formation).where(Formation.code == "M1-INFO")).one()
        formation.confirm_by = TODAY + timedelta(days=5)
        session.add(formation)
    platform.review.record_decision(candidature.id, Decision.FAVORABLE)
    assert cards(platform.candidatures, account.id, TODAY)[0].status == messages.HOME_CARDS_TRANSMITTED  # not yet
    platform.review.validate_decision(candidature.id)
    [card] = cards(platform.candidatures, account.id, TODAY)
    assert card.status == "Favorable" and card.action == messages.HOME_CARDS_ANSWER and card.urgent
    assert card.deadline == f"Répondre avant le {TODAY + timedelta(days=5):%d/%m/%Y}"

    platform.candidatures.withdraw(me, candidature.id, "", TODAY)
    [card] = cards(platform.candidatures, account.id, TODAY)
    assert (card.status, card.action) == (messages.HOME_CARDS_WITHDRAWN, "")


def test_a_late_or_paper_candidature_says_so(platform: Platform):
    apply_offer(platform.db, offer(TODAY - timedelta(days=10), TODAY + timedelta(days=1), TODAY + timedelta(days=2)))
    with platform.db.session() as session:
        formation = session.exec(select(Formation).where(Formation.code == "M1-DATA")).one()
        formation.paperless = False
        session.add(formation)
    account = ready_candidate(platform)
    me = actor(platform, account)
    platform.candidatures.apply(me, formation_id(platform), TODAY)
    platform.candidatures.apply(me, formation_id(platform, "M1-DATA"), TODAY)
    by_formation = {card.formation: card for card in cards(platform.candidatures, account.id, TODAY)}
    paper = by_formation["Master Données"]
    assert paper.action == messages.HOME_CARDS_POST and paper.missing == ""
    late = cards(platform.candidatures, account.id, TODAY + timedelta(days=3))
    assert {card.deadline for card in late} == {messages.HOME_CARDS_TOO_LATE}
    assert {card.action for card in late} == {""}


def test_a_candidature_of_an_archived_campaign_has_no_card(platform: Platform):
    apply_offer(platform.db, offer(TODAY - timedelta(days=10), TODAY + timedelta(days=10), TODAY + timedelta(days=20)))
    account = ready_candidate(platform)
    candidature = platform.candidatures.apply(actor(platform, account), formation_id(platform), TODAY)
    assert [card.candidature_id for card in cards(platform.candidatures, account.id, TODAY)] == [candidature.id]
    with platform.db.session() as session:
        campaign = session.get(Campaign, candidature.campaign_id)
        campaign.archived_at = utcnow()  # as activating the next campaign does (services/campaigns.py)
        session.add(campaign)
    assert cards(platform.candidatures, account.id, TODAY) == []
    assert platform.candidatures.view(account.id, candidature.id).archived  # kept, as history
