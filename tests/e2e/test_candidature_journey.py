"""A candidate with a complete file applies to a formation of the sample offer in Chromium, sends real files for
the pièces, answers the questions and transmits the candidature (DOMAIN.md §4)."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.app_process import RunningApp
from tests.e2e.steps import (
    FILE_COMPLETE,
    complete_file,
    menu_link,
    notification,
    pdf_file,
    piece_card,
    platform_of,
    png_file,
    send_piece,
    signed_in_candidate,
    wait_connected,
    wait_still,
)
from tests.mailbox import Mailbox, ReceivedMail

pytestmark = pytest.mark.browser

MAIL = "marie.baillon@example.org"
FORMATION = "Master Informatique, parcours génie logiciel"
IDENTITY = "Pièce d'identité (carte d'identité ou passeport)"
TRANSCRIPTS = "Relevés de notes des deux dernières années"
CV = "Curriculum vitae"
LETTER = "Lettre de motivation"
MDPH = "Notification d'aménagement d'études (MDPH)"
ALREADY_ENROLLED = "Avez-vous déjà été inscrit dans notre université ?"
PROJECT = "Quel est votre projet professionnel ? *"
TRANSMIT_CONFIRM = (
    "Etes vous certain de transmettre votre candidature? Attention: une fois votre dossier transmis aucune "
    "modification ne sera possible sur votre candidature."
)
CANDIDATURE_URL = r"^{}/compte/candidatures/\d+(\?.*)?$"  # a page of a candidature (a query may say what was done)
APPLIED = "Votre candidature a été enregistrée. Un mail vient de vous être envoyé."
TRANSMITTED = "Votre candidature a été transmise avec succès"
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"This program"


def test_apply_send_the_pieces_answer_and_transmit(demo_app: RunningApp, page: Page, mailbox: Mailbox):
    app = demo_app
    login = signed_in_candidate(page, app.url, mailbox, MAIL)
    with platform_of(app.url, app.data_dir, mailbox, ECANDIDAT_DEMO="true") as platform:
        complete_file(platform, login)
    page.reload()
    expect(page.get_by_text(FILE_COMPLETE, exact=True)).to_be_visible()
    wait_connected(page)

    # The offer: search a formation, its centre opens with « Candidater ».
    menu_link(page, "Offre de formation").click()
    expect(page).to_have_url(f"{app.url}/offre")
    expect(page.get_by_text("25 formations", exact=True)).to_be_visible()
    wait_connected(page)
    page.get_by_role("searchbox", name="Rechercher une formation").fill("génie logiciel")
    expect(page.get_by_text("1 formation", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name=re.compile(r"^UFR Sciences et Techniques 1 formation"))).to_have_attribute(
        "aria-expanded", "true"
    )
    page.get_by_role("button", name=f"Candidater à {FORMATION}").click()
    question = page.get_by_role("dialog").filter(has_text=f"Voulez-vous candidater à la formation '{FORMATION}' ?")
    expect(question).to_be_visible()
    question.get_by_role("button", name="Oui").click()
    expect(page).to_have_url(re.compile(CANDIDATURE_URL.format(re.escape(app.url))))
    expect(page.get_by_role("heading", level=1, name=FORMATION)).to_be_visible()
    expect(page.get_by_role("status").filter(has_text=APPLIED)).to_be_visible()
    wait_connected(page)
    created = wait_for_mail(mailbox, MAIL, f"Votre candidature à la formation {FORMATION}")
    assert "Complétez-la et transmettez-la avant le" in created.text
    expect(page.get_by_text("Statut du dossier :").locator("xpath=..")).to_contain_text("En attente")
    for label in (IDENTITY, TRANSCRIPTS, CV, LETTER, MDPH):
        expect(piece_card(page, label)).to_contain_text("En attente")
        expect(piece_card(page, label)).to_contain_text(
            "Veuillez choisir un fichier (maximum = 2Mo) de type PDF, JPG ou PNG."
        )
    expect(piece_card(page, IDENTITY)).to_contain_text("Pièce commune à toutes vos candidatures")

    # « Transmettre » too early: what is missing is named first, each a link to it; no irreversible warning.
    page.get_by_role("button", name="Transmettre ma candidature").click()
    missing = page.get_by_role("dialog").filter(has_text="Avant de la transmettre, il reste à fournir :")
    expect(missing).to_be_visible()
    expect(page.get_by_role("dialog").filter(has_text=TRANSMIT_CONFIRM)).to_have_count(0)
    expect(missing.get_by_role("link")).to_have_count(7)  # 5 pièces, 2 questions
    missing.get_by_role("link", name=CV).click()
    expect(missing).to_have_count(0)
    expect(piece_card(page, CV)).to_be_in_viewport()
    wait_connected(page)

    # A program renamed cv.pdf is refused by its content, whatever its name says.
    send_piece(page, CV, "cv.pdf", "application/pdf", EXECUTABLE)
    expect(notification(page, "Erreur : votre fichier n'est pas un PDF, un JPG ou un PNG")).to_be_visible()
    expect(piece_card(page, CV)).to_contain_text("En attente")
    expect(piece_card(page, CV).get_by_role("link")).to_have_count(0)

    # Real files: a PNG scan and PDFs; each piece then shows its file.
    for label, name, mime_type, data in (
        (IDENTITY, "carte-identite.png", "image/png", png_file()),
        (TRANSCRIPTS, "releves.pdf", "application/pdf", pdf_file("Relevés de notes")),
        (CV, "cv.pdf", "application/pdf", pdf_file("Curriculum vitae de Marie Baillon")),
        (LETTER, "lettre.pdf", "application/pdf", pdf_file("Lettre de motivation")),
    ):
        send_piece(page, label, name, mime_type, data)
        expect(piece_card(page, label).get_by_role("link", name=f"{name} (ouvrir)")).to_be_visible()
        expect(piece_card(page, label)).to_contain_text("Déposée")  # « Transmise » once the candidature is
        expect(piece_card(page, label)).to_contain_text("Remplacer le fichier")
        wait_connected(page)
    href = piece_card(page, CV).get_by_role("link", name="cv.pdf (ouvrir)").get_attribute("href")
    opened = page.request.get(f"{app.url}{href}")
    assert opened.ok and opened.headers["content-type"] == "application/pdf"
    assert opened.body().startswith(b"%PDF-")

    # The conditional piece: « non concerné », on the candidate's word.
    piece_card(page, MDPH).get_by_role("checkbox", name="Je certifie sur l'honneur ne pas être concerné").click()
    expect(piece_card(page, MDPH)).to_contain_text("Non concerné")
    wait_connected(page)
    expect(
        piece_card(page, MDPH).get_by_role("checkbox", name="Je certifie sur l'honneur ne pas être concerné")
    ).to_be_checked()

    # The questions, then « Transmettre ma candidature », its warning, and the success message.
    page.get_by_role("radiogroup", name=ALREADY_ENROLLED).get_by_role("radio", name="Non").click()
    page.get_by_role("textbox", name=PROJECT).fill("Devenir développeuse dans une entreprise du logiciel libre.")
    page.get_by_role("button", name="Transmettre ma candidature").click()
    warning = page.get_by_role("dialog").filter(has_text=TRANSMIT_CONFIRM)
    expect(warning).to_be_visible()
    wait_still(page)
    warning.get_by_role("button", name="Oui").click()
    expect(page.get_by_role("status").filter(has_text=TRANSMITTED)).to_be_visible()
    expect(page.get_by_text("Statut du dossier :").locator("xpath=..")).to_contain_text("En attente — transmise")
    expect(piece_card(page, CV)).to_contain_text("Transmise")
    wait_connected(page)
    expect(page.get_by_role("button", name="Transmettre ma candidature")).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile(r"le fichier :"))).to_have_count(0)  # nothing can change now
    expect(page.locator('input[type="file"]')).to_have_count(0)
    expect(page.get_by_role("listitem").filter(has_text="Candidature transmise")).to_be_visible()

    # The Candidatures tab lists it with its Statut du dossier.
    menu_link(page, "Candidatures").click()
    expect(page).to_have_url(f"{app.url}/compte/candidatures")
    table = page.get_by_role("table")
    expect(table.get_by_role("columnheader")).to_have_text(
        ["Formation", "Date limite de retour", "Statut du dossier", "Décision"]
    )
    row = table.get_by_role("row").filter(has=page.get_by_role("link", name=FORMATION))
    expect(row.get_by_role("cell")).to_have_text(
        [FORMATION, re.compile(r"^\d\d/\d\d/\d{4}$"), "En attente (transmise)", "En attente"]
    )

    transmitted = wait_for_mail(mailbox, MAIL, f"Votre candidature à la formation {FORMATION} a été transmise")
    assert f"« {FORMATION} » a bien été transmise le" in transmitted.text


def wait_for_mail(mailbox: Mailbox, address: str, subject: str, timeout: float = 15.0) -> ReceivedMail:
    deadline = time.monotonic() + timeout
    while True:
        found = [mail for mail in mailbox.for_address(address) if mail.subject == subject]
        if found:
            return found[0]
        if time.monotonic() > deadline:
            raise AssertionError(f"no mail « {subject} »; got {[m.subject for m in mailbox.for_address(address)]}")
        time.sleep(0.05)
