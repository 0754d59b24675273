"""The training offer as candidates browse it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

from ecandidat_ui.db import Database
from models import Centre, Formation


@dataclass(frozen=True)
class OfferedFormation:
    code: str
    label: str
    centre: str
    diploma_type: str
    opens_on: date
    closes_on: date
    paperless: bool

    def is_open(self, today: date) -> bool:
        return self.opens_on <= today <= self.closes_on


class OfferService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def formations(self) -> list[OfferedFormation]:
        with self.db.session() as session:
            rows = session.exec(
                select(Formation, Centre)
                .join(Centre, col(Formation.centre_id) == col(Centre.id))
                .order_by(col(Centre.label), col(Formation.diploma_type), col(Formation.label))
            ).all()
        return [
            OfferedFormation(f.code, f.label, c.label, f.diploma_type, f.opens_on, f.closes_on, f.paperless)
            for f, c in rows
        ]
