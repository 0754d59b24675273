"""The training offer as candidates browse it: Centre › type of diploma › Formation, and a search."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

from ecandidat_ui.db import Database
from ecandidat_ui.services import asked
from models import Centre, Commission, Formation


@dataclass(frozen=True)
class OfferedFormation:
    id: int
    code: str
    label: str
    centre: str
    diploma_type: str
    keywords: str
    opens_on: date
    closes_on: date
    return_by: date | None
    paperless: bool
    url: str

    def is_open(self, today: date) -> bool:
        return self.opens_on <= today <= self.closes_on

    def window_state(self, today: date) -> str:
        if today < self.opens_on:
            return "future"
        return "open" if today <= self.closes_on else "closed"

    def matches(self, folded_words: list[str]) -> bool:
        haystack = fold(f"{self.label} {self.keywords} {self.code} {self.diploma_type}")
        return all(word in haystack for word in folded_words)


@dataclass(frozen=True)
class FormationDetails:
    """What a candidate reads on a formation's own page before applying."""

    offered: OfferedFormation
    info: str
    capacity: int | None
    dates: list[tuple[str, date]]  # (« Date limite de retour », day), in the calendar's order
    pieces: list[tuple[str, bool]]  # (libellé, conditional)
    questions: list[str]
    commission: str
    contact: list[str]  # mail, phone, address lines


def fold(text: str) -> str:
    """Lower case without accents, for searching as people type."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class OfferService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def formations(self, search: str = "") -> list[OfferedFormation]:
        """Every formation in service, ordered by centre, type of diploma and title; only those matching every
        typed word."""
        with self.db.session() as session:
            rows = session.exec(
                select(Formation, Centre)
                .join(Centre, col(Formation.centre_id) == col(Centre.id))
                .where(col(Formation.active), col(Centre.active))  # out of service: not offered
                .order_by(col(Centre.label), col(Formation.diploma_type), col(Formation.label))
            ).all()
        found = [_offered(f, c) for f, c in rows]
        words = fold(search).split()
        return [f for f in found if f.matches(words)] if words else found

    def details(self, code: str) -> FormationDetails | None:
        """A formation in service, by its code (a stable address to share), with what it will ask."""
        with self.db.session() as session:
            row = session.exec(
                select(Formation, Centre)
                .join(Centre, col(Formation.centre_id) == col(Centre.id))
                .where(Formation.code == code, col(Formation.active), col(Centre.active))
            ).first()
            if row is None:
                return None
            f, c = row
            commission = session.get(Commission, f.commission_id) if f.commission_id else None
            pieces = [(piece.label, piece.conditional) for piece in asked.pieces_of(session, f)]
            questions = [question.label for question in asked.questions_of(session, f)]
        dated = [
            ("Début de dépôt des candidatures", f.opens_on),
            ("Fin de dépôt des candidatures", f.closes_on),
            ("Date limite de retour du dossier", f.return_by),
            ("Jury", f.jury_on),
            ("Publication des résultats", f.publication_on),
            ("Date limite de confirmation", f.confirm_by),
        ]
        contact = []
        if commission is not None:
            contact = [commission.mail, commission.phone, *commission.address.splitlines()]
        return FormationDetails(
            offered=_offered(f, c),
            info=f.info,
            capacity=f.capacity,
            dates=[(label, day) for label, day in dated if day is not None],
            pieces=pieces,
            questions=questions,
            commission=commission.label if commission else "",
            contact=[line for line in contact if line and line.strip()],
        )


def _offered(f: Formation, c: Centre) -> OfferedFormation:
    return OfferedFormation(
        f.id,
        f.code,
        f.label,
        c.label,
        f.diploma_type or "Autres formations",
        f.keywords,
        f.opens_on,
        f.closes_on,
        f.return_by,
        f.paperless,
        f.url,
    )
