"""The training offer as candidates browse it: Centre › type of diploma › Formation, and a search."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, case, func
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
    centre_id: int

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
class OfferedCentre:
    """A centre of the offer as its closed header shows it: its formations in service, counted."""

    id: int
    label: str
    formations: int
    open_now: int


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

    def centres(self, today: date) -> list[OfferedCentre]:
        """The centres offering formations, by name, each with its formations in service and those open today,
        counted by the database (the offer's page reads a centre's formations only when it is opened)."""
        open_now = case((and_(col(Formation.opens_on) <= today, col(Formation.closes_on) >= today), 1), else_=0)
        with self.db.session() as session:
            rows = session.exec(
                select(Centre.id, Centre.label, func.count(col(Formation.id)), func.sum(open_now))
                .join(Formation, col(Formation.centre_id) == col(Centre.id))
                .where(col(Formation.active), col(Centre.active))
                .group_by(col(Centre.id), col(Centre.label))
                .order_by(col(Centre.label), col(Centre.id))
            ).all()
        return [OfferedCentre(id, label, total, int(open_now)) for id, label, total, open_now in rows]

    def formations(self, search: str = "", centre_id: int | None = None) -> list[OfferedFormation]:
        """Every formation in service (of one centre, if given), ordered by centre, type of diploma and title; only
        those matching every typed word."""
        query = (
            select(Formation, Centre)
            .join(Centre, col(Formation.centre_id) == col(Centre.id))
            .where(col(Formation.active), col(Centre.active))  # out of service: not offered
            .order_by(col(Centre.label), col(Centre.id), col(Formation.diploma_type), col(Formation.label))
        )
        if centre_id is not None:
            query = query.where(Formation.centre_id == centre_id)
        with self.db.session() as session:
            rows = session.exec(query).all()
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
        c.id,
    )
