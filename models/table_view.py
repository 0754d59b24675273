"""A staff member's saved views of a gestion table: the columns shown, the filters and the sort, by name."""

from datetime import datetime

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.clock import utcnow


class TableView(SQLModel, table=True):
    """« Enregistrer la vue »: one staff member's named view of one screen's table (`screen`, e.g.
    "candidatures"); `settings` as services/table_views.py validated it. The one last chosen (latest
    `used_at`) comes back when the screen is opened again."""

    __table_args__ = (UniqueConstraint("staff_member_id", "screen", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    staff_member_id: int = Field(foreign_key="staffmember.id", index=True, ondelete="CASCADE")
    screen: str = Field(max_length=40)
    name: str = Field(max_length=60)
    settings: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    used_at: datetime | None = Field(default=None, description="last chosen or saved; None once another is")
