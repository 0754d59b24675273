"""The candidate's rights over their data (RGPD art. 15, 17 and 20): a copy of everything the platform holds on
them, and the erasure of their account while nothing of it has reached a commission.

Once a candidature has been transmitted, the institution needs the file to examine it and to answer appeals: the
account is then kept, and the candidate is told until when — the end of the last campaign they transmitted in,
plus the retention the institution sets in « Paramètres ».
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session, SQLModel, col, delete, func, select

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.mail import outbox
from ecandidat_ui.mail.templates import render
from ecandidat_ui.services import parameters, uploads
from ecandidat_ui.services.dates import add_years
from ecandidat_ui.services.errors import InvalidInput
from ecandidat_ui.services.sessions import SessionService
from ecandidat_ui.settings import Settings
from models import (
    Account,
    Answer,
    Baccalaureate,
    Campaign,
    Candidature,
    CandidatureEvent,
    Draft,
    ExternalCursus,
    FileFlags,
    FileStatus,
    Formation,
    Internship,
    PersonalInfo,
    Piece,
    PieceState,
    PostalAddress,
    ProExperience,
    Question,
    UploadedFile,
)
from models.clock import utcnow

SECRET_FIELDS = {"password_hash", "mail_key"}  # never written out: a hash is not the candidate's data, but a key
ONE_ROW = {"informations_perso": PersonalInfo, "adresse": PostalAddress, "baccalaureat": Baccalaureate}
LISTS = {"cursus_externe": ExternalCursus, "stages": Internship, "experiences_pro": ProExperience}


@dataclass(frozen=True)
class Erasure:
    """Whether the account may be deleted now, and if not until when it is kept."""

    allowed: bool
    kept_until: date | None = None


class PersonalDataService:
    def __init__(self, db: Database, settings: Settings, sessions: SessionService) -> None:
        self.db = db
        self.settings = settings
        self.sessions = sessions

    def write_copy(self, actor: str, target: Path) -> str:
        """Write a ZIP of the candidate's data to `target`: donnees.json (every field) and the pièces they sent.
        Returns the name to offer for download."""
        with self.db.session() as session:
            account = self.sessions.check(session, actor)
            data = _everything(session, account)
            files = session.exec(select(UploadedFile).where(UploadedFile.account_id == account.id)).all()
            pieces = {piece.id: piece.code for piece in session.exec(select(Piece)).all()}
            login = account.login
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("donnees.json", json.dumps(data, ensure_ascii=False, indent=2, default=_text))
            for row in files:
                source = self.settings.uploads_dir / row.stored_name
                if source.is_file():  # streamed from disk, one file at a time
                    archive.write(source, f"pieces/{row.id}-{pieces.get(row.piece_id, 'piece')}-{row.original_name}")
        return f"mes-donnees-{login}.zip"

    def erasure(self, actor: str) -> Erasure:
        with self.db.session() as session:
            account = self.sessions.check(session, actor)
            return _erasure(session, account)

    def delete_account(self, actor: str, typed_login: str) -> None:
        """Delete the account and everything in it, once the candidate typed their login to confirm; refused
        (with until when it is kept) when a candidature has been transmitted. The files go after the commit."""
        with self.db.session() as session:
            account = self.sessions.check(session, actor)
            if (typed_login or "").strip().upper() != account.login.upper():
                raise InvalidInput({"login": messages.ERASURE_BAD_LOGIN})
            erasure = _erasure(session, account)
            if not erasure.allowed:
                raise InvalidInput({"login": kept_message(erasure)})
            stored = list(
                session.exec(select(UploadedFile.stored_name).where(UploadedFile.account_id == account.id)).all()
            )
            rendered = render(
                "account_deleted",
                session,
                language=account.language,
                prenom=account.first_name,
                nom=account.last_name,
                login=account.login,
                **self.settings.institution_values,
            )
            outbox.enqueue(session, account.mail, rendered)
            # In this order, each row gone before what it points at; the rest of the file, the drafts and the
            # sessions go with the account (ON DELETE CASCADE).
            for model in (Candidature, UploadedFile):
                session.exec(delete(model).where(model.account_id == account.id))
            session.delete(account)
        for name in stored:
            uploads.remove(self.settings.uploads_dir, name)

    def purge_expired(self, today: date) -> int:
        """Delete the accounts whose retention has run out: a file that reached a commission, in campaigns all
        ended more than the retention ago (housekeeping, daily). Returns how many went."""
        with self.db.session() as session:
            years = parameters.current(session).retention_years
            cutoff = add_years(today, -years)
            last_end = (
                select(Candidature.account_id, func.max(Campaign.ends_on).label("last_end"))
                .join(Campaign, col(Candidature.campaign_id) == Campaign.id)
                .group_by(col(Candidature.account_id))
                .subquery()
            )
            expired = list(
                session.exec(
                    select(last_end.c.account_id).where(
                        last_end.c.last_end < cutoff,
                        select(Candidature.id)
                        .where(Candidature.account_id == last_end.c.account_id, _reached())
                        .exists(),
                    )
                ).all()
            )
            if not expired:
                return 0
            stored = list(
                session.exec(select(UploadedFile.stored_name).where(col(UploadedFile.account_id).in_(expired))).all()
            )
            for model in (Candidature, UploadedFile):
                session.exec(delete(model).where(col(model.account_id).in_(expired)))
            session.exec(delete(Account).where(col(Account.id).in_(expired)))
        for name in stored:
            uploads.remove(self.settings.uploads_dir, name)
        return len(expired)


def kept_message(erasure: Erasure) -> str:
    return messages.ERASURE_KEPT.format(date=f"{erasure.kept_until:%d/%m/%Y}" if erasure.kept_until else "")


def _erasure(session: Session, account: Account) -> Erasure:
    """Allowed while no candidature ever reached a commission; else kept until the retention after the end of
    the last campaign the candidate applied in."""
    mine = Candidature.account_id == account.id
    if session.exec(select(Candidature.id).where(mine, _reached())).first() is None:
        return Erasure(True)
    last_end = session.exec(
        select(func.max(Campaign.ends_on)).join(Candidature, col(Candidature.campaign_id) == Campaign.id).where(mine)
    ).one()
    return Erasure(False, add_years(last_end, parameters.current(session).retention_years))


def _reached():
    """A candidature that reached a commission: transmitted now, or handed back (Incomplet) or decided."""
    return (
        col(Candidature.transmitted_at).is_not(None)
        | (col(Candidature.status) != FileStatus.WAITING)
        | (col(Candidature.decision) != "")
    )


def _everything(session: Session, account: Account) -> dict[str, Any]:
    data: dict[str, Any] = {"compte": _row(account, skip=SECRET_FIELDS)}
    for name, model in ONE_ROW.items():
        row = session.get(model, account.id)
        data[name] = _row(row) if row else None
    flags = session.get(FileFlags, account.id)
    data["declarations"] = _row(flags) if flags else None
    for name, model in LISTS.items():
        data[name] = [_row(row) for row in session.exec(select(model).where(model.account_id == account.id)).all()]
    data["brouillons"] = [_row(row) for row in session.exec(select(Draft).where(Draft.account_id == account.id))]
    candidatures = session.exec(select(Candidature).where(Candidature.account_id == account.id)).all()
    data["candidatures"] = [_candidature(session, row) for row in candidatures]
    data["pieces_envoyees"] = [
        _row(row, skip={"stored_name"})
        for row in session.exec(select(UploadedFile).where(UploadedFile.account_id == account.id)).all()
    ]
    data["copie_faite_le"] = utcnow()
    return data


def _candidature(session: Session, candidature: Candidature) -> dict[str, Any]:
    formation = session.get(Formation, candidature.formation_id)
    campaign = session.get(Campaign, candidature.campaign_id)
    shown = _row(candidature)
    if candidature.decision_validated_at is None:  # an avis not yet validated is the commission's, not yet theirs
        for name in ("decision", "decision_rank", "decision_comment", "decision_type_id", "decision_motivation_id"):
            shown.pop(name, None)
    shown["formation"] = {"code": formation.code, "libelle": formation.label} if formation else None
    shown["campagne"] = {"code": campaign.code, "libelle": campaign.label} if campaign else None
    shown["reponses"] = [
        {"question": label, "reponse": value}
        for label, value in session.exec(
            select(Question.label, Answer.value)
            .join(Question, col(Question.id) == Answer.question_id)
            .where(Answer.candidature_id == candidature.id)
        ).all()
    ]
    shown["pieces"] = [
        _row(state)
        for state in session.exec(select(PieceState).where(PieceState.candidature_id == candidature.id)).all()
    ]
    shown["historique"] = [
        {"le": event.at, "evenement": event.text}
        for event in session.exec(
            select(CandidatureEvent)
            .where(CandidatureEvent.candidature_id == candidature.id)
            .order_by(col(CandidatureEvent.at))
        ).all()
    ]
    return shown


def _row(row: SQLModel, skip: set[str] = frozenset()) -> dict[str, Any]:
    return {name: value for name, value in row.model_dump().items() if name not in skip}


def _text(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)
