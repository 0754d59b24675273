"""Campaigns: one is active at a time; a fresh installation gets one for the current academic year."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from ecandidat_ui.db import Database
from models import Campaign


def academic_year(today: date) -> int:
    """The year the current academic year starts in (September)."""
    return today.year if today.month >= 9 else today.year - 1


class CampaignService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def active(self) -> Campaign | None:
        with self.db.session() as session:
            return session.exec(select(Campaign).where(Campaign.is_active)).first()

    def ensure_default(self, today: date) -> Campaign:
        """Create the campaign of the current academic year when the installation has none at all."""
        with self.db.session() as session:
            existing = session.exec(select(Campaign)).first()
            if existing is not None:
                return existing
            year = academic_year(today)
            campaign = Campaign(
                code=str(year),
                label=f"Campagne {year}-{year + 1}",
                starts_on=date(year, 9, 1),
                ends_on=date(year + 1, 8, 31),
                candidates_end_on=date(year + 1, 8, 31),
                is_active=True,
            )
            session.add(campaign)
            return campaign
