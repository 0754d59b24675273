from datetime import date

from sqlmodel import Field, SQLModel


class Centre(SQLModel, table=True):
    """Centre de candidature."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=20, unique=True)
    label: str = Field(max_length=120)


class Formation(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=20, unique=True)
    label: str = Field(max_length=200)
    centre_id: int = Field(foreign_key="centre.id", index=True)
    diploma_type: str = Field(default="", max_length=100)
    keywords: str = Field(default="", max_length=500)
    url: str = Field(default="", max_length=500)
    opens_on: date
    closes_on: date
    return_by: date | None = None
    paperless: bool = True
