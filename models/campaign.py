from datetime import date, datetime

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel


class Campaign(SQLModel, table=True):
    """A recruitment campaign. One is active at a time; opening the next one archives it: its candidatures stay,
    read as history, and the candidates keep their accounts and files for the next campaign."""

    __table_args__ = (  # the database itself refuses a second active campaign
        Index(
            "ix_campaign_one_active",
            "is_active",
            unique=True,
            sqlite_where=text("is_active"),
            postgresql_where=text("is_active"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=20, unique=True)
    label: str = Field(max_length=100)
    starts_on: date
    ends_on: date
    candidates_end_on: date = Field(description="« Date fin candidats »: candidates may no longer apply after it")
    is_active: bool = False
    activated_at: datetime | None = None
    archived_at: datetime | None = None
