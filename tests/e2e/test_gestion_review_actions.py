"""The gestion's new actions on a selection in Chromium, on the demo institution: « Dates individuelles » (the
return date of two rows ticked moved later, its form and its result) and « Classer la liste complémentaire selon
les notes » (its confirmation and its result). axe finds no serious or critical violation in each dialog at 1280
and 390 px wide, nothing sticks out sideways; each is shot (SCREENSHOTS_DIR)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from ecandidat_ui.services.rights import Role
from models import Formation
from tests.e2e.app_process import RunningApp
from tests.e2e.axe import axe_installed, report
from tests.e2e.steps import platform_of
from tests.e2e.test_gestion_content import DESKTOP, audit_at_both_widths, sign_in_staff
from tests.mailbox import Mailbox
from tests.ui.gestion_helpers import staff_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not axe_installed(), reason="axe-core absent: run `npm install` at the repo root"),
]


def audit_dialog(page: Page, name: str) -> None:
    """The dialog open now, at both widths: axe, nothing sideways, a shot of each (back to the desktop width)."""
    blocking = [violation for violation in audit_at_both_widths(page, f"gestion-review-{name}") if violation.blocking]
    assert not blocking, report(blocking)


def test_individual_dates_and_the_waiting_list_ranking_in_chromium(demo_app: RunningApp, page: Page, mailbox: Mailbox):
    with platform_of(demo_app.url, demo_app.data_dir, mailbox) as platform:
        with platform.db.session() as session:
            centre_id = session.exec(select(Formation.centre_id).where(Formation.code == "L1-DROIT")).one()
        manager = staff_member(Role.CENTRE_MANAGER, centre_id=centre_id, platform=platform)
    page.set_viewport_size(DESKTOP)
    sign_in_staff(page, demo_app.url, manager, "/gestion/candidatures")
    table = page.locator(".data-table")
    rows = table.locator("tbody tr")
    expect(rows.first).to_be_visible()
    for index in (0, 1):
        rows.nth(index).get_by_role("checkbox").click()

    page.get_by_role("button", name="Dates individuelles").click()
    page.get_by_role("menuitem", name="Date de retour individuelle").click()
    form = page.get_by_role("dialog")
    expect(form).to_contain_text("2 candidature(s) sélectionnée(s)")
    form.get_by_label("Date individuelle (vide : celle de la formation)").fill(
        (date.today() + timedelta(days=400)).isoformat()
    )
    audit_dialog(page, "individual-date-form")
    form.get_by_role("button", name="Enregistrer").click()
    done = page.get_by_role("dialog").filter(has_text="à la nouvelle date")
    expect(done).to_contain_text("2 candidature(s) à la nouvelle date")
    audit_dialog(page, "individual-date-result")
    done.get_by_role("button", name="Fermer").click()
    expect(done).to_be_hidden()

    # the window of a row given the date says it is the candidature's own
    later = f"{date.today() + timedelta(days=400):%d/%m/%Y}"
    expect(rows.first).to_be_visible()
    window = rows.first.get_by_role("link").inner_text()
    rows.first.get_by_role("link").click()
    expect(page.get_by_text(f"{later} (individuelle)")).to_be_visible()
    audit_dialog(page, "window-individual-date")
    page.go_back()
    expect(rows.filter(has_text=window)).to_be_visible()

    for index in (0, 1, 2):
        rows.nth(index).get_by_role("checkbox").click()
    page.get_by_role("button", name="Classer la liste complémentaire selon les notes").click()
    confirm = page.get_by_role("dialog").filter(has_text="reçoivent les rangs")
    expect(confirm).to_contain_text("3 candidature(s) sélectionnée(s)")
    audit_dialog(page, "lc-ranking-form")
    confirm.get_by_role("button", name="Classer").click()
    result = page.get_by_role("dialog").filter(has_text="classée(s)")
    expect(result).to_be_visible()
    audit_dialog(page, "lc-ranking-result")
