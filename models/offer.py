"""The training offer: centres de candidature, their formations, the pièces justificatives and questions."""

from datetime import date

from sqlmodel import Field, SQLModel


class Centre(SQLModel, table=True):
    """Centre de candidature."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=20, unique=True)
    label: str = Field(max_length=120)


class Commission(SQLModel, table=True):
    """The commission of a centre that reviews candidatures; staff rights are given per centre or commission."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=20, unique=True)
    label: str = Field(max_length=200)
    centre_id: int = Field(foreign_key="centre.id", index=True)


class Formation(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=20, unique=True)
    label: str = Field(max_length=200)
    centre_id: int = Field(foreign_key="centre.id", index=True)
    diploma_type: str = Field(default="", max_length=100)
    keywords: str = Field(default="", max_length=500)
    url: str = Field(default="", max_length=500)
    opens_on: date = Field(description="début de dépôt")
    closes_on: date = Field(description="fin de dépôt")
    return_by: date | None = Field(default=None, description="date limite de retour")
    jury_on: date | None = None
    publication_on: date | None = None
    confirm_by: date | None = Field(default=None, description="date limite de confirmation")
    confirm_delay_days: int | None = Field(default=None, description="or a delay after the decision")
    capacity: int | None = None
    paperless: bool = Field(default=True, description="dossier dématérialisé, else papier")
    commission_label: str = Field(default="", max_length=200)
    commission_mail: str = Field(default="", max_length=100)
    commission_address: str = Field(default="", max_length=500)


class Piece(SQLModel, table=True):
    """A pièce justificative; a common one is asked once and serves every candidature."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=20, unique=True)
    label: str = Field(max_length=200)
    common: bool = False
    conditional: bool = Field(default=False, description="« Je certifie sur l'honneur ne pas être concerné »")
    template: str = Field(default="", max_length=500, description="URL of a form to fill in, if any")


class FormationPiece(SQLModel, table=True):
    formation_id: int = Field(foreign_key="formation.id", primary_key=True, ondelete="CASCADE")
    piece_id: int = Field(foreign_key="piece.id", primary_key=True, ondelete="CASCADE")


class Question(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    formation_id: int = Field(foreign_key="formation.id", index=True, ondelete="CASCADE")
    position: int = 0
    label: str = Field(max_length=500)
    kind: str = Field(default="text", max_length=10, description="yes_no or text")
    required: bool = True
