"""« Tableau de bord » in Chromium, on the demo institution: an administrator sees the counts per formation with
the totals, the chart named as an image whose text alternative is the table, changes the level and downloads the
XLSX. axe finds no serious or critical violation at 1280 and 390 px, nothing sticks out sideways; each width is
shot (SCREENSHOTS_DIR)."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from ecandidat_ui import messages
from ecandidat_ui.services.rights import Role
from tests.e2e.app_process import RunningApp
from tests.e2e.axe import axe_installed
from tests.e2e.steps import platform_of
from tests.e2e.test_gestion_content import DESKTOP, shoot, sign_in_staff
from tests.e2e.test_gestion_review import audit_both_widths
from tests.mailbox import Mailbox
from tests.ui.gestion_helpers import staff_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not axe_installed(), reason="axe-core absent: run `npm install` at the repo root"),
]


def test_an_administrator_reads_the_dashboard_and_downloads_it(demo_app: RunningApp, page: Page, mailbox: Mailbox):
    with platform_of(demo_app.url, demo_app.data_dir, mailbox) as staff_platform:
        admin = staff_member(Role.ADMIN, platform=staff_platform)
    sign_in_staff(page, demo_app.url, admin, "/gestion/tableau-de-bord")

    table = page.get_by_role("table", name="Candidatures de la campagne, par formation")
    expect(table.get_by_role("cell", name=messages.DASHBOARD_TOTAL_ALL, exact=True)).to_be_visible()
    chart = page.get_by_role("img", name="Graphique en barres", exact=False)
    expect(chart).to_have_attribute("aria-label", messages.DASHBOARD_CHART_LABEL.format(
        chart="statuts des dossiers", caption="Candidatures de la campagne, par formation"))  # fmt: skip
    audit_both_widths(page, "dashboard", lambda: expect(table).to_be_visible())
    page.set_viewport_size(DESKTOP)
    chart.hover()  # the tooltip, drawn on the canvas
    shoot(page, "gestion-dashboard-tooltip-desktop")

    page.get_by_role("combobox", name=messages.DASHBOARD_LEVEL).click()
    page.get_by_role("option", name="Par centre", exact=True).click()
    by_centre = page.get_by_role("table", name="Candidatures de la campagne, par centre")
    expect(by_centre.get_by_role("cell", name=messages.DASHBOARD_TOTAL_ALL, exact=True)).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name=messages.DASHBOARD_DOWNLOAD).click()
    assert download.value.suggested_filename == "tableau-de-bord-centre.xlsx"
    sheet = load_workbook(io.BytesIO(download.value.path().read_bytes())).active
    last = list(sheet.iter_rows(values_only=True))[-1]
    assert last[3] == messages.DASHBOARD_TOTAL_ALL and last[4] > 0
