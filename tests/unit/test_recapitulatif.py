"""The récapitulatif is the whole file that was sent, readable: every tab's data in the tabs' order, long labels
wrapped instead of printed over their values, a header and page numbers (read back with pypdf)."""

from __future__ import annotations

import io
import math
import re
from datetime import timedelta
from functools import cache
from typing import NamedTuple

from fontTools.ttLib import TTFont
from pypdf import PdfReader

from ecandidat_ui import language, messages, pdf, refdata
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.candidate_file import CandidateFileService, Tab
from ecandidat_ui.services.offer_import import apply_offer
from tests.sessions import actor
from tests.unit.test_candidatures import TODAY, formation_id, offer, ready_candidate
from tests.unit.test_file_rules import SPAIN, bac

LONG_QUESTION = (
    "Décrivez en quelques lignes votre projet professionnel, les compétences acquises au cours de vos études "
    "et ce que vous attendez de cette formation pour la suite de votre parcours"
)


class Box(NamedTuple):
    """A piece of text drawn on a page: where it starts (PDF points, y up), how wide and tall, what it says."""

    page: int
    x: float
    y: float
    width: float
    height: float
    text: str


def boxes(document: bytes) -> list[Box]:
    """Each piece of text drawn, as pypdf reads it back, measured with the font it was drawn in."""
    found: list[Box] = []
    for number, page in enumerate(PdfReader(io.BytesIO(document)).pages):

        def visit(text, cm, tm, font, size, number=number):
            if not text.strip() or font is None:
                return
            scale = size * math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            metrics = _metrics(str(font.get("/BaseFont", "")).split("+")[-1])
            width = sum(metrics.advance(character) for character in text.rstrip()) * scale
            found.append(Box(number, x, y, width, metrics.height * scale, text.strip()))

        page.extract_text(visitor_text=visit)
    return found


def overlapping(drawn: list[Box], tolerance: float = 0.5) -> list[tuple[Box, Box]]:
    """The pairs of pieces of text of a page that share space (each one's width, from its baseline to the
    height of its font's capitals)."""
    pairs = []
    for index, one in enumerate(drawn):
        for other in drawn[index + 1 :]:
            if (
                one.page == other.page
                and one.x + tolerance < other.x + other.width
                and other.x + tolerance < one.x + one.width
                and one.y + tolerance < other.y + other.height
                and other.y + tolerance < one.y + one.height
            ):
                pairs.append((one, other))
    return pairs


class _Metrics(NamedTuple):
    widths: dict[int, float]  # advance of each character, in ems
    height: float  # capitals' height, in ems

    def advance(self, character: str) -> float:
        return self.widths.get(ord(character), 0.6)


@cache
def _metrics(name: str) -> _Metrics:
    """The advances of the font of pdf.FONTS the PDF names (fpdf2 writes its family and style, without spaces)."""
    for file in pdf.FONTS.glob("*.ttf"):
        with TTFont(file, lazy=True) as font:
            named = font["name"].getDebugName
            names = {re.sub(r"[ -]", "", text or "") for text in (named(4), named(6), f"{named(1)}{named(2)}")}
            if name.replace("-", "") not in names:
                continue
            em = font["head"].unitsPerEm
            advances = font["hmtx"].metrics
            widths = {code: advances[glyph][0] / em for code, glyph in font.getBestCmap().items()}
            capitals = getattr(font["OS/2"], "sCapHeight", 0) or font["hhea"].ascent * 0.7
            return _Metrics(widths, capitals / em)
    raise AssertionError(f"the PDF uses a font the platform does not ship: {name}")


SECTIONS = (
    "Candidature",
    "Informations personnelles",
    "Adresse",
    "Baccalauréat",
    "Cursus externe",
    "Stages",
    "Expériences professionnelles",
    "Pièces justificatives",
    "Questions",
)
ANSWER = "Devenir enseignant-chercheur en mathématiques appliquées."


def fill_the_other_tabs(files: CandidateFileService, me: str) -> tuple[str, ...]:
    """Over a file made by ready_candidate (tests/unit/test_candidatures.py): a bac with mention and spécialités,
    a cursus obtained with its mention, a stage and an expérience; returns what the récapitulatif must show of
    every tab."""
    specialties = [s.code for s in refdata.specialites_for_year(2023)]
    files.save_bac(me, bac(2023, refdata.GENERAL_BAC_SINCE_2021, specialties=specialties[:2], mention="AB"), 1, TODAY)
    diploma = refdata.diploma_types()[0].code
    cursus = {"country": SPAIN, "school_name": "Universidad de Sevilla", "year": "2024", "diploma_type": diploma}
    cursus |= {"label": "Grado en Matemáticas", "obtained": "O", "mention": "TB"}
    files.save_entry(me, Tab.EXTERNAL, None, cursus, 0, TODAY)
    stage = {"year": "2024", "duration": "2 mois", "hours_per_week": "35", "employer": "Mairie de Rennes"}
    files.save_entry(me, Tab.INTERNSHIPS, None, stage | {"description": "Archives"}, 0, TODAY)
    experience = {"year": "2025", "title": "Animateur", "duration": "1 an", "employer": "Centre social"}
    files.save_entry(me, Tab.EXPERIENCES, None, experience | {"description": "Soutien scolaire"}, 0, TODAY)
    return (
        *("BAILLON", "Mme", "14/02/2003", "Ajaccio", "1 cours Napoléon", "20000"),  # perso., adresse
        *("Assez bien", specialties_label(specialties[0])),  # bac: mention, spécialités
        *("Grado en Matemáticas", "Universidad de Sevilla", "Très bien", "Oui"),  # cursus: obtained, mention
        *("Mairie de Rennes", messages.SUMMARY_HOURS.format(hours=35)),  # stages
        *("Animateur", "Centre social"),  # expériences
    )


def check_recapitulatif(document: bytes, shown: tuple[str, ...]) -> None:
    """Every tab in the tabs' reading order, each value shown, pages numbered, no two pieces of text on the same
    space, none running off the page."""
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(document)).pages)
    positions = [text.index(f"\n{section}\n") for section in language.translated(SECTIONS)]
    assert positions == sorted(positions)  # the tabs' reading order
    for value in shown:
        assert value in text, value
    assert "Page 1/" in text
    drawn = boxes(document)
    assert not overlapping(drawn), overlapping(drawn)[:5]
    width = float(PdfReader(io.BytesIO(document)).pages[0].mediabox.width)
    assert [box for box in drawn if box.x + box.width > width] == []  # nothing runs off the page


def test_the_recapitulatif_holds_the_whole_file_and_nothing_overlaps(platform: Platform):
    paper_offer = offer(TODAY - timedelta(days=10), TODAY + timedelta(days=10))
    paper_offer["centres"][0]["formations"][0]["questions"].append({"libelle": LONG_QUESTION, "type": "texte"})
    apply_offer(platform.db, paper_offer)
    account = ready_candidate(platform)
    me = actor(platform, account)
    files = platform.candidate_file
    shown = fill_the_other_tabs(files, me)
    candidature = platform.candidatures.apply(me, formation_id(platform), TODAY)
    view = platform.candidatures.view(account.id, candidature.id)
    for question, _ in view.questions:
        platform.candidatures.answer(me, candidature.id, question.id, "Oui" if question.kind == "yes_no" else ANSWER)
    view = platform.candidatures.view(account.id, candidature.id)

    document = pdf.recapitulatif("Université Esup", account, files.load(account.id), view)
    check_recapitulatif(document, (*shown, ANSWER[:28]))
    drawn = boxes(document)
    label_line = next((b.page, round(b.y, 1)) for b in drawn if b.text.startswith("Décrivez en quelques"))
    answer_line = next((b.page, round(b.y, 1)) for b in drawn if b.text.startswith("Devenir enseignant"))
    assert label_line != answer_line  # the answer under its long label, not over it


def specialties_label(code: str) -> str:
    return refdata.specialite_by_code(code).label
