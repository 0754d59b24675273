"""« Candidatures » in Chromium on the demo institution: the « Colonnes » menu worked with the keyboard (opened,
a box ticked with Space, closed with Échap and the focus back on its button), a sort on the column shown, the
view saved under a name, found again on reloading, and deleted. axe finds no serious or critical violation with
the menu and the dialog open, at 1280 and 390 px; nothing sticks out sideways; each is shot (SCREENSHOTS_DIR)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from ecandidat_ui.services.rights import Role
from models import Formation
from tests.e2e.app_process import RunningApp
from tests.e2e.axe import audit, axe_installed, report
from tests.e2e.steps import platform_of, wait_still
from tests.e2e.test_gestion_content import DESKTOP, OVERFLOW, PHONE, audit_at_both_widths, shoot, sign_in_staff
from tests.mailbox import Mailbox
from tests.ui.gestion_helpers import staff_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not axe_installed(), reason="axe-core absent: run `npm install` at the repo root"),
]


def checked_both_widths(page: Page, name: str, ready) -> list:
    return audit_at_both_widths(page, f"gestion-views-{name}", ready)


def test_a_member_chooses_columns_with_the_keyboard_and_saves_the_view(
    demo_app: RunningApp, page: Page, mailbox: Mailbox
):
    with platform_of(demo_app.url, demo_app.data_dir, mailbox) as platform:
        with platform.db.session() as session:
            commission_id = session.exec(select(Formation.commission_id).where(Formation.code == "M1-INFO")).one()
        member = staff_member(Role.COMMISSION_MEMBER, commission_id=commission_id, platform=platform)
    page.set_viewport_size(DESKTOP)
    sign_in_staff(page, demo_app.url, member, "/gestion/candidatures")
    table = page.locator(".data-table")
    expect(table.locator("tbody tr").first).to_be_visible()
    expect(table.get_by_role("columnheader", name="Mail")).to_have_count(0)

    # « Colonnes » with the keyboard
    columns = page.get_by_role("button", name="Colonnes", exact=True)
    expect(columns).to_have_attribute("aria-expanded", "false")
    columns.focus()
    page.keyboard.press("Enter")
    menu = page.get_by_role("group", name="Colonnes affichées")
    expect(menu).to_be_visible()
    expect(columns).to_have_attribute("aria-expanded", "true")
    mail_box = menu.get_by_role("checkbox", name="Mail")
    mail_box.focus()
    page.keyboard.press("Space")
    expect(mail_box).to_have_attribute("aria-checked", "true")
    expect(table.get_by_role("columnheader", name="Mail")).to_be_visible()
    violations = checked_both_widths(page, "columns-menu", lambda: expect(menu).to_be_visible())
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(columns).to_be_focused()

    # sorted on the new column, descending
    header = table.get_by_role("columnheader", name="Mail")
    header.get_by_role("button", name="Mail").click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    header.get_by_role("button", name="Mail").click()
    expect(header).to_have_attribute("aria-sort", "descending")
    expect(table.locator("tbody tr").first).to_be_visible()

    # saved under a name (the dialog opened at each width: a resize with it open leaves the drawer open)
    dialog = page.get_by_role("dialog", name="Enregistrer la vue")
    for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        wait_still(page)
        page.get_by_role("button", name="Enregistrer la vue").click()
        dialog.get_by_label("Nom de la vue *").fill("Par mail")
        wait_still(page)
        violations += audit(page, f"save dialog ({width_name})")
        assert not page.evaluate(OVERFLOW), f"save dialog scrolls sideways at {width_name} width"
        shoot(page, f"gestion-views-save-dialog-{width_name}")
        if width_name == "desktop":
            dialog.get_by_role("button", name="Annuler").click()
            expect(dialog).to_be_hidden()
    dialog.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Vue « Par mail » enregistrée")).to_be_visible()
    expect(dialog).to_be_hidden()
    page.set_viewport_size(DESKTOP)

    # found again on reloading
    page.reload()
    expect(page.get_by_label("Vue", exact=True)).to_have_value("Par mail")
    header = table.get_by_role("columnheader", name="Mail")
    expect(header).to_have_attribute("aria-sort", "descending")
    view = page.get_by_label("Vue", exact=True)
    violations += checked_both_widths(page, "restored", lambda: expect(view).to_have_value("Par mail"))

    # deleted
    page.get_by_role("button", name="Supprimer la vue").click()
    page.get_by_role("dialog").get_by_role("button", name="Supprimer la vue").click()
    expect(page.get_by_text("Vue « Par mail » supprimée")).to_be_visible()
    expect(page.get_by_label("Vue", exact=True)).to_have_value("Vue par défaut")
    blocking = [violation for violation in violations if violation.blocking]
    assert not blocking, report(blocking)
    if violations:
        print(report(violations))
