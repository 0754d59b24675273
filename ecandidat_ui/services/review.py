"""What the institution's staff do with a candidature: its Statut du dossier and the commission's decision.

Each change is kept in the candidature's history and mailed to the candidate; a decision reaches the
candidate only once validated.
"""

from __future__ import annotations

from enum import StrEnum

from sqlmodel import Session

from ecandidat_ui.db import Database
from ecandidat_ui.mail import outbox
from ecandidat_ui.mail.templates import render
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.settings import Settings
from models import Account, Candidature, CandidatureEvent, FileStatus, Formation, Piece, PieceState
from models.clock import utcnow


class Decision(StrEnum):
    FAVORABLE = "Favorable"
    UNFAVORABLE = "Défavorable"
    WAITING_LIST = "Liste d'attente"
    COMPLEMENTARY_LIST = "Liste complémentaire"
    PRESELECTION = "Présélection"


STATUS_DETAILS = {
    FileStatus.RECEIVED: "Votre dossier a été reçu par la commission.\n",
    FileStatus.INCOMPLETE: "Des pièces manquent ou sont à corriger : complétez votre dossier puis transmettez-le à "
    "nouveau.\n",
    FileStatus.COMPLETE: "Votre dossier est complet ; il sera examiné par la commission.\n",
    FileStatus.WAITING: "",
}


class ReviewService:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings

    def set_status(self, candidature_id: int, status: FileStatus) -> None:
        """Change the Statut du dossier; Incomplet hands the candidature back to the candidate."""
        with self.db.session() as session:
            candidature = session.get(Candidature, candidature_id)
            candidature.status = status
            if status is FileStatus.INCOMPLETE:
                candidature.transmitted_at = None
            candidature.version += 1
            session.add(CandidatureEvent(candidature_id=candidature_id, text=f"Statut du dossier : {status}"))
            mail(
                session,
                self.settings,
                candidature,
                "candidature_status",
                statut=str(status),
                detail=STATUS_DETAILS[status],
            )

    def review_piece(self, candidature_id: int, piece_id: int, accepted: bool) -> None:
        """Validée or Refusée: what staff found of a pièce; the candidate sees it on the candidature."""
        with self.db.session() as session:
            state = session.get(PieceState, (candidature_id, piece_id)) or PieceState(
                candidature_id=candidature_id, piece_id=piece_id
            )
            state.review = "Validée" if accepted else "Refusée"
            session.add(state)
            piece = session.get(Piece, piece_id)
            session.add(
                CandidatureEvent(candidature_id=candidature_id, text=f"Pièce {state.review.lower()} : {piece.label}")
            )

    def record_decision(
        self, candidature_id: int, decision: Decision, *, rank: int | None = None, comment: str = ""
    ) -> None:
        """The commission's avis, not shown to the candidate until validated."""
        if decision is Decision.COMPLEMENTARY_LIST and not rank:
            raise Refused("Le rang est obligatoire pour la liste complémentaire")
        with self.db.session() as session:
            candidature = session.get(Candidature, candidature_id)
            candidature.decision, candidature.decision_rank = decision, rank
            candidature.decision_comment, candidature.decision_validated_at = comment, None
            session.add(CandidatureEvent(candidature_id=candidature_id, text=f"Avis saisi : {decision}"))

    def validate_decision(self, candidature_id: int) -> None:
        with self.db.session() as session:
            candidature = session.get(Candidature, candidature_id)
            if not candidature.decision:
                raise Refused("Aucun avis à valider")
            validate(session, self.settings, candidature)


def validate(session: Session, settings: Settings, candidature: Candidature) -> None:
    candidature.decision_validated_at = utcnow()
    session.add(CandidatureEvent(candidature_id=candidature.id, text=f"Décision : {candidature.decision}"))
    shown = candidature.decision + (f" (rang {candidature.decision_rank})" if candidature.decision_rank else "")
    detail = f"{candidature.decision_comment}\n" if candidature.decision_comment else ""
    mail(session, settings, candidature, "candidature_decision", decision=shown, detail=detail)


def mail(session: Session, settings: Settings, candidature: Candidature, template: str, **values: object) -> None:
    account = session.get(Account, candidature.account_id)
    formation = session.get(Formation, candidature.formation_id)
    rendered = render(
        template,
        session,
        prenom=account.first_name,
        nom=account.last_name,
        login=account.login,
        etablissement=settings.institution_name,
        formation=formation.label,
        lien=settings.link(f"/compte/candidatures/{candidature.id}"),
        **values,
    )
    outbox.enqueue(session, account.mail, rendered)
