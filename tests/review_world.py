"""Candidatures to review, made through the real services: two centres, three commissions, candidates who applied
and (some) transmitted with real files — for the tests of the gestion's « Candidatures » (unit, page, Chromium).

    world = review_world(platform)
    world.commissions["SCI-MASTERS"], world.candidatures["marie"], world.pieces["CV"] ...
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import select

from ecandidat_ui.platform import Platform
from ecandidat_ui.services.offer_import import apply_offer
from models import Account, Centre, Commission, Formation, Piece
from tests.sessions import actor
from tests.unit.test_file_rules import ADDRESS, PERSONAL, bac

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@dataclass
class World:
    centres: dict[str, int] = field(default_factory=dict)  # code → id
    commissions: dict[str, int] = field(default_factory=dict)
    formations: dict[str, int] = field(default_factory=dict)
    pieces: dict[str, int] = field(default_factory=dict)
    accounts: dict[str, Account] = field(default_factory=dict)  # first name (lower case) → account
    candidatures: dict[str, int] = field(default_factory=dict)  # first name (lower case) → its candidature


def _formation(code: str, label: str, commission: str, centre: str, today: date, pieces: list[str]) -> dict:
    return {
        "code": code,
        "libelle": label,
        "type_diplome": "Master",
        "debut_depot": (today - timedelta(days=10)).isoformat(),
        "fin_depot": (today + timedelta(days=20)).isoformat(),
        "pieces": pieces,
        "questions": [{"libelle": "Quel est votre projet professionnel ?", "type": "texte"}]
        if code == "M1-INFO"
        else [],
        "commission": {
            "code": commission,
            "libelle": f"Commission {commission}",
            "mail": f"{commission.lower()}@example.org",
            "adresse": f"{centre}\n1 avenue de l'Université\n75005 Paris",
        },
    }


def review_offer(today: date) -> dict:
    return {
        "pieces": [
            {"code": "CNI", "libelle": "Pièce d'identité", "commune": True},
            {"code": "CV", "libelle": "Curriculum vitae"},
        ],
        "centres": [
            {
                "code": "SCI",
                "libelle": "UFR Sciences",
                "formations": [
                    _formation("M1-INFO", "Master Informatique", "SCI-MASTERS", "SCI", today, ["CNI", "CV"]),
                    _formation("M1-DATA", "Master Données", "SCI-MASTERS", "SCI", today, ["CNI"]),
                    _formation("L1-INFO", "Licence Informatique", "SCI-LICENCES", "SCI", today, ["CNI"]),
                ],
            },
            {
                "code": "LSH",
                "libelle": "UFR Lettres",
                "formations": [_formation("L1-LETT", "Licence Lettres", "LSH-LICENCES", "LSH", today, ["CNI"])],
            },
        ],
    }


# who applies where, and whether they transmit: (last name, first name, formation, transmitted)
CANDIDATES = [
    ("Baillon", "Marie", "M1-INFO", True),
    ("Nguyen", "Paul", "M1-DATA", False),
    ("Durand", "Lucie", "M1-DATA", True),
    ("Moreau", "Jeanne", "L1-INFO", True),
    ("Lefèvre", "Hugo", "L1-LETT", True),
]


def ready_candidate(platform: Platform, last_name: str, first_name: str, mail: str, today: date) -> Account:
    account = platform.accounts.create(last_name, first_name, mail, mail)
    service = platform.candidate_file
    me = actor(platform, account)
    service.save_personal(me, {**PERSONAL, "ine": "", "first_name": first_name}, 0, today)
    service.save_address(me, ADDRESS, 0)
    service.save_bac(me, bac(2019, "S"), 0, today)
    service.set_no_higher_education(me, True)
    return account


def apply_and_transmit(platform: Platform, account: Account, formation_id: int, today: date, transmit: bool) -> int:
    service = platform.candidatures
    me = actor(platform, account)
    candidature_id = service.apply(me, formation_id, today).id
    view = service.view(account.id, candidature_id)
    for piece in view.pieces:
        if piece.file is None:
            name, data = ("cv.png", PNG) if piece.piece.code == "CV" else ("cni.pdf", PDF)
            service.send_piece(me, candidature_id, piece.piece.id, name, data)
    for question, _ in view.questions:
        service.answer(me, candidature_id, question.id, "Devenir développeuse")
    if transmit:
        service.transmit(me, candidature_id, today)
    return candidature_id


def review_world(platform: Platform, today: date | None = None) -> World:
    today = today or date.today()
    apply_offer(platform.db, review_offer(today))
    world = World()
    with platform.db.session() as session:
        world.centres = {c.code: c.id for c in session.exec(select(Centre))}
        world.commissions = {c.code: c.id for c in session.exec(select(Commission))}
        world.formations = {f.code: f.id for f in session.exec(select(Formation))}
        world.pieces = {p.code: p.id for p in session.exec(select(Piece))}
    for last_name, first_name, formation, transmit in CANDIDATES:
        key = first_name.lower()
        account = ready_candidate(platform, last_name, first_name, f"{key}@example.org", today)
        world.accounts[key] = account
        world.candidatures[key] = apply_and_transmit(platform, account, world.formations[formation], today, transmit)
    return world
