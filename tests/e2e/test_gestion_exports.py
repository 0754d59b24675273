"""« Exporter » and « Télécharger le dossier » in Chromium, on the demo institution: a commission member opens the
export dialog, ticks a group, exports, and the browser downloads the XLSX; the candidature window's dossier link
gives a PDF. axe finds no serious or critical violation in the dialog (before and after the export) at 1280 and
390 px wide; each is shot (SCREENSHOTS_DIR)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect
from sqlmodel import select

from ecandidat_ui.services.rights import Role
from models import Commission, Formation
from tests.e2e.app_process import RunningApp
from tests.e2e.axe import audit, axe_installed, report
from tests.e2e.steps import platform_of, wait_still
from tests.e2e.test_decision_journey import transmitted_candidature
from tests.e2e.test_gestion_content import DESKTOP, OVERFLOW, PHONE, shoot, sign_in_staff
from tests.mailbox import Mailbox
from tests.ui.gestion_helpers import staff_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not axe_installed(), reason="axe-core absent: run `npm install` at the repo root"),
]


def audited(page: Page, name: str) -> list:
    """axe at both widths, a screenshot of each, nothing wider than the phone."""
    violations = []
    for width, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(size)
        wait_still(page)
        violations += audit(page, f"{name} {width}")
        shoot(page, f"{name}-{width}")
        if size is PHONE:
            assert not page.evaluate(OVERFLOW), f"{name}: wider than the phone"
    page.set_viewport_size(DESKTOP)
    return violations


def test_a_commission_member_exports_the_table_and_downloads_a_dossier(
    demo_app: RunningApp, page: Page, mailbox: Mailbox
):
    platform, candidature_id = transmitted_candidature(demo_app)
    with platform.db.session() as session:
        formation = session.exec(select(Formation).where(Formation.code == "L1-DROIT")).one()
        commission = session.get(Commission, formation.commission_id)
    with platform_of(demo_app.url, demo_app.data_dir, mailbox) as staff_platform:
        member = staff_member(Role.COMMISSION_MEMBER, commission_id=commission.id, platform=staff_platform)
    sign_in_staff(page, demo_app.url, member, "/gestion/candidatures")
    table = page.locator(".data-table")
    expect(table.get_by_role("cell", name="BAILLON", exact=True)).to_be_visible()

    page.get_by_role("button", name="Exporter", exact=True).click()
    dialog = page.get_by_role("dialog", name="Exporter les candidatures")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("group", name="Colonnes à exporter")).to_be_visible()
    expect(dialog.get_by_role("checkbox", name="Identité")).to_be_checked()
    violations = audited(page, "gestion-export-dialog")
    dialog.get_by_role("checkbox", name="Contact").click()
    expect(dialog.get_by_role("checkbox", name="Contact")).to_be_checked()
    with page.expect_download() as download_info:
        dialog.get_by_role("button", name="Exporter au format Excel").click()
    expect(dialog.get_by_role("status")).to_contain_text("L'export est prêt")
    download = download_info.value
    assert download.suggested_filename.startswith("candidatures-") and download.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(Path(download.path()).read_bytes())).active
    headers = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    assert "Adresse mail" in headers and "Nom" in headers
    assert any(row[headers.index("Nom")] == "BAILLON" for row in sheet.iter_rows(min_row=2, values_only=True))
    expect(dialog.get_by_role("link", name="Télécharger")).to_be_visible()
    violations += audited(page, "gestion-export-done")
    dialog.get_by_role("button", name="Fermer").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("button", name="Dossiers (ZIP)")).to_be_visible()
    violations += audited(page, "gestion-export-toolbar")

    page.get_by_role("link", name="DECI0001").click()
    expect(page.get_by_role("heading", name="BAILLON MARIE")).to_be_visible()
    link = page.get_by_role("link", name="Télécharger le dossier")
    expect(link).to_be_visible()
    assert link.get_attribute("href") == f"/gestion/fichiers/dossier/{candidature_id}/dossier.pdf"
    served = page.request.get(demo_app.url + link.get_attribute("href"))
    assert served.status == 200 and served.body().startswith(b"%PDF-")
    assert served.headers["content-disposition"].startswith("attachment")
    assert served.headers["x-content-type-options"] == "nosniff"
    violations += audited(page, "gestion-window-dossier-link")
    blocking = [violation for violation in violations if violation.blocking]
    assert not blocking, report(blocking)
