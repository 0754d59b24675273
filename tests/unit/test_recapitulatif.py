"""The récapitulatif is the whole file that was sent, readable: every tab's data in the tabs' order, long labels
wrapped instead of printed over their values, a header and page numbers (read back with pypdf)."""

from __future__ import annotations

import io
from datetime import timedelta

from pypdf import PdfReader

from ecandidat_ui import pdf, refdata
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.candidate_file import Tab
from ecandidat_ui.services.offer_import import apply_offer
from tests.sessions import actor
from tests.unit.test_candidatures import TODAY, formation_id, offer, ready_candidate
from tests.unit.test_file_rules import SPAIN, bac

LONG_QUESTION = (
    "Décrivez en quelques lignes votre projet professionnel, les compétences acquises au cours de vos études "
    "et ce que vous attendez de cette formation pour la suite de votre parcours"
)


def boxes(document: bytes) -> list[tuple[int, float, float, str]]:
    """(page, x, y, text) of each piece of text drawn, as pypdf reads it back."""
    found: list[tuple[int, float, float, str]] = []
    for number, page in enumerate(PdfReader(io.BytesIO(document)).pages):

        def visit(text, cm, tm, font, size, number=number):
            if text.strip():
                found.append((number, tm[4], tm[5], text.strip()))

        page.extract_text(visitor_text=visit)
    return found


def test_the_recapitulatif_holds_the_whole_file_and_nothing_overlaps(platform: Platform):
    paper_offer = offer(TODAY - timedelta(days=10), TODAY + timedelta(days=10))
    paper_offer["centres"][0]["formations"][0]["questions"].append({"libelle": LONG_QUESTION, "type": "texte"})
    apply_offer(platform.db, paper_offer)
    account = ready_candidate(platform)
    me = actor(platform, account)
    files = platform.candidate_file
    specialties = [s.code for s in refdata.specialites_for_year(2023)]
    files.save_bac(me, bac(2023, refdata.GENERAL_BAC_SINCE_2021, specialties=specialties[:2], mention="AB"), 1, TODAY)
    diploma = refdata.diploma_types()[0].code
    cursus = {"country": SPAIN, "school_name": "Universidad de Sevilla", "year": "2024", "diploma_type": diploma}
    files.save_entry(
        me, Tab.EXTERNAL, None, {**cursus, "label": "Grado en Matemáticas", "obtained": "O", "mention": "TB"}, 0, TODAY
    )
    files.save_entry(
        me,
        Tab.INTERNSHIPS,
        None,
        {
            "year": "2024",
            "duration": "2 mois",
            "hours_per_week": "35",
            "employer": "Mairie de Rennes",
            "description": "Archives",
        },
        0,
        TODAY,
    )
    files.save_entry(
        me,
        Tab.EXPERIENCES,
        None,
        {
            "year": "2025",
            "title": "Animateur",
            "duration": "1 an",
            "employer": "Centre social",
            "description": "Soutien scolaire",
        },
        0,
        TODAY,
    )
    candidature = platform.candidatures.apply(me, formation_id(platform), TODAY)
    view = platform.candidatures.view(account.id, candidature.id)
    for question, _ in view.questions:
        platform.candidatures.answer(
            me,
            candidature.id,
            question.id,
            "Oui" if question.kind == "yes_no" else "Devenir enseignant-chercheur en mathématiques appliquées.",
        )
    view = platform.candidatures.view(account.id, candidature.id)

    document = pdf.recapitulatif("Université Esup", account, files.load(account.id), view)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(document)).pages)

    sections = [
        "Candidature",
        "Informations personnelles",
        "Adresse",
        "Baccalauréat",
        "Cursus externe",
        "Stages",
        "Expériences professionnelles",
        "Pièces justificatives",
        "Questions",
    ]
    positions = [text.index(f"\n{section}\n") for section in sections]
    assert positions == sorted(positions)  # the tabs' reading order
    for shown in (
        "BAILLON",
        "Mme",
        "14/02/2003",
        "Ajaccio",
        "1 cours Napoléon",
        "20000",  # perso., adresse
        "Assez bien",
        specialties_label(specialties[0]),  # bac: mention, spécialités
        "Grado en Matemáticas",
        "Universidad de Sevilla",
        "Très bien",
        "Oui",  # cursus: obtained, mention
        "Mairie de Rennes",
        "35 h/semaine",
        "Animateur",
        "Centre social",  # stages, expériences
        "Devenir enseignant-chercheur",
    ):  # the answer
        assert shown in text, shown
    assert "Page 1/" in text

    drawn = boxes(document)
    lines = {(page, round(y, 1)) for page, _, y, _ in drawn}
    label_line = next((page, round(y, 1)) for page, _, y, t in drawn if t.startswith("Décrivez en quelques"))
    answer_line = next((page, round(y, 1)) for page, _, y, t in drawn if t.startswith("Devenir enseignant"))
    assert label_line != answer_line and answer_line in lines  # the answer under its long label, not over it
    for page, x, y, _ in drawn:  # no two pieces of text start at the same place
        same_place = [t for p, x2, y2, t in drawn if (p, round(x2), round(y2)) == (page, round(x), round(y))]
        assert len(same_place) == 1, same_place


def specialties_label(code: str) -> str:
    return refdata.specialite_by_code(code).label
