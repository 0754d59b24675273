"""The candidate's home cards and « Ajouter à mon agenda » in Chromium: the card says what is missing and leads
to the candidature; the deadlines download as a file that reads back."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from icalendar import Calendar
from playwright.sync_api import Page, expect

from ecandidat_ui.services.offer_import import apply_offer
from tests.e2e.app_process import RunningApp
from tests.e2e.axe import report
from tests.e2e.steps import complete_file, formation_id_of, open_page, platform_of, signed_in_candidate
from tests.e2e.test_gestion_content import audit_at_both_widths
from tests.mailbox import Mailbox
from tests.unit.test_candidatures import offer

pytestmark = pytest.mark.browser


def test_a_candidate_adds_their_deadlines_to_their_agenda(app: RunningApp, page: Page, mailbox: Mailbox):
    login = signed_in_candidate(page, app.url, mailbox, "marie.baillon@example.org")
    today = date.today()
    return_by = today + timedelta(days=12)
    with platform_of(app.url, app.data_dir, mailbox) as platform:
        apply_offer(platform.db, offer(today - timedelta(days=5), today + timedelta(days=5), return_by))
        me = complete_file(platform, login)
        platform.candidatures.apply(me, formation_id_of(platform, "M1-INFO"), today)

    open_page(page, app.url + "/compte/candidatures")
    button = page.get_by_role("button", name="Ajouter à mon agenda")
    expect(button).to_be_visible()
    violations = audit_at_both_widths(page, "candidatures-agenda")
    with page.expect_download() as waiting:
        button.click()
    download = waiting.value
    assert download.suggested_filename == "mes-dates-limites.ics"
    calendar = Calendar.from_ical(download.path().read_bytes())
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Date limite de retour : Master Informatique"
    assert event.decoded("dtstart") == return_by
    stranger = page.context.browser.new_context()  # no session cookie: nobody's agenda
    try:
        assert stranger.request.get(app.url + "/compte/agenda.ics").status == 404
    finally:
        stranger.close()

    # the home page: a card per candidature, what is missing, the date, the next step
    open_page(page, app.url)
    cards = page.get_by_role("region", name="Mes candidatures")
    card = cards.get_by_role("listitem").filter(has_text="Master Informatique")
    expect(card.get_by_text("pièces manquantes")).to_be_visible()
    expect(card.get_by_text(f"Date limite de retour : {return_by:%d/%m/%Y}")).to_be_visible()
    violations += audit_at_both_widths(page, "home-cards")
    card.get_by_role("button", name="Compléter ma candidature").click()
    expect(page.get_by_text("Pièces justificatives").first).to_be_visible()
    assert "/compte/candidatures/" in page.url
    blocking = [violation for violation in violations if violation.blocking]
    assert not blocking, report(blocking)
