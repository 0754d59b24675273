"""A visitor reads the platform in English in Chromium (issue 10, item 16): the header's switch, an account made
in English with its validation mail in English (real SMTP), the home page and the offer, a candidature and its
récapitulatif PDF in English (read back with pypdf); axe on the English pages at desktop and phone widths."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.e2e.app_process import RunningApp
from tests.e2e.axe import audit, report
from tests.e2e.steps import complete_file, dialog, open_page, platform_of, wait_connected, wait_still
from tests.e2e.test_gestion_content import DESKTOP, OVERFLOW, PHONE, shoot
from tests.mailbox import Mailbox

pytestmark = pytest.mark.browser

MAIL = "ana.silva@example.org"
PASSWORD = "a strong passphrase of several words"
FORMATION = "Master Informatique, parcours génie logiciel"


def audited(page: Page, name: str) -> list:
    """axe at 1280 and 390 px, nothing sticking out sideways, a screenshot of each (SCREENSHOTS_DIR)."""
    found = []
    for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        wait_still(page)
        found += [v for v in audit(page, f"{name} ({width_name})") if v.impact in ("serious", "critical")]
        assert not page.evaluate(OVERFLOW), f"{name} scrolls sideways at {width_name} width"
        shoot(page, f"english-{name}-{width_name}")
    page.set_viewport_size(DESKTOP)
    return found


def test_a_visitor_switches_to_english_and_applies_in_english(demo_app: RunningApp, page: Page, mailbox: Mailbox):
    app = demo_app
    violations = []

    # A French browser: French first, then « English » in the header, remembered from page to page.
    open_page(page, app.url)
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    switch = page.get_by_role("banner").get_by_role("link", name="Read this site in English")
    expect(switch).to_have_attribute("lang", "en")
    switch.click()
    expect(page.get_by_role("heading", level=1, name="Home")).to_be_visible()
    wait_connected(page)
    expect(page.locator("html")).to_have_attribute("lang", re.compile(r"^en"))
    expect(page.get_by_role("banner").get_by_role("link", name="Lire ce site en français")).to_be_visible()
    violations += audited(page, "home")

    # An account made in English: the dialog, the service's message and the validation mail.
    page.get_by_role("banner").get_by_role("button", name="Create an account").click()
    creation = dialog(page, "Account creation")
    expect(creation).to_be_visible()
    creation.get_by_label("Last name *", exact=True).fill("Silva")
    creation.get_by_label("First name *", exact=True).fill("Ana")
    creation.get_by_label("Mail address *", exact=True).fill(MAIL)
    creation.get_by_label("Mail address confirmation *", exact=True).fill(MAIL)
    creation.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your account has been created, please check your mail to validate it")).to_be_visible()
    received = mailbox.wait_for_sync(MAIL)
    assert received.subject == "Creation of your eCandidat account"
    assert received.text.startswith("Hello ANA SILVA,")
    assert "Kind regards" in received.text and "Cordialement" not in received.text

    open_page(page, received.link())
    expect(page.get_by_role("heading", level=1, name="Account validation")).to_be_visible()
    page.get_by_label("New password *", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation *", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your password has been saved, you can sign in")).to_be_visible()

    open_page(page, f"{app.url}/connexion")
    card = page.get_by_role("region", name="I am not a student at Université Esup")
    card.get_by_label("User *", exact=True).fill(received.login())
    card.get_by_label("Password *", exact=True).fill(PASSWORD)
    card.get_by_label("Password *", exact=True).press("Enter")
    expect(page.get_by_text(f"You are signed in with the login: {received.login()}", exact=True)).to_be_visible()
    wait_connected(page)
    with platform_of(app.url, app.data_dir, mailbox, ECANDIDAT_DEMO="true") as platform:
        complete_file(platform, received.login())
    page.reload()
    expect(page.get_by_text("The required tabs of your file are complete: you can apply.")).to_be_visible()
    wait_connected(page)
    violations += audited(page, "signed-in home")
    open_page(page, f"{app.url}/compte/informations-perso")  # a tab of the file: its fields in English
    expect(page.get_by_role("heading", level=1, name="Personal details")).to_be_visible()
    expect(page.get_by_label("Date of birth *", exact=True)).to_be_visible()
    violations += audited(page, "personal details")
    open_page(page, app.url)

    # The offer in English, and a candidature.
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Formations on offer").click()
    expect(page.get_by_role("heading", level=1, name="Formations on offer")).to_be_visible()
    wait_connected(page)
    page.get_by_role("searchbox", name="Search for a formation").fill("génie logiciel")
    expect(page.get_by_text("1 formation", exact=True)).to_be_visible()
    violations += audited(page, "offer")
    page.get_by_role("button", name=f"Apply to {FORMATION}").click()
    question = page.get_by_role("dialog").filter(has_text=f"Do you want to apply to the formation '{FORMATION}'?")
    expect(question).to_be_visible()
    question.get_by_role("button", name="Yes").click()
    expect(page.get_by_role("heading", level=1, name=FORMATION)).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="Your application has been saved.")).to_be_visible()
    wait_connected(page)
    expect(page.get_by_role("button", name="Send my application")).to_be_visible()
    violations += audited(page, "candidature")

    # The récapitulatif, in English, from the button's address.
    with page.context.expect_page() as opened:
        page.get_by_role("button", name="Summary (PDF)").click()
    recap = page.context.request.get(opened.value.url)
    opened.value.close()
    assert recap.ok and recap.headers["content-type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(recap.body())).pages)
    for english in ("Application summary", "Personal details", "File number", "File status", "Pending"):
        assert english in text, english
    for french in ("Récapitulatif de candidature", "Informations personnelles", "Numéro de dossier"):
        assert french not in text, french

    assert not violations, report(violations)
