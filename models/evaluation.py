"""Evaluation grids: the criteria a formation's candidatures are scored on, and each commission member's scores."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from models.clock import utcnow


class EvaluationCriterion(SQLModel, table=True):
    """One criterion of a formation's grid: scored from 0 to `maximum`, counting `weight` in the note."""

    id: int | None = Field(default=None, primary_key=True)
    formation_id: int = Field(foreign_key="formation.id", index=True, ondelete="CASCADE")
    label: str = Field(max_length=100)
    weight: int = 1
    maximum: int = 20
    position: int = 0


class EvaluationScore(SQLModel, table=True):
    """A commission member's score of one candidature on one criterion."""

    candidature_id: int = Field(foreign_key="candidature.id", primary_key=True, ondelete="CASCADE")
    criterion_id: int = Field(foreign_key="evaluationcriterion.id", primary_key=True, ondelete="CASCADE")
    staff_member_id: int = Field(foreign_key="staffmember.id", primary_key=True, ondelete="CASCADE")
    score: float
    scored_at: datetime = Field(default_factory=utcnow)
