"""« Candidatures » and the candidature window in Chromium, on the demo institution: a commission member finds a
candidature by its statut and name, opens it, shows a pièce inline (served with nosniff, inline, to staff only),
validates one pièce and refuses another with a comment — the candidate gets the mail saying what to send again,
sends it and transmits, and the member sees it waiting for review; a manager of another centre typing the
addresses gets nothing. axe finds no serious or critical violation on the table and the window at 1280 and 390 px
wide, nothing sticks out sideways; each is shot (SCREENSHOTS_DIR)."""

from __future__ import annotations

import time
from datetime import date

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from ecandidat_ui.services.rights import Role
from models import Commission, Formation
from tests.e2e.app_process import RunningApp
from tests.e2e.axe import audit, axe_installed, report
from tests.e2e.steps import open_page, pdf_file, platform_of, wait_still
from tests.e2e.test_decision_journey import transmitted_candidature
from tests.e2e.test_gestion_content import DESKTOP, PHONE, audit_at_both_widths, shoot, sign_in_staff
from tests.mailbox import Mailbox
from tests.sessions import actor
from tests.ui.gestion_helpers import staff_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not axe_installed(), reason="axe-core absent: run `npm install` at the repo root"),
]


def test_a_commission_member_reviews_the_pieces_of_a_candidature(
    demo_app: RunningApp, page: Page, mailbox: Mailbox, browser
):
    platform, candidature_id = transmitted_candidature(demo_app)
    with platform.db.session() as session:
        formation = session.exec(select(Formation).where(Formation.code == "L1-DROIT")).one()
        commission = session.get(Commission, formation.commission_id)
        other_centre = session.exec(select(Formation.centre_id).where(Formation.code == "M1-INFO")).one()
    with platform_of(demo_app.url, demo_app.data_dir, mailbox) as staff_platform:
        member = staff_member(Role.COMMISSION_MEMBER, commission_id=commission.id, platform=staff_platform)
        outsider = staff_member(Role.CENTRE_MANAGER, centre_id=other_centre, platform=staff_platform)
    sign_in_staff(page, demo_app.url, member, "/gestion/candidatures")

    # the table: the member's commission, counts by statut, filtered and searched
    expect(page.get_by_label("Commission")).to_have_value(commission.label)
    counts = page.get_by_role("list", name="Candidatures par statut")
    expect(counts).to_contain_text("Non transmise")
    table = page.locator(".data-table")
    expect(table.get_by_role("cell", name="BAILLON", exact=True)).to_be_visible()
    page.get_by_role("combobox", name="Statut du dossier").click()
    page.get_by_role("option", name="En attente", exact=True).click()
    page.get_by_label("Rechercher").fill("baillon")
    expect(table.get_by_role("row")).to_have_count(2)  # the header and Marie's row
    marie = table.get_by_role("cell", name="BAILLON", exact=True)
    audit_both_widths(page, "candidatures", lambda: expect(marie).to_be_visible())

    # the window: the file, the pièces, one shown inline
    page.set_viewport_size(DESKTOP)
    page.get_by_role("link", name="DECI0001").click()
    expect(page.get_by_role("heading", name="BAILLON MARIE")).to_be_visible()
    window = page.url
    assert window.endswith(f"/gestion/candidatures/{candidature_id}")
    first_piece = page.locator(".q-card").first
    first_label = first_piece.get_by_role("heading", level=3).inner_text()
    first_piece.get_by_role("button", name=f"Afficher : {first_label}").click()
    viewer = page.locator("iframe[title^='Fichier']")
    expect(viewer).to_be_visible()
    file_address = demo_app.url + viewer.get_attribute("src")
    served = page.request.get(file_address)
    assert served.status == 200 and served.body().startswith(b"%PDF-")
    assert served.headers["x-content-type-options"] == "nosniff"
    assert served.headers["content-disposition"].startswith("inline")
    assert served.headers["x-frame-options"] == "SAMEORIGIN"  # shown in the window's frame, by this site only
    assert "frame-ancestors 'self'" in served.headers["content-security-policy"]
    expect(page.get_by_role("heading", name="BAILLON MARIE")).to_have_count(1)
    shoot(page, "gestion-review-viewer-desktop")
    page.get_by_role("button", name="Fermer", exact=True).click()
    audit_both_widths(
        page, "candidature-window", lambda: expect(page.get_by_role("heading", name="BAILLON MARIE")).to_be_visible()
    )
    page.get_by_role("tab", name="Dossier").click()
    expect(page.get_by_text("Informations personnelles")).to_be_visible()
    audit_both_widths(page, "candidature-window-file", lambda: page.get_by_role("tab", name="Dossier").click())

    # validate the first pièce, refuse the second with a comment
    page.set_viewport_size(DESKTOP)
    open_page(page, window)
    page.get_by_role("button", name=f"Valider : {first_label}").click()
    expect(page.get_by_text("Statut de la pièce : Validée")).to_be_visible()
    second_piece = page.locator(".q-card").nth(1)
    second_label = second_piece.get_by_role("heading", level=3).inner_text()
    second_piece.get_by_role("button", name=f"Refuser : {second_label}").click()
    refusal = page.get_by_role("dialog")
    refusal.get_by_role("button", name="Refuser", exact=True).click()
    expect(refusal.get_by_text("Dites au candidat ce qu'il doit envoyer à nouveau")).to_be_visible()
    wait_still(page)
    violations = audit(page, "refusal dialog")
    shoot(page, "gestion-review-refusal-desktop")
    refusal.get_by_label("Commentaire pour le candidat").fill("Le relevé est illisible : envoyez un scan net.")
    refusal.get_by_role("button", name="Refuser", exact=True).click()
    expect(refusal).to_be_hidden()
    expect(page.get_by_text("Statut de la pièce : Refusée")).to_be_visible()
    expect(page.get_by_text("Incomplet").first).to_be_visible()
    blocking = [violation for violation in violations if violation.blocking]
    assert not blocking, report(blocking)

    # the candidate is told what to send again, sends it and transmits
    told = mail_about(mailbox, "marie@example.org", ": Incomplet")
    assert "Le relevé est illisible" in told.text and second_label in told.text
    view = platform.candidatures.view(
        platform.candidature_table.candidature(member.actor(platform), candidature_id).account.id, candidature_id
    )
    me = actor(platform, view.candidature.account_id)
    refused = next(piece for piece in view.pieces if piece.review == "Refusée")
    platform.candidatures.send_piece(me, candidature_id, refused.piece.id, "releve.pdf", pdf_file("Relevé net"))
    platform.candidatures.transmit(me, candidature_id, date.today())
    page.reload()
    expect(page.get_by_text("Statut de la pièce : Transmise")).to_be_visible()
    expect(page.get_by_text("Statut de la pièce : Validée")).to_be_visible()

    # back to the table: Complet set on the incomplete files, ticked together; those not sent again are refused
    open_page(page, demo_app.url + "/gestion/candidatures")
    page.get_by_role("combobox", name="Statut du dossier").click()
    page.get_by_role("option", name="Incomplet", exact=True).click()
    expect(table.get_by_role("cell", name="BAILLON", exact=True)).to_be_visible()
    incomplete = table.locator("tbody tr").count()
    assert incomplete >= 2  # Marie, who sent her file again, and demo candidates who did not
    page.get_by_role("checkbox", name="Sélectionner toutes les lignes de la page").click()
    page.get_by_role("button", name="Saisie du statut du dossier").click()
    form = page.get_by_role("dialog")
    form.get_by_label("Statut du dossier *").click()
    page.get_by_role("option", name="Complet", exact=True).click()
    wait_still(page)
    violations = audit(page, "statut form")
    shoot(page, "gestion-review-status-form-desktop")
    form.get_by_role("button", name="Enregistrer").click()
    done = page.get_by_role("dialog").filter(has_text="candidature(s) modifiée(s)")
    expect(done).to_contain_text("1 candidature(s) modifiée(s)")
    expect(done).to_contain_text(f"{incomplete - 1} candidature(s) non modifiée(s)")
    expect(done.get_by_text("Le candidat n'a pas transmis cette candidature").first).to_be_visible()
    shoot(page, "gestion-review-status-result-desktop")
    wait_still(page)
    violations += audit(page, "statut result")
    blocking = [violation for violation in violations if violation.blocking]
    assert not blocking, report(blocking)
    done.get_by_role("button", name="Fermer").click()
    expect(table.get_by_role("cell", name="BAILLON", exact=True)).to_have_count(0)  # no longer Incomplet
    assert "Complet" in mail_about(mailbox, "marie@example.org", ": Complet").subject

    # « Saisie des avis » on two rows by the member; their président validates and the candidate gets the mail
    page.get_by_role("combobox", name="Statut du dossier").click()
    page.get_by_role("option", name="Tous", exact=True).click()
    page.get_by_role("combobox", name="Avis").click()  # the demo has avis already validated: not those
    page.get_by_role("option", name="Sans avis", exact=True).click()
    expect(table.locator("tbody tr").filter(has_text="favorable")).to_have_count(0)  # the page filtered
    expect(table.get_by_role("cell", name="BAILLON", exact=True)).to_be_visible()
    rows = table.locator("tbody tr").filter(has_not_text="DECI0001")
    other_row = rows.filter(has_not_text="Non transmise").filter(has_not_text="Incomplet").first
    other_login = other_row.get_by_role("link").inner_text()
    two = [
        table.locator("tbody tr").filter(has_text="DECI0001"),
        table.locator("tbody tr").filter(has_text=other_login),
    ]
    for row in two:
        row.get_by_role("checkbox").click()
    page.get_by_role("button", name="Saisie des avis").click()
    form = page.get_by_role("dialog")
    form.get_by_role("button", name="Enregistrer").click()
    expect(form.get_by_text("Choisissez un type de décision en service")).to_be_visible()
    form.get_by_label("Type de décision *").click()
    page.get_by_role("option", name="Avis favorable", exact=True).click()
    form.get_by_label("Commentaire").fill("Très bon dossier")
    wait_still(page)
    violations = audit(page, "avis form")
    shoot(page, "gestion-review-avis-form-desktop")
    page.set_viewport_size(PHONE)
    wait_still(page)
    shoot(page, "gestion-review-avis-form-phone")
    page.set_viewport_size(DESKTOP)
    blocking = [violation for violation in violations if violation.blocking]
    assert not blocking, report(blocking)
    form.get_by_role("button", name="Enregistrer").click()
    done = page.get_by_role("dialog").filter(has_text="avis saisi(s)")
    expect(done).to_contain_text("2 avis saisi(s)")
    done.get_by_role("button", name="Fermer").click()
    expect(page.get_by_role("button", name="Validation des avis")).to_have_count(0)  # a member does not validate
    with platform_of(demo_app.url, demo_app.data_dir, mailbox) as staff_platform:
        president = staff_member(
            Role.COMMISSION_MEMBER, commission_id=commission.id, president=True, platform=staff_platform
        )
    context = browser.new_context(viewport=DESKTOP, locale="fr-FR")
    chair = context.new_page()
    sign_in_staff(chair, demo_app.url, president, "/gestion/candidatures")
    chair_table = chair.locator(".data-table")
    for login in ("DECI0001", other_login):
        chair_table.locator("tbody tr").filter(has_text=login).get_by_role("checkbox").click()
    chair.get_by_role("button", name="Validation des avis").click()
    expect(chair.get_by_role("dialog")).to_contain_text("2 candidature(s) sélectionnée(s)")
    wait_still(chair)
    shoot(chair, "gestion-review-avis-validation-desktop")
    chair.get_by_role("dialog").get_by_role("button", name="Valider les avis").click()
    expect(chair.get_by_role("dialog").filter(has_text="avis validé(s)")).to_contain_text("2 avis validé(s)")
    shoot(chair, "gestion-review-avis-validated-desktop")
    context.close()
    decided = mail_about(mailbox, "marie@example.org", "Décision")
    assert "Très bon dossier" in decided.text

    # a manager of another centre, typing the addresses, gets nothing
    context = browser.new_context(viewport=DESKTOP, locale="fr-FR")
    other = context.new_page()
    sign_in_staff(other, demo_app.url, outsider, window.removeprefix(demo_app.url))
    expect(other.get_by_text("Vous n'avez pas le droit de consulter les candidatures")).to_be_visible()
    expect(other.get_by_text("BAILLON")).to_have_count(0)
    assert other.request.get(file_address).status == 404
    context.close()
    assert page.context.request.get(file_address).status == 200
    visitor = browser.new_context()
    assert visitor.request.get(file_address).status == 404
    visitor.close()
    platform.db.dispose()


def mail_about(mailbox: Mailbox, address: str, subject: str, timeout: float = 15.0):
    """The first mail to `address` whose subject holds `subject`, waiting for it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [mail for mail in mailbox.for_address(address) if subject in mail.subject]
        if found:
            return found[0]
        time.sleep(0.05)
    raise AssertionError(f"no mail « {subject} » for {address}: {[m.subject for m in mailbox.for_address(address)]}")


def audit_both_widths(page: Page, name: str, ready) -> None:
    """axe at 1280 and 390 px: no serious or critical violation, nothing sideways; a shot of each."""
    violations = audit_at_both_widths(page, f"gestion-review-{name}", ready)
    blocking = [violation for violation in violations if violation.blocking]
    assert not blocking, report(blocking)
    if violations:
        print(report(violations))
