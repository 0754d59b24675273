"""What staff write about a candidature beyond its current state: every avis entered, with who entered and who
validated it (« Historique des avis »), and the bloc-notes, never shown to the candidate (BACKOFFICE §3)."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from models.clock import utcnow


class AvisEntry(SQLModel, table=True):
    """One avis entered on a candidature. The candidature keeps its last avis in its own columns (what the table
    shows); these rows keep them all. `entered_by` / `validated_by` are None for what no staff member did (an
    avis of before this history, a promotion from the liste complémentaire)."""

    id: int | None = Field(default=None, primary_key=True)
    candidature_id: int = Field(foreign_key="candidature.id", index=True, ondelete="CASCADE")
    decision: str = Field(max_length=30)
    decision_type_id: int | None = Field(default=None, foreign_key="decisiontype.id")
    motivation_id: int | None = Field(default=None, foreign_key="motivation.id")
    rank: int | None = None
    comment: str = Field(default="", max_length=1000)
    entered_by: int | None = Field(default=None, foreign_key="staffmember.id")
    entered_at: datetime = Field(default_factory=utcnow)
    validated_by: int | None = Field(default=None, foreign_key="staffmember.id")
    validated_at: datetime | None = None


class CandidatureNote(SQLModel, table=True):
    """A line of the bloc-notes: what a staff member wrote about a candidature, for staff only."""

    id: int | None = Field(default=None, primary_key=True)
    candidature_id: int = Field(foreign_key="candidature.id", index=True, ondelete="CASCADE")
    staff_id: int = Field(foreign_key="staffmember.id", index=True)
    written_at: datetime = Field(default_factory=utcnow)
    text: str = Field(max_length=2000)
