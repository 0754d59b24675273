"""The letter of a validated decision (admission after a Favorable, refusal after a Défavorable), as a PDF: read
by the candidate from their candidature and attached to the decision's mail (BACKOFFICE §3: « le candidat
reçoit … la lettre d'admission ou de refus »). Dated the day the decision was validated."""

from __future__ import annotations

from dataclasses import dataclass

from ecandidat_ui import language, pdf
from ecandidat_ui.services.candidatures import CandidatureService
from ecandidat_ui.services.commissions import CommissionService
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.review import LETTER_ATTACHMENT, WITH_LETTER
from ecandidat_ui.settings import Settings
from models import Account
from models.clock import in_paris


@dataclass(frozen=True)
class Letter:
    name: str
    data: bytes


class LetterService:
    def __init__(self, settings: Settings, candidatures: CandidatureService, commissions: CommissionService) -> None:
        self.settings = settings
        self.candidatures = candidatures
        self.commissions = commissions

    def of(self, account: Account, candidature_id: int) -> Letter | None:
        """The candidature's letter, or None when it has none (no validated Favorable or Défavorable); Refused
        when the candidature is not this account's."""
        view = self.candidatures.view(account.id, candidature_id)
        if view.decision_shown not in WITH_LETTER:
            return None
        signature = self.commissions.signature_of(view.commission)
        day = in_paris(view.candidature.decision_validated_at).date()
        data = pdf.letter(self.settings.institution_name, account, view, day, signature.data if signature else None)
        return Letter(f"lettre-{account.login}-{view.formation.code}.pdf", data)

    def attachment(self, reference: str) -> tuple[str, bytes] | None:
        """The attachment an outbox mail names (`lettre:<candidature id>`), built when the mail leaves; None if
        the reference names nothing to attach (then the mail goes without it). In the candidate's language."""
        kind, _, number = reference.partition(":")
        if kind != LETTER_ATTACHMENT or not number.isdigit():
            return None
        account = self.candidatures.account_of(int(number))
        if account is None:
            return None
        try:
            with language.using(account.language):  # the mail's reader's language, whoever sent it
                letter = self.of(account, int(number))
        except Refused:
            return None
        return (letter.name, letter.data) if letter else None
