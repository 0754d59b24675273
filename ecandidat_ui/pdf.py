"""PDF documents of a candidature: the récapitulatif of the file, the admission or refusal letter (fpdf2)."""

from __future__ import annotations

import io
import unicodedata
from datetime import date

from fpdf import FPDF

from ecandidat_ui import refdata
from ecandidat_ui.services.candidate_file import CandidateFile
from ecandidat_ui.services.candidatures import CandidatureView
from models import Account

SIGNATURE_HEIGHT_MM = 25
REPLACEMENTS = {
    "’": "'",
    "Ł": "L",
    "ł": "l",
    "Đ": "D",
    "đ": "d",
    "ı": "i",
    "œ": "oe",
    "Œ": "OE",
    "…": "...",
    "–": "-",
    "—": "-",
    "€": "EUR",
    "•": "-",
}


def recapitulatif(institution: str, account: Account, file: CandidateFile, view: CandidatureView) -> bytes:
    pdf = _document(institution, "Récapitulatif de candidature")
    _section(pdf, "Candidature")
    _pairs(
        pdf,
        [
            ("Formation", view.formation.label),
            ("Centre de candidature", view.centre.label),
            ("Numéro de dossier", account.login),
            ("Statut du dossier", view.candidature.status),
            (
                "Transmise le",
                f"{view.candidature.transmitted_at:%d/%m/%Y}" if view.candidature.transmitted_at else "non",
            ),
            ("Date limite de retour", f"{view.return_by:%d/%m/%Y}"),
        ],
    )
    _section(pdf, "Candidat")
    personal = file.personal
    pairs = [("Nom", account.last_name), ("Prénom", account.first_name), ("Adresse mail", account.mail)]
    if personal is not None:
        country = refdata.country_by_code(personal.nationality)
        pairs += [
            ("Civilité", personal.civility),
            ("Date de naissance", f"{personal.birth_date:%d/%m/%Y}" if personal.birth_date else ""),
            ("Nationalité", country.nationality if country else ""),
            ("INE", personal.ine),
            ("Téléphone", personal.mobile or personal.phone),
        ]
    if file.address is not None:
        address = file.address
        commune = refdata.commune_by_insee(address.commune)
        town = f"{address.postal_code} {commune.name}" if commune else address.foreign_city
        pairs.append(("Adresse", ", ".join(p for p in (address.line1, address.line2, address.line3, town) if p)))
    if file.bac is not None:
        bac = file.bac
        series = refdata.bac_series_by_code(bac.series)
        pairs.append(("Baccalauréat", f"{bac.year} - {series.label}" if bac.has_bac and series else "Sans bac"))
    _pairs(pdf, pairs)
    if file.external:
        _section(pdf, "Cursus post-bac")
        for entry in file.external:
            _line(pdf, f"{entry.year} - {entry.label} ({entry.school_name})")
    if view.pieces:
        _section(pdf, "Pièces justificatives")
        for piece in view.pieces:
            name = f" - {piece.file.original_name}" if piece.file else ""
            _line(pdf, f"{piece.piece.label} : {piece.status}{name}")
    if view.questions:
        _section(pdf, "Questions")
        for question, answer in view.questions:
            _pairs(pdf, [(question.label, answer or "(sans réponse)")])
    return bytes(pdf.output())


def letter(
    institution: str, account: Account, view: CandidatureView, today: date, signature: bytes | None = None
) -> bytes:
    """The admission letter after a favourable decision, the refusal letter after an unfavourable one, with the
    commission's address, signatory and signature image when it has them (a PNG or JPEG checked at upload)."""
    admitted = view.decision_shown == "Favorable"
    commission = view.commission
    pdf = _document(institution, "Lettre d'admission" if admitted else "Notification de refus")
    pdf.set_font("Helvetica", size=10)
    if commission is not None and commission.address:
        for address_line in commission.address.splitlines():
            _line(pdf, address_line)
        pdf.ln(2)
    pdf.set_font("Helvetica", size=11)
    _line(pdf, f"Le {today:%d/%m/%Y}")
    pdf.ln(4)
    _line(pdf, f"{account.first_name} {account.last_name}")
    _line(pdf, f"Numéro de dossier : {account.login}")
    pdf.ln(6)
    _line(pdf, f"Objet : votre candidature à la formation « {view.formation.label} »")
    pdf.ln(4)
    if admitted:
        body = (
            f"Nous avons le plaisir de vous informer que la commission a émis un avis favorable à votre "
            f"candidature à la formation « {view.formation.label} »."
        )
        deadline = view.confirm_deadline
        if deadline:
            body += (
                f" Pour réserver votre place, confirmez votre inscription sur eCandidat avant le {deadline:%d/%m/%Y}."
            )
    else:
        body = (
            f"Nous avons le regret de vous informer que la commission a émis un avis défavorable à votre "
            f"candidature à la formation « {view.formation.label} »."
        )
    if view.candidature.decision_comment:
        body += f"\n\nMotif : {view.candidature.decision_comment}"
    pdf.multi_cell(0, 6, _text(body))
    pdf.ln(8)
    _line(pdf, f"La commission {commission.label if commission else view.formation.label}")
    if commission is not None and commission.signatory:
        for signatory_line in commission.signatory.splitlines():
            _line(pdf, signatory_line)
    if signature:
        pdf.image(io.BytesIO(signature), h=SIGNATURE_HEIGHT_MM)
    _line(pdf, institution)
    return bytes(pdf.output())


def _document(institution: str, title: str) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_title(_text(title))
    pdf.set_author(_text(institution))
    pdf.set_lang("fr")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, _text(institution), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 9, _text(title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    return pdf


def _section(pdf: FPDF, title: str) -> None:
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 8, _text(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)


def _pairs(pdf: FPDF, pairs: list[tuple[str, str]]) -> None:
    for label, value in pairs:
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(55, 6, _text(f"{label} :"))
        pdf.set_font("Helvetica", size=10)
        pdf.multi_cell(0, 6, _text(str(value or "")), new_x="LMARGIN", new_y="NEXT")


def _line(pdf: FPDF, text: str) -> None:
    pdf.multi_cell(0, 6, _text(text), new_x="LMARGIN", new_y="NEXT")


def _text(text: str) -> str:
    """The built-in PDF fonts know Latin-1 only: other characters get their closest Latin-1 form."""
    for character, replacement in REPLACEMENTS.items():
        text = text.replace(character, replacement)
    return "".join(c if ord(c) < 256 else _latin1(c) for c in unicodedata.normalize("NFC", text))


def _latin1(character: str) -> str:
    """« ł » → « l », « Ş » → « S »; what has no Latin-1 form becomes « ? »."""
    base = "".join(c for c in unicodedata.normalize("NFKD", character) if ord(c) < 256 and not unicodedata.combining(c))
    return base or "?"
