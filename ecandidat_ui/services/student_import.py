"""Import of the institution's students (identity, INE, results) from a CSV file, all or nothing.

One line per result; a student's identity is repeated on each of their lines (a student without results
has one line with empty result columns). Columns, separated by ';' or ',':
numero_etudiant, login_cas, ine, civilite, nom, prenom, date_naissance (JJ/MM/AAAA or AAAA-MM-JJ), mail,
annee_universitaire, code, libelle, mention, resultat, note, bareme.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import delete, select

from ecandidat_ui.db import Database
from ecandidat_ui.services import ine
from ecandidat_ui.services.fields import FieldError, mail_address, person_name
from models import Student, StudentResult

REQUIRED = ("numero_etudiant", "login_cas", "nom", "prenom")
COLUMNS = (
    *REQUIRED,
    "ine",
    "civilite",
    "date_naissance",
    "mail",
    "annee_universitaire",
    "code",
    "libelle",
    "mention",
    "resultat",
    "note",
    "bareme",
)


class ImportRefused(Exception):
    """The file was not imported; `problems` name each faulty line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class _Parsed:
    student: dict[str, object]
    results: list[dict[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class ImportReport:
    students: int
    results: int


def import_students(db: Database, text: str) -> ImportReport:
    parsed = parse(text)
    with db.session() as session:
        for entry in parsed.values():
            number = entry.student["student_number"]
            student = session.exec(select(Student).where(Student.student_number == number)).first() or Student()
            for name, value in entry.student.items():
                setattr(student, name, value)
            session.add(student)
            session.flush()
            session.exec(delete(StudentResult).where(StudentResult.student_id == student.id))
            for result in entry.results:
                session.add(StudentResult(student_id=student.id, **result))
    return ImportReport(len(parsed), sum(len(entry.results) for entry in parsed.values()))


def parse(text: str) -> dict[str, _Parsed]:
    text = text.lstrip("\ufeff")
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text.strip() else ",", delimiters=";,")
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ImportRefused([f"ligne 1 : colonnes manquantes : {', '.join(missing)}"])
    reader.fieldnames = header
    students: dict[str, _Parsed] = {}
    problems: list[str] = []
    for row in reader:
        line = reader.line_num
        try:
            identity, result = _row(row)
        except ValueError as error:
            problems.append(f"ligne {line} : {error}")
            continue
        entry = students.setdefault(str(identity["student_number"]), _Parsed(identity))
        if entry.student != identity:
            problems.append(f"ligne {line} : identité différente de celle des lignes précédentes de cet étudiant")
        if result:
            entry.results.append(result)
    logins = [entry.student["cas_login"] for entry in students.values()]
    problems += [f"login CAS en double : {login}" for login in sorted({x for x in logins if logins.count(x) > 1})]
    if problems:
        raise ImportRefused(problems)
    return students


def _row(row: dict[str, str | None]) -> tuple[dict[str, object], dict[str, str] | None]:
    value = {name: (row.get(name) or "").strip() for name in COLUMNS}
    for name in REQUIRED:
        if not value[name]:
            raise ValueError(f"{name} est obligatoire")
    try:
        identity = {
            "student_number": _limited(value["numero_etudiant"], 20, "numero_etudiant"),
            "cas_login": _limited(value["login_cas"], 100, "login_cas"),
            "ine": _ine(value["ine"]),
            "civility": _civility(value["civilite"]),
            "birth_name": person_name(value["nom"], 30),
            "first_name": person_name(value["prenom"], 20),
            "birth_date": _date(value["date_naissance"]),
            "mail": mail_address(value["mail"]) if value["mail"] else "",
        }
    except FieldError as error:
        raise ValueError(error.message) from None
    if not (value["code"] or value["libelle"]):
        return identity, None
    if not value["annee_universitaire"]:
        raise ValueError("annee_universitaire est obligatoire pour un résultat")
    result = {
        "academic_year": _limited(value["annee_universitaire"], 9, "annee_universitaire"),
        "code": _limited(value["code"], 20, "code"),
        "label": _limited(value["libelle"], 200, "libelle"),
        "mention": _limited(value["mention"], 50, "mention"),
        "result": _limited(value["resultat"], 50, "resultat"),
        "grade": _limited(value["note"], 10, "note"),
        "scale": _limited(value["bareme"], 10, "bareme"),
    }
    return identity, result


def _limited(text: str, length: int, name: str) -> str:
    if len(text) > length:
        raise ValueError(f"{name} dépasse {length} caractères")
    return text


def _ine(text: str) -> str:
    if text and not ine.is_valid(text):
        raise ValueError(f"INE invalide : {text}")
    return ine.normalize(text)


def _civility(text: str) -> str:
    if text and text not in {"M.", "Mme"}:
        raise ValueError("civilite doit valoir M. ou Mme")
    return text


def _date(text: str) -> date | None:
    if not text:
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"date_naissance invalide : {text}")
