"""What the commissions decide with: the types of decision, the motivations of an unfavourable avis, and the
tags staff put on candidatures (BACKOFFICE §2, « Type de décision », « Motivation », « Tag »)."""

from enum import StrEnum

from sqlmodel import Field, SQLModel, UniqueConstraint


class AvisKind(StrEnum):
    """« Type d'avis » of a type of decision, with the original's codes."""

    FAVORABLE = "FA"
    UNFAVORABLE = "DE"
    WAITING_LIST = "LA"
    COMPLEMENTARY_LIST = "LC"
    PRESELECTION = "PR"


class DecisionType(SQLModel, table=True):
    """« Type de décision »: what a commission may decide, and the mail the candidate receives once validated."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=20, unique=True)
    label: str = Field(max_length=120)
    avis: str = Field(max_length=2, description="AvisKind")
    mail_code: str = Field(max_length=50, description="the MailTemplate sent when an avis of this type is validated")
    active: bool = Field(default=True, description="« En service »: out of service, no new avis of this type")
    final: bool = Field(default=False, description="« Avis définitif »")
    show_comment: bool = Field(default=True, description="« Affichage du commentaire au candidat »")


class Motivation(SQLModel, table=True):
    """« Motivation d'avis »: why an avis is unfavourable, required with one."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=20, unique=True)
    label: str = Field(max_length=200)
    active: bool = True


class TagColour(StrEnum):
    """The colours a tag may take: named, each shown with a text colour passing WCAG AA (see the gestion)."""

    BLUE = "bleu"
    GREEN = "vert"
    RED = "rouge"
    ORANGE = "orange"
    PURPLE = "violet"
    PINK = "rose"
    TEAL = "turquoise"
    BROWN = "marron"
    GREY = "gris"
    YELLOW = "jaune"


class Tag(SQLModel, table=True):
    """A label with a colour that staff put on candidatures to sort them; a centre's own, or (centre_id None)
    the whole institution's."""

    __table_args__ = (UniqueConstraint("centre_id", "label"),)

    id: int | None = Field(default=None, primary_key=True)
    label: str = Field(max_length=60)
    colour: str = Field(max_length=20, description="TagColour")
    centre_id: int | None = Field(default=None, foreign_key="centre.id", index=True, ondelete="CASCADE")
    active: bool = True


class CandidatureTag(SQLModel, table=True):
    candidature_id: int = Field(foreign_key="candidature.id", primary_key=True, ondelete="CASCADE")
    tag_id: int = Field(foreign_key="tag.id", primary_key=True, index=True)
