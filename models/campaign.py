from datetime import date

from sqlmodel import Field, SQLModel


class Campaign(SQLModel, table=True):
    """A recruitment campaign; one is active at a time."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=20, unique=True)
    label: str = Field(max_length=100)
    starts_on: date
    ends_on: date
    candidates_end_on: date
    is_active: bool = False
