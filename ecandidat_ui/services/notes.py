"""The bloc-notes of a candidature (BACKOFFICE §3, « Bloc-notes »: Date, Utilisateur, Message): what staff write
about it for one another, never shown to the candidate.

Who may see the candidature (Action.VIEW_CANDIDATURES on its commission) reads its notes; who may write in the
bloc-notes there (Action.WRITE_NOTES — every reviewing role, not a read-only one) adds a note, and deletes their
own. Each write is journaled in its transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.services import journal
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.review import checked
from ecandidat_ui.services.rights import Action, Actor
from ecandidat_ui.services.setup_access import found
from models import Account, Campaign, CandidatureNote, Formation, StaffMember

NOTE_MAX = 2000


@dataclass(frozen=True)
class NoteLine:
    id: int
    written_at: datetime
    author: str
    text: str
    mine: bool  # written by the reader: they may delete it


class NoteService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def notes(self, actor: Actor, candidature_id: object) -> list[NoteLine]:
        """The candidature's notes, the newest first."""
        with self.db.session() as session:
            fresh, candidature, _ = checked(session, actor, Action.VIEW_CANDIDATURES, candidature_id)
            rows = session.exec(
                select(CandidatureNote, StaffMember)
                .join(StaffMember, col(StaffMember.id) == col(CandidatureNote.staff_id))
                .where(CandidatureNote.candidature_id == candidature.id)
                .order_by(col(CandidatureNote.written_at).desc(), col(CandidatureNote.id).desc())
            ).all()
        return [
            NoteLine(note.id, note.written_at, author.display_name, note.text, note.staff_id == fresh.id)
            for note, author in rows
        ]

    def add(self, actor: Actor, candidature_id: object, text: object) -> int:
        """A note written by the actor on the candidature (its lines kept, 2000 characters at most); its id."""
        cleaned = "\n".join(line.rstrip() for line in str(text or "").replace("\r\n", "\n").split("\n")).strip()
        if not cleaned:
            raise InvalidInput({"text": messages.NOTES_REQUIRED})
        if len(cleaned) > NOTE_MAX:
            raise InvalidInput({"text": messages.NOTES_TOO_LONG.format(max=NOTE_MAX)})
        with self.db.session() as session:
            fresh, candidature, formation = checked(session, actor, Action.WRITE_NOTES, candidature_id)
            if session.get(Campaign, candidature.campaign_id).archived_at is not None:
                raise Refused(messages.CANDIDATURE_ARCHIVED)
            note = CandidatureNote(candidature_id=candidature.id, staff_id=fresh.id, text=cleaned)
            session.add(note)
            session.flush()
            journal.record(
                session,
                fresh,
                "candidature.note",
                ("candidature", candidature.id),
                after={"note": note.id, "text": cleaned},
                label=_label(session, candidature.account_id, formation),
            )
            return note.id

    def delete(self, actor: Actor, note_id: object) -> None:
        """The actor's own note deleted, while they may still write in this bloc-notes."""
        with self.db.session() as session:
            note = found(session, CandidatureNote, note_id, messages.NOTES_UNKNOWN)
            fresh, candidature, formation = checked(session, actor, Action.WRITE_NOTES, note.candidature_id)
            if note.staff_id != fresh.id:
                raise Refused(messages.NOTES_NOT_YOURS)
            journal.record(
                session,
                fresh,
                "candidature.note_delete",
                ("candidature", candidature.id),
                before={"note": note.id, "text": note.text},
                label=_label(session, candidature.account_id, formation),
            )
            session.delete(note)


def _label(session, account_id: int, formation: Formation) -> str:
    account = session.get(Account, account_id)
    return f"{account.login} — {formation.code}"
