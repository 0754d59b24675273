"""Candidates and their candidatures for the demo (`--demo`): so that a demo staff member finds a living
« Candidatures » at once — files not transmitted yet, waiting, received, incomplete, complete, with pièces to
open (real PDF and PNG files), answers, a few avis, and tags.

Written straight into the database as seed data, once: nothing is added when the active campaign already has
candidatures. The demo accounts have no password (nobody signs in as them) and are validated, so that the
housekeeping keeps them.
"""

from __future__ import annotations

import io
import logging
import unicodedata
from datetime import UTC, date, datetime, time, timedelta

from fpdf import FPDF
from PIL import Image
from sqlmodel import Session, col, select

from ecandidat_ui.platform import Platform
from ecandidat_ui.refdata import FRANCE_CODE
from ecandidat_ui.services import asked, uploads
from ecandidat_ui.services.fields import mail_key
from models import (
    Account,
    Answer,
    AvisEntry,
    Baccalaureate,
    Campaign,
    Candidature,
    CandidatureEvent,
    CandidatureTag,
    FileFlags,
    FileStatus,
    Formation,
    IssuedLogin,
    PersonalInfo,
    PieceState,
    PostalAddress,
    Tag,
    UploadedFile,
)
from models.clock import utcnow

log = logging.getLogger(__name__)

PEOPLE = [
    ("Mme", "Perrin", "Sarah"),
    ("M.", "Nguyen", "Paul"),
    ("Mme", "Durand", "Lucie"),
    ("Mme", "Moreau", "Jeanne"),
    ("M.", "Lefèvre", "Hugo"),
    ("M.", "Garcia", "Lucas"),
    ("Mme", "Roux", "Chloé"),
    ("M.", "Fournier", "Nathan"),
    ("Mme", "Girard", "Inès"),
    ("M.", "Bonnet", "Tom"),
    ("Mme", "Dupuis", "Léa"),
    ("M.", "Lambert", "Adam"),
    ("Mme", "Fontaine", "Zoé"),
    ("M.", "Rousseau", "Louis"),
    ("Mme", "Vincent", "Manon"),
    ("M.", "Muller", "Gabriel"),
    ("Mme", "Lefebvre", "Camille"),
    ("M.", "Faure", "Arthur"),
    ("Mme", "André", "Jade"),
    ("M.", "Mercier", "Raphaël"),
    ("Mme", "Blanc", "Emma"),
    ("M.", "Guérin", "Jules"),
    ("Mme", "Boyer", "Alice"),
    ("M.", "Chevalier", "Noah"),
]
# The formations of the demo offer they apply to (ecandidat_ui/demo.py), in turn.
FORMATIONS = ["M1-INFO", "M1-DATA", "M1-MATH", "L1-INFO", "L1-MATH", "L1-ECO", "L1-HIST"]
# (statut, transmitted, avis, validated) in turn
STAGES = [
    (FileStatus.WAITING, False, "", False),
    (FileStatus.WAITING, True, "", False),
    (FileStatus.RECEIVED, True, "", False),
    (FileStatus.INCOMPLETE, False, "", False),
    (FileStatus.COMPLETE, True, "", False),
    (FileStatus.COMPLETE, True, "Favorable", False),
    (FileStatus.COMPLETE, True, "Liste complémentaire", False),
    (FileStatus.COMPLETE, True, "Défavorable", True),
]
TAGS = [("Dossier prioritaire", "rouge"), ("À relancer", "jaune"), ("Alternance", "vert")]


def seed(platform: Platform, today: date) -> int:
    """Add the demo candidatures unless the active campaign has some; returns how many were added."""
    with platform.db.session() as session:
        campaign = session.exec(select(Campaign).where(col(Campaign.is_active))).first()
        if campaign is None or session.exec(select(Candidature.id).limit(1)).first() is not None:
            return 0
        formations = {f.code: f for f in session.exec(select(Formation).where(col(Formation.code).in_(FORMATIONS)))}
        if not formations:
            return 0
        files = {"pdf": _pdf(), "png": _png()}
        tags = _tags(session)
        added = 0
        for number, (civility, last_name, first_name) in enumerate(PEOPLE):
            account = _account(session, number, civility, last_name, first_name, today)
            for offset in range(1 + number % 2):  # every other candidate applies twice
                code = FORMATIONS[(number + offset * 3) % len(FORMATIONS)]
                formation = formations.get(code)
                if formation is None:
                    continue
                stage = STAGES[(number + offset) % len(STAGES)]
                _candidature(platform, session, account, formation, campaign, stage, files, today)
                added += 1
            if number % 5 == 0:
                candidature_ids = session.exec(select(Candidature.id).where(Candidature.account_id == account.id))
                for candidature_id in candidature_ids:
                    session.add(CandidatureTag(candidature_id=candidature_id, tag_id=tags[number % len(tags)].id))
    _answers(platform)
    log.info("Démonstration : %s candidatures de %s candidats", added, len(PEOPLE))
    return added


def _account(session: Session, number: int, civility: str, last_name: str, first_name: str, today: date) -> Account:
    login = f"DEMO{number + 1:04d}"
    mail = f"{_ascii(first_name)}.{_ascii(last_name)}@demo.example.org"
    if session.get(IssuedLogin, login) is None:
        session.add(IssuedLogin(login=login))
    account = Account(
        login=login,
        last_name=last_name.upper(),
        first_name=first_name.upper(),
        mail=mail,
        mail_key=mail_key(mail),
        validated_at=utcnow(),
        mail_confirmed=True,
    )
    session.add(account)
    session.flush()
    session.add(
        PersonalInfo(
            account_id=account.id,
            nationality=FRANCE_CODE,
            civility=civility,
            birth_name=last_name.upper(),
            first_name=first_name.upper(),
            birth_date=date(today.year - 20 - number % 5, 1 + number % 12, 1 + number % 28),
            birth_country=FRANCE_CODE,
            birth_departement="75",
            birth_commune="75056",
            mobile=f"06 12 34 {number:02d} {number * 3 % 100:02d}",
        )
    )
    session.add(
        PostalAddress(
            account_id=account.id,
            country=FRANCE_CODE,
            postal_code="75005",
            commune="75056",
            line1=f"{number + 1} rue des Écoles",
        )
    )
    session.add(Baccalaureate(account_id=account.id, has_bac=True, year=today.year - 2 - number % 3, series="GEN"))
    session.add(FileFlags(account_id=account.id, no_higher_education=True))
    return account


def _candidature(
    platform: Platform,
    session: Session,
    account: Account,
    formation: Formation,
    campaign: Campaign,
    stage: tuple[FileStatus, bool, str, bool],
    files: dict[str, bytes],
    today: date,
) -> None:
    status, transmitted, avis, validated = stage
    created = datetime.combine(today - timedelta(days=12), time(8), tzinfo=UTC)
    candidature = Candidature(
        account_id=account.id,
        formation_id=formation.id,
        campaign_id=campaign.id,
        created_at=created,
        status=status,
        transmitted_at=created + timedelta(days=2) if transmitted else None,
        decision=avis,
        decision_rank=4 if avis == "Liste complémentaire" else None,
        decision_validated_at=created + timedelta(days=8) if validated else None,
        decision_comment="Dossier examiné en commission" if avis else "",
    )
    session.add(candidature)
    session.flush()
    session.add(CandidatureEvent(candidature_id=candidature.id, at=created, text="Candidature créée"))
    if avis:  # its history of avis (entered by no staff member of the demo)
        session.add(
            AvisEntry(
                candidature_id=candidature.id,
                decision=avis,
                rank=candidature.decision_rank,
                comment=candidature.decision_comment,
                entered_at=created + timedelta(days=6),
                validated_at=candidature.decision_validated_at,
            )
        )
    if transmitted:
        session.add(
            CandidatureEvent(candidature_id=candidature.id, at=candidature.transmitted_at, text="Candidature transmise")
        )
    for piece in asked.pieces_of(session, formation):
        if piece.conditional:
            session.add(PieceState(candidature_id=candidature.id, piece_id=piece.id, not_concerned=True))
            continue
        kind = "png" if piece.code == "CV" else "pdf"
        data = files[kind]
        checked = uploads.check(data, f"{piece.code.lower()}.{kind}", len(data) + 1)
        upload = UploadedFile(
            account_id=account.id,
            piece_id=piece.id,
            candidature_id=None if piece.common else candidature.id,
            stored_name=uploads.store(platform.settings.uploads_dir, data),
            original_name=checked.original_name,
            content_type=checked.content_type,
            size=len(data),
            sha256=checked.sha256,
        )
        session.add(upload)
        session.flush()
        if transmitted:
            session.add(PieceState(candidature_id=candidature.id, piece_id=piece.id, file_id=upload.id))


def _answers(platform: Platform) -> None:
    """Each demo candidature's questions answered, the questions read as the candidate's page reads them."""
    with platform.db.session() as session:
        candidatures = session.exec(select(Candidature.id, Candidature.account_id)).all()
    for candidature_id, account_id in candidatures:
        questions = platform.candidatures.view(account_id, candidature_id).questions
        with platform.db.session() as session:
            for question, _ in questions:
                value = "Oui" if question.kind == "yes_no" else "Travailler dans la recherche publique."
                session.add(Answer(candidature_id=candidature_id, question_id=question.id, value=value))


def _tags(session: Session) -> list[Tag]:
    tags = []
    for label, colour in TAGS:
        tag = session.exec(select(Tag).where(Tag.label == label, col(Tag.centre_id).is_(None))).first()
        if tag is None:
            tag = Tag(label=label, colour=colour)
            session.add(tag)
            session.flush()
        tags.append(tag)
    return tags


def _pdf() -> bytes:
    document = FPDF()
    document.add_page()
    document.set_font("helvetica", size=16)
    document.cell(0, 12, "Document de demonstration")
    document.ln(14)
    document.set_font("helvetica", size=11)
    document.multi_cell(0, 7, "Piece justificative fictive, jointe a une candidature de demonstration.")
    return bytes(document.output())


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (600, 400), (226, 232, 240)).save(buffer, "PNG")
    return buffer.getvalue()


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return folded.lower().replace(" ", "-")
