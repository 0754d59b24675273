"""The candidate's file: reading it whole, saving each tab, drafts, and which tabs are complete."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, col, delete, select

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.services import fields, file_rules, parameters
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.sessions import SessionService
from ecandidat_ui.settings import Settings
from models import (
    Account,
    Baccalaureate,
    Campaign,
    Candidature,
    Draft,
    ExternalCursus,
    FileFlags,
    Formation,
    Internship,
    PersonalInfo,
    PostalAddress,
    ProExperience,
    Student,
    StudentResult,
)
from models.clock import utcnow


class Tab(StrEnum):
    PERSONAL = "informations-perso"
    ADDRESS = "adresse"
    BAC = "baccalaureat"
    INTERNAL = "cursus-interne"
    EXTERNAL = "cursus-externe"
    INTERNSHIPS = "stages"
    EXPERIENCES = "experiences-pro"
    APPLICATIONS = "candidatures"


class TabStatus(StrEnum):
    COMPLETE = "complete"
    TO_COMPLETE = "to_complete"
    OPTIONAL = "optional"


REQUIRED_TABS = (Tab.PERSONAL, Tab.ADDRESS, Tab.BAC, Tab.EXTERNAL)
LIST_MODELS: dict[Tab, type[SQLModel]] = {
    Tab.EXTERNAL: ExternalCursus,
    Tab.INTERNSHIPS: Internship,
    Tab.EXPERIENCES: ProExperience,
}
SINGLE_MODELS: dict[Tab, type[SQLModel]] = {
    Tab.PERSONAL: PersonalInfo,
    Tab.ADDRESS: PostalAddress,
    Tab.BAC: Baccalaureate,
}
IDENTITY_FROM_INSTITUTION = ("ine", "civility", "birth_name", "first_name", "birth_date")

# A draft is what a candidate typed: as large as a tab's fields may be, never a place to store anything else.
DRAFT_FIELDS = 40  # values in a draft; the largest tab has 14 fields
DRAFT_NAME_MAX = 40  # characters of a field's name
DRAFT_LIST_ITEMS = 10  # choices of a multiple choice (two spécialités)
DRAFT_NUMBER_MAX = 10**12
DRAFT_BYTES = 32 * 1024  # of the stored JSON: a full tab with its longest texts fits many times
DRAFT_KEY_MAX = 30  # Draft.tab
_DROP = object()


class Conflict(Refused):
    """The row changed since the page read it; `saved` is what is stored now."""

    def __init__(self, saved: dict[str, object] | None) -> None:
        super().__init__(messages.FILE_CONFLICT)
        self.saved = saved


@dataclass
class CandidateFile:
    account_id: int
    personal: PersonalInfo | None = None
    address: PostalAddress | None = None
    bac: Baccalaureate | None = None
    flags: FileFlags | None = None
    external: list[ExternalCursus] = field(default_factory=list)
    internships: list[Internship] = field(default_factory=list)
    experiences: list[ProExperience] = field(default_factory=list)
    student: Student | None = None
    results: list[StudentResult] = field(default_factory=list)
    candidatures: int = 0  # of the active campaign
    to_transmit: int = 0  # of those, dématérialisées and not transmitted yet

    @property
    def is_internal_student(self) -> bool:
        return self.student is not None


def tab_statuses(file: CandidateFile, today: date, *, ine_required: bool = False) -> dict[Tab, TabStatus]:
    """Complete / to complete / optional, for every tab: the one rule the badges and the home page use."""

    def required(done: bool) -> TabStatus:
        return TabStatus.COMPLETE if done else TabStatus.TO_COMPLETE

    def optional(done: bool) -> TabStatus:
        return TabStatus.COMPLETE if done else TabStatus.OPTIONAL

    personal = file.personal is not None and file_rules.is_valid(
        file_rules.personal_info, row_values(file.personal), today, ine_required=ine_required
    )
    address = file.address is not None and file_rules.is_valid(file_rules.postal_address, row_values(file.address))
    bac = file.bac is not None and file_rules.is_valid(file_rules.baccalaureate, row_values(file.bac), today)
    no_studies = file.flags is not None and file.flags.no_higher_education
    return {
        Tab.PERSONAL: required(personal),
        Tab.ADDRESS: required(address),
        Tab.BAC: required(bac),
        Tab.INTERNAL: optional(bool(file.results)),
        Tab.EXTERNAL: required(bool(file.external) or no_studies),
        Tab.INTERNSHIPS: optional(bool(file.internships)),
        Tab.EXPERIENCES: optional(bool(file.experiences)),
        Tab.APPLICATIONS: _applications(file),
    }


def _applications(file: CandidateFile) -> TabStatus:
    """The Candidatures badge: « à compléter » while a candidature waits to be transmitted, « complet » once every
    one is, « facultatif » with none."""
    if file.to_transmit:
        return TabStatus.TO_COMPLETE
    return TabStatus.COMPLETE if file.candidatures else TabStatus.OPTIONAL


def missing_required(statuses: dict[Tab, TabStatus]) -> list[Tab]:
    return [tab for tab in REQUIRED_TABS if statuses[tab] is not TabStatus.COMPLETE]


def row_values(row: SQLModel | None) -> dict[str, object]:
    if row is None:
        return {}
    values = row.model_dump(exclude={"account_id", "updated_at"})
    return {key: (value.isoformat() if isinstance(value, date) else value) for key, value in values.items()}


class CandidateFileService:
    """Reading the file takes the account id; editing it (tabs, entries, drafts) takes the actor: the candidate's
    session id, checked by SessionService.check in the same transaction."""

    def __init__(self, db: Database, settings: Settings, sessions: SessionService) -> None:
        self.db = db
        self.settings = settings
        self.sessions = sessions

    def load(self, account_id: int) -> CandidateFile:
        with self.db.session() as session:
            file = CandidateFile(
                account_id=account_id,
                personal=session.get(PersonalInfo, account_id),
                address=session.get(PostalAddress, account_id),
                bac=session.get(Baccalaureate, account_id),
                flags=session.get(FileFlags, account_id),
                external=_entries(session, ExternalCursus, account_id),
                internships=_entries(session, Internship, account_id),
                experiences=_entries(session, ProExperience, account_id),
            )
            account = session.get(Account, account_id)
            if account and account.cas_login:
                file.student = session.exec(select(Student).where(Student.cas_login == account.cas_login)).first()
            if file.student:
                file.results = list(
                    session.exec(
                        select(StudentResult)
                        .where(StudentResult.student_id == file.student.id)
                        .order_by(col(StudentResult.academic_year).desc(), col(StudentResult.code))
                    ).all()
                )
            file.candidatures, file.to_transmit = _candidature_counts(session, account_id)
            return file

    def statuses(self, account_id: int, today: date) -> dict[Tab, TabStatus]:
        return self.statuses_of(self.load(account_id), today)

    def statuses_of(self, file: CandidateFile, today: date) -> dict[Tab, TabStatus]:
        with self.db.session() as session:
            ine_required = parameters.current(session).ine_required
        return tab_statuses(file, today, ine_required=ine_required)

    # --- single tabs -------------------------------------------------------------------------------

    def save_personal(self, actor: str, values: dict, version: int, today: date) -> PersonalInfo:
        with self.db.session() as session:
            account_id = self._account_id(session, actor)
            student = self._student(session, account_id)
            if student is not None:  # identity comes from the institution's records
                values = {**values, **_student_identity(student)}
            ine_required = parameters.current(session).ine_required
            cleaned = file_rules.personal_info(values, today, ine_required=ine_required)
            if cleaned["ine"] and self._ine_taken(session, cleaned["ine"], account_id):
                raise InvalidInput({"ine": messages.INE_TAKEN})
            return self._save_single(session, PersonalInfo, account_id, cleaned, version)

    def save_address(self, actor: str, values: dict, version: int) -> PostalAddress:
        cleaned = file_rules.postal_address(values)
        with self.db.session() as session:
            account_id = self._account_id(session, actor)
            return self._save_single(session, PostalAddress, account_id, cleaned, version)

    def save_bac(self, actor: str, values: dict, version: int, today: date) -> Baccalaureate:
        cleaned = file_rules.baccalaureate(values, today)
        with self.db.session() as session:
            account_id = self._account_id(session, actor)
            return self._save_single(session, Baccalaureate, account_id, cleaned, version)

    def set_no_higher_education(self, actor: str, value: bool) -> None:
        with self.db.session() as session:
            account_id = self._account_id(session, actor)
            flags = session.get(FileFlags, account_id) or FileFlags(account_id=account_id)
            flags.no_higher_education = value
            session.add(flags)

    # --- list tabs ---------------------------------------------------------------------------------

    def save_entry(
        self, actor: str, tab: Tab, entry_id: int | None, values: dict, version: int, today: date
    ) -> SQLModel:
        check: Callable[[dict, date], dict] = {
            Tab.EXTERNAL: file_rules.external_cursus,
            Tab.INTERNSHIPS: file_rules.internship,
            Tab.EXPERIENCES: file_rules.pro_experience,
        }[tab]
        cleaned = check(values, today)
        model = LIST_MODELS[tab]
        with self.db.session() as session:
            account_id = self._account_id(session, actor)
            if entry_id is None:
                row = model(account_id=account_id, **cleaned)
            else:
                row = session.get(model, entry_id)
                if row is None or row.account_id != account_id:
                    raise Conflict(None)
                if row.version != version:
                    raise Conflict(row_values(row))
                for name, value in cleaned.items():
                    setattr(row, name, value)
                row.version += 1
            session.add(row)
            session.flush()
            self._discard_draft(session, account_id, draft_key(tab, entry_id))
            return row

    def delete_entry(self, actor: str, tab: Tab, entry_id: int) -> None:
        model = LIST_MODELS[tab]
        with self.db.session() as session:
            account_id = self._account_id(session, actor)
            session.exec(delete(model).where(model.id == entry_id, model.account_id == account_id))

    # --- drafts ------------------------------------------------------------------------------------

    def save_draft(self, actor: str, key: str, values: dict, base_version: int) -> bool:
        """Keep what is typed, within the fields' sizes; a draft still too large is not kept (False)."""
        kept = draft_values(values)
        if not _is_draft_key(key) or kept is None:
            return False
        for last_try in (False, True):  # two windows may create the same draft at once: the loser updates it
            try:
                with self.db.session() as session:
                    account_id = self._account_id(session, actor)
                    draft = session.get(Draft, (account_id, key)) or Draft(account_id=account_id, tab=key)
                    draft.values, draft.base_version, draft.updated_at = kept, base_version, utcnow()
                    session.add(draft)
                return True
            except IntegrityError:
                if last_try:
                    raise
        return False

    def draft(self, actor: str, key: str) -> Draft | None:
        if not _is_draft_key(key):
            return None
        with self.db.session() as session:
            draft = session.get(Draft, (self._account_id(session, actor), key))
        if draft is None:
            return None
        kept = draft_values(draft.values)  # one stored before drafts had a size is cut to size, or not shown
        if kept is None:
            return None
        draft.values = kept
        return draft

    def discard_draft(self, actor: str, key: str) -> None:
        with self.db.session() as session:
            self._discard_draft(session, self._account_id(session, actor), key)

    # --- helpers -----------------------------------------------------------------------------------

    def _account_id(self, session: Session, actor: str) -> int:
        return self.sessions.check(session, actor).id

    def _save_single(
        self, session: Session, model: type[SQLModel], account_id: int, cleaned: dict, version: int
    ) -> SQLModel:
        row = session.get(model, account_id)
        current = row.version if row else 0
        if current != version:
            raise Conflict(row_values(row))
        if row is None:
            row = model(account_id=account_id, version=0)
        for name, value in cleaned.items():
            setattr(row, name, value)
        row.version = current + 1
        row.updated_at = utcnow()
        session.add(row)
        self._discard_draft(session, account_id, str(_tab_of(model)))
        return row

    @staticmethod
    def _discard_draft(session: Session, account_id: int, key: str) -> None:
        session.exec(delete(Draft).where(Draft.account_id == account_id, Draft.tab == key))

    @staticmethod
    def _ine_taken(session: Session, value: str, account_id: int) -> bool:
        other = session.exec(
            select(PersonalInfo.account_id).where(PersonalInfo.ine == value, PersonalInfo.account_id != account_id)
        ).first()
        return other is not None

    @staticmethod
    def _student(session: Session, account_id: int) -> Student | None:
        account = session.get(Account, account_id)
        if account is None or not account.cas_login:
            return None
        return session.exec(select(Student).where(Student.cas_login == account.cas_login)).first()


def draft_values(values: object) -> dict[str, object] | None:
    """The values of a draft as they can be kept: texts cleaned and cut at the longest field's size, numbers
    finite, at most DRAFT_FIELDS values; None when the whole is still larger than DRAFT_BYTES."""
    if not isinstance(values, dict):
        return {}
    kept: dict[str, object] = {}
    for name, value in list(values.items())[:DRAFT_FIELDS]:
        if isinstance(name, str) and len(name) <= DRAFT_NAME_MAX and (cleaned := _draft_value(value)) is not _DROP:
            kept[fields.clean(name)] = cleaned
    if len(json.dumps(kept, ensure_ascii=False).encode()) > DRAFT_BYTES:
        return None
    return kept


def _draft_value(value: object) -> object:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value if abs(value) <= DRAFT_NUMBER_MAX else _DROP
    if isinstance(value, float):
        return value if math.isfinite(value) and abs(value) <= DRAFT_NUMBER_MAX else _DROP
    if isinstance(value, str):
        return fields.clean(value, multiline=True)[: file_rules.LONGEST_TEXT]
    if isinstance(value, list | tuple):
        items = [_draft_value(item) for item in value[:DRAFT_LIST_ITEMS] if isinstance(item, str)]
        return [item for item in items if item is not _DROP]
    return _DROP


def _is_draft_key(key: object) -> bool:
    if not isinstance(key, str) or len(key) > DRAFT_KEY_MAX:
        return False
    tab, _, entry = key.partition(":")
    if tab not in {str(t) for t in Tab}:
        return False
    return not entry or entry == "nouveau" or (entry.isascii() and entry.isdigit())


def draft_key(tab: Tab, entry_id: int | None = None) -> str:
    if tab in LIST_MODELS:
        return f"{tab}:{entry_id or 'nouveau'}"
    return str(tab)


def _tab_of(model: type[SQLModel]) -> Tab:
    return next(tab for tab, candidate in SINGLE_MODELS.items() if candidate is model)


def _entries(session: Session, model: type[SQLModel], account_id: int) -> list:
    return list(
        session.exec(
            select(model).where(model.account_id == account_id).order_by(col(model.year).desc(), col(model.id).desc())
        ).all()
    )


def _student_identity(student: Student) -> dict[str, object]:
    return {
        "ine": student.ine,
        "civility": student.civility,
        "birth_name": student.birth_name,
        "first_name": student.first_name,
        "birth_date": student.birth_date.isoformat() if student.birth_date else "",
    }


def _candidature_counts(session: Session, account_id: int) -> tuple[int, int]:
    rows = session.exec(
        select(Candidature.transmitted_at, Formation.paperless)
        .join(Formation, col(Formation.id) == col(Candidature.formation_id))
        .join(Campaign, col(Campaign.id) == col(Candidature.campaign_id))
        .where(
            Candidature.account_id == account_id,
            col(Campaign.archived_at).is_(None),
            col(Candidature.withdrawn_at).is_(None),
        )
    ).all()
    return len(rows), sum(1 for transmitted_at, paperless in rows if paperless and transmitted_at is None)
