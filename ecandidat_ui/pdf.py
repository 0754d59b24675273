"""PDF documents of a candidature: the récapitulatif of the file, the admission or refusal letter (fpdf2).

Every name is written as typed, in any script: DejaVu Sans (Latin, Greek, Cyrillic, Arabic, Hebrew…) with
Droid Sans Fallback for Chinese and Japanese and Symbola for emoji, shaped by HarfBuzz so that Arabic letters
join and right-to-left text reads right to left. The fonts are in data/fonts (see data/SOURCES.md).
"""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import date
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF

from ecandidat_ui import refdata
from ecandidat_ui.services import fields
from ecandidat_ui.services.candidate_file import CandidateFile
from ecandidat_ui.services.candidatures import CandidatureView
from models import Account

SIGNATURE_HEIGHT_MM = 25
FONTS = Path(__file__).parent / "data" / "fonts"
FAMILY = "dejavu"
REGULAR, BOLD = "DejaVuSans.ttf", "DejaVuSans-Bold-Latin.ttf"  # the bold one has the Latin, Greek and Cyrillic
# Fonts for what DejaVu Sans lacks, loaded only by a document that needs them (the Chinese one takes ~0.3 s).
FALLBACKS = {"cjk": "DroidSansFallbackFull.ttf", "emoji": "Symbola-Emoji.ttf"}
UNKNOWN = "\ufffd"
# fpdf2's bidi algorithm recurses once per character of a run without letters or digits: past ~900 (a candidate's
# answer of dashes after a Hebrew word) Python's recursion limit is hit. An invisible left-to-right mark, a
# "strong" character, ends such a run.
_WITHOUT_LETTERS = re.compile(r"[\W_]{300}")
LEFT_TO_RIGHT_MARK = "\u200e"
_NOT_WRITTEN = dict.fromkeys(map(ord, "\ufe0e\ufe0f"), None)  # emoji variation selectors: no font draws them


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
    pdf.set_font(FAMILY, size=10)
    if commission is not None and commission.address:
        for address_line in commission.address.splitlines():
            _line(pdf, address_line)
        pdf.ln(2)
    pdf.set_font(FAMILY, size=11)
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
    if view.decision_comment:
        body += f"\n\nMotif : {view.decision_comment}"
    pdf.multi_cell(0, 6, pdf.fit(body))
    pdf.ln(8)
    _line(pdf, f"La commission {commission.label if commission else view.formation.label}")
    if commission is not None and commission.signatory:
        for signatory_line in commission.signatory.splitlines():
            _line(pdf, signatory_line)
    if signature:
        pdf.image(io.BytesIO(signature), h=SIGNATURE_HEIGHT_MM)
    _line(pdf, institution)
    return bytes(pdf.output())


class _Document(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4")
        self.add_font(FAMILY, "", FONTS / REGULAR)
        self.add_font(FAMILY, "B", FONTS / BOLD)
        self.fallbacks = [FAMILY]  # bold text outside the bold font's scripts is written in the regular one
        self.set_fallback_fonts(self.fallbacks, exact_match=False)
        self.set_text_shaping(True)

    def fit(self, text: str) -> str:
        """The text as it can be written, with the fonts it needs loaded."""
        text = unicodedata.normalize("NFC", fields.clean(text, multiline=True)).replace("\t", " ")
        text = _WITHOUT_LETTERS.sub(lambda run: run.group() + LEFT_TO_RIGHT_MARK, text.translate(_NOT_WRITTEN))
        missing = {ord(c) for c in text if c != "\n"} - _characters(REGULAR)
        for family, file in FALLBACKS.items():
            if missing and family not in self.fallbacks and missing & _characters(file):
                self.add_font(family, "", FONTS / file)
                self.fallbacks.append(family)
                self.set_fallback_fonts(self.fallbacks, exact_match=False)
        if missing - _every_font():  # a script none of the fonts has (Korean, Devanagari…): shown as �, not as nothing
            text = "".join(_written(c) for c in text)
        return text


def _written(character: str) -> str:
    """The character, or � when no font has it; line breaks, joiners and direction marks are kept."""
    if character == "\n" or ord(character) in _every_font() or unicodedata.category(character) == "Cf":
        return character
    return UNKNOWN


@cache
def _every_font() -> frozenset[int]:
    return _characters(REGULAR).union(*(_characters(file) for file in FALLBACKS.values()))


@cache
def _characters(file: str) -> frozenset[int]:
    with TTFont(FONTS / file, lazy=True) as font:
        return frozenset(font.getBestCmap())


def _document(institution: str, title: str) -> _Document:
    pdf = _Document()
    pdf.set_title(pdf.fit(title))
    pdf.set_author(pdf.fit(institution))
    pdf.set_lang("fr")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font(FAMILY, "B", 16)
    pdf.cell(0, 10, pdf.fit(institution), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "B", 13)
    pdf.cell(0, 9, pdf.fit(title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    return pdf


def _section(pdf: _Document, title: str) -> None:
    pdf.ln(3)
    pdf.set_font(FAMILY, "B", 12)
    pdf.cell(0, 8, pdf.fit(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, size=10)


def _pairs(pdf: _Document, pairs: list[tuple[str, str]]) -> None:
    for label, value in pairs:
        pdf.set_font(FAMILY, "B", 10)
        pdf.cell(55, 6, pdf.fit(f"{label} :"))
        pdf.set_font(FAMILY, size=10)
        pdf.multi_cell(0, 6, pdf.fit(str(value or "")), new_x="LMARGIN", new_y="NEXT")


def _line(pdf: _Document, text: str) -> None:
    pdf.multi_cell(0, 6, pdf.fit(text), new_x="LMARGIN", new_y="NEXT")
