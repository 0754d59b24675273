"""Reminders before a deadline (the original's issue #66): a few days before a formation's return date, to the
candidates who have not transmitted their candidature; before the confirmation date, to the admitted who have
not answered. Each is mailed once — its row's key (candidature, kind) says so to every process — through the
outbox, in the same transaction; the texts are mails the institution edits like the others.

Housekeeping calls `send_due` every hour; the days before are a parameter (« Paramètres »), 0 for none.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from ecandidat_ui.db import Database
from ecandidat_ui.services import parameters
from ecandidat_ui.services.dates import confirmation_date, return_date_sql
from ecandidat_ui.services.review import mail
from ecandidat_ui.settings import Settings
from models import Campaign, Candidature, FileStatus, Formation, Reminder


class ReminderKind(StrEnum):
    RETURN = "retour"
    CONFIRMATION = "confirmation"


TEMPLATES = {ReminderKind.RETURN: "reminder_return", ReminderKind.CONFIRMATION: "reminder_confirmation"}


class ReminderService:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings

    def send_due(self, today: date) -> int:
        """Queue every reminder due today and not sent yet; returns how many."""
        with self.db.session() as session:
            days = parameters.current(session).reminder_days
        if days == 0:
            return 0
        horizon = today + timedelta(days=days)
        due = self._returns_due(today, horizon) + self._confirmations_due(today, horizon)
        return sum(self._send(candidature_id, kind, deadline) for candidature_id, kind, deadline in due)

    def _returns_due(self, today: date, horizon: date) -> list[tuple[int, ReminderKind, date]]:
        return_by = return_date_sql()  # as the candidate is shown it
        with self.db.session() as session:
            rows = session.exec(
                select(Candidature.id, return_by)
                .join(Formation, col(Formation.id) == Candidature.formation_id)
                .join(Campaign, col(Campaign.id) == Candidature.campaign_id)
                .where(
                    col(Campaign.is_active),
                    col(Formation.paperless),
                    return_by.between(today, horizon),
                    col(Candidature.transmitted_at).is_(None),
                    col(Candidature.withdrawn_at).is_(None),
                    col(Candidature.status).in_([FileStatus.WAITING, FileStatus.INCOMPLETE]),
                    _not_sent(ReminderKind.RETURN),
                )
            ).all()
        return [(candidature_id, ReminderKind.RETURN, deadline) for candidature_id, deadline in rows]

    def _confirmations_due(self, today: date, horizon: date) -> list[tuple[int, ReminderKind, date]]:
        """The admitted who have not answered; their deadline is a date or a delay after the decision, so it is
        worked out here rather than in SQL (a few rows: validated, favourable, unanswered)."""
        with self.db.session() as session:
            rows = session.exec(
                select(Candidature, Formation)
                .join(Formation, col(Formation.id) == Candidature.formation_id)
                .join(Campaign, col(Campaign.id) == Candidature.campaign_id)
                .where(
                    col(Campaign.is_active),
                    Candidature.decision == "Favorable",
                    col(Candidature.decision_validated_at).is_not(None),
                    col(Candidature.confirmed_at).is_(None),
                    col(Candidature.withdrawn_at).is_(None),
                    _not_sent(ReminderKind.CONFIRMATION),
                )
            ).all()
        due = []
        for candidature, formation in rows:
            deadline = confirmation_date(candidature, formation)
            if deadline is not None and today <= deadline <= horizon:
                due.append((candidature.id, ReminderKind.CONFIRMATION, deadline))
        return due

    def _send(self, candidature_id: int, kind: ReminderKind, deadline: date) -> int:
        """Claim the reminder and queue its mail in one transaction: a second process loses the claim."""
        try:
            with self.db.session() as session:
                session.add(Reminder(candidature_id=candidature_id, kind=kind))
                session.flush()
                candidature = session.get(Candidature, candidature_id)
                mail(session, self.settings, candidature, TEMPLATES[kind], date=f"{deadline:%d/%m/%Y}")
        except IntegrityError:  # sent already, by another process
            return 0
        return 1


def _not_sent(kind: ReminderKind):
    return ~(
        select(Reminder.candidature_id).where(Reminder.candidature_id == Candidature.id, Reminder.kind == kind).exists()
    )
