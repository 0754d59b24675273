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
from fpdf import FPDF, FontFace

from ecandidat_ui import language, messages
from ecandidat_ui.services import fields
from ecandidat_ui.services.candidate_file import CandidateFile
from ecandidat_ui.services.candidatures import CandidatureView
from ecandidat_ui.services.file_summary import file_sections
from models import Account
from models.clock import in_paris

SIGNATURE_HEIGHT_MM = 25
ROW_HEIGHT_MAX = 100.0  # mm: a pair taller than this is written as a heading and a text (a row cannot break)
LABEL_WIDTH, VALUE_WIDTH, ROW_LINE = 60.0, 120.0, 5.5
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
    """The whole file as it was sent, in the reading order of the tabs, paged with a header and a footer."""
    pdf = _document(institution, messages.PDF_RECAPITULATIF, running=f"{view.formation.label} · {account.login}")
    _section(pdf, messages.PDF_CANDIDATURE)
    _pairs(pdf, _candidature_pairs(account, view))
    for section in file_sections(account, file):
        _section(pdf, section.title)
        _entries(pdf, section.groups, section.none)
    if view.formation.paperless:
        _section(pdf, messages.PIECES_TITLE)
        for piece in view.pieces:
            name = f" - {piece.file.original_name}" if piece.file else ""
            status = messages.PIECE_STATUS_LABELS.get(piece.status, piece.status)
            _line(pdf, f"{messages.LABEL_OF_VALUE.format(label=piece.piece.label)} {status}{name}")
    else:
        _section(pdf, messages.PDF_PIECES_TO_POST)
        for piece in view.pieces:
            _line(pdf, f"☐ {piece.piece.label}" + (messages.PAPER_IF_CONCERNED if piece.piece.conditional else ""))
    if view.questions:
        _section(pdf, messages.QUESTIONS_TITLE)
        for question, answer in view.questions:
            if question.kind == "yes_no":  # stored as « Oui » / « Non »
                answer = language.translate(answer)
            _question(pdf, question.label, answer or messages.PDF_NO_ANSWER)
    return bytes(pdf.output())


def _candidature_pairs(account: Account, view: CandidatureView) -> list[tuple[str, str]]:
    c = view.candidature
    sent = in_paris(c.transmitted_at) if c.transmitted_at else None
    return [
        (messages.COLUMN_FORMATION, f"{view.formation.code} - {view.formation.label}"),
        (messages.PDF_CENTRE, view.centre.label),
        (messages.PDF_COMMISSION, view.commission.label if view.commission else ""),
        (messages.PDF_CANDIDATE, f"{account.first_name} {account.last_name}"),
        (messages.PDF_FILE_NUMBER, account.login),
        (messages.PDF_FILE_KIND, messages.PDF_PAPERLESS if view.formation.paperless else messages.PDF_PAPER),
        (messages.COLUMN_STATUS, messages.FILE_STATUS_LABELS.get(c.status, c.status)),
        (
            messages.PDF_TRANSMITTED_ON,
            messages.DATE_AT_TIME.format(date=f"{sent:%d/%m/%Y}", time=f"{sent:%H:%M}")
            if sent
            else messages.PDF_NOT_TRANSMITTED,
        ),
        (messages.COLUMN_RETURN_BY, f"{view.return_by:%d/%m/%Y}"),
    ]


def letter(
    institution: str, account: Account, view: CandidatureView, today: date, signature: bytes | None = None
) -> bytes:
    """The admission letter after a favourable decision, the refusal letter after an unfavourable one, with the
    commission's address, signatory and signature image when it has them (a PNG or JPEG checked at upload)."""
    admitted = view.decision_shown == "Favorable"
    commission = view.commission
    pdf = _document(institution, messages.PDF_ADMISSION if admitted else messages.PDF_REFUSAL)
    pdf.set_font(FAMILY, size=10)
    if commission is not None and commission.address:
        for address_line in commission.address.splitlines():
            _line(pdf, address_line)
        pdf.ln(2)
    pdf.set_font(FAMILY, size=11)
    _line(pdf, messages.PDF_ON_DAY.format(date=f"{today:%d/%m/%Y}"))
    pdf.ln(4)
    _line(pdf, f"{account.first_name} {account.last_name}")
    _line(pdf, messages.PDF_FILE_NUMBER_LINE.format(login=account.login))
    pdf.ln(6)
    _line(pdf, messages.PDF_SUBJECT.format(formation=view.formation.label))
    pdf.ln(4)
    if admitted:
        body = messages.PDF_ADMITTED.format(formation=view.formation.label)
        deadline = view.confirm_deadline
        if deadline:
            body += messages.PDF_CONFIRM_BEFORE.format(date=f"{deadline:%d/%m/%Y}")
    else:
        body = messages.PDF_REFUSED.format(formation=view.formation.label)
    if view.decision_comment:
        body += "\n\n" + messages.PDF_REASON.format(reason=view.decision_comment)
    pdf.multi_cell(0, 6, pdf.fit(body))
    pdf.ln(8)
    _line(pdf, messages.PDF_COMMISSION_SIGNS.format(name=commission.label if commission else view.formation.label))
    if commission is not None and commission.signatory:
        for signatory_line in commission.signatory.splitlines():
            _line(pdf, signatory_line)
    if signature:
        pdf.image(io.BytesIO(signature), h=SIGNATURE_HEIGHT_MM)
    _line(pdf, institution)
    return bytes(pdf.output())


class _Document(FPDF):
    def __init__(self, running: str = "") -> None:
        super().__init__(format="A4")
        self.running = running  # repeated at the top of every page after the first, with the page number below
        self.add_font(FAMILY, "", FONTS / REGULAR)
        self.add_font(FAMILY, "B", FONTS / BOLD)
        self.fallbacks = [FAMILY]  # bold text outside the bold font's scripts is written in the regular one
        self.set_fallback_fonts(self.fallbacks, exact_match=False)
        self.set_text_shaping(True)

    def header(self) -> None:
        if self.running and self.page_no() > 1:
            self.set_font(FAMILY, size=8)
            self.set_text_color(90)
            self.cell(0, 6, self.fit(self.running), new_x="LMARGIN", new_y="NEXT")
            self.set_text_color(0)
            self.ln(2)

    def footer(self) -> None:
        if self.running:
            self.set_y(-12)
            self.set_font(FAMILY, size=8)
            self.set_text_color(90)
            self.cell(0, 6, f"Page {self.page_no()}/{{nb}}", align="C")
            self.set_text_color(0)

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


def _document(institution: str, title: str, *, running: str = "") -> _Document:
    pdf = _Document(running)
    pdf.set_title(pdf.fit(title))
    pdf.set_author(pdf.fit(institution))
    pdf.set_lang(language.current())  # the language of its texts, for screen readers
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
    """Label and value side by side, each wrapped in its own column: a long label never runs into its value. A
    value too long for one row of a page (a row cannot break) is written under its label instead."""
    shown = [(label, str(value)) for label, value in pairs if str(value or "").strip()]
    short: list[tuple[str, str]] = []
    pdf.set_font(FAMILY, size=10)
    for label, value in shown:
        if not _fits_in_a_row(pdf, messages.LABEL_OF_VALUE.format(label=label), value):
            _table(pdf, short)
            short = []
            _question(pdf, messages.LABEL_OF_VALUE.format(label=label), value)
        else:
            short.append((label, value))
    _table(pdf, short)


def _fits_in_a_row(pdf: _Document, label: str, value: str) -> bool:
    """Whether the pair, each wrapped in its column, is short enough for one row of a page: measured with the
    glyphs' own widths (a count of characters misjudges wide ones)."""
    tallest = max(
        len(pdf.multi_cell(width, ROW_LINE, pdf.fit(text), dry_run=True, output="LINES"))
        for text, width in ((label, LABEL_WIDTH), (value, VALUE_WIDTH))
    )
    return tallest * ROW_LINE <= ROW_HEIGHT_MAX


def _table(pdf: _Document, pairs: list[tuple[str, str]]) -> None:
    if not pairs:
        return
    pdf.set_font(FAMILY, size=10)
    with pdf.table(
        col_widths=(LABEL_WIDTH, VALUE_WIDTH),
        first_row_as_headings=False,
        borders_layout="NONE",
        line_height=ROW_LINE,
        padding=(0.8, 1, 0.8, 0),
        text_align="LEFT",
    ) as table:
        for label, value in pairs:
            row = table.row()
            row.cell(pdf.fit(messages.LABEL_OF_VALUE.format(label=label)), style=FontFace(emphasis="BOLD"))
            row.cell(pdf.fit(value))
    pdf.ln(1)


def _entries(pdf: _Document, entries: list[list[tuple[str, str]]], none: str) -> None:
    """The entries of a list tab, one after the other, or what the candidate said instead."""
    if not entries:
        _line(pdf, none)
    for index, pairs in enumerate(entries):
        if index:
            pdf.ln(1)
        _pairs(pdf, pairs)


def _question(pdf: _Document, label: str, answer: str) -> None:
    """A question in bold on its own lines, its answer under it: labels are often long."""
    pdf.set_font(FAMILY, "B", 10)
    pdf.multi_cell(0, 5.5, pdf.fit(label), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, size=10)
    pdf.set_x(pdf.l_margin + 6)
    pdf.multi_cell(0, 5.5, pdf.fit(answer), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def _line(pdf: _Document, text: str) -> None:
    pdf.multi_cell(0, 6, pdf.fit(text), new_x="LMARGIN", new_y="NEXT")


def piece_page(title: str, subtitle: str, *, image: Path | None = None, note: str = "") -> bytes:
    """One page of a dossier (services/dossiers.py) for a pièce: its title and file name, then the image fitted
    into the page (a PNG or JPEG the candidate sent), or a note when the file could not be joined."""
    pdf = _Document()
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font(FAMILY, "B", 12)
    pdf.multi_cell(0, 7, pdf.fit(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, size=9)
    pdf.multi_cell(0, 5, pdf.fit(subtitle), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    if image is not None:
        top = pdf.get_y()
        pdf.image(image, x=pdf.l_margin, y=top, keep_aspect_ratio=True, w=pdf.epw, h=pdf.h - top - pdf.b_margin)
    if note:
        pdf.set_font(FAMILY, size=10)
        pdf.multi_cell(0, 6, pdf.fit(note), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
