"""The bar's journey of issue 10, as a candidate in Chromium: from a formation's own page to « Candidater »; the
home card says what is missing; the reminder mail comes when the return date approaches (the reminders' day
moved, as housekeeping would pass it then), its link leads back to the candidature through the sign-in; the
pièces sent, the question answered, the candidature transmitted; the récapitulatif read back with pypdf (every
tab, nothing overlapping) and a copy of my data. Axe at 1280 and 390 px on each page, screenshots kept in
SCREENSHOTS_DIR. The same journey in French and in English (the candidate's choice, from the header's switch):
the texts looked for are messages.py's and the catalogue's, read in the language of the run."""

from __future__ import annotations

import json
import re
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ecandidat_ui import language, messages
from ecandidat_ui.mail.templates import DEFAULTS
from ecandidat_ui.services.offer_import import apply_offer
from tests.e2e.app_process import RunningApp
from tests.e2e.axe import Violation, report
from tests.e2e.steps import (
    PASSWORD,
    complete_file,
    header,
    open_page,
    pdf_file,
    piece_card,
    platform_of,
    png_file,
    send_piece,
    sign_in,
    signed_in_candidate,
    wait_connected,
    wait_still,
)
from tests.e2e.test_candidature_journey import CANDIDATURE_URL, wait_for_mail
from tests.e2e.test_gestion_content import DESKTOP, PHONE, audit_at_both_widths
from tests.mailbox import Mailbox
from tests.unit.test_candidatures import offer
from tests.unit.test_recapitulatif import check_recapitulatif, fill_the_other_tabs

pytestmark = pytest.mark.browser

MAIL = "marie.baillon@example.org"
FORMATION = "Master Informatique"  # tests/unit/test_candidatures.py: offer
IDENTITY, CV, MDPH = "Pièce d'identité", "Curriculum vitae", "Notification MDPH"
QUESTION = "Avez-vous un stage ?"


@pytest.mark.parametrize("language_code", [language.FRENCH, language.ENGLISH])
def test_from_a_formation_page_to_the_recapitulatif_and_a_copy_of_my_data(
    app: RunningApp, page: Page, mailbox: Mailbox, tmp_path: Path, language_code: str
):
    login = signed_in_candidate(page, app.url, mailbox, MAIL)  # in French, the site's first language
    with language.using(language_code):  # from here messages.NAME is read in the run's language
        journey(app, page, mailbox, tmp_path, language_code, login)


def journey(app: RunningApp, page: Page, mailbox: Mailbox, tmp_path: Path, language_code: str, login: str) -> None:
    today = date.today()
    return_by = today + timedelta(days=12)
    with platform_of(app.url, app.data_dir, mailbox) as platform:
        apply_offer(platform.db, offer(today - timedelta(days=5), today + timedelta(days=5), return_by))
        shown = language.translated(fill_the_other_tabs(platform.candidate_file, complete_file(platform, login)))
    open_page(page, f"{app.url}/langue/{language_code}?suite=/")  # the header's switch: kept on the account
    violations: list[Violation] = []

    # the offer leads to the formation's own page, which says what it will ask; « Candidater » from there
    open_page(page, app.url + "/offre")
    page.get_by_role("searchbox", name=messages.OFFER_SEARCH).fill(FORMATION)
    page.get_by_role("link", name=FORMATION, exact=True).click()
    expect(page).to_have_url(f"{app.url}/formation/M1-INFO")
    wait_connected(page)
    expect(page.get_by_role("heading", level=1, name=FORMATION)).to_be_visible()
    asked = page.get_by_role("heading", name=messages.FORMATION_WILL_ASK).locator("xpath=..")
    for label in (IDENTITY, CV, MDPH + messages.PAPER_IF_CONCERNED, QUESTION):
        expect(asked.get_by_text(label, exact=True)).to_be_visible()
    violations += audit_at_both_widths(page, f"bar-{language_code}-formation")
    page.get_by_role("button", name=messages.APPLY_TO.format(formation=FORMATION)).click()
    question = page.get_by_role("dialog").filter(has_text=messages.CONFIRM_APPLY.format(FORMATION))
    question.get_by_role("button", name=messages.YES).click()
    expect(page).to_have_url(re.compile(CANDIDATURE_URL.format(re.escape(app.url))))
    expect(page.get_by_role("status").filter(has_text=messages.APPLIED)).to_be_visible()
    candidature_url = page.url.split("?")[0]

    # the home card: what is missing, the date, the one next step; on a phone, the menu is behind ☰
    open_page(page, app.url)
    card = page.get_by_role("region", name=messages.HOME_CARDS_TITLE).get_by_role("listitem")
    missing = ", ".join(
        (
            messages.HOME_CARDS_MISSING_PIECES.format(count=3, s="s"),
            messages.HOME_CARDS_MISSING_ANSWERS.format(count=1, s=""),
        )
    )
    expect(card.get_by_text(missing, exact=True)).to_be_visible()
    expect(card.get_by_text(messages.HOME_CARDS_RETURN_BY.format(date=f"{return_by:%d/%m/%Y}"))).to_be_visible()
    expect(card.get_by_role("button", name=messages.HOME_CARDS_COMPLETE)).to_be_visible()
    violations += audit_at_both_widths(page, f"bar-{language_code}-home")
    page.set_viewport_size(PHONE)
    expect(page.get_by_text(messages.CHOOSE_IN_MENU_PHONE, exact=True)).to_be_visible()
    expect(page.get_by_text(messages.CHOOSE_IN_MENU, exact=True)).to_be_hidden()
    sign_out = header(page).get_by_role("button", name=messages.SIGN_OUT)
    expect(sign_out.filter(visible=True)).to_have_count(1)  # one tap away on a phone too

    # three days before the return date, housekeeping's reminders: one mail, whose link comes back here
    with platform_of(app.url, app.data_dir, mailbox) as platform:
        assert platform.reminders.send_due(return_by - timedelta(days=3)) == 1
        assert platform.reminders.send_due(return_by - timedelta(days=2)) == 0  # once
        platform.mail_sender.send_due()
    subject = language.translate(DEFAULTS["reminder_return"][0]).format(formation=FORMATION)
    reminder = wait_for_mail(mailbox, MAIL, subject)
    assert f"{return_by:%d/%m/%Y}" in reminder.text
    link = re.search(r"https?://\S+/compte/candidatures/\d+", reminder.text).group(0)
    assert link.endswith(candidature_url.rsplit("/", 1)[1]) and link.startswith(app.url)
    sign_out.filter(visible=True).click()
    expect(page.get_by_text(messages.NOT_SIGNED_IN, exact=True)).to_be_visible()
    page.set_viewport_size(DESKTOP)
    open_page(page, link)
    sign_in(page, login, PASSWORD)
    expect(page).to_have_url(candidature_url)
    wait_connected(page)

    # « Transmettre » first names what is missing, each a link; then the pièces, the answer, the transmission
    page.get_by_role("button", name=messages.TRANSMIT_BUTTON).click()
    told = page.get_by_role("dialog").filter(has_text=messages.MISSING_INTRO_TRANSMIT)
    for name in (IDENTITY, CV, MDPH, QUESTION):
        expect(told.get_by_role("link", name=name)).to_be_visible()
    told.get_by_role("link", name=CV).click()
    expect(told).to_have_count(0)
    wait_connected(page)
    send_piece(page, IDENTITY, "carte-identite.png", "image/png", png_file())
    sent_link = messages.PIECE_OPEN_FILE
    identity_link = sent_link.format(name="carte-identite.png")
    expect(piece_card(page, IDENTITY).get_by_role("link", name=identity_link)).to_be_visible()
    send_piece(page, CV, "cv.pdf", "application/pdf", pdf_file("Curriculum vitae de Marie Baillon"))
    expect(piece_card(page, CV).get_by_role("link", name=sent_link.format(name="cv.pdf"))).to_be_visible()
    piece_card(page, MDPH).get_by_role("checkbox", name=messages.NOT_CONCERNED).click()
    page.get_by_role("radiogroup", name=QUESTION).get_by_role("radio", name=messages.YES).click()
    expect(page.get_by_text(messages.ANSWER_SAVED)).to_be_visible()
    violations += audit_at_both_widths(page, f"bar-{language_code}-candidature")
    page.get_by_role("button", name=messages.TRANSMIT_BUTTON).click()
    warning = page.get_by_role("dialog").filter(has_text=messages.TRANSMIT_CONFIRM)
    wait_still(page)
    warning.get_by_role("button", name=messages.YES).click()
    expect(page.get_by_role("status").filter(has_text=messages.TRANSMITTED)).to_be_visible()
    wait_connected(page)
    violations += audit_at_both_widths(page, f"bar-{language_code}-transmitted")

    # the récapitulatif: every tab's data, the answer, the pièces, nothing drawn over anything else
    with page.context.expect_page() as opened:
        page.get_by_role("button", name=messages.RECAPITULATIF_BUTTON).click()
    answer = page.request.get(opened.value.url)
    opened.value.close()
    assert answer.ok and answer.headers["content-type"] == "application/pdf"
    check_recapitulatif(answer.body(), (*shown, FORMATION, IDENTITY, CV, QUESTION))

    # a copy of my data: every tab and the candidature in donnees.json, the pièces sent beside it
    open_page(page, app.url + "/donnees-personnelles")
    violations += audit_at_both_widths(page, f"bar-{language_code}-privacy")
    with page.expect_download() as waiting:
        page.get_by_role("button", name=messages.PRIVACY_DOWNLOAD).click()
    copy = tmp_path / "copie.zip"
    waiting.value.save_as(copy)
    with zipfile.ZipFile(copy) as archive:
        data = json.loads(archive.read("donnees.json"))
        sent = [name for name in archive.namelist() if name.startswith("pieces/")]
    assert data["compte"]["login"] == login and data["adresse"] and data["informations_perso"]
    assert data["baccalaureat"]["mention"] and data["cursus_externe"] and data["stages"] and data["experiences_pro"]
    [candidature] = data["candidatures"]
    assert candidature["formation"]["libelle"] == FORMATION and candidature["transmitted_at"]
    assert candidature["reponses"] == [{"question": QUESTION, "reponse": "Oui"}]  # as stored, whatever the language
    assert sorted(name.split("-", 2)[2] for name in sent) == ["carte-identite.png", "cv.pdf"]  # pieces/id-code-name

    blocking = [violation for violation in violations if violation.blocking]
    assert not blocking, report(blocking)
