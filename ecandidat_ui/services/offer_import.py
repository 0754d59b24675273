"""Loading the offer from a YAML or CSV file, checked as a whole: an error names its line, nothing is half-applied.

YAML:
    pieces:                      # ordre (0), en_service (true), unique (as commune), modele (an URL) are optional
      - {code: CNI, libelle: Pièce d'identité, commune: true}   # commune: asked in every formation
      - {code: HANDI, libelle: Notification MDPH, conditionnelle: true}
    questions:                   # ordre, en_service, commune, obligatoire (true) are optional
      - {code: PROJET, libelle: Quel est votre projet ?, type: texte}
    centres:
      - code: SCI
        libelle: UFR Sciences et Techniques
        formations:
          - code: L1-MATH
            libelle: Licence 1 Mathématiques
            type_diplome: Licence
            debut_depot: 2027-03-01
            fin_depot: 2027-04-30
            date_retour: 2027-05-10         # optional, like every field below
            mode: dematerialise              # or papier
            commission: Commission des licences   # a commission of the centre, by code or label (created if
                                                  # unknown), or {code: SCI-L, libelle: ..., mail: ..., adresse: ...}
            pieces: [CNI, HANDI]
            questions:                     # a code of the « questions » above, or a question written here
              - PROJET                     # (the centre's one with the same text is found again, else made)
              - {libelle: "Avez-vous déjà été inscrit chez nous ?", type: oui_non}

CSV (one formation per line, ';' or ',' separated): centre_code, centre_libelle, code, libelle, type_diplome,
debut_depot, fin_depot, date_retour, mode, capacite, mots_cles, url, pieces (codes separated by spaces).
Codes already in the database are updated; nothing is deleted.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Annotated, Any, ClassVar, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator
from sqlmodel import Session, col, delete, func, select

from ecandidat_ui.db import Database
from ecandidat_ui.services import offer_dates
from models import (
    Centre,
    Commission,
    Formation,
    FormationPiece,
    FormationQuestion,
    Piece,
    Question,
    QuestionKind,
)

LINE = "__line__"
KEY_LINES = "__key_lines__"


class OfferRefused(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class PieceSpec(_Strict):
    code: str = Field(min_length=1, max_length=20)
    libelle: str = Field(min_length=1, max_length=200)
    ordre: int = Field(0, ge=0, le=9999)
    en_service: bool = True
    commune: bool = False
    unique: bool | None = None  # one file for every candidature; unsaid: as « commune »
    conditionnelle: bool = False
    modele: str = Field("", max_length=500)
    centre: str = Field("", max_length=20)  # the code of the centre it serves alone; unsaid: every centre


class QuestionSpec(_Strict):
    code: str = Field("", max_length=20)  # a question of the file's « questions » list; else found by its text
    libelle: str = Field(min_length=1, max_length=500)
    ordre: int = Field(0, ge=0, le=9999)
    en_service: bool = True
    commune: bool = False
    type: Literal["oui_non", "texte"] = "texte"
    obligatoire: bool = True
    centre: str = Field("", max_length=20)  # in the « questions » list: as for a pièce


class CommissionSpec(_Strict):
    code: str = Field(min_length=1, max_length=20)
    libelle: str = Field(min_length=1, max_length=200)
    mail: str = Field("", max_length=100)
    adresse: str = Field("", max_length=500)


class FormationSpec(_Strict):
    code: str = Field(min_length=1, max_length=20)
    libelle: str = Field(min_length=1, max_length=200)
    type_diplome: str = Field("", max_length=100)
    mots_cles: str = Field("", max_length=500)
    url: str = Field("", max_length=500)
    en_service: bool = True
    type_traitement: Literal["AD", "AC", "AT"] = "AT"
    debut_depot: date
    fin_depot: date
    date_pre_analyse: date | None = None
    date_retour: date | None = None
    date_jury: date | None = None
    date_publication: date | None = None
    date_confirmation: date | None = None
    delai_confirmation: int | None = Field(None, ge=1)
    capacite: int | None = Field(None, ge=1)
    mode: Literal["dematerialise", "papier"] = "dematerialise"
    commission: CommissionSpec | Annotated[str, StringConstraints(max_length=200)] = ""
    commission_mail: str = Field("", max_length=100)
    commission_adresse: str = Field("", max_length=500)
    infos: str = Field("", max_length=2000)
    pieces: list[str] = []
    questions: list[Annotated[str, StringConstraints(max_length=20)] | QuestionSpec] = []

    @model_validator(mode="after")
    def _dates_in_order(self) -> FormationSpec:
        dates = {
            "opens_on": self.debut_depot,
            "closes_on": self.fin_depot,
            "preanalysis_on": self.date_pre_analyse,
            "return_by": self.date_retour,
            "jury_on": self.date_jury,
            "publication_on": self.date_publication,
            "confirm_by": self.date_confirmation,
        }
        if errors := offer_dates.order_errors(dates):
            raise ValueError(" ; ".join(errors.values()))
        return self


class CentreSpec(_Strict):
    code: str = Field(min_length=1, max_length=20)
    libelle: str = Field(min_length=1, max_length=120)
    en_service: bool = True
    formations: list[FormationSpec] = []


class OfferSpec(_Strict):
    pieces: list[PieceSpec] = []
    questions: list[QuestionSpec] = []
    centres: list[CentreSpec] = []


def load_offer_file(db: Database, name: str, text: str) -> tuple[int, int]:
    """Apply a YAML or CSV offer; returns (centres, formations) it holds."""
    data = parse_csv(text) if name.lower().endswith(".csv") else parse_yaml(text)
    return apply_offer(db, data)


def apply_offer(db: Database, data: dict[str, Any]) -> tuple[int, int]:
    with db.session() as session:
        return apply_in(session, data)


def apply_in(session: Session, data: dict[str, Any]) -> tuple[int, int]:
    """Apply the offer in the caller's transaction (OfferRefused when it cannot be: the caller rolls back)."""
    offer = _validated(data)
    centres: dict[str, Centre] = {}
    for centre_spec in offer.centres:
        centre = session.exec(select(Centre).where(Centre.code == centre_spec.code)).first() or Centre()
        centre.code, centre.label, centre.active = centre_spec.code, centre_spec.libelle, centre_spec.en_service
        session.add(centre)
        session.flush()
        centres[centre.code] = centre
    pieces = {piece.code: _upsert_piece(session, piece, _reach(session, centres, piece)) for piece in offer.pieces}
    questions = {
        question.code: _upsert_question(session, question, _reach(session, centres, question))
        for question in offer.questions
    }
    for centre_spec in offer.centres:
        for spec in centre_spec.formations:
            _upsert_formation(session, centres[centre_spec.code], spec, pieces, questions)
    return len(offer.centres), sum(len(centre.formations) for centre in offer.centres)


def _reach(session: Session, centres: dict[str, Centre], spec: PieceSpec | QuestionSpec) -> Centre | None:
    """The centre a pièce or question serves alone: one of the file or of the database, by code."""
    if not spec.centre:
        return None
    centre = centres.get(spec.centre) or session.exec(select(Centre).where(Centre.code == spec.centre)).first()
    if centre is None:
        raise OfferRefused([f"{spec.code} : centre inconnu : {spec.centre}"])
    return centre


def parse_yaml(text: str) -> dict[str, Any]:
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise OfferRefused([f"ligne {mark.line + 1 if mark else '?'} : YAML illisible"]) from None
    if not isinstance(data, dict):
        raise OfferRefused(["ligne 1 : le fichier doit décrire « pieces » et « centres »"])
    return data


def parse_csv(text: str) -> dict[str, Any]:
    text = text.lstrip("\ufeff")
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text.strip() else ",", delimiters=";,")
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    centres: dict[str, dict[str, Any]] = {}
    for row in reader:
        values = {key.strip(): (value or "").strip() for key, value in row.items() if key}
        centre = centres.setdefault(
            values.get("centre_code", ""),
            {
                "code": values.get("centre_code", ""),
                "libelle": values.get("centre_libelle", ""),
                "formations": [],
                LINE: reader.line_num,
            },
        )
        formation = {key: value for key, value in values.items() if value and not key.startswith("centre_")}
        formation["pieces"] = formation.get("pieces", "").split()
        formation[LINE] = reader.line_num
        centre["formations"].append(formation)
    return {"centres": list(centres.values())}


def _validated(data: dict[str, Any]) -> OfferSpec:
    try:
        offer = OfferSpec.model_validate(_without_lines(data))
    except ValidationError as error:
        raise OfferRefused([_problem(data, e) for e in error.errors()]) from None
    problems = []
    codes = [f.code for centre in offer.centres for f in centre.formations]
    problems += [f"formation en double : {code}" for code in sorted({c for c in codes if codes.count(c) > 1})]
    declared = {piece.code for piece in offer.pieces}
    asked = {question.code for question in offer.questions}
    problems += [
        f"ligne {_line(data, ('questions', index))} : code obligatoire"
        for index, question in enumerate(offer.questions)
        if not question.code
    ]
    for c_index, centre in enumerate(offer.centres):
        for f_index, formation in enumerate(centre.formations):
            for code in formation.pieces:
                if code not in declared:
                    line = _line(data, ("centres", c_index, "formations", f_index))
                    problems.append(f"ligne {line} : pièce inconnue : {code}")
            for question in formation.questions:
                if isinstance(question, str) and question not in asked:
                    line = _line(data, ("centres", c_index, "formations", f_index))
                    problems.append(f"ligne {line} : question inconnue : {question}")
    if problems:
        raise OfferRefused(problems)
    return offer


def _upsert_piece(session: Session, spec: PieceSpec, centre: Centre | None) -> Piece:
    piece = session.exec(select(Piece).where(Piece.code == spec.code)).first() or Piece()
    piece.code, piece.label, piece.common = spec.code, spec.libelle, spec.commune
    piece.centre_id = centre.id if centre else None
    piece.position, piece.active = spec.ordre, spec.en_service
    piece.unique_file = spec.commune if spec.unique is None else spec.unique
    piece.conditional, piece.template = spec.conditionnelle, spec.modele
    session.add(piece)
    session.flush()
    return piece


def _upsert_question(session: Session, spec: QuestionSpec, centre: Centre | None) -> Question:
    """By its code; a question written in a formation without code is the centre's one with the same text, type
    and « obligatoire » (made, with a new code, when there is none)."""
    kind = QuestionKind.YES_NO if spec.type == "oui_non" else QuestionKind.TEXT
    if spec.code:
        question = session.exec(select(Question).where(Question.code == spec.code)).first() or Question()
    else:
        question = session.exec(
            select(Question)
            .where(Question.label == spec.libelle, Question.kind == kind, Question.required == spec.obligatoire)
            .where(Question.centre_id == (centre.id if centre else None))
            .order_by(col(Question.id))
        ).first()
        if question is not None:
            return question
        question = Question(code=_free_question_code(session), centre_id=centre.id if centre else None)
    question.code = spec.code or question.code
    question.label, question.kind, question.required = spec.libelle, kind, spec.obligatoire
    question.position, question.active, question.common = spec.ordre, spec.en_service, spec.commune
    question.centre_id = centre.id if centre else None
    session.add(question)
    session.flush()
    return question


def _free_question_code(session: Session) -> str:
    number = (session.exec(select(func.max(Question.id))).one() or 0) + 1
    while session.exec(select(Question.id).where(Question.code == f"Q{number}")).first() is not None:
        number += 1
    return f"Q{number}"


def _upsert_formation(
    session: Session,
    centre: Centre,
    spec: FormationSpec,
    pieces: dict[str, Piece],
    questions: dict[str, Question],
) -> None:
    formation = session.exec(select(Formation).where(Formation.code == spec.code)).first()
    values = dict(
        code=spec.code,
        label=spec.libelle,
        centre_id=centre.id,
        active=spec.en_service,
        treatment_type=spec.type_traitement,
        preanalysis_on=spec.date_pre_analyse,
        info=spec.infos,
        diploma_type=spec.type_diplome,
        keywords=spec.mots_cles,
        url=spec.url,
        opens_on=spec.debut_depot,
        closes_on=spec.fin_depot,
        return_by=spec.date_retour,
        jury_on=spec.date_jury,
        publication_on=spec.date_publication,
        confirm_by=spec.date_confirmation,
        confirm_delay_days=spec.delai_confirmation,
        capacity=spec.capacite,
        paperless=spec.mode == "dematerialise",
    )
    commission = _commission(session, centre, spec)
    if commission is not None:
        values["commission_id"] = commission.id
    elif formation is not None and formation.centre_id != centre.id:
        values["commission_id"] = None  # moved to another centre: its commission stays behind
    if formation is None:
        formation = Formation(**values)
    else:
        for name, value in values.items():
            setattr(formation, name, value)
    session.add(formation)
    session.flush()
    session.exec(delete(FormationPiece).where(FormationPiece.formation_id == formation.id))
    for code in dict.fromkeys(spec.pieces):
        session.add(FormationPiece(formation_id=formation.id, piece_id=pieces[code].id))
    session.exec(delete(FormationQuestion).where(FormationQuestion.formation_id == formation.id))
    linked: set[int] = set()
    for given in spec.questions:
        question = questions[given] if isinstance(given, str) else _upsert_question(session, given, centre)
        if question.id not in linked:
            linked.add(question.id)
            session.add(FormationQuestion(formation_id=formation.id, question_id=question.id))


def _commission(session: Session, centre: Centre, spec: FormationSpec) -> Commission | None:
    """The formation's commission: one of its centre by code or label, created when unknown (a code is made up
    for a label alone); None when the file names none (a commission set in the gestion is kept)."""
    given = spec.commission
    if isinstance(given, CommissionSpec):
        commission = session.exec(select(Commission).where(Commission.code == given.code)).first()
        if commission is not None and commission.centre_id != centre.id:
            raise OfferRefused([f"formation {spec.code} : la commission {given.code} est celle d'un autre centre"])
        commission = commission or Commission(code=given.code, label=given.libelle, centre_id=centre.id)
        commission.label = given.libelle
        commission.mail = given.mail or commission.mail
        commission.address = given.adresse or commission.address
    elif given:
        of_centre = select(Commission).where(Commission.centre_id == centre.id)
        commission = (
            session.exec(of_centre.where(Commission.code == given)).first()
            or session.exec(of_centre.where(Commission.label == given).order_by(Commission.id)).first()
        )
        commission = commission or Commission(code=_free_code(session, centre.code), label=given, centre_id=centre.id)
    else:
        return None
    commission.mail = spec.commission_mail or commission.mail
    commission.address = spec.commission_adresse or commission.address
    session.add(commission)
    session.flush()
    return commission


def _free_code(session: Session, centre_code: str) -> str:
    taken = set(session.exec(select(Commission.code).where(col(Commission.code).startswith(centre_code[:14]))))
    number = 1
    while f"{centre_code[:14]}-C{number}" in taken:
        number += 1
    return f"{centre_code[:14]}-C{number}"


class _LineLoader(yaml.SafeLoader):
    """Records the line of every mapping, and leaves dates as text for the checks to read (and report)."""

    yaml_implicit_resolvers: ClassVar = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        mapping[KEY_LINES] = {key.value: key.start_mark.line + 1 for key, _ in node.value if hasattr(key, "value")}
        return mapping


def _without_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_lines(v) for k, v in value.items() if k not in (LINE, KEY_LINES)}
    if isinstance(value, list):
        return [_without_lines(v) for v in value]
    return value


def _line(data: Any, location: tuple) -> int | str:
    """The line of the faulty key, or else of the innermost mapping on the way to it."""
    line: int | str = data.get(LINE, 1) if isinstance(data, dict) else 1
    node = data
    for key in location:
        if isinstance(node, dict) and key in node.get(KEY_LINES, {}):
            line = node[KEY_LINES][key]
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and LINE in node:
            line = node[LINE]
    return line


def _problem(data: dict[str, Any], error: dict[str, Any]) -> str:
    location = tuple(error["loc"])
    field = ".".join(str(part) for part in location if not isinstance(part, int))
    return f"ligne {_line(data, location)} : {field} : {_french(error)}"


def _french(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "obligatoire"
    if kind == "extra_forbidden":
        return "champ inconnu"
    if kind.startswith("date"):
        return "date invalide (AAAA-MM-JJ attendu)"
    if kind == "literal_error":
        return f"valeur invalide, attendu : {error['ctx']['expected']}"
    if kind == "string_too_long":
        return f"trop long (au plus {error['ctx']['max_length']} caractères)"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "nombre entier attendu"
    if kind in ("bool_parsing", "bool_type"):
        return "true ou false attendu"
    if kind == "greater_than_equal":
        return f"doit être au moins {error['ctx']['ge']}"
    if kind == "less_than_equal":
        return f"doit être au plus {error['ctx']['le']}"
    if kind == "string_too_short":
        return "obligatoire"
    if kind in ("string_type", "list_type", "dict_type", "model_type", "union_tag_invalid"):
        return "valeur de type inattendu"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    return str(error["msg"])
