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
    auto_waiting_list: bool = Field(
        default=True,
        description="« Promotion automatique de la liste complémentaire » (the original's « Gestion auto. LC »): a "
        "place given up is offered to the first still on the list",
    )
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
    """A pièce justificative (« PJ »). Defined for every centre (centre_id None, by the scolarité) or by a centre for
    its own formations. A common one (« Commune ») is asked in every formation it reaches; the others in the
    formations linked to it (FormationPiece). A unique one (« Unique ») is sent once and serves every candidature."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=20, unique=True)
    label: str = Field(max_length=200)
    position: int = Field(default=0, description="« Ordre »: the pièces are asked in this order")
    active: bool = Field(default=True, description="« En service »: out of service, it is asked no more")
    centre_id: int | None = Field(
        default=None, foreign_key="centre.id", index=True, description="None: every centre (scolarité)"
    )
    common: bool = Field(default=False, description="« Commune »: asked in every formation of its reach")
    unique_file: bool = Field(default=False, description="« Unique »: one file serves every candidature")
    conditional: bool = Field(default=False, description="« Je certifie sur l'honneur ne pas être concerné »")
    template: str = Field(default="", max_length=500, description="URL of a form to fill in, if any")
    template_file: str | None = Field(
        default=None, max_length=80, description="the model file (« Modèle ») staff sent, stored under this name"
    )
    template_name: str = Field(default="", max_length=120, description="the model file's name, as downloaded")
    template_type: str = Field(default="", max_length=40)


class FormationPiece(SQLModel, table=True):
    formation_id: int = Field(foreign_key="formation.id", primary_key=True, ondelete="CASCADE")
    piece_id: int = Field(foreign_key="piece.id", primary_key=True, ondelete="CASCADE")


class QuestionKind(StrEnum):
    YES_NO = "yes_no"  # « Oui/Non » (B in the original)
    TEXT = "text"  # « Texte » (S)


class Question(SQLModel, table=True):
    """A question complémentaire, with the same reach as a pièce: every centre or one centre; a common one is
    asked in every formation of its reach, the others in the formations linked to it (FormationQuestion)."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=20, unique=True)
    label: str = Field(max_length=500)
    position: int = Field(default=0, description="« Ordre »")
    kind: str = Field(default=QuestionKind.TEXT, max_length=10, description="yes_no or text")
    active: bool = Field(default=True, description="« En service »")
    centre_id: int | None = Field(
        default=None, foreign_key="centre.id", index=True, description="None: every centre (scolarité)"
    )
    common: bool = Field(default=False, description="« Commune »: asked in every formation of its reach")
    required: bool = Field(default=True, description="an answer is needed to transmit (else « Conditionnelle »)")


class FormationQuestion(SQLModel, table=True):
    formation_id: int = Field(foreign_key="formation.id", primary_key=True, ondelete="CASCADE")
    question_id: int = Field(foreign_key="question.id", primary_key=True, ondelete="CASCADE")
