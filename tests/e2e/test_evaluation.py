"""Evaluation grids in Chromium on the demo institution: a centre manager sets a formation's grid on « Grilles
d'évaluation », then scores a candidature from « Candidatures » (« Évaluer ») and sees the note in the table's
« Note moyenne /20 » column. axe finds no serious or critical violation on the grid screen and the scoring dialog,
at 1280 and 390 px; nothing sticks out sideways; each is shot (SCREENSHOTS_DIR)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from ecandidat_ui.services.rights import Role
from models import Centre
from tests.e2e.app_process import RunningApp
from tests.e2e.axe import audit, axe_installed, report
from tests.e2e.steps import open_page, platform_of, wait_still
from tests.e2e.test_gestion_content import DESKTOP, OVERFLOW, PHONE, shoot, sign_in_staff
from tests.mailbox import Mailbox
from tests.ui.gestion_helpers import staff_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not axe_installed(), reason="axe-core absent: run `npm install` at the repo root"),
]


def check(page: Page, name: str, width_name: str) -> list:
    wait_still(page)
    found = audit(page, f"{name} ({width_name})")
    assert not page.evaluate(OVERFLOW), f"{name} scrolls sideways at {width_name} width"
    shoot(page, f"gestion-grid-{name}-{width_name}")
    return found


def test_a_manager_sets_a_grid_and_scores_a_candidature(demo_app: RunningApp, page: Page, mailbox: Mailbox):
    with platform_of(demo_app.url, demo_app.data_dir, mailbox) as platform:
        with platform.db.session() as session:
            centre_id = session.exec(select(Centre.id).where(Centre.code == "SCI")).one()
        manager = staff_member(Role.CENTRE_MANAGER, centre_id=centre_id, platform=platform)
    page.set_viewport_size(DESKTOP)
    sign_in_staff(page, demo_app.url, manager, "/gestion/grilles")
    expect(page.get_by_label("Formation", exact=True)).to_have_value("BUT-INFO — BUT Informatique")
    expect(page.get_by_text("Aucun critère")).to_be_visible()
    page.get_by_role("button", name="Ajouter un critère").click()
    page.get_by_role("button", name="Ajouter un critère").click()
    first = page.get_by_role("group", name="Critère 1")
    second = page.get_by_role("group", name="Critère 2")
    expect(second.get_by_label("Libellé du critère *")).to_be_focused()  # the criterion just added
    first.get_by_label("Libellé du critère *").fill("Résultats académiques")
    first.get_by_label("Coefficient *").fill("2")
    second.get_by_label("Note maximale *").fill("0")
    page.get_by_role("button", name="Enregistrer la grille").click()
    expect(second.get_by_text("Donnez un libellé au critère")).to_be_visible()
    violations = []
    for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        violations += check(page, "screen", width_name)
    page.set_viewport_size(DESKTOP)
    second.get_by_label("Libellé du critère *").fill("Projet professionnel")
    second.get_by_label("Note maximale *").fill("10")
    page.get_by_role("button", name="Enregistrer la grille").click()
    expect(page.get_by_text("Grille enregistrée")).to_be_visible()

    open_page(page, f"{demo_app.url}/gestion/candidatures?commission=centre-{centre_id}")
    table = page.locator(".data-table")
    page.get_by_role("combobox", name="Formation").click()
    page.get_by_role("option", name="BUT-INFO — BUT Informatique").click()
    row = table.locator("tbody tr").filter(has_text="BUT-INFO").first
    expect(row).to_be_visible()
    name = row.locator("td").nth(3).inner_text()
    dialog = page.get_by_role("dialog", name="Évaluer")
    for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        wait_still(page)
        if width_name == "phone":  # the actions column is out of sight at 390 px: reached by scrolling
            row.get_by_role("button", name=f"Évaluer : {name}").scroll_into_view_if_needed()
        row.get_by_role("button", name=f"Évaluer : {name}").click()
        dialog.get_by_label("Résultats académiques (sur 20, coefficient 2)").fill("16")
        violations += check(page, "dialog", width_name)
        if width_name == "desktop":
            dialog.get_by_role("button", name="Annuler").click()
            expect(dialog).to_be_hidden()
    dialog.get_by_label("Projet professionnel (sur 10, coefficient 1)").fill("5")
    dialog.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Évaluation enregistrée")).to_be_visible()
    page.set_viewport_size(DESKTOP)
    page.get_by_role("button", name="Colonnes", exact=True).click()
    page.get_by_role("checkbox", name="Note moyenne /20").click()
    page.keyboard.press("Escape")
    expect(table.get_by_role("columnheader", name="Note moyenne /20")).to_be_visible()
    expect(row.get_by_role("cell", name="14", exact=True)).to_be_attached()
    wait_still(page)
    shoot(page, "gestion-grid-table-desktop")
    blocking = [violation for violation in violations if violation.blocking]
    assert not blocking, report(blocking)
    if violations:
        print(report(violations))
