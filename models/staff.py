"""The institution's staff: accounts with a second factor, their sessions, their rights, and the journal of
what they changed."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field, SQLModel

from models.clock import utcnow
from models.session import SessionRow


class StaffMember(SQLModel, table=True):
    """A staff member: signs in with mail + password + TOTP code, or through the institution's CAS."""

    id: int | None = Field(default=None, primary_key=True)
    mail: str = Field(max_length=100)
    mail_key: str = Field(max_length=100, unique=True, index=True, description="mail lower-cased, for lookups")
    last_name: str = Field(max_length=50)
    first_name: str = Field(max_length=50)
    cas_login: str | None = Field(default=None, max_length=100, unique=True)
    password_hash: str | None = Field(default=None, max_length=255)
    totp_secret: str | None = Field(default=None, max_length=64, description="base32, set once a code was checked")
    totp_last_step: int | None = Field(default=None, description="time step of the last code accepted: no replay")
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)
    last_sign_in_at: datetime | None = None

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def has_local_sign_in(self) -> bool:
        return bool(self.password_hash and self.totp_secret)


class StaffRecoveryCode(SQLModel, table=True):
    """One of the ten single-use codes that replace a TOTP code once. Only the SHA-256 is stored."""

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staffmember.id", index=True, ondelete="CASCADE")
    code_hash: str = Field(max_length=64, unique=True)
    used_at: datetime | None = None


class StaffSetupToken(SQLModel, table=True):
    """A single-use set-up link: choose a password and a second factor. Only the SHA-256 is stored."""

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staffmember.id", index=True, ondelete="CASCADE")
    token_hash: str = Field(max_length=64, unique=True, index=True)
    totp_secret: str = Field(max_length=64, description="the secret offered on this link's page, until confirmed")
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: datetime | None = None
    revoked_at: datetime | None = Field(default=None, description="set when a newer link replaces this one")


class StaffSession(SessionRow, table=True):
    """A browser signed in to the gestion, apart from the candidates' sessions (services/sessions.py: the id is
    the SHA-256 of the cookie's session id, or of the hand-over token while the sign-in waits for its browser)."""

    account_id: int = Field(foreign_key="staffmember.id", index=True, ondelete="CASCADE")


class StaffAddress(SQLModel, table=True):
    """An address a staff member signed in from: a sign-in from an address not in here is mailed to them."""

    staff_id: int = Field(foreign_key="staffmember.id", primary_key=True, ondelete="CASCADE")
    address: str = Field(primary_key=True, max_length=64)
    first_seen_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime = Field(default_factory=utcnow)


class StaffGrant(SQLModel, table=True):
    """A role given to a staff member, with its scope: a centre (Gestionnaire de centre, optionally limited to
    listed commissions and optionally read-only) or a commission (Membre de commission, optionally Président)."""

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staffmember.id", index=True, ondelete="CASCADE")
    role: str = Field(max_length=20, description="a services.rights.Role")
    centre_id: int | None = Field(default=None, foreign_key="centre.id", index=True)
    commission_id: int | None = Field(default=None, foreign_key="commission.id", index=True)
    read_only: bool = False
    president: bool = False
    created_at: datetime = Field(default_factory=utcnow)


class StaffGrantCommission(SQLModel, table=True):
    """A commission a Gestionnaire de centre's grant is limited to (none listed: every commission of the centre)."""

    grant_id: int = Field(foreign_key="staffgrant.id", primary_key=True, ondelete="CASCADE")
    commission_id: int = Field(foreign_key="commission.id", primary_key=True, ondelete="CASCADE")


class JournalEntry(SQLModel, table=True):
    """One staff write: who, when, what, the values before and after. Rows are only ever added (the database
    refuses UPDATE and DELETE on this table)."""

    __table_args__ = (
        Index("ix_journalentry_staff_at", "staff_id", "at"),
        Index("ix_journalentry_object_at", "object_type", "object_id", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    staff_id: int | None = Field(default=None, foreign_key="staffmember.id", description="None: a command")
    actor_name: str = Field(max_length=120, description="who, as named at the time")
    action: str = Field(max_length=50)
    object_type: str = Field(max_length=40)
    object_id: str = Field(max_length=100)
    object_label: str = Field(default="", max_length=200)
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
