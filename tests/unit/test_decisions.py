"""After transmission: statuses and decisions set by staff, seen and answered by the candidate, and PDFs."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from ecandidat_ui import messages, pdf
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.offer_import import apply_offer
from ecandidat_ui.services.review import Decision
from models import FileStatus
from tests.mailbox import Mailbox
from tests.sessions import actor
from tests.unit.test_candidatures import PDF, TODAY, formation_id, offer, ready_candidate


@pytest.fixture
def applied(platform: Platform):
    apply_offer(platform.db, offer(TODAY - timedelta(days=10), TODAY + timedelta(days=10)))
    first = ready_candidate(platform)
    second = ready_candidate(platform, "second@example.org")
    ids = [platform.candidatures.apply(actor(platform, a), formation_id(platform), TODAY).id for a in (first, second)]
    return first, second, ids


def subjects(platform: Platform, mailbox: Mailbox, address: str) -> list[str]:
    platform.mail_sender.send_due()
    return [m.subject for m in mailbox.for_address(address)]


def test_each_status_change_is_mailed_and_incomplete_hands_the_file_back(platform: Platform, applied, mailbox):
    first, _, (candidature_id, _) = applied
    platform.review.set_status(candidature_id, FileStatus.RECEIVED)
    platform.review.set_status(candidature_id, FileStatus.INCOMPLETE)
    view = platform.candidatures.view(first.id, candidature_id)
    assert view.candidature.status == "Incomplet" and view.editable
    assert "Votre dossier pour la formation Master Informatique : Incomplet" in subjects(
        platform, mailbox, "marie@example.org"
    )
    assert [e.text for e in view.history][:2] == ["Statut du dossier : Incomplet", "Statut du dossier : Réceptionné"]


def test_a_decision_is_seen_only_once_validated(platform: Platform, applied, mailbox):
    first, _, (candidature_id, _) = applied
    platform.review.record_decision(candidature_id, Decision.FAVORABLE, comment="Très bon dossier")
    view = platform.candidatures.view(first.id, candidature_id)
    assert (view.decision, view.decision_shown) == ("En attente", "")
    with pytest.raises(Refused):
        platform.candidatures.confirm(actor(platform, first), candidature_id, TODAY)
    platform.review.validate_decision(candidature_id)
    assert platform.candidatures.view(first.id, candidature_id).decision == "Favorable"
    assert "Décision pour votre candidature à la formation Master Informatique" in subjects(
        platform, mailbox, "marie@example.org"
    )


def test_confirm_before_the_deadline(platform: Platform, applied):
    first, _, (candidature_id, _) = applied
    platform.review.record_decision(candidature_id, Decision.FAVORABLE)
    platform.review.validate_decision(candidature_id)
    with platform.db.session() as session:
        from models import Formation

        formation = session.get(Formation, formation_id(platform))
        formation.confirm_by = TODAY
    with pytest.raises(Refused) as refused:
        platform.candidatures.confirm(actor(platform, first), candidature_id, TODAY + timedelta(days=1))
    assert refused.value.message == messages.CONFIRM_TOO_LATE
    platform.candidatures.confirm(actor(platform, first), candidature_id, TODAY)
    with pytest.raises(Refused):
        platform.candidatures.withdraw(actor(platform, first), candidature_id, "", TODAY)


def test_a_withdrawal_offers_the_place_to_the_first_of_the_complementary_list(platform: Platform, applied, mailbox):
    first, second, (admitted, waiting) = applied
    platform.review.record_decision(admitted, Decision.FAVORABLE)
    platform.review.validate_decision(admitted)
    platform.review.record_decision(waiting, Decision.COMPLEMENTARY_LIST, rank=1)
    platform.review.validate_decision(waiting)
    assert platform.candidatures.view(second.id, waiting).decision == "Liste complémentaire (rang 1)"
    platform.candidatures.withdraw(actor(platform, first), admitted, "J'ai choisi une autre université", TODAY)
    view = platform.candidatures.view(first.id, admitted)
    assert view.candidature.withdrawal_reason == "J'ai choisi une autre université"
    assert view.history[0].text == "Désistement : J'ai choisi une autre université"
    promoted = platform.candidatures.view(second.id, waiting)
    assert promoted.decision == "Favorable" and promoted.can_answer_offer(TODAY)
    assert any(
        s.startswith("Décision pour votre candidature") for s in subjects(platform, mailbox, "second@example.org")
    )


def test_the_complementary_list_needs_a_rank(platform: Platform, applied):
    with pytest.raises(Refused):
        platform.review.record_decision(applied[2][0], Decision.COMPLEMENTARY_LIST)


def text_of(document: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(document)).pages)


def test_recapitulatif_and_letters_are_real_pdfs_with_the_candidates_words(platform: Platform, applied):
    first, _, (candidature_id, _) = applied
    view = platform.candidatures.view(first.id, candidature_id)
    recap = pdf.recapitulatif("Université Esup", first, platform.candidate_file.load(first.id), view)
    text = text_of(recap)
    assert "Récapitulatif de candidature" in text and "Master Informatique" in text and first.login in text
    assert "Pièce d'identité : En attente" in text

    platform.review.record_decision(candidature_id, Decision.FAVORABLE, comment="Excellent parcours")
    platform.review.validate_decision(candidature_id)
    view = platform.candidatures.view(first.id, candidature_id)
    admission = text_of(pdf.letter("Université Esup", first, view, date(2027, 6, 1)))
    assert "Lettre d'admission" in admission and "avis favorable" in admission and "Excellent parcours" in admission

    platform.review.record_decision(candidature_id, Decision.UNFAVORABLE)
    platform.review.validate_decision(candidature_id)
    refusal = text_of(
        pdf.letter("Université Esup", first, platform.candidatures.view(first.id, candidature_id), date(2027, 6, 1))
    )
    assert "Notification de refus" in refusal and "avis défavorable" in refusal


def test_staff_validate_or_refuse_each_piece(platform: Platform, applied):
    first, _, (candidature_id, _) = applied
    pieces = {p.piece.label: p.piece.id for p in platform.candidatures.view(first.id, candidature_id).pieces}
    me = actor(platform, first)
    platform.candidatures.send_piece(me, candidature_id, pieces["Pièce d'identité"], "cni.pdf", PDF)
    platform.candidatures.send_piece(me, candidature_id, pieces["Curriculum vitae"], "cv.pdf", PDF)
    admin_id = platform.staff.bootstrap_admin("anne.dupont@example.org", "Dupont", "Anne").member.id
    with pytest.raises(Refused):  # sent, not transmitted yet: nothing to review
        platform.review.review_piece(admin_id, candidature_id, pieces["Pièce d'identité"], accepted=True)
    platform.candidatures.set_not_concerned(me, candidature_id, pieces["Notification MDPH"], True)
    [(question, _)] = platform.candidatures.view(first.id, candidature_id).questions
    platform.candidatures.answer(me, candidature_id, question.id, "Oui")
    platform.candidatures.transmit(me, candidature_id, TODAY)
    platform.review.review_piece(admin_id, candidature_id, pieces["Pièce d'identité"], accepted=True)
    platform.review.review_piece(admin_id, candidature_id, pieces["Curriculum vitae"], accepted=False, comment="Flou")
    view = platform.candidatures.view(first.id, candidature_id)
    assert [p.status for p in view.pieces] == ["Validée", "Refusée", "Non concerné"]
    assert [e.text for e in view.history][:2] == ["Statut du dossier : Incomplet", "Pièce refusée : Curriculum vitae"]
