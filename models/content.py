"""What the institution writes and sets in the gestion: business parameters, site messages and the FAQ.
(Mail texts are `models.mail.MailTemplate`.)"""

from datetime import datetime

from sqlmodel import Field, SQLModel

from models.clock import utcnow


class Parameter(SQLModel, table=True):
    """One business parameter (ecandidat_ui/services/parameters.py defines them), its value as text. A row is
    written for each parameter at the first start, from the former environment variable when it was set."""

    code: str = Field(primary_key=True, max_length=50)
    value: str = Field(max_length=500)
    updated_at: datetime = Field(default_factory=utcnow)


class SiteMessage(SQLModel, table=True):
    """The home message and the maintenance message (Markdown; the maintenance one is shown while not empty)."""

    code: str = Field(primary_key=True, max_length=30)
    text: str = ""
    updated_at: datetime = Field(default_factory=utcnow)


class FaqEntry(SQLModel, table=True):
    """A question and its answer (Markdown) of the public Assistance page, shown by position."""

    id: int | None = Field(default=None, primary_key=True)
    position: int = Field(index=True)
    question: str = Field(max_length=300)
    answer: str
    updated_at: datetime = Field(default_factory=utcnow)


class SharedSetting(SQLModel, table=True):
    """What every process of one installation must have the same (settings.py: storage secret, data folder),
    recorded by the first start so that a process started otherwise is stopped with a clear message
    (ecandidat_ui/shared_settings.py). Never a secret itself: a fingerprint, or an identifier."""

    name: str = Field(primary_key=True, max_length=40)
    value: str = Field(max_length=100)
    set_at: datetime = Field(default_factory=utcnow)
