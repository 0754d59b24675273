"""The gestion's candidatures as an Excel file (BACKOFFICE §3 « Export »): exactly the rows of the table — its
scope, search, filters and sort, the actor's rights checked and applied in SQL by the same statement
(`CandidatureTableService.rows_statement`) — with the column groups the staff member ticked.

The rows are streamed: one SELECT read `BATCH` rows at a time (a server-side cursor on PostgreSQL), the tags,
answers and bloc-notes of each batch read by its ids, and each row written at once by openpyxl's write-only
workbook. Memory stays bounded whatever the number of rows (benchmarks/candidature_export.py: 50,000).

Dates are Excel dates (Paris time), texts are texts: a value starting with « = » is never a formula.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlalchemy import func
from sqlmodel import Session, col, select

from ecandidat_ui import messages, refdata
from ecandidat_ui.db import Database
from ecandidat_ui.refdata import labels
from ecandidat_ui.services.candidature_table import NO_AVIS, CandidatureTableService, _tags_of
from ecandidat_ui.services.errors import InvalidInput
from ecandidat_ui.services.export_files import ExportFiles
from ecandidat_ui.services.file_rules import CIVILITIES
from ecandidat_ui.services.paging import TableQuery
from ecandidat_ui.services.rights import Actor
from models import (
    Account,
    Answer,
    Baccalaureate,
    Candidature,
    CandidatureNote,
    Commission,
    Formation,
    Motivation,
    PersonalInfo,
    PostalAddress,
    Question,
    StaffMember,
)
from models.clock import in_paris

BATCH = 1000
GROUPS = tuple(messages.EXPORT_GROUP_LABELS)  # in the order of the columns
DEFAULT_GROUPS = ("identity", "formation", "status", "avis")
DATE_FORMAT, DATETIME_FORMAT = "dd/mm/yyyy", "dd/mm/yyyy hh:mm"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
Progress = Callable[[int, int], None]  # (rows written, rows in all)

# What the SELECT reads besides the candidature's id, by name (the row's attribute).
_READ = {
    "login": col(Account.login),
    "last_name": col(Account.last_name),
    "first_name": col(Account.first_name),
    "mail": col(Account.mail),
    "civility": col(PersonalInfo.civility),
    "birth_name": col(PersonalInfo.birth_name),
    "other_first_name": col(PersonalInfo.other_first_name),
    "birth_date": col(PersonalInfo.birth_date),
    "birth_country": col(PersonalInfo.birth_country),
    "birth_commune": col(PersonalInfo.birth_commune),
    "birth_city": col(PersonalInfo.birth_city),
    "nationality": col(PersonalInfo.nationality),
    "ine": col(PersonalInfo.ine),
    "phone": col(PersonalInfo.phone),
    "mobile": col(PersonalInfo.mobile),
    "line1": col(PostalAddress.line1),
    "line2": col(PostalAddress.line2),
    "line3": col(PostalAddress.line3),
    "postal_code": col(PostalAddress.postal_code),
    "commune": col(PostalAddress.commune),
    "foreign_city": col(PostalAddress.foreign_city),
    "country": col(PostalAddress.country),
    "has_bac": col(Baccalaureate.has_bac),
    "bac_year": col(Baccalaureate.year),
    "bac_series": col(Baccalaureate.series),
    "bac_specialties": col(Baccalaureate.specialties),
    "bac_mention": col(Baccalaureate.mention),
    "bac_school": col(Baccalaureate.school),
    "formation_code": col(Formation.code),
    "formation_label": col(Formation.label),
    "commission": col(Commission.label),
    "created_at": col(Candidature.created_at),
    "transmitted_at": col(Candidature.transmitted_at),
    "confirmed_at": col(Candidature.confirmed_at),
    "withdrawn_at": col(Candidature.withdrawn_at),
    "individual_return_by": col(Candidature.individual_return_by),
    "individual_confirm_by": col(Candidature.individual_confirm_by),
    "validated_at": col(Candidature.decision_validated_at),
    "rank": col(Candidature.decision_rank),
    "comment": col(Candidature.decision_comment),
    "motif": col(Motivation.label),
}


@dataclass(frozen=True)
class ExportColumn:
    header: str
    value: Callable[[Any], Any]  # the row (the SELECT's, with .tags and .answers) → the cell's value
    width: int = 16


@dataclass(frozen=True)
class ExportResult:
    token: str
    filename: str
    count: int


def _country(code: str | None) -> str:
    return labels.country(code)


def _commune(code: str | None) -> str:
    commune = refdata.commune_by_insee(code) if code else None
    return commune.name if commune else ""


def _birth_place(row) -> str:
    commune = refdata.commune_by_insee(row.birth_commune) if row.birth_commune else None
    if commune is not None:
        return commune.label
    return ", ".join(part for part in (row.birth_city, _country(row.birth_country)) if part)


def _nationality(code: str | None) -> str:
    return labels.nationality(code)


def _bac(row) -> str:
    if row.has_bac is None:
        return ""
    return messages.YES if row.has_bac else messages.NO


def _series(code: str | None) -> str:
    series = refdata.bac_series_by_code(code) if code else None
    return series.label if series else (code or "")


def _specialties(codes) -> str:
    found = [refdata.specialite_by_code(code) for code in codes or []]
    return ", ".join(one.label for one in found if one)


def _mention(code: str | None) -> str:
    mention = refdata.mention_by_code(code) if code else None
    return mention.label if mention else ""


def _school(uai: str | None) -> str:
    school = refdata.lycee_by_uai(uai) if uai else None
    return school.label if school else ""


def _validated(row) -> str:
    if row.avis == NO_AVIS:
        return ""
    return messages.YES if row.validated_at else messages.NO


COLUMNS: dict[str, list[ExportColumn]] = {
    "identity": [
        ExportColumn("N° dossier", lambda r: r.login, 12),
        ExportColumn("Civilité", lambda r: CIVILITIES.get(r.civility or "", r.civility or ""), 8),
        ExportColumn("Nom", lambda r: r.last_name, 20),
        ExportColumn("Nom de naissance", lambda r: r.birth_name, 20),
        ExportColumn("Prénom", lambda r: r.first_name, 16),
        ExportColumn("Autre prénom", lambda r: r.other_first_name, 14),
        ExportColumn("Date de naissance", lambda r: r.birth_date, 12),
        ExportColumn("Lieu de naissance", _birth_place, 20),
        ExportColumn("Nationalité", lambda r: _nationality(r.nationality), 14),
        ExportColumn("INE", lambda r: r.ine, 13),
    ],
    "contact": [
        ExportColumn("Adresse mail", lambda r: r.mail, 28),
        ExportColumn("Téléphone fixe", lambda r: r.phone, 14),
        ExportColumn("Téléphone portable", lambda r: r.mobile, 14),
    ],
    "bac": [
        ExportColumn("Bac obtenu", _bac, 8),
        ExportColumn("Année du bac", lambda r: r.bac_year, 8),
        ExportColumn("Série du bac", lambda r: _series(r.bac_series), 20),
        ExportColumn("Spécialités", lambda r: _specialties(r.bac_specialties), 30),
        ExportColumn("Mention au bac", lambda r: _mention(r.bac_mention), 12),
        ExportColumn("Lycée", lambda r: _school(r.bac_school), 24),
    ],
    "address": [
        ExportColumn("Adresse ligne 1", lambda r: r.line1, 24),
        ExportColumn("Adresse ligne 2", lambda r: r.line2, 18),
        ExportColumn("Adresse ligne 3", lambda r: r.line3, 18),
        ExportColumn("Code postal", lambda r: r.postal_code, 8),
        ExportColumn("Commune", lambda r: _commune(r.commune) or r.foreign_city, 18),
        ExportColumn("Pays", lambda r: _country(r.country), 14),
    ],
    "formation": [
        ExportColumn("Code formation", lambda r: r.formation_code, 12),
        ExportColumn("Libellé formation", lambda r: r.formation_label, 30),
        ExportColumn("Commission", lambda r: r.commission, 24),
    ],
    "dates": [
        ExportColumn("Date de candidature", lambda r: r.created_at, 16),
        ExportColumn("Date de transmission", lambda r: r.transmitted_at, 16),
        ExportColumn("Date de confirmation", lambda r: r.confirmed_at, 16),
        ExportColumn("Date de désistement", lambda r: r.withdrawn_at, 16),
        ExportColumn(messages.EXPORT_INDIVIDUAL_RETURN, lambda r: r.individual_return_by, 16),
        ExportColumn(messages.EXPORT_INDIVIDUAL_CONFIRM, lambda r: r.individual_confirm_by, 16),
    ],
    "status": [ExportColumn("Statut du dossier", lambda r: r.status, 14)],
    "avis": [
        ExportColumn("Avis", lambda r: "" if r.avis == NO_AVIS else r.avis, 16),
        ExportColumn("Rang", lambda r: r.rank, 6),
        ExportColumn("Avis validé", _validated, 8),
        ExportColumn("Date de validation de l'avis", lambda r: r.validated_at, 16),
        ExportColumn("Motif", lambda r: r.motif, 20),
        ExportColumn("Commentaire", lambda r: r.comment, 30),
    ],
    "tags": [ExportColumn("Tags", lambda r: ", ".join(tag["label"] for tag in r.tags), 20)],
}


NOTES_COLUMN = ExportColumn(messages.EXPORT_NOTES_HEADER, lambda r: r.notes, 50)
CELL_MAX = 32767  # the most characters an Excel cell holds


class _Row:
    """A row of the SELECT with the tags, answers and bloc-notes of its candidature."""

    __slots__ = ("_row", "answers", "notes", "tags")

    def __init__(self, row, tags: list[dict[str, str]], answers: dict[int, str], notes: str = "") -> None:
        self._row = row
        self.tags = tags
        self.answers = answers
        self.notes = notes

    def __getattr__(self, name: str) -> Any:
        return getattr(self._row, name)


class CandidatureExportService:
    def __init__(self, db: Database, table: CandidatureTableService, files: ExportFiles) -> None:
        self.db = db
        self.table = table
        self.files = files

    def count(self, actor: Actor, key: str, query: TableQuery) -> int:
        """How many rows an export of this query would have (the actor's right checked)."""
        with self.db.session() as session:
            statement = self.table.rows_statement(session, actor, key, query, col(Candidature.id))
            return session.exec(select(func.count()).select_from(statement.order_by(None).subquery())).one()

    def xlsx(
        self,
        actor: Actor,
        key: str,
        query: TableQuery,
        groups: Iterable[str],
        progress: Progress | None = None,
    ) -> ExportResult:
        """The XLSX of the table's rows for `query` in scope `key`, with the columns of `groups` (GROUPS), kept
        for the actor to download (`files.claim`). Refused without the right on the scope; InvalidInput when no
        group is ticked."""
        chosen = [group for group in GROUPS if group in set(groups)]
        if not chosen:
            raise InvalidInput({"groups": messages.EXPORT_NO_GROUP})
        path = self.files.new_path(".xlsx")
        try:
            count = self._write(actor, key, query, chosen, path, progress or (lambda done, total: None))
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        filename = f"candidatures-{datetime.now():%Y%m%d-%H%M}.xlsx"
        return ExportResult(self.files.register(actor.id, path, filename, XLSX_TYPE), filename, count)

    def _write(
        self, actor: Actor, key: str, query: TableQuery, groups: Sequence[str], path: Path, progress: Progress
    ) -> int:
        with self.db.session() as session:
            statement = self.table.rows_statement(
                session, actor, key, query, col(Candidature.id), *(column.label(name) for name, column in _READ.items())
            )
            ids = self.table.rows_statement(session, actor, key, query, col(Candidature.id)).order_by(None)
            total = session.exec(select(func.count()).select_from(ids.subquery())).one()
            questions = _questions(session, ids) if "questions" in groups else []
            statement = statement.outerjoin(  # PersonalInfo and Baccalaureate: joined by rows_statement
                PostalAddress, col(PostalAddress.account_id) == col(Candidature.account_id)
            ).outerjoin(Commission, col(Commission.id) == col(Formation.commission_id))
            columns = [column for group in groups if group in COLUMNS for column in COLUMNS[group]]
            columns += [ExportColumn(label, _answer_of(question_id), 30) for question_id, label in questions]
            if "notes" in groups:
                columns.append(NOTES_COLUMN)
            workbook = Workbook(write_only=True)
            sheet = workbook.create_sheet(messages.EXPORT_SHEET)
            for index, column in enumerate(columns, start=1):
                sheet.column_dimensions[get_column_letter(index)].width = column.width
            sheet.freeze_panes = "A2"
            bold = Font(bold=True)
            sheet.append([_cell(sheet, column.header, bold) for column in columns])
            progress(0, total)
            done = 0
            result = session.execute(statement.execution_options(yield_per=BATCH))
            for batch in result.partitions():
                ids = [row.id for row in batch]
                tags = _tags_of(session, ids) if "tags" in groups else {}
                answers = _answers(session, ids) if questions else {}
                notes = _notes(session, ids) if "notes" in groups else {}
                for row in batch:
                    full = _Row(row, tags.get(row.id, []), answers.get(row.id, {}), notes.get(row.id, ""))
                    sheet.append([_cell(sheet, column.value(full)) for column in columns])
                done += len(batch)
                progress(done, total)
            workbook.save(path)
        return done


def _cell(sheet, value: Any, font: Font | None = None) -> WriteOnlyCell | Any:
    """The value as a cell: a date as an Excel date (Paris time), a text as a text (never a formula)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        cell = WriteOnlyCell(sheet, value=in_paris(value).replace(tzinfo=None))
        cell.number_format = DATETIME_FORMAT
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, bool | int | float):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    if font is None and not text.startswith("=") and text not in ERROR_CODES:
        return text  # openpyxl makes it a text cell itself (quicker than a cell of ours)
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # « =HYPERLINK(…) » typed by a candidate stays a text
    if font is not None:
        cell.font = font
    return cell


def _questions(session: Session, ids) -> list[tuple[int, str]]:
    """The questions answered in the exported rows (`ids`: their SELECT), in their order: one column each."""
    ids = ids.subquery()
    answered = select(Answer.question_id).where(col(Answer.candidature_id).in_(select(ids.c.id)))
    rows = session.exec(
        select(Question.id, Question.label, Question.position)
        .where(col(Question.id).in_(answered))
        .order_by(col(Question.position), col(Question.id))
    ).all()
    return [(question_id, label) for question_id, label, _ in rows]


def _answer_of(question_id: int) -> Callable[[Any], str]:
    return lambda row: row.answers.get(question_id, "")


def _answers(session: Session, candidature_ids: list[int]) -> dict[int, dict[int, str]]:
    found: dict[int, dict[int, str]] = {}
    for answer in session.exec(select(Answer).where(col(Answer.candidature_id).in_(candidature_ids))):
        found.setdefault(answer.candidature_id, {})[answer.question_id] = answer.value
    return found


def _notes(session: Session, candidature_ids: list[int]) -> dict[int, str]:
    """The bloc-notes of each candidature as one text: its notes, the oldest first, each « 06/12/2026 14:07 —
    Author : text » on its lines (cut to what a cell holds)."""
    lines: dict[int, list[str]] = {}
    rows = session.exec(
        select(CandidatureNote, StaffMember)
        .join(StaffMember, col(StaffMember.id) == col(CandidatureNote.staff_id))
        .where(col(CandidatureNote.candidature_id).in_(candidature_ids))
        .order_by(col(CandidatureNote.written_at), col(CandidatureNote.id))
    )
    for note, author in rows:
        when = in_paris(note.written_at).strftime("%d/%m/%Y %H:%M")
        lines.setdefault(note.candidature_id, []).append(f"{when} — {author.display_name} : {note.text}")
    return {candidature_id: "\n".join(texts)[:CELL_MAX] for candidature_id, texts in lines.items()}
