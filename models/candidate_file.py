"""The candidate's file (« Mon compte »): one row per single tab, one row per entry of the list tabs.

Every editable row carries a version, raised at each save, so that a save made from an outdated page
is refused instead of silently overwriting the newer one.
"""

from datetime import date, datetime

from sqlmodel import JSON, Column, Field, SQLModel

from models.clock import utcnow


class PersonalInfo(SQLModel, table=True):
    """Informations perso."""

    account_id: int = Field(primary_key=True, foreign_key="account.id", ondelete="CASCADE")
    version: int = 1
    nationality: str = Field(default="", max_length=5, description="INSEE country code")
    ine: str = Field(default="", max_length=11, index=True)
    civility: str = Field(default="", max_length=3)
    birth_name: str = Field(default="", max_length=30)
    usual_name: str = Field(default="", max_length=30)
    first_name: str = Field(default="", max_length=20)
    other_first_name: str = Field(default="", max_length=20)
    birth_date: date | None = None
    birth_country: str = Field(default="", max_length=5)
    birth_departement: str = Field(default="", max_length=3)
    birth_commune: str = Field(default="", max_length=5, description="INSEE code of the commune")
    birth_city: str = Field(default="", max_length=30, description="abroad")
    phone: str = Field(default="", max_length=20)
    mobile: str = Field(default="", max_length=20)
    updated_at: datetime = Field(default_factory=utcnow)


class PostalAddress(SQLModel, table=True):
    """Adresse"""

    account_id: int = Field(primary_key=True, foreign_key="account.id", ondelete="CASCADE")
    version: int = 1
    country: str = Field(default="", max_length=5)
    postal_code: str = Field(default="", max_length=5)
    commune: str = Field(default="", max_length=5, description="INSEE code, in France")
    foreign_city: str = Field(default="", max_length=32)
    line1: str = Field(default="", max_length=32)
    line2: str = Field(default="", max_length=32)
    line3: str = Field(default="", max_length=32)
    updated_at: datetime = Field(default_factory=utcnow)


class Baccalaureate(SQLModel, table=True):
    """Baccalauréat"""

    account_id: int = Field(primary_key=True, foreign_key="account.id", ondelete="CASCADE")
    version: int = 1
    has_bac: bool = True
    year: int | None = None
    series: str = Field(default="", max_length=10)
    specialties: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    dropped_specialty: str = Field(default="", max_length=10)
    country: str = Field(default="", max_length=5)
    departement: str = Field(default="", max_length=3)
    commune: str = Field(default="", max_length=5)
    school: str = Field(default="", max_length=8, description="UAI of the lycée")
    mention: str = Field(default="", max_length=5)
    updated_at: datetime = Field(default_factory=utcnow)


class FileFlags(SQLModel, table=True):
    """What the candidate declared about the file as a whole."""

    account_id: int = Field(primary_key=True, foreign_key="account.id", ondelete="CASCADE")
    no_higher_education: bool = Field(default=False, description="« Je n'ai pas suivi d'études après le bac »")


class ExternalCursus(SQLModel, table=True):
    """One entry of Cursus Externe (studies after the bac, elsewhere)."""

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    version: int = 1
    country: str = Field(max_length=5)
    departement: str = Field(default="", max_length=3)
    commune: str = Field(default="", max_length=5)
    school: str = Field(default="", max_length=8, description="UAI, in France")
    school_name: str = Field(default="", max_length=120, description="abroad, or when not listed")
    year: int
    diploma_type: str = Field(max_length=10)
    label: str = Field(max_length=255)
    obtained: str = Field(max_length=10)
    mention: str = Field(default="", max_length=5)


class Internship(SQLModel, table=True):
    """One entry of Stages."""

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    version: int = 1
    year: int
    duration: str = Field(max_length=20)
    hours_per_week: int | None = None
    employer: str = Field(max_length=50)
    description: str = Field(max_length=500)


class ProExperience(SQLModel, table=True):
    """One entry of Expériences pro."""

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    version: int = 1
    year: int
    title: str = Field(max_length=50)
    duration: str = Field(max_length=20)
    employer: str = Field(max_length=50)
    description: str = Field(default="", max_length=500)


class Draft(SQLModel, table=True):
    """What the candidate typed in a tab and did not save yet, kept until saved or discarded."""

    account_id: int = Field(primary_key=True, foreign_key="account.id", ondelete="CASCADE")
    tab: str = Field(primary_key=True, max_length=30)
    values: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    base_version: int = 0
    updated_at: datetime = Field(default_factory=utcnow)
