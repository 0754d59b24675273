"""Types de décision, Motivations d'avis and Tags in Chromium: an administrator opens each screen and its form —
axe finds no serious or critical WCAG violation at desktop and phone widths, nothing sticks out sideways — then
creates a type of decision (after a French message at a field), whose mail the candidate receives once an avis
of that type is validated; the type, now used, is refused deletion; a tag on a candidature is deleted only once
its count is confirmed."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from models import CandidatureTag, Centre, DecisionType, Tag
from tests.e2e.app_process import RunningApp
from tests.e2e.axe import axe_installed
from tests.e2e.steps import open_page, platform_of
from tests.e2e.test_decision_journey import transmitted_candidature
from tests.e2e.test_gestion_content import DESKTOP, audit_screens, sign_in_staff
from tests.mailbox import Mailbox
from tests.ui.gestion_helpers import staff_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not axe_installed(), reason="axe-core absent: run `npm install` at the repo root"),
]

# (path, the row whose form is opened, its accessible action name)
SCREENS = {
    "types-decision": ("/gestion/types-decision", "Modifier : Avis favorable"),
    "motivations": ("/gestion/motivations", "Modifier : Dossier insuffisant"),
    "tags": ("/gestion/tags", "Modifier : Boursier"),
}


def test_decision_set_up_screens_are_accessible_and_a_new_type_sends_its_mail(
    demo_app: RunningApp, page: Page, mailbox: Mailbox
):
    platform, candidature_id = transmitted_candidature(demo_app)
    with platform_of(demo_app.url, demo_app.data_dir, mailbox) as staff_platform:
        admin = staff_member(platform=staff_platform)
        with staff_platform.db.session() as session:
            centre_id = session.exec(select(Centre.id).order_by(Centre.id)).first()
        staff_platform.tags.create(
            admin.actor(staff_platform), {"label": "Boursier", "colour": "vert", "centre_id": centre_id}
        )
    sign_in_staff(page, demo_app.url, admin, "/gestion/types-decision")

    audit_screens(page, demo_app.url, SCREENS)

    # a new type of decision: a French message at the field, then saved
    page.set_viewport_size(DESKTOP)
    open_page(page, demo_app.url + "/gestion/types-decision")
    page.get_by_role("button", name="Nouveau type de décision").click()
    form = page.get_by_role("dialog")
    form.get_by_label("Libellé *").fill("Favorable sous réserve")
    form.get_by_role("button", name="Enregistrer").click()
    expect(form.get_by_text("Champ obligatoire").first).to_be_visible()
    form.get_by_label("Code *").fill("fav-reserve")
    form.get_by_label("Type d'avis *").click()
    page.get_by_role("option", name="Favorable", exact=True).click()
    form.get_by_label("Mail envoyé au candidat *").click()
    page.get_by_role("option", name="Avis favorable").click()
    form.get_by_role("checkbox", name="Affichage du commentaire au candidat").click()
    form.get_by_role("button", name="Enregistrer").click()
    expect(form).to_be_hidden()
    expect(page.get_by_role("cell", name="FAV-RESERVE")).to_be_visible()

    # an avis of that type, validated: the candidate receives the type's mail, without the hidden comment
    with platform.db.session() as session:
        new_type = session.exec(select(DecisionType).where(DecisionType.code == "FAV-RESERVE")).one()
    assert (new_type.avis, new_type.mail_code, new_type.show_comment) == ("FA", "avis_favorable", False)
    platform.review.record_decision(candidature_id, decision_type_id=new_type.id, comment="Réserve : note interne")
    platform.review.validate_decision(candidature_id)
    mails = [mailbox.wait_for_sync("marie@example.org", count) for count in range(1, 4)]
    decided = next(mail for mail in mails if mail.subject.startswith("Décision"))
    assert "avis favorable" in decided.text and "note interne" not in decided.text

    # the type is used now: it cannot be deleted, the message says what to do instead
    page.reload()
    page.get_by_role("button", name="Supprimer : Favorable sous réserve").click()
    page.get_by_role("button", name="Supprimer", exact=True).click()
    expect(page.get_by_text("Ce type de décision est utilisé par 1 avis")).to_be_visible()

    # a tag on a candidature: deleting it tells the count and removes it
    with platform.db.session() as session:
        tag_id = session.exec(select(Tag.id).where(Tag.label == "Boursier")).one()
        session.add(CandidatureTag(candidature_id=candidature_id, tag_id=tag_id))
    open_page(page, demo_app.url + "/gestion/tags")
    page.get_by_role("button", name="Supprimer : Boursier").click()
    expect(page.get_by_text("Le tag « Boursier » est posé sur 1 candidature(s)")).to_be_visible()
    page.get_by_role("button", name="Supprimer", exact=True).click()
    expect(page.get_by_text("Le tag a été supprimé et retiré de 1 candidature(s)")).to_be_visible()
    with platform.db.session() as session:
        assert session.exec(select(CandidatureTag)).all() == []
    platform.db.dispose()
