"""The decision's mail carries the admission or refusal letter as a PDF, built when the mail leaves (real SMTP,
read back with pypdf); the candidate downloads the same letter."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from pypdf import PdfReader

from ecandidat_ui.platform import Platform
from ecandidat_ui.services.offer_import import apply_offer
from ecandidat_ui.services.review import Decision
from models import Account
from models.clock import in_paris, utcnow
from tests.mailbox import Mailbox
from tests.sessions import actor
from tests.unit.test_candidatures import TODAY, formation_id, offer, ready_candidate


def _decided(platform: Platform, decision: Decision, **values) -> tuple[int, int]:
    apply_offer(platform.db, offer(TODAY - timedelta(days=10), TODAY + timedelta(days=10)))
    account = ready_candidate(platform)
    candidature = platform.candidatures.apply(actor(platform, account), formation_id(platform), TODAY)
    platform.review.record_decision(candidature.id, decision, **values)
    platform.review.validate_decision(candidature.id)
    platform.mail_sender.send_due()
    return account.id, candidature.id


def _decision_mail(mailbox: Mailbox):
    [mail] = [m for m in mailbox.for_address("marie@example.org") if "Master Informatique" in m.subject][-1:]
    return mail


@pytest.mark.parametrize(
    ("decision", "words"), [(Decision.FAVORABLE, "avis favorable"), (Decision.UNFAVORABLE, "avis défavorable")]
)
def test_the_decision_mail_carries_its_letter(platform: Platform, mailbox: Mailbox, decision: Decision, words: str):
    account_id, candidature_id = _decided(platform, decision)
    [(name, data)] = _decision_mail(mailbox).attachments()
    assert name.startswith("lettre-") and name.endswith("-M1-INFO.pdf")
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert words in text and "Master Informatique" in text
    assert f"Le {in_paris(utcnow()):%d/%m/%Y}" in text  # dated the day of the validation, in French time
    with platform.db.session() as session:
        account = session.get(Account, account_id)
    assert platform.letters.of(account, candidature_id).data[:4] == b"%PDF"  # the candidate's own download


def test_no_letter_for_a_decision_that_is_not_one(platform: Platform, mailbox: Mailbox):
    _decided(platform, Decision.COMPLEMENTARY_LIST, rank=3)
    assert _decision_mail(mailbox).attachments() == []


def test_a_reference_to_nothing_sends_the_mail_without_attachment(platform: Platform):
    assert platform.letters.attachment("lettre:999999") is None
    assert platform.letters.attachment("autre:1") is None
    assert platform.letters.attachment("lettre:abc") is None
