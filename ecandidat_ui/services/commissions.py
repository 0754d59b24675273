"""Commissions: who reviews a centre's candidatures, and what their letters carry (BACKOFFICE §2).

Address, mail, phone and the « Commentaire retour » are shown to the candidates of its formations; the
address, the signatory and the signature image are printed on the admission and refusal letters. The image is
checked by its content like a pièce (PNG or JPEG only, decoded, of a sensible size) and stored outside any
served folder under a random name.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.services import journal, rights, setup_fields, uploads
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.fields import collect
from ecandidat_ui.services.paging import Page, TableQuery, paginate
from ecandidat_ui.services.rights import Action, Actor
from ecandidat_ui.services.setup_access import found, visibility
from ecandidat_ui.settings import Settings
from models import Centre, Commission, Formation, StaffGrant, StaffGrantCommission

CODE_MAX = 20
LABEL_MAX = 200
SIGNATURE_MAX_BYTES = 1024 * 1024
SIGNATURE_MAX_PIXELS = 2000  # per side: a signature, not a photograph
SIGNATURE_TYPES = {"image/png": "PNG", "image/jpeg": "JPEG"}


@dataclass(frozen=True)
class Signature:
    data: bytes
    content_type: str


class CommissionService:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings

    @property
    def folder(self) -> Path:
        return self.settings.data_dir / "signatures"

    def page(self, actor: Actor, query: TableQuery) -> Page[dict]:
        with self.db.session() as session:
            _, seen = visibility(session, actor, Action.VIEW_SETUP)
            formations = (
                select(func.count())
                .select_from(Formation)
                .where(Formation.commission_id == Commission.id)
                .correlate(Commission)
                .scalar_subquery()
            )
            page = paginate(
                session,
                select(Commission, Centre, formations)
                .join(Centre, col(Centre.id) == col(Commission.centre_id))
                .where(seen.where(Commission.centre_id, Commission.id)),
                query,
                key=col(Commission.id),
                sortable={
                    "code": col(Commission.code),
                    "label": col(Commission.label),
                    "centre": col(Centre.label),
                    "active": col(Commission.active),
                    "formations": formations,
                },
                searchable=[col(Commission.code), col(Commission.label), col(Centre.label), col(Commission.mail)],
                filterable={"centre": col(Commission.centre_id), "active": col(Commission.active)},
            )
        return page.map(lambda row: commission_row(*row))

    def get(self, actor: Actor, commission_id: int) -> Commission:
        with self.db.session() as session:
            commission = found(session, Commission, commission_id, messages.COMMISSION_UNKNOWN)
            rights.check(session, actor, Action.VIEW_SETUP, centre_id=commission.centre_id, commission_id=commission.id)
            return commission

    def options(
        self, actor: Actor, action: Action = Action.VIEW_SETUP, centre_id: int | None = None
    ) -> list[tuple[int, str]]:
        """(id, « CODE — Libellé ») of the commissions (of one centre) where the actor may do this action."""
        with self.db.session() as session:
            seen = rights.visible(rights.signed_in(session, actor), action)
            statement = select(Commission.id, Commission.code, Commission.label).where(
                seen.where(Commission.centre_id, Commission.id)
            )
            if centre_id is not None:
                statement = statement.where(Commission.centre_id == centre_id)
            rows = session.exec(statement.order_by(col(Commission.label))).all()
            return [(commission_id, f"{code} — {label}") for commission_id, code, label in rows]

    def create(self, actor: Actor, values: Mapping[str, object]) -> Commission:
        cleaned = commission_values(values)
        try:
            with self.db.session() as session:
                _known_centre(session, cleaned["centre_id"])
                actor = rights.check(session, actor, Action.EDIT_COMMISSION, centre_id=cleaned["centre_id"])
                _check_code(session, cleaned["code"])
                commission = Commission(**cleaned)
                session.add(commission)
                session.flush()
                journal.record(
                    session,
                    actor,
                    "commission.create",
                    commission,
                    after=journal.snapshot(commission),
                    label=commission.label,
                )
                return commission
        except IntegrityError:
            raise InvalidInput({"code": messages.SETUP_CODE_TAKEN}) from None

    def update(self, actor: Actor, commission_id: int, values: Mapping[str, object]) -> Commission:
        cleaned = commission_values(values)
        try:
            with self.db.session() as session:
                commission = found(session, Commission, commission_id, messages.COMMISSION_UNKNOWN)
                actor = rights.check(
                    session,
                    actor,
                    Action.EDIT_COMMISSION,
                    centre_id=commission.centre_id,
                    commission_id=commission.id,
                )
                if cleaned["centre_id"] != commission.centre_id:
                    _known_centre(session, cleaned["centre_id"])
                    rights.check(session, actor, Action.EDIT_COMMISSION, centre_id=cleaned["centre_id"])
                    if _has_formations(session, commission.id):
                        raise InvalidInput({"centre_id": messages.COMMISSION_MOVE_WITH_FORMATIONS})
                _check_code(session, cleaned["code"], commission.id)
                before = journal.snapshot(commission)
                for name, value in cleaned.items():
                    setattr(commission, name, value)
                session.flush()
                journal.record(
                    session,
                    actor,
                    "commission.update",
                    commission,
                    before,
                    journal.snapshot(commission),
                    label=commission.label,
                )
                return commission
        except IntegrityError:
            raise InvalidInput({"code": messages.SETUP_CODE_TAKEN}) from None

    def delete(self, actor: Actor, commission_id: int) -> None:
        with self.db.session() as session:
            commission = found(session, Commission, commission_id, messages.COMMISSION_UNKNOWN)
            actor = rights.check(session, actor, Action.EDIT_COMMISSION, centre_id=commission.centre_id)
            if _has_formations(session, commission.id):
                raise Refused(messages.COMMISSION_HAS_FORMATIONS)
            members = select(StaffGrant.id).where(StaffGrant.commission_id == commission.id).limit(1)
            limited = select(StaffGrantCommission.grant_id).where(StaffGrantCommission.commission_id == commission.id)
            if session.exec(members).first() is not None or session.exec(limited.limit(1)).first() is not None:
                raise Refused(messages.COMMISSION_HAS_MEMBERS)
            journal.record(
                session,
                actor,
                "commission.delete",
                commission,
                before=journal.snapshot(commission),
                label=commission.label,
            )
            session.delete(commission)
            stored = commission.signature_file
        if stored:
            uploads.remove(self.folder, stored)

    # --- the signature image -----------------------------------------------------------------------------

    def set_signature(self, actor: Actor, commission_id: int, name: str, data: bytes) -> Commission:
        """Check and keep the image (it replaces the previous one). Slow work: call it off the event loop."""
        content_type = check_signature(data, name)
        with self.db.session() as session:  # refused before anything is written to disk
            commission = found(session, Commission, commission_id, messages.COMMISSION_UNKNOWN)
            rights.check(
                session, actor, Action.EDIT_COMMISSION, centre_id=commission.centre_id, commission_id=commission.id
            )
        stored = uploads.store(self.folder, data)
        try:
            with self.db.session() as session:
                commission = found(session, Commission, commission_id, messages.COMMISSION_UNKNOWN)
                actor = rights.check(
                    session, actor, Action.EDIT_COMMISSION, centre_id=commission.centre_id, commission_id=commission.id
                )
                replaced = commission.signature_file
                commission.signature_file, commission.signature_type = stored, content_type
                journal.record(
                    session,
                    actor,
                    "commission.signature",
                    commission,
                    {"signature_file": replaced},
                    {"signature_file": stored, "signature_type": content_type, "size": len(data)},
                    label=commission.label,
                )
        except BaseException:
            uploads.remove(self.folder, stored)
            raise
        if replaced:
            uploads.remove(self.folder, replaced)
        return commission

    def remove_signature(self, actor: Actor, commission_id: int) -> Commission:
        with self.db.session() as session:
            commission = found(session, Commission, commission_id, messages.COMMISSION_UNKNOWN)
            actor = rights.check(
                session, actor, Action.EDIT_COMMISSION, centre_id=commission.centre_id, commission_id=commission.id
            )
            replaced = commission.signature_file
            if replaced is None:
                return commission
            commission.signature_file, commission.signature_type = None, ""
            journal.record(
                session,
                actor,
                "commission.signature",
                commission,
                {"signature_file": replaced},
                {"signature_file": None},
                label=commission.label,
            )
        uploads.remove(self.folder, replaced)
        return commission

    def signature(self, actor: Actor, commission_id: int) -> Signature | None:
        """The image, for the form's preview."""
        commission = self.get(actor, commission_id)
        return self.signature_of(commission)

    def signature_of(self, commission: Commission | None) -> Signature | None:
        """The image printed on a commission's letters (no right needed: the candidate's own letter)."""
        if commission is None or not commission.signature_file:
            return None
        try:
            return Signature((self.folder / commission.signature_file).read_bytes(), commission.signature_type)
        except OSError:
            return None


def check_signature(data: bytes, name: str) -> str:
    """The content type of an acceptable signature image, else Refused with the French reason."""
    checked = uploads.check(data, name, SIGNATURE_MAX_BYTES)  # empty, too big, not PDF/PNG/JPEG
    if checked.content_type not in SIGNATURE_TYPES:
        raise Refused(messages.SIGNATURE_BAD_TYPE)
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != SIGNATURE_TYPES[checked.content_type]:
                raise Refused(messages.SIGNATURE_BAD_TYPE)
            width, height = image.size
            if not (0 < width <= SIGNATURE_MAX_PIXELS and 0 < height <= SIGNATURE_MAX_PIXELS):
                raise Refused(messages.SIGNATURE_TOO_LARGE.format(max=SIGNATURE_MAX_PIXELS))
            image.load()  # the whole picture decodes: no truncated or forged file reaches the letters
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise Refused(messages.SIGNATURE_UNREADABLE) from None
    return checked.content_type


def commission_values(values: Mapping[str, object]) -> dict[str, object]:
    cleaned, errors = collect(
        {
            "code": lambda: setup_fields.code(values.get("code"), CODE_MAX),
            "label": lambda: setup_fields.label(values.get("label"), LABEL_MAX),
            "centre_id": lambda: setup_fields.identifier(values.get("centre_id")),
            "active": lambda: setup_fields.flag(values.get("active", True)),
            "address": lambda: setup_fields.text(values.get("address"), 500, lines=True),
            "mail": lambda: setup_fields.mail(values.get("mail")),
            "phone": lambda: setup_fields.phone(values.get("phone")),
            "url": lambda: setup_fields.url(values.get("url")),
            "return_comment": lambda: setup_fields.text(values.get("return_comment"), 2000, lines=True),
            "signatory": lambda: setup_fields.text(values.get("signatory"), 200, lines=True),
        }
    )
    if errors:
        raise InvalidInput(errors)
    return cleaned


def commission_row(commission: Commission, centre: Centre, formations: int) -> dict:
    return {
        "id": commission.id,
        "code": commission.code,
        "label": commission.label,
        "centre": centre.label,
        "centre_id": centre.id,
        "active": messages.IN_SERVICE if commission.active else messages.OUT_OF_SERVICE,
        "mail": commission.mail,
        "signature": messages.YES if commission.signature_file else messages.NO,
        "formations": formations,
    }


def _known_centre(session: Session, centre_id: int) -> Centre:
    centre = session.get(Centre, centre_id)
    if centre is None:
        raise InvalidInput({"centre_id": messages.UNKNOWN_VALUE})
    return centre


def _has_formations(session: Session, commission_id: int) -> bool:
    return (
        session.exec(select(Formation.id).where(Formation.commission_id == commission_id).limit(1)).first() is not None
    )


def _check_code(session: Session, code: str, commission_id: int | None = None) -> None:
    same = session.exec(select(Commission.id).where(Commission.code == code)).first()
    if same is not None and same != commission_id:
        raise InvalidInput({"code": messages.SETUP_CODE_TAKEN})
