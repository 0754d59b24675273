"""A candidate's application to a formation, with its answers, pièces justificatives and history."""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Index
from sqlmodel import Field, SQLModel, UniqueConstraint

from models.clock import utcnow


class FileStatus(StrEnum):
    """Statut du dossier."""

    WAITING = "En attente"
    RECEIVED = "Réceptionné"
    INCOMPLETE = "Incomplet"
    COMPLETE = "Complet"


class Candidature(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("account_id", "formation_id", "campaign_id"),
        Index("ix_candidature_formation_campaign", "formation_id", "campaign_id"),  # a formation's list, its counts
    )

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    formation_id: int = Field(foreign_key="formation.id", index=True)
    campaign_id: int = Field(foreign_key="campaign.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    status: str = Field(default=FileStatus.WAITING, max_length=20)
    transmitted_at: datetime | None = None
    decision: str = Field(default="", max_length=30)
    decision_rank: int | None = None
    decision_comment: str = Field(default="", max_length=1000)
    decision_validated_at: datetime | None = None
    decision_type_id: int | None = Field(default=None, foreign_key="decisiontype.id", index=True)
    decision_motivation_id: int | None = Field(default=None, foreign_key="motivation.id")
    confirmed_at: datetime | None = None
    withdrawn_at: datetime | None = None
    withdrawal_reason: str = Field(default="", max_length=500)
    # « Date de retour / de confirmation individuelle »: a later date staff gave this candidature, read in place
    # of the formation's by services/dates.py (None: the formation's)
    individual_return_by: date | None = None
    individual_confirm_by: date | None = None
    version: int = 1


class CandidatureEvent(SQLModel, table=True):
    """One line of a candidature's history."""

    id: int | None = Field(default=None, primary_key=True)
    candidature_id: int = Field(foreign_key="candidature.id", index=True, ondelete="CASCADE")
    at: datetime = Field(default_factory=utcnow)
    text: str = Field(max_length=300)


class Answer(SQLModel, table=True):
    candidature_id: int = Field(foreign_key="candidature.id", primary_key=True, ondelete="CASCADE")
    question_id: int = Field(foreign_key="question.id", primary_key=True, ondelete="CASCADE")
    value: str = Field(default="", max_length=2000)


class UploadedFile(SQLModel, table=True):
    """A file a candidate sent, stored outside any served folder under a generated name."""

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    piece_id: int = Field(foreign_key="piece.id", index=True)
    candidature_id: int | None = Field(
        default=None,
        foreign_key="candidature.id",
        index=True,
        ondelete="CASCADE",
        description="None for a common piece, shared by every candidature",
    )
    stored_name: str = Field(max_length=80, unique=True)
    original_name: str = Field(max_length=120)
    content_type: str = Field(max_length=40)
    size: int
    sha256: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)


class PieceState(SQLModel, table=True):
    """Where a pièce of a candidature stands: sent or declared « non concerné », then checked by staff."""

    candidature_id: int = Field(foreign_key="candidature.id", primary_key=True, ondelete="CASCADE")
    piece_id: int = Field(foreign_key="piece.id", primary_key=True)
    not_concerned: bool = False
    file_id: int | None = Field(
        default=None,
        foreign_key="uploadedfile.id",
        description="the file as transmitted, kept even if the candidate replaces it",
    )
    review: str = Field(default="", max_length=20, description="Validée or Refusée, once staff checked it")
    review_comment: str = Field(default="", max_length=500, description="why, told to the candidate")


class Reminder(SQLModel, table=True):
    """A reminder mailed about a candidature's deadline: one per kind, ever (the key says so to every process)."""

    candidature_id: int = Field(foreign_key="candidature.id", primary_key=True, ondelete="CASCADE")
    kind: str = Field(primary_key=True, max_length=20, description="ReminderKind")
    sent_at: datetime = Field(default_factory=utcnow)
