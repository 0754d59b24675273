from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from models.clock import utcnow


class Account(SQLModel, table=True):
    """A candidate's account ("compte minima" of the original). The login is the numéro de dossier."""

    id: int | None = Field(default=None, primary_key=True)
    login: str = Field(max_length=10, unique=True, index=True)
    last_name: str = Field(max_length=30)
    first_name: str = Field(max_length=20)
    mail: str = Field(max_length=100)
    mail_key: str = Field(max_length=100, unique=True, index=True, description="mail lower-cased, for lookups")
    password_hash: str | None = Field(default=None, max_length=255)
    created_at: datetime = Field(default_factory=utcnow)
    validated_at: datetime | None = Field(default=None, description="first validation; never reset")
    mail_confirmed: bool = Field(default=False, description="the current mail was confirmed by its link")
    cas_login: str | None = Field(default=None, max_length=100, unique=True)
    language: str = Field(default="fr", max_length=2, description="fr or en: the pages, mails and PDFs")

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class IssuedLogin(SQLModel, table=True):
    """Every login ever given, so that a numéro de dossier is never given twice, even after a purge."""

    login: str = Field(primary_key=True, max_length=10)
    issued_at: datetime = Field(default_factory=utcnow)


class TokenPurpose(StrEnum):
    VALIDATION = "validation"
    PASSWORD_RESET = "password_reset"


class AccountToken(SQLModel, table=True):
    """A single-use link sent by mail. Only the SHA-256 of the token is stored."""

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    purpose: str = Field(max_length=20)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: datetime | None = None
    revoked_at: datetime | None = Field(default=None, description="set when a newer link replaces this one")
