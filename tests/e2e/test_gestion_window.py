"""The candidature window's staff parts in Chromium, on the demo institution: a centre manager puts a tag on a
candidature, enters an avis for it alone and duplicates it (the « Avis » tab names who entered them), writes in
the bloc-notes and deletes their note; then puts tags on rows ticked in the table. axe finds no serious or
critical violation on the tabs and dialogs at 1280 and 390 px, nothing sticks out sideways; each is shot
(SCREENSHOTS_DIR)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from ecandidat_ui.services.rights import Role
from models import Formation
from tests.e2e.app_process import RunningApp
from tests.e2e.axe import audit, axe_installed, report
from tests.e2e.steps import open_page, platform_of, wait_still
from tests.e2e.test_decision_journey import transmitted_candidature
from tests.e2e.test_gestion_content import DESKTOP, PHONE, shoot, sign_in_staff
from tests.e2e.test_gestion_review import audit_both_widths
from tests.mailbox import Mailbox
from tests.ui.gestion_helpers import staff_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not axe_installed(), reason="axe-core absent: run `npm install` at the repo root"),
]


def audit_dialog(page: Page, name: str) -> None:
    violations = []
    for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        wait_still(page)
        violations += audit(page, f"{name} ({width_name})")
        shoot(page, f"gestion-window-{name}-{width_name}")
    page.set_viewport_size(DESKTOP)
    blocking = [violation for violation in violations if violation.blocking]
    assert not blocking, report(blocking)


def test_a_manager_tags_gives_an_avis_and_writes_notes_in_the_window(
    demo_app: RunningApp, page: Page, mailbox: Mailbox
):
    platform, candidature_id = transmitted_candidature(demo_app)
    with platform.db.session() as session:
        centre_id = session.exec(select(Formation.centre_id).where(Formation.code == "L1-DROIT")).one()
    with platform_of(demo_app.url, demo_app.data_dir, mailbox) as staff_platform:
        manager = staff_member(Role.CENTRE_MANAGER, centre_id=centre_id, platform=staff_platform)
        staff_platform.tags.create(
            manager.actor(staff_platform), {"label": "Entretien à prévoir", "colour": "jaune", "centre_id": centre_id}
        )
    sign_in_staff(page, demo_app.url, manager, f"/gestion/candidatures/{candidature_id}")
    expect(page.get_by_role("heading", name="BAILLON MARIE")).to_be_visible()
    window = page.url

    # a tag on this candidature
    page.get_by_role("button", name="Modifier les tags").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Tags choisis").click()
    page.get_by_role("option", name="Entretien à prévoir").click()
    page.keyboard.press("Escape")
    audit_dialog(page, "tags-dialog")
    dialog.get_by_role("button", name="Enregistrer").click()
    expect(dialog).to_be_hidden()
    expect(page.locator(".tag-chip", has_text="Entretien à prévoir")).to_be_visible()

    # an avis for it alone, then duplicated
    page.get_by_role("button", name="Saisir un avis").click()
    form = page.get_by_role("dialog")
    form.get_by_label("Type de décision *").click()
    page.get_by_role("option", name="Avis favorable", exact=True).click()
    form.get_by_label("Commentaire").fill("Très bon dossier")
    audit_dialog(page, "avis-dialog")
    form.get_by_role("button", name="Enregistrer").click()
    expect(form).to_be_hidden()
    page.get_by_role("button", name="Dupliquer la dernière décision").click()
    expect(page.get_by_text("La dernière décision a été saisie à nouveau")).to_be_visible()
    page.get_by_role("tab", name="Avis", exact=True).click()
    history = page.get_by_role("list", name="Historique des avis")
    expect(history.get_by_role("listitem")).to_have_count(2)
    expect(history.get_by_text("Très bon dossier").first).to_be_visible()
    expect(history.get_by_text("par Claire").first).to_be_visible()
    audit_both_widths(page, "window-avis", lambda: page.get_by_role("tab", name="Avis", exact=True).click())

    # the bloc-notes
    page.set_viewport_size(DESKTOP)
    page.get_by_role("tab", name="Bloc-notes").click()
    page.get_by_role("button", name="Ajouter la note").click()
    expect(page.get_by_text("Écrivez la note avant de l'ajouter")).to_be_visible()
    page.get_by_label("Nouvelle note").fill("Dossier solide.\nÀ revoir en séance.")
    page.get_by_role("button", name="Ajouter la note").click()
    notes = page.get_by_role("list", name="Notes, de la plus récente à la plus ancienne")
    expect(notes).to_contain_text("À revoir en séance.")
    audit_both_widths(page, "window-notes", lambda: page.get_by_role("tab", name="Bloc-notes").click())
    page.set_viewport_size(DESKTOP)
    notes.get_by_role("button", name="Supprimer la note").click()
    page.get_by_role("dialog").get_by_role("button", name="Supprimer").click()
    expect(page.get_by_text("Aucune note pour cette candidature.")).to_be_visible()

    # tags on rows ticked in the table
    open_page(page, demo_app.url + "/gestion/candidatures")
    table = page.locator(".data-table")
    row = table.locator("tbody tr").filter(has_text="DECI0001")
    expect(row).to_be_visible()
    row.get_by_role("checkbox").click()
    page.get_by_role("button", name="Tags", exact=True).click()
    form = page.get_by_role("dialog")
    form.get_by_label("Tags à retirer").click()
    page.get_by_role("option", name="Entretien à prévoir").click()
    page.keyboard.press("Escape")
    audit_dialog(page, "tags-action")
    form.get_by_role("button", name="Enregistrer").click()
    done = page.get_by_role("dialog").filter(has_text="candidature(s) modifiée(s)")
    expect(done).to_contain_text("1 candidature(s) modifiée(s)")
    done.get_by_role("button", name="Fermer").click()
    expect(row.locator(".tag-chip")).to_have_count(0)
    open_page(page, window)
    expect(page.get_by_text("Aucun tag")).to_be_visible()
    platform.db.dispose()
