"""The training offer: centres de candidature, their formations, the pièces justificatives and questions."""

from datetime import date
from enum import StrEnum

from sqlmodel import Field, SQLModel


class Centre(SQLModel, table=True):
    """Centre de candidature, with the values its new formations start from (« Dates/Délais par défaut »)."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=20, unique=True)
    label: str = Field(max_length=120)
    active: bool = Field(default=True, description="« En service »: out of service, its formations are not offered")
    contact_mail: str = Field(default="", max_length=100)
    max_candidatures: int | None = Field(
        default=None, description="« Nombre de vœux maximum » in this centre; None: the platform's limit"
    )
    default_opens_on: date | None = None
    default_closes_on: date | None = None
    default_preanalysis_on: date | None = None
    default_return_by: date | None = None
    default_jury_on: date | None = None
    default_publication_on: date | None = None
    default_confirm_by: date | None = None
    default_confirm_delay_days: int | None = None
    default_paperless: bool = True


class Commission(SQLModel, table=True):
    """The commission of a centre that reviews candidatures; staff rights are given per centre or commission."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=20, unique=True)
    label: str = Field(max_length=200)
    centre_id: int = Field(foreign_key="centre.id", index=True)
    active: bool = Field(default=True, description="« En service »")
    address: str = Field(default="", max_length=500, description="lines, printed on the letters")
    mail: str = Field(default="", max_length=100)
    phone: str = Field(default="", max_length=20)
    url: str = Field(default="", max_length=500)
    return_comment: str = Field(default="", max_length=2000, description="« Commentaire retour », for candidates")
    signatory: str = Field(default="", max_length=200, description="« Signataire » of the letters")
    signature_file: str | None = Field(
        default=None, max_length=80, description="the signature image, stored under this random name"
    )
    signature_type: str = Field(default="", max_length=20, description="image/png or image/jpeg")


class TreatmentType(StrEnum):
    """« Type de traitement » given to a formation's new candidatures."""

    DIRECT = "AD"  # Accès direct
    CONTROLLED = "AC"  # Accès contrôlé
    WAITING = "AT"  # En attente


class Formation(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=20, unique=True)
    label: str = Field(max_length=200)
    centre_id: int = Field(foreign_key="centre.id", index=True)
    commission_id: int | None = Field(
        default=None, foreign_key="commission.id", index=True, description="None: none given yet (an old import)"
    )
    active: bool = Field(default=True, description="« En service »: out of service, candidates do not see it")
    treatment_type: str = Field(default=TreatmentType.WAITING, max_length=2)
    auto_waiting_list: bool = Field(default=False, description="« Gestion auto. des listes complémentaires »")
    diploma_type: str = Field(default="", max_length=100)
    keywords: str = Field(default="", max_length=500)
    url: str = Field(default="", max_length=500)
    opens_on: date = Field(description="début de dépôt")
    closes_on: date = Field(description="fin de dépôt")
    preanalysis_on: date | None = Field(default=None, description="date de pré-analyse")
    return_by: date | None = Field(default=None, description="date limite de retour")
    jury_on: date | None = None
    publication_on: date | None = None
    confirm_by: date | None = Field(default=None, description="date limite de confirmation")
    confirm_delay_days: int | None = Field(default=None, description="or a delay after the decision")
    waiting_list_confirm_by: date | None = Field(default=None, description="confirmation liste complémentaire")
    waiting_list_confirm_delay_days: int | None = None
    capacity: int | None = None
    paperless: bool = Field(default=True, description="dossier dématérialisé, else papier")
    preselection_place: str = Field(default="", max_length=200, description="« Lieu ep. présélection »")
    preselection_on: date | None = None
    preselection_time: str = Field(default="", max_length=5, description="HH:MM")
    info: str = Field(default="", max_length=2000, description="« Infos comp. », shown to candidates")


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
