"""« Offre en fichier » (Action.IMPORT_OFFER): the offer downloaded as YAML, and a YAML or CSV file sent back,
checked first as a whole — its problems listed with their lines, nothing applied — then applied all at once.

The file is checked on the server before it is read: its size, its name (.yaml, .yml or .csv), and that it is
text (UTF-8, no control character). The check applies the file in a transaction that is then rolled back, so that
it finds everything applying it would (a commission of another centre, a code too long…).
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.services import journal, rights
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.offer_export import offer_yaml
from ecandidat_ui.services.offer_import import OfferRefused, apply_in, parse_csv, parse_yaml
from ecandidat_ui.services.rights import Action, Actor

MAX_BYTES = 5 * 1024 * 1024
EXTENSIONS = (".yaml", ".yml", ".csv")
ALLOWED_CONTROLS = {"\n", "\r", "\t"}


@dataclass(frozen=True)
class OfferCheck:
    """What a file would do: its problems (nothing can be applied while there is one), else what it holds."""

    problems: list[str]
    centres: int = 0
    formations: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


class _Checked(Exception):
    """Raised to roll back the trial application of a file."""

    def __init__(self, counts: tuple[int, int]) -> None:
        super().__init__()
        self.counts = counts


class OfferFileService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def export(self, actor: Actor) -> str:
        with self.db.session() as session:
            rights.check(session, actor, Action.IMPORT_OFFER)
            return offer_yaml(session)

    def check(self, actor: Actor, name: str, data: bytes) -> OfferCheck:
        """Everything applying the file would find, without applying it."""
        with self.db.session() as session:
            rights.check(session, actor, Action.IMPORT_OFFER)
        parsed = _parsed(name, data)
        if isinstance(parsed, OfferCheck):
            return parsed
        try:
            with self.db.session() as session:
                raise _Checked(apply_in(session, parsed))
        except _Checked as checked:
            return OfferCheck([], *checked.counts)
        except OfferRefused as refused:
            return OfferCheck(refused.problems)
        except IntegrityError:
            return OfferCheck([messages.OFFER_FILE_CONFLICT])

    def apply(self, actor: Actor, name: str, data: bytes) -> OfferCheck:
        """Apply the file all at once, journaled in the same transaction; with a problem, nothing is applied."""
        with self.db.session() as session:
            rights.check(session, actor, Action.IMPORT_OFFER)
        parsed = _parsed(name, data)
        if isinstance(parsed, OfferCheck):
            return parsed
        try:
            with self.db.session() as session:
                actor = rights.check(session, actor, Action.IMPORT_OFFER)
                centres, formations = apply_in(session, parsed)
                _record(session, actor, name, data, centres, formations)
        except OfferRefused as refused:
            return OfferCheck(refused.problems)
        except IntegrityError:
            return OfferCheck([messages.OFFER_FILE_CONFLICT])
        return OfferCheck([], centres, formations)


def _parsed(name: str, data: bytes) -> dict | OfferCheck:
    text = file_text(name, data)
    try:
        return parse_csv(text) if name.lower().endswith(".csv") else parse_yaml(text)
    except OfferRefused as refused:
        return OfferCheck(refused.problems)
    except csv.Error:  # a CSV the sniffer cannot read
        return OfferCheck([messages.OFFER_FILE_UNREADABLE])


def file_text(name: str, data: bytes) -> str:
    """The file's text, after the checks of a file sent to the server (Refused with the French reason)."""
    if not name.lower().endswith(EXTENSIONS):
        raise Refused(messages.OFFER_FILE_BAD_NAME)
    if not data:
        raise Refused(messages.FILE_EMPTY)
    if len(data) > MAX_BYTES:
        raise Refused(messages.OFFER_FILE_TOO_BIG)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Refused(messages.OFFER_FILE_NOT_TEXT) from None
    if any(ord(c) < 32 and c not in ALLOWED_CONTROLS for c in text) or "\x7f" in text:
        raise Refused(messages.OFFER_FILE_NOT_TEXT)
    return text


def _record(session: Session, actor: Actor, name: str, data: bytes, centres: int, formations: int) -> None:
    after = {"fichier": name[:120], "sha256": hashlib.sha256(data).hexdigest(), "centres": centres}
    after["formations"] = formations
    journal.record(session, actor, "offer.import", ("offer", "fichier"), after=after, label=name[:120])
