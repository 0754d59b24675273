"""The offer as a file: the database's offer written in exactly the YAML that `python -m ecandidat_ui
import-offer` and the « Offre de formation » screen read (services/offer_import.py), so that a file downloaded,
edited and sent back changes what was edited and nothing else. Values equal to the format's defaults are left
out; a pièce's model file is not part of it (it stays with the pièce)."""

from __future__ import annotations

from typing import Any

import yaml
from sqlmodel import Session, col, select

from models import (
    Centre,
    Commission,
    Formation,
    FormationPiece,
    FormationQuestion,
    Piece,
    Question,
    QuestionKind,
    TreatmentType,
)

HEADER = (
    "# Offre de formation exportée par eCandidat : à modifier puis à renvoyer dans la gestion (Offre de formation >\n"
    "# Offre en fichier) ou à charger avec `python -m ecandidat_ui import-offer`. Rien n'est supprimé à l'import.\n"
)


def offer_data(session: Session) -> dict[str, Any]:
    """Every centre with its formations, every pièce and question, as the import format describes them."""
    centre_codes = dict(session.exec(select(Centre.id, Centre.code)).all())
    pieces = session.exec(select(Piece).order_by(col(Piece.position), col(Piece.code))).all()
    questions = session.exec(select(Question).order_by(col(Question.position), col(Question.code))).all()
    piece_codes = {piece.id: piece.code for piece in pieces}
    question_codes = {question.id: question.code for question in questions}
    chosen_pieces = _links(session, FormationPiece, "piece_id", piece_codes)
    chosen_questions = _links(session, FormationQuestion, "question_id", question_codes)
    commissions = {c.id: c for c in session.exec(select(Commission)).all()}
    centres = []
    for centre in session.exec(select(Centre).order_by(col(Centre.code))).all():
        formations = session.exec(
            select(Formation).where(Formation.centre_id == centre.id).order_by(col(Formation.code))
        ).all()
        entry: dict[str, Any] = {"code": centre.code, "libelle": centre.label}
        _unless(entry, "en_service", centre.active, True)
        entry["formations"] = [
            _formation(f, commissions.get(f.commission_id), chosen_pieces, chosen_questions) for f in formations
        ]
        centres.append(entry)
    return {
        "pieces": [_piece(piece, centre_codes) for piece in pieces],
        "questions": [_question(question, centre_codes) for question in questions],
        "centres": centres,
    }


def offer_yaml(session: Session) -> str:
    return HEADER + yaml.dump(offer_data(session), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)


class _Dumper(yaml.SafeDumper):
    """Text on several lines (an address) written as a block, as one types it."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def _links(session: Session, link, column: str, codes: dict[int, str]) -> dict[int, list[str]]:
    chosen: dict[int, list[str]] = {}
    for formation_id, item_id in session.exec(select(link.formation_id, getattr(link, column))).all():
        chosen.setdefault(formation_id, []).append(codes[item_id])
    return {formation_id: sorted(items) for formation_id, items in chosen.items()}


def _unless(entry: dict[str, Any], key: str, value: Any, default: Any) -> None:
    """Write the value only when it is not the format's default."""
    if value != default and value is not None:
        entry[key] = value


def _piece(piece: Piece, centre_codes: dict[int, str]) -> dict[str, Any]:
    entry: dict[str, Any] = {"code": piece.code, "libelle": piece.label}
    _unless(entry, "ordre", piece.position, 0)
    _unless(entry, "en_service", piece.active, True)
    _unless(entry, "commune", piece.common, False)
    _unless(entry, "unique", piece.unique_file, piece.common)  # unsaid, « unique » is as « commune »
    _unless(entry, "conditionnelle", piece.conditional, False)
    _unless(entry, "modele", piece.template, "")
    _unless(entry, "centre", centre_codes.get(piece.centre_id), None)
    return entry


def _question(question: Question, centre_codes: dict[int, str]) -> dict[str, Any]:
    entry: dict[str, Any] = {"code": question.code, "libelle": question.label}
    _unless(entry, "ordre", question.position, 0)
    _unless(entry, "en_service", question.active, True)
    _unless(entry, "commune", question.common, False)
    entry["type"] = "oui_non" if question.kind == QuestionKind.YES_NO else "texte"
    _unless(entry, "obligatoire", question.required, True)
    _unless(entry, "centre", centre_codes.get(question.centre_id), None)
    return entry


def _formation(
    formation: Formation,
    commission: Commission | None,
    pieces: dict[int, list[str]],
    questions: dict[int, list[str]],
) -> dict[str, Any]:
    entry: dict[str, Any] = {"code": formation.code, "libelle": formation.label}
    _unless(entry, "en_service", formation.active, True)
    _unless(entry, "type_traitement", formation.treatment_type, TreatmentType.WAITING.value)
    _unless(entry, "type_diplome", formation.diploma_type, "")
    _unless(entry, "mots_cles", formation.keywords, "")
    _unless(entry, "url", formation.url, "")
    entry["debut_depot"] = formation.opens_on  # written as 2027-03-01, read back as text by the import
    entry["fin_depot"] = formation.closes_on
    for key, value in (
        ("date_pre_analyse", formation.preanalysis_on),
        ("date_retour", formation.return_by),
        ("date_jury", formation.jury_on),
        ("date_publication", formation.publication_on),
        ("date_confirmation", formation.confirm_by),
    ):
        _unless(entry, key, value, None)
    _unless(entry, "delai_confirmation", formation.confirm_delay_days, None)
    _unless(entry, "capacite", formation.capacity, None)
    _unless(entry, "mode", "dematerialise" if formation.paperless else "papier", "dematerialise")
    if commission is not None:
        described: dict[str, Any] = {"code": commission.code, "libelle": commission.label}
        _unless(described, "mail", commission.mail, "")
        _unless(described, "adresse", commission.address, "")
        entry["commission"] = described
    _unless(entry, "infos", formation.info, "")
    _unless(entry, "pieces", pieces.get(formation.id), None)
    _unless(entry, "questions", questions.get(formation.id), None)
    return entry
