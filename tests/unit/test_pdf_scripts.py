"""The récapitulatif and the letters write every name as typed, in any script, read back from the PDF itself."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from sqlmodel import select

from ecandidat_ui import pdf
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.offer_import import apply_offer
from ecandidat_ui.services.review import Decision
from models import Account, Question
from tests.sessions import actor
from tests.unit.test_candidatures import TODAY, formation_id, offer
from tests.unit.test_file_rules import ADDRESS, PERSONAL, bac

NAMES = {
    "arabe": ("الفارسي", "مريم"),
    "hébreu": ("כהן", "שרה"),
    "chinois": ("王", "小明"),
    "latin": ("Łukasiewicz-Œhlenschläger", "Zoë"),
}
EMOJI = "Oui 🎓🚀😀"


def text_of(document: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(document)).pages)


@pytest.fixture
def text_question(platform: Platform) -> None:
    apply_offer(platform.db, offer(TODAY - timedelta(days=10), TODAY + timedelta(days=10)))
    with platform.db.session() as session:
        session.add(Question(code="PROJET", label="Votre projet", kind="text", position=9, common=True))


def candidate_with_a_decision(platform: Platform, last_name: str, first_name: str, mail: str):
    account = platform.accounts.create(last_name, first_name, mail, mail)
    service = platform.candidate_file
    service.save_personal(actor(platform, account), {**PERSONAL, "ine": ""}, 0, TODAY)
    service.save_address(actor(platform, account), {**ADDRESS, "line1": "1 rue des Lilas 🌻"}, 0)
    service.save_bac(actor(platform, account), bac(2019, "S"), 0, TODAY)
    service.set_no_higher_education(actor(platform, account), True)
    candidature = platform.candidatures.apply(actor(platform, account), formation_id(platform), TODAY)
    with platform.db.session() as session:
        question = session.exec(select(Question).where(Question.label == "Votre projet")).one()
    platform.candidatures.answer(actor(platform, account), candidature.id, question.id, f"{EMOJI} {first_name}")
    platform.review.record_decision(candidature.id, Decision.FAVORABLE, comment=f"Bravo {first_name} 🎉")
    platform.review.validate_decision(candidature.id)
    with platform.db.session() as session:
        account = session.get(Account, account.id)
    return account, platform.candidatures.view(account.id, candidature.id)


@pytest.mark.parametrize("script", list(NAMES))
def test_recapitulatif_and_letter_keep_every_script_and_emoji(platform: Platform, text_question, script):
    last_name, first_name = NAMES[script]
    account, view = candidate_with_a_decision(platform, last_name, first_name, f"{len(script)}@example.org")
    assert (account.last_name, account.first_name) == (last_name.upper(), first_name.upper())

    recap = text_of(pdf.recapitulatif("Université Esup", account, platform.candidate_file.load(account.id), view))
    letter = text_of(pdf.letter("Université Esup", account, view, date(2028, 6, 1)))

    for text in (recap, letter):
        assert account.last_name in text and account.first_name in text
        assert "\ufffd" not in text and "Université Esup" in text
    # what the candidate typed, as typed; a right-to-left word among French ones may come back at either end
    assert "1 rue des Lilas 🌻" in recap and EMOJI in recap and first_name in recap
    assert "Motif : Bravo" in letter and first_name in letter and "🎉" in letter and "Lettre d'admission" in letter


def test_right_to_left_names_are_shaped_not_left_as_isolated_letters():
    """HarfBuzz joins Arabic letters and orders right-to-left text: other glyphs than the letters one by one."""

    def drawn(shaped: bool) -> tuple[bytes, str]:
        document = pdf._document("Université Esup", "Test")
        if not shaped:
            document.set_text_shaping(False)
        pdf._line(document, "مريم الفارسي")
        page = PdfReader(io.BytesIO(bytes(document.output()))).pages[0]
        return page.get_contents().get_data(), page.extract_text()

    (shaped, text), (unshaped, _) = drawn(True), drawn(False)
    assert "مريم" in text and "الفارسي" in text
    assert shaped != unshaped


def test_a_script_no_font_has_is_shown_as_a_replacement_mark_not_dropped():
    document = pdf._document("Université Esup", "Test")
    pdf._line(document, "Nom : 김민준 \x00fin")
    text = text_of(bytes(document.output()))
    assert "Nom : \ufffd\ufffd\ufffd fin" in text


def test_only_a_document_that_needs_them_loads_the_large_fonts():
    latin = pdf._document("Université Esup", "Test")
    pdf._line(latin, "Zoë Łukasiewicz, Ἀθῆναι, Москва, مريم, שרה")
    assert latin.fallbacks == [pdf.FAMILY]
    chinese = pdf._document("Université Esup", "Test")
    pdf._line(chinese, "王小明 🎓")
    assert chinese.fallbacks == [pdf.FAMILY, "cjk", "emoji"]


@pytest.mark.parametrize("run", ["-" * 1500, " " * 2000, "😀" * 1200, "\n" * 1500, "(" * 1000])
def test_a_long_run_without_letters_after_a_right_to_left_word_is_written(run):
    """fpdf2's bidi algorithm recursed once per character of such a run: an answer of 1500 dashes after a Hebrew
    word raised RecursionError instead of giving the récapitulatif."""
    document = pdf._document("Université Esup", "Test")
    pdf._pairs(document, [("Votre projet", f"שרה {run} fin")])
    text = text_of(bytes(document.output()))
    assert "Votre projet" in text and "שרה" in text
