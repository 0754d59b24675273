"""In Chromium: an administrator sets up a pièce justificative (an error at its field first) with its model file
sent through the upload guard, a question, then chooses them in a formation's form; downloads the offer as a file,
sends it back with a problem (listed with its line), then changed, and applies it; axe audits each screen and
form (no serious or critical WCAG violation)."""

from __future__ import annotations

from datetime import date, timedelta

from playwright.sync_api import Page, expect
from sqlmodel import select

from ecandidat_ui.services import rights
from models import FormationPiece, FormationQuestion, StaffMember
from tests.e2e.app_process import RunningApp
from tests.e2e.steps import (
    actor_of,
    choose_in_list,
    complete_file,
    dialog,
    formation_id_of,
    notification,
    open_page,
    pdf_file,
    piece_card,
    platform_of,
    signed_in_candidate,
)
from tests.e2e.test_gestion_journey import PHONE
from tests.e2e.test_gestion_journey import Audit as PhoneAudit  # axe, a screenshot and no sideways scrolling
from tests.e2e.test_gestion_offer_journey import ADMIN_MAIL, SAVED, Audit, set_up_admin, sign_in_gestion
from tests.mailbox import Mailbox


def make_formation(app: RunningApp, mailbox: Mailbox) -> None:
    """A centre SCI, its commission and the formation L1-INFO, made through the services."""
    today = date.today()
    with platform_of(app.url, app.data_dir, mailbox) as platform:
        with platform.db.session() as session:
            member = session.exec(select(StaffMember).where(StaffMember.mail == ADMIN_MAIL)).one()
            admin = rights.load_actor(session, member.id)
        centre = platform.centres.create(admin, {"code": "SCI", "label": "UFR Sciences et Techniques"}).id
        commission = platform.commissions.create(
            admin, {"code": "SCI-L", "label": "Commission des licences", "centre_id": centre}
        ).id
        platform.formations.create(
            admin,
            {
                "code": "L1-INFO",
                "label": "Licence Informatique",
                "centre_id": centre,
                "commission_id": commission,
                "opens_on": today.isoformat(),
                "closes_on": (today + timedelta(days=30)).isoformat(),
                "return_by": (today + timedelta(days=40)).isoformat(),
            },
        )


def chosen_in_form(app: RunningApp, mailbox: Mailbox) -> tuple[int, int]:
    with platform_of(app.url, app.data_dir, mailbox) as platform, platform.db.session() as session:
        return len(session.exec(select(FormationPiece)).all()), len(session.exec(select(FormationQuestion)).all())


def test_an_administrator_sets_up_pieces_and_questions_and_a_formation_asks_them(
    app: RunningApp, page: Page, mailbox: Mailbox
):
    secret = set_up_admin(app, mailbox)
    make_formation(app, mailbox)
    axe = Audit(page)
    sign_in_gestion(page, app.url, secret)

    open_page(page, f"{app.url}/gestion/pieces")
    expect(page.get_by_role("heading", level=1, name="Pièces justificatives")).to_be_visible()
    axe("pièces justificatives")
    page.get_by_role("button", name="Nouvelle pièce justificative").click()
    form = dialog(page, "Nouvelle pièce justificative")
    form.get_by_label("Code *").fill("FORM INSC")
    form.get_by_label("Libellé *").fill("Formulaire d'inscription complété")
    form.get_by_label("Ordre").fill("1")
    form.get_by_role("button", name="Enregistrer").click()
    expect(form.get_by_text("Le code ne peut contenir que des lettres sans accent")).to_be_visible()
    axe("pièces justificatives, erreur dans le formulaire")
    form.get_by_label("Code *").fill("FORM-INSC")
    form.get_by_role("button", name="Enregistrer").click()
    edit = dialog(page, "Edition de pièce justificative — FORM-INSC")  # opened next, for the model file
    expect(edit.get_by_role("button", name="Choisir un modèle")).to_be_visible()
    axe("pièces justificatives, formulaire et modèle")
    model = {"name": "formulaire.pdf", "mimeType": "application/pdf", "buffer": pdf_file("Formulaire")}
    edit.locator("input[type=file]").set_input_files(files=[model])  # through the upload guard, as staff
    expect(edit.get_by_text("formulaire.pdf")).to_be_visible()
    expect(edit.get_by_role("button", name="Télécharger le modèle : formulaire.pdf")).to_be_visible()
    edit.get_by_role("button", name="Annuler").click()
    expect(page.get_by_role("cell", name="Formulaire d'inscription complété", exact=True)).to_be_visible()

    open_page(page, f"{app.url}/gestion/questions")
    axe("questions")
    page.get_by_role("button", name="Nouvelle question").click()
    form = dialog(page, "Nouvelle question")
    form.get_by_label("Code *").fill("STAGE")
    form.get_by_label("Libellé *").fill("Avez-vous fait un stage ?")
    choose_in_list(form, page, "Type *", "Oui/Non")
    axe("questions, formulaire")
    form.get_by_role("button", name="Enregistrer").click()
    expect(notification(page, SAVED)).to_be_visible()
    expect(page.get_by_role("cell", name="Avez-vous fait un stage ?", exact=True)).to_be_visible()

    open_page(page, f"{app.url}/gestion/formations")
    page.get_by_role("button", name="Modifier : Licence Informatique").click()
    form = dialog(page, "Edition de formation — L1-INFO")
    for label, option in (
        ("Pièces justificatives", "FORM-INSC — Formulaire d'inscription complété"),
        ("Questions", "STAGE — Avez-vous fait un stage ?"),
    ):
        form.get_by_role("combobox", name=label, exact=True).click()
        page.get_by_role("listbox").get_by_role("option", name=option, exact=True).click()
        page.keyboard.press("Escape")
        expect(page.get_by_role("listbox")).to_have_count(0)
    axe("formations, pièces et questions choisies")
    form.get_by_role("button", name="Enregistrer").click()
    expect(notification(page, SAVED)).to_be_visible()
    assert chosen_in_form(app, mailbox) == (1, 1)
    page.get_by_role("checkbox", name="Sélectionner toutes les lignes de la page").click()
    expect(page.get_by_text("1 ligne(s) sélectionnée(s)")).to_be_visible()
    page.get_by_role("button", name="Pièces et questions en masse").click()
    bulk = dialog(page, "Pièces et questions en masse")
    expect(bulk.get_by_role("combobox", name="Pièces justificatives", exact=True)).to_be_visible()
    axe("formations, pièces et questions en masse")
    bulk.get_by_role("button", name="Annuler").click()

    open_page(page, f"{app.url}/gestion/offre-fichier")
    axe("offre en fichier")
    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger l'offre (YAML)").click()
    offer = download.value.path().read_text(encoding="utf-8")
    assert "- FORM-INSC" in offer and "- STAGE" in offer
    broken = offer.replace("code: L1-INFO", "code: L1 INFO trop long pour un code de formation", 1)
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "offre.yaml", "mimeType": "text/yaml", "buffer": broken.encode()}]
    )
    expect(page.get_by_text("Le fichier n'a pas été appliqué")).to_be_visible()
    expect(page.get_by_text("centres.formations.code : trop long (au plus 20 caractères)")).to_be_visible()
    axe("offre en fichier, problèmes listés")
    renamed = offer.replace("libelle: Licence Informatique", "libelle: Licence Informatique et réseaux", 1)
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "offre.yaml", "mimeType": "text/yaml", "buffer": renamed.encode()}]
    )
    page.get_by_role("button", name="Appliquer le fichier").click()
    page.get_by_role("button", name="Appliquer", exact=True).click()
    expect(page.get_by_text("L'offre a été chargée : 1 centre(s) de candidature, 1 formation(s).")).to_be_visible()
    open_page(page, f"{app.url}/gestion/formations")
    expect(page.get_by_role("cell", name="Licence Informatique et réseaux", exact=True)).to_be_visible()
    axe.check()


def test_a_candidate_downloads_the_model_of_a_piece_from_their_candidature(
    app: RunningApp, page: Page, mailbox: Mailbox
):
    set_up_admin(app, mailbox)
    make_formation(app, mailbox)
    model = pdf_file("Formulaire d'inscription à compléter")
    login = signed_in_candidate(page, app.url, mailbox, "marie.baillon@example.org")
    with platform_of(app.url, app.data_dir, mailbox) as platform:
        with platform.db.session() as session:
            member = session.exec(select(StaffMember).where(StaffMember.mail == ADMIN_MAIL)).one()
            admin = rights.load_actor(session, member.id)
        piece = platform.pieces.create(admin, {"code": "FORM", "label": "Formulaire d'inscription", "common": True})
        platform.pieces.set_model(admin, piece.id, "formulaire.pdf", model)
        complete_file(platform, login)
        candidature = platform.candidatures.apply(
            actor_of(platform, login), formation_id_of(platform, "L1-INFO"), date.today()
        )
    axe = Audit(page)
    open_page(page, f"{app.url}/compte/candidatures/{candidature.id}")
    card = piece_card(page, "Formulaire d'inscription")
    expect(card.get_by_role("link", name="Télécharger le modèle à compléter")).to_be_visible()
    axe("candidature, pièce avec modèle")
    with page.expect_download() as download:
        card.get_by_role("link", name="Télécharger le modèle à compléter").click()
    assert download.value.suggested_filename == "formulaire.pdf"
    assert download.value.path().read_bytes() == model
    axe.check()


def test_the_pieces_questions_and_offer_file_screens_at_phone_width(app: RunningApp, page: Page, mailbox: Mailbox):
    """axe, and no sideways scrolling, on each screen and form at 390 px."""
    secret = set_up_admin(app, mailbox)
    make_formation(app, mailbox)
    sign_in_gestion(page, app.url, secret)
    page.set_viewport_size(PHONE)
    checked = PhoneAudit(page, "phone")
    open_page(page, f"{app.url}/gestion/pieces")
    expect(page.get_by_role("heading", level=1, name="Pièces justificatives")).to_be_visible()
    checked.check("pieces")
    page.get_by_role("button", name="Nouvelle pièce justificative").click()
    form = dialog(page, "Nouvelle pièce justificative")
    form.get_by_role("button", name="Enregistrer").click()
    expect(form.get_by_text("Champ obligatoire").first).to_be_visible()
    checked.check("pieces-formulaire-erreurs")
    open_page(page, f"{app.url}/gestion/questions")
    checked.check("questions")
    page.get_by_role("button", name="Nouvelle question").click()
    dialog(page, "Nouvelle question")
    checked.check("questions-formulaire")
    open_page(page, f"{app.url}/gestion/offre-fichier")
    checked.check("offre-fichier")
    checked.assert_clean()
