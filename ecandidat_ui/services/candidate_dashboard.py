"""The candidate's home once signed in: each candidature of the campaign as a card saying where it stands, what
is missing, the next deadline and the one thing to do next (as Parcoursup and MonMaster do)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ecandidat_ui import messages
from ecandidat_ui.services.candidatures import CandidatureService, CandidatureView


@dataclass(frozen=True)
class Card:
    candidature_id: int
    formation: str
    status: str
    missing: str  # « 2 pièces manquantes, 1 question sans réponse », or ""
    deadline: str  # « Date limite de retour : 18/12/2026 », or ""
    action: str  # what to do next, or "" when it is the commission's turn
    urgent: bool  # the next step is the candidate's, and its date is near

    @property
    def path(self) -> str:
        return f"/compte/candidatures/{self.candidature_id}"


URGENT_DAYS = 7


def card_of(view: CandidatureView, today: date) -> Card:
    candidature, formation = view.candidature, view.formation
    missing_pieces = sum(1 for piece in view.pieces if not piece.given)
    missing_answers = sum(1 for question, value in view.questions if question.required and not value.strip())
    missing = _missing_text(missing_pieces, missing_answers) if view.editable and formation.paperless else ""
    deadline_day: date | None = None
    deadline, action = "", ""
    if view.can_answer_offer(today):
        deadline_day = view.confirm_deadline
        action = messages.HOME_CARDS_ANSWER
        deadline = messages.HOME_CARDS_CONFIRM_BY.format(date=f"{deadline_day:%d/%m/%Y}") if deadline_day else ""
    elif view.editable and today <= view.return_by:
        deadline_day = view.return_by
        deadline = messages.HOME_CARDS_RETURN_BY.format(date=f"{deadline_day:%d/%m/%Y}")
        if not formation.paperless:
            action = messages.HOME_CARDS_POST
        else:
            action = messages.HOME_CARDS_COMPLETE if missing else messages.HOME_CARDS_TRANSMIT
    elif view.editable:
        deadline = messages.HOME_CARDS_TOO_LATE
    status = view.decision_shown or (
        messages.HOME_CARDS_TRANSMITTED if candidature.transmitted_at else str(candidature.status)
    )
    if candidature.confirmed_at is not None:
        status = messages.HOME_CARDS_CONFIRMED.format(decision=status)
    if candidature.withdrawn_at is not None:
        status, action, deadline, missing = messages.HOME_CARDS_WITHDRAWN, "", "", ""
    urgent = bool(action) and deadline_day is not None and (deadline_day - today).days <= URGENT_DAYS
    return Card(candidature.id, formation.label, status, missing, deadline, action, urgent)


def _missing_text(pieces: int, answers: int) -> str:
    parts = []
    if pieces:
        parts.append(messages.HOME_CARDS_MISSING_PIECES.format(count=pieces, s="s" if pieces > 1 else ""))
    if answers:
        parts.append(messages.HOME_CARDS_MISSING_ANSWERS.format(count=answers, s="s" if answers > 1 else ""))
    return ", ".join(parts)


def cards(candidatures: CandidatureService, account_id: int, today: date) -> list[Card]:
    """The cards of the candidate's candidatures in the campaign under way, newest first."""
    return [card_of(view, today) for view in candidatures.current_views(account_id)]
