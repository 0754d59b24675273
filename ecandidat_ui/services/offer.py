"""The training offer as candidates browse it: Centre › type of diploma › Formation, and a search."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

from ecandidat_ui.db import Database
from models import Centre, Formation


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
        found = [
            OfferedFormation(
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
            for f, c in rows
        ]
        words = fold(search).split()
        return [f for f in found if f.matches(words)] if words else found
