from datetime import datetime

from sqlmodel import Field, SQLModel

from models.clock import utcnow


class OutboxMail(SQLModel, table=True):
    """A mail to send. Written in the same transaction as what caused it; marked sent once accepted."""

    id: int | None = Field(default=None, primary_key=True)
    to: str = Field(max_length=100)
    subject: str = Field(max_length=200)
    text: str
    html: str
    template: str = Field(max_length=50, index=True)
    created_at: datetime = Field(default_factory=utcnow)
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow, index=True)
    claimed_until: datetime | None = None
    sent_at: datetime | None = Field(default=None, index=True)
    last_error: str | None = Field(default=None, max_length=500)
    attachment: str = Field(
        default="", max_length=60, description="what to attach, built when the mail leaves (e.g. lettre:<id>)"
    )


class MailTemplate(SQLModel, table=True):
    """The institution's text of a mail; filled with the French defaults at the first start."""

    code: str = Field(primary_key=True, max_length=50)
    subject: str = Field(max_length=200)
    body: str = Field(description="text with {placeholders}; the HTML part is made from it")
    updated_at: datetime = Field(default_factory=utcnow)
