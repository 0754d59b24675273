"""Candidates and their candidatures for the demo (`--demo`): so that a demo staff member finds a living
« Candidatures » at once — some 300 candidates and 500 candidatures over every formation of the demo offer, in
every statut (not transmitted yet, waiting, received, incomplete, complete) and every avis (entered or validated,
liste complémentaire with its ranks, confirmed, withdrawn), with pièces to open (real PDF and PNG files),
answers, dates in their history, and tags.

Written straight into the database as seed data, once, in one transaction and in bulk (a few statements per
table, not per row): nothing is added when the active campaign already has candidatures. The draws come from
a seeded random generator: every demo start gives the same candidates. The demo accounts have no password
(nobody signs in as them) and are validated, so that the housekeeping keeps them.
"""

from __future__ import annotations

import io
import logging
import random
import secrets
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from fpdf import FPDF
from PIL import Image
from sqlalchemy import insert
from sqlmodel import Session, col, select

from ecandidat_ui import data_folder
from ecandidat_ui.platform import Platform
from ecandidat_ui.refdata import FRANCE_CODE
from ecandidat_ui.services import asked, uploads
from ecandidat_ui.services.fields import mail_key
from ecandidat_ui.services.review import Decision, default_type
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
    Motivation,
    PersonalInfo,
    PieceState,
    PostalAddress,
    Tag,
    UploadedFile,
)
from models.clock import utcnow

log = logging.getLogger(__name__)

SEED = 20261206  # the generator's seed: the same demo at every start
CANDIDATES = 300
LAST_NAMES = [
    "Perrin",
    "Nguyen",
    "Durand",
    "Moreau",
    "Lefèvre",
    "Garcia",
    "Roux",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupuis",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Vincent",
    "Muller",
    "Lefebvre",
    "Faure",
    "André",
    "Mercier",
    "Blanc",
    "Guérin",
    "Boyer",
    "Chevalier",
    "Martin",
    "Bernard",
    "Thomas",
    "Petit",
    "Robert",
    "Richard",
    "Dubois",
    "Laurent",
    "Simon",
    "Michel",
    "Leroy",
    "Morel",
    "David",
    "Bertrand",
    "Morin",
    "Colin",
    "Henry",
    "Masson",
    "Marchand",
    "Duval",
    "Denis",
    "Lemaire",
    "Gauthier",
    "Clément",
    "Picard",
    "Caron",
    "Benali",
    "Haddad",
    "Diallo",
    "Traoré",
    "Da Silva",
    "Ferreira",
    "Rossi",
    "Schmidt",
    "Wang",
    "Martins",
]
FIRST_NAMES = (
    (
        "Mme",
        "Sarah Lucie Jeanne Chloé Inès Léa Zoé Manon Camille Jade Emma Alice Louise Ambre Lina Rose Anna Mila "
        "Julia Nina Yasmine Aya Clara Eva Romane Sofia Agathe Margaux Inaya Salomé",
    ),
    (
        "M.",
        "Paul Hugo Lucas Nathan Tom Adam Louis Gabriel Arthur Raphaël Jules Noah Léo Sacha Ethan Mohamed "
        "Maël Théo Nolan Liam Aaron Samuel Malo Rayan Yanis Victor Martin Axel Antoine Baptiste",
    ),
)
NATIONALITIES = (
    (FRANCE_CODE, 78),
    ("99134", 3),  # Espagne
    ("99127", 3),  # Italie
    ("99109", 2),  # Allemagne
    ("99350", 5),  # Maroc
    ("99351", 3),  # Tunisie
    ("99352", 3),  # Algérie
    ("99216", 3),  # Chine
)
BAC_SERIES = (("GEN", 60), ("STMG", 12), ("STL", 5), ("ST2S", 5), ("S", 8), ("ES", 5), ("DAEB", 2), ("0031", 3))
# (statut, transmitted) and its weight
STAGES = (
    ((FileStatus.WAITING, False), 12),  # Non transmise
    ((FileStatus.WAITING, True), 12),
    ((FileStatus.RECEIVED, True), 10),
    ((FileStatus.INCOMPLETE, False), 8),  # handed back to the candidate
    ((FileStatus.COMPLETE, True), 58),
)
# the avis of a complete file, and its weight (None: not given yet)
AVIS = (
    (None, 20),
    (Decision.FAVORABLE, 30),
    (Decision.UNFAVORABLE, 20),
    (Decision.COMPLEMENTARY_LIST, 15),
    (Decision.WAITING_LIST, 7),
    (Decision.PRESELECTION, 8),
)
COMMENTS = ("Dossier examiné en commission", "Très bon dossier", "Résultats en progression", "Projet à préciser")
PROJECTS = (
    "Travailler dans la recherche publique.",
    "Devenir développeuse dans une entreprise du numérique.",
    "Enseigner après un master.",
    "Reprendre l'entreprise familiale.",
    "Partir à l'étranger pour un double diplôme.",
)
SPECIALTIES = ("MATHS", "PC", "SVT", "SES", "HGGSP", "HLP", "NSI", "LLCER-ANG")
TAGS = [("Dossier prioritaire", "rouge"), ("À relancer", "jaune"), ("Alternance", "vert")]


@dataclass
class _Candidate:
    id: int
    login: str


@dataclass
class _Planned:
    """A candidature drawn, then its row's values and id once written."""

    account: _Candidate
    formation: Formation
    status: FileStatus
    transmitted: bool
    created: datetime
    avis: Decision | None = None
    validated: bool = False
    confirmed: bool = False
    withdrawn: bool = False
    values: dict[str, Any] = field(default_factory=dict)
    avis_at: datetime | None = None  # when its avis was entered
    id: int | None = None


def seed(platform: Platform, today: date) -> int:
    """Add the demo candidatures unless the active campaign has some; returns how many were added."""
    with platform.db.session() as session:
        campaign = session.exec(select(Campaign).where(col(Campaign.is_active))).first()
        if campaign is None or session.exec(select(Candidature.id).limit(1)).first() is not None:
            return 0
        formations = list(session.exec(select(Formation).order_by(col(Formation.code))))
        if not formations:
            return 0
        rng = random.Random(SEED)
        now = utcnow()
        accounts = _accounts(session, rng, today, now)
        planned = _plan(rng, accounts, formations, today)
        _write(platform, session, rng, campaign, planned, now)
        added = len(planned)
    log.info("Démonstration : %s candidatures de %s candidats", added, len(accounts))
    return added


def _insert(session: Session, model, rows: list[dict[str, Any]], *, ids: bool = False) -> list[int]:
    """Rows written in bulk (an executemany, batched by SQLAlchemy), with their new ids in order if asked."""
    if not rows:
        return []
    # Core, not the ORM's bulk insert: that one leaves out the None values, so that rows with different None
    # columns become separate statements (measured: 1,576 statements on PostgreSQL instead of a dozen)
    table = model.__table__
    connection = session.connection()
    if ids:
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return list(connection.execute(statement, rows).scalars())
    connection.execute(insert(table), rows)
    return []


def _accounts(session: Session, rng: random.Random, today: date, now: datetime) -> list[_Candidate]:
    """The candidates, their personal information, address, bac and file flags: a few statements per table."""
    women, men = (names.split() for _, names in FIRST_NAMES)
    used: set[tuple[str, str]] = set()
    accounts, details = [], []
    for number in range(CANDIDATES):
        civility = "Mme" if rng.random() < 0.55 else "M."
        while True:
            person = (rng.choice(LAST_NAMES), rng.choice(women if civility == "Mme" else men))
            if person not in used:
                used.add(person)
                break
        last_name, first_name = person
        mail = f"{_ascii(first_name)}.{_ascii(last_name)}@demo.example.org"
        accounts.append(
            {
                "login": f"DEMO{number + 1:04d}",
                "last_name": last_name.upper(),
                "first_name": first_name.upper(),
                "mail": mail,
                "mail_key": mail_key(mail),
                "validated_at": now,
                "mail_confirmed": True,
            }
        )
        details.append((civility, last_name, first_name))
    known = set(session.exec(select(IssuedLogin.login).where(col(IssuedLogin.login).like("DEMO%"))))
    _insert(session, IssuedLogin, [{"login": a["login"]} for a in accounts if a["login"] not in known])
    ids = _insert(session, Account, accounts, ids=True)
    people, addresses, bacs = [], [], []
    for account_id, (civility, last_name, first_name) in zip(ids, details, strict=True):
        age = rng.choice((18, 18, 19, 19, 20, 21, 22, 23, 25, 28, 35))
        born = date(today.year - age, rng.randint(1, 12), rng.randint(1, 28))
        series = _weighted(rng, BAC_SERIES)
        people.append(
            {
                "account_id": account_id,
                "nationality": _weighted(rng, NATIONALITIES),
                "civility": civility,
                "birth_name": last_name.upper(),
                "first_name": first_name.upper(),
                "birth_date": born,
                "birth_country": FRANCE_CODE,
                "birth_departement": "75",
                "birth_commune": "75056",
                "mobile": "06 " + " ".join(f"{rng.randint(10, 99)}" for _ in range(4)),
            }
        )
        addresses.append(
            {
                "account_id": account_id,
                "country": FRANCE_CODE,
                "postal_code": "75005",
                "commune": "75056",
                "line1": f"{rng.randint(1, 120)} rue des Écoles",
            }
        )
        bacs.append(
            {
                "account_id": account_id,
                "has_bac": True,
                "year": min(today.year, born.year + 18 + rng.choice((0, 0, 0, 1))),
                "series": series,
                "specialties": rng.sample(SPECIALTIES, 2) if series == "GEN" else [],
            }
        )
    _insert(session, PersonalInfo, people)
    _insert(session, PostalAddress, addresses)
    _insert(session, Baccalaureate, bacs)
    _insert(session, FileFlags, [{"account_id": account_id, "no_higher_education": True} for account_id in ids])
    return [_Candidate(account_id, account["login"]) for account_id, account in zip(ids, accounts, strict=True)]


def _plan(rng: random.Random, accounts: list[_Candidate], formations: list[Formation], today: date) -> list[_Planned]:
    """Each candidate applies to one to three formations, each candidature at a stage drawn by weight."""
    planned = []
    for account in accounts:
        count = _weighted(rng, ((1, 50), (2, 35), (3, 15)))
        for formation in rng.sample(formations, count):
            status, transmitted = _weighted(rng, STAGES)
            created = datetime.combine(today - timedelta(days=rng.randint(12, 40)), time(8), tzinfo=UTC)
            created += timedelta(minutes=rng.randint(0, 600))
            one = _Planned(account, formation, status, transmitted, created)
            if status is FileStatus.COMPLETE:
                one.avis = _weighted(rng, AVIS)
                one.validated = one.avis is not None and rng.random() < 0.6
                if one.validated and one.avis is Decision.FAVORABLE:
                    answer = rng.random()
                    one.confirmed, one.withdrawn = answer < 0.45, 0.45 <= answer < 0.6
            planned.append(one)
    return planned


def _write(
    platform: Platform, session: Session, rng: random.Random, campaign: Campaign, planned: list[_Planned], now: datetime
) -> None:
    types = {decision: default_type(session, decision) for decision in Decision}
    motivations = list(session.exec(select(Motivation.id).where(col(Motivation.active)).order_by(col(Motivation.id))))
    asked_of: dict[int, tuple[list, list]] = {}
    for one in planned:
        if one.formation.id not in asked_of:
            pieces = asked.pieces_of(session, one.formation)
            asked_of[one.formation.id] = (pieces, asked.questions_of(session, one.formation))
    ranks: dict[int, int] = {}  # formation id → the last rank given on its liste complémentaire
    histories = [_candidature(one, campaign, rng, now, types, motivations, ranks) for one in planned]
    ids = _insert(session, Candidature, [one.values for one in planned], ids=True)
    for one, candidature_id in zip(planned, ids, strict=True):
        one.id = candidature_id
    events = [
        {"candidature_id": one.id, "at": at, "text": text}
        for one, history in zip(planned, histories, strict=True)
        for text, at in history
    ]
    _insert(session, CandidatureEvent, events)
    _insert(session, AvisEntry, [_avis_entry(one) for one in planned if one.avis is not None])
    _pieces(platform, session, rng, planned, asked_of)
    _answers(session, rng, planned, asked_of)
    _tag(session, rng, planned)


def _avis_entry(one: _Planned) -> dict[str, Any]:
    """The candidature's avis in its history of avis (entered and validated by no staff member of the demo)."""
    values = one.values
    return {
        "candidature_id": one.id,
        "decision": values["decision"],
        "decision_type_id": values["decision_type_id"],
        "motivation_id": values["decision_motivation_id"],
        "rank": values["decision_rank"],
        "comment": values["decision_comment"],
        "entered_at": one.avis_at,
        "validated_at": values["decision_validated_at"],
    }


def _candidature(
    one: _Planned,
    campaign: Campaign,
    rng: random.Random,
    now: datetime,
    types: dict,
    motivations: list[int],
    ranks: dict[int, int],
) -> list[tuple[str, datetime]]:
    """The candidature's values as the services would have left them at its stage, and its history lines."""
    values: dict[str, Any] = {
        "account_id": one.account.id,
        "formation_id": one.formation.id,
        "campaign_id": campaign.id,
        "created_at": one.created,
        "status": one.status.value,
        "transmitted_at": None,
        "decision": "",
        "decision_rank": None,
        "decision_comment": "",
        "decision_validated_at": None,
        "decision_type_id": None,
        "decision_motivation_id": None,
        "confirmed_at": None,
        "withdrawn_at": None,
        "withdrawal_reason": "",
    }
    one.values = values
    clock = _Clock(rng, one.created, now)
    history = [("Candidature créée", one.created)]
    if one.transmitted or one.status is FileStatus.INCOMPLETE:
        values["transmitted_at"] = clock.later()
        history.append(("Candidature transmise", values["transmitted_at"]))
    steps = {
        FileStatus.RECEIVED: (FileStatus.RECEIVED,),
        FileStatus.INCOMPLETE: (FileStatus.INCOMPLETE,),
        FileStatus.COMPLETE: (FileStatus.RECEIVED, FileStatus.COMPLETE),
    }.get(one.status, ())
    for status in steps:
        history.append((f"Statut du dossier : {status}", clock.later()))
    if one.status is FileStatus.INCOMPLETE:
        values["transmitted_at"] = None  # handed back: to complete and transmit again
    if one.avis is not None:
        decision_type = types.get(one.avis)
        values["decision"] = one.avis.value
        values["decision_type_id"] = decision_type.id if decision_type is not None else None
        if one.avis is Decision.UNFAVORABLE and motivations:
            values["decision_motivation_id"] = rng.choice(motivations)
        if one.avis is Decision.COMPLEMENTARY_LIST:
            values["decision_rank"] = ranks[one.formation.id] = ranks.get(one.formation.id, 0) + 1
        values["decision_comment"] = rng.choice(COMMENTS)
        one.avis_at = clock.later()
        history.append((f"Avis saisi : {one.avis}", one.avis_at))
    if one.validated:
        values["decision_validated_at"] = clock.later()
        history.append((f"Décision : {one.avis}", values["decision_validated_at"]))
    if one.confirmed:
        values["confirmed_at"] = clock.later()
        history.append(("Inscription confirmée", values["confirmed_at"]))
    if one.withdrawn:
        values["withdrawn_at"] = clock.later()
        values["withdrawal_reason"] = "J'ai choisi une autre formation."
        history.append((f"Désistement : {values['withdrawal_reason']}", values["withdrawn_at"]))
    return history


class _Clock:
    """The moments of one candidature's history, each a few days after the one before, never in the future."""

    def __init__(self, rng: random.Random, start: datetime, now: datetime) -> None:
        self.rng, self.moment, self.now = rng, start, now

    def later(self) -> datetime:
        step = timedelta(days=self.rng.randint(1, 4), hours=self.rng.randint(0, 9), minutes=self.rng.randint(0, 59))
        self.moment = min(self.moment + step, self.now - timedelta(minutes=5))
        return self.moment


def _pieces(platform: Platform, session: Session, rng: random.Random, planned: list[_Planned], asked_of: dict) -> None:
    """The files sent: a common pièce once per candidate, the others per candidature (all of them once
    transmitted, most of them before); the transmitted files in each candidature's pièces, checked once complete;
    a conditional pièce declared « non concerné ». The files are written without a sync each: seed data."""
    folder = platform.settings.uploads_dir
    data_folder.make_folder(folder)
    kinds = {kind: (data, uploads.check(data, f"piece.{kind}", len(data) + 1)) for kind, data in _files().items()}
    common: dict[tuple[int, int], int] = {}  # (account, pièce) → its file's index in `files`
    files: list[dict[str, Any]] = []
    sent: list[tuple[_Planned, int, int | None]] = []  # (candidature, pièce id, index in `files` or None)
    for one in planned:
        sends_all = one.transmitted or one.status is not FileStatus.WAITING
        for piece in asked_of[one.formation.id][0]:
            key = (one.account.id, piece.id)
            if piece.conditional:
                sent.append((one, piece.id, None))
                continue
            if piece.common and key in common:
                sent.append((one, piece.id, common[key]))
                continue
            if not sends_all and rng.random() < 0.3:
                continue  # not sent yet
            kind = "png" if piece.code == "CV" else "pdf"
            data, checked = kinds[kind]
            stored = secrets.token_hex(20)
            data_folder.write_private(folder / stored, data)
            files.append(
                {
                    "account_id": one.account.id,
                    "piece_id": piece.id,
                    "candidature_id": None if piece.common else one.id,
                    "stored_name": stored,
                    "original_name": f"{piece.code.lower()}.{kind}",
                    "content_type": checked.content_type,
                    "size": len(data),
                    "sha256": checked.sha256,
                }
            )
            if piece.common:
                common[key] = len(files) - 1
            sent.append((one, piece.id, len(files) - 1))
    file_ids = _insert(session, UploadedFile, files, ids=True)
    states = []
    for one, piece_id, index in sent:
        if index is None:
            states.append(_state(one.id, piece_id, None, not_concerned=True))
        elif one.transmitted:
            review = "Validée" if one.status is FileStatus.COMPLETE else ""
            states.append(_state(one.id, piece_id, file_ids[index], review=review))
    _insert(session, PieceState, states)


def _state(
    candidature_id: int, piece_id: int, file_id: int | None, *, not_concerned: bool = False, review: str = ""
) -> dict[str, Any]:
    return {
        "candidature_id": candidature_id,
        "piece_id": piece_id,
        "not_concerned": not_concerned,
        "file_id": file_id,
        "review": review,
        "review_comment": "",
    }


def _answers(session: Session, rng: random.Random, planned: list[_Planned], asked_of: dict) -> None:
    answers = []
    for one in planned:
        for question in asked_of[one.formation.id][1]:
            if not one.transmitted and rng.random() < 0.2:
                continue
            value = rng.choice(("Oui", "Non")) if question.kind == "yes_no" else rng.choice(PROJECTS)
            answers.append({"candidature_id": one.id, "question_id": question.id, "value": value})
    _insert(session, Answer, answers)


def _tag(session: Session, rng: random.Random, planned: list[_Planned]) -> None:
    tags = _tags(session)
    links = []
    for one in planned:
        if rng.random() < 0.15:
            for tag in rng.sample(tags, 2 if rng.random() < 0.2 else 1):
                links.append({"candidature_id": one.id, "tag_id": tag.id})
    _insert(session, CandidatureTag, links)


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


def _weighted(rng: random.Random, choices):
    values, weights = zip(*choices, strict=True)
    return rng.choices(values, weights)[0]


def _files() -> dict[str, bytes]:
    document = FPDF()
    document.add_page()
    document.set_font("helvetica", size=16)
    document.cell(0, 12, "Document de demonstration")
    document.ln(14)
    document.set_font("helvetica", size=11)
    document.multi_cell(0, 7, "Piece justificative fictive, jointe a une candidature de demonstration.")
    buffer = io.BytesIO()
    Image.new("RGB", (600, 400), (226, 232, 240)).save(buffer, "PNG")
    return {"pdf": bytes(document.output()), "png": buffer.getvalue()}


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return folded.lower().replace(" ", "-")
