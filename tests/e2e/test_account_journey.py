"""A candidate's whole account journey in Chromium, with the reference texts (DOMAIN.md §1-2, seeds 000 and 003)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.app_process import RunningApp
from tests.e2e.steps import (
    PASSWORD,
    choose_password,
    dialog,
    fill_account,
    header,
    login_card,
    menu,
    open_create_account_dialog,
    open_page,
    sign_in,
    wait_connected,
)
from tests.mailbox import Mailbox

pytestmark = pytest.mark.browser

MAIL = "marie.baillon@example.org"
NEW_PASSWORD = "un tout nouveau secret bien long"
PUBLIC_MENU = ["Accueil", "Assistance", "Offre de formation", "Connexion"]
ACCOUNT_MENU = [
    "Informations perso.",
    "Adresse",
    "Baccalauréat",
    "Cursus Interne",
    "Cursus Externe",
    "Stages",
    "Expériences pro.",
    "Candidatures",
]


def test_create_validate_sign_in_sign_out_and_reset_the_password(app: RunningApp, page: Page, mailbox: Mailbox):
    # The home page of somebody not signed in (seed 000).
    open_page(page, app.url)
    expect(page).to_have_title(re.compile(r"^Accueil - eCandidat - Université Esup"))
    expect(header(page)).to_contain_text("Université Esup")
    expect(header(page).get_by_text("Non connecté", exact=True)).to_be_visible()
    expect(header(page).get_by_role("button", name="Connexion")).to_be_visible()
    for entry in PUBLIC_MENU:
        expect(menu(page).get_by_text(entry, exact=True)).to_be_visible()
    expect(menu(page)).not_to_contain_text("Mon compte")
    card = login_card(page)
    expect(card).to_have_accessible_name("Je ne suis pas étudiant à l'Université Esup")
    expect(card.get_by_role("heading", name="Je ne suis pas étudiant à l'Université Esup")).to_be_visible()
    expect(card).to_contain_text("Veuillez vous connecter avec votre compte eCandidat")
    expect(card.get_by_label("Utilisateur *", exact=True)).to_be_visible()
    expect(card.get_by_label("Mot de passe *", exact=True)).to_be_visible()
    for link in ("J'ai oublié mes identifiants", "J'ai perdu mon code d'activation", "Créer un compte"):
        expect(card.get_by_role("button", name=link)).to_be_visible()

    # « Créer un compte »: an error at its field, the values kept, then the success message.
    creation = open_create_account_dialog(page)
    expect(creation).to_contain_text("Attention, lorsque vous aurez modifié votre compte, vous serez déconnecté.")
    fill_account(creation, "  baillon ", "Marie", MAIL, "marie.baillon@exemple.org")
    creation.get_by_role("button", name="Enregistrer").click()
    expect(creation.get_by_text("La confirmation de l'adresse mail ne correspond pas à l'adresse mail")).to_be_visible()
    expect(creation.get_by_label("Nom *", exact=True)).to_have_value("  baillon ")
    confirmation = creation.get_by_label("Confirmation Adresse Mail *", exact=True)
    expect(confirmation).to_be_focused()
    confirmation.fill(MAIL)
    creation.get_by_role("button", name="Enregistrer").click()
    expect(
        page.get_by_text("Votre compte a été créé avec succès, veuillez consulter vos courriels pour le valider")
    ).to_be_visible()
    expect(creation).to_be_hidden()

    # The mail gives the login; signing in before following its link is refused.
    created = mailbox.wait_for_sync(MAIL)
    assert created.subject == "Création de votre compte eCandidat"
    login = created.login()
    assert re.fullmatch(r"[0-9A-Z]{8}", login)
    assert created.link().startswith(f"{app.url}/compte/validation/")
    sign_in(page, login, "un mot de passe quelconque")
    expect(
        page.get_by_text(
            "Connexion impossible. Votre compte n'a pas été validé, veuillez consulter vos courriels pour le valider"
        )
    ).to_be_visible()

    # The link validates the account; the candidate chooses a password there.
    open_page(page, created.link())
    expect(page.get_by_text("Votre compte a été validé", exact=True)).to_be_visible()
    expect(page.get_by_text(f"Votre login (numéro de dossier) : {login}")).to_be_visible()
    page.get_by_label("Nouveau mot de passe *", exact=True).fill(PASSWORD)
    expect(page.get_by_text(re.compile(r"^Robustesse : "))).to_be_visible()
    choose_password(page, PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    wait_for_sign_in_form(page)

    # Signed in with the login (Enter submits): welcome, login, the name in the header, « Mon compte ».
    sign_in(page, login, PASSWORD)
    expect(page.get_by_text("Bienvenue MARIE BAILLON.", exact=True)).to_be_visible()
    expect(page.get_by_text(f"Vous êtes connecté avec le login : {login}", exact=True)).to_be_visible()
    expect(page).to_have_url(f"{app.url}/")
    expect(header(page).get_by_text("MARIE BAILLON", exact=True)).to_be_visible()
    expect(header(page).get_by_text("Non connecté")).to_have_count(0)
    expect(menu(page).get_by_text("Connexion", exact=True)).to_have_count(0)
    expect(menu(page).get_by_text("Déconnexion", exact=True)).to_be_visible()
    expect(menu(page).get_by_text("Mon compte", exact=True)).to_be_visible()
    for entry in ACCOUNT_MENU:
        expect(menu(page).get_by_text(entry, exact=True)).to_be_visible()
    menu(page).get_by_text("Informations perso.", exact=True).click()
    expect(page).to_have_url(f"{app.url}/compte/informations-perso")
    expect(page.get_by_role("heading", level=1, name="Informations perso.")).to_be_visible()

    # Déconnexion: back home, signed out.
    header(page).get_by_role("button", name="Déconnexion").click()
    expect(header(page).get_by_text("Non connecté", exact=True)).to_be_visible()
    expect(page).to_have_url(f"{app.url}/")
    expect(menu(page).get_by_text("Mon compte", exact=True)).to_have_count(0)
    wait_connected(page)

    # « J'ai oublié mes identifiants »: a mail with the login and a link to choose a new password.
    login_card(page).get_by_role("button", name="J'ai oublié mes identifiants").click()
    forgotten = dialog(page, "J'ai oublié mes identifiants")
    expect(forgotten).to_be_visible()
    forgotten.get_by_label("Adresse mail *", exact=True).fill(MAIL.upper())
    forgotten.get_by_role("button", name="Enregistrer").click()
    expect(
        page.get_by_text(
            "Un mail vous a été envoyé contenant votre login et un lien de réinitialisation de votre mot de passe"
        )
    ).to_be_visible()
    reset = mailbox.wait_for_sync(MAIL, count=2)
    assert reset.subject == "Réinitialisation de votre mot de passe eCandidat"
    assert reset.login() == login
    open_page(page, reset.link())
    expect(page.get_by_text(f"Votre login (numéro de dossier) : {login}")).to_be_visible()
    choose_password(page, NEW_PASSWORD)
    assert mailbox.wait_for_sync(MAIL, count=3).subject == "Votre mot de passe eCandidat a été modifié"

    # Signed in with the mail address: the old password no longer works, the new one does.
    page.get_by_role("button", name="Se connecter").click()
    wait_for_sign_in_form(page)
    sign_in(page, MAIL, PASSWORD)
    expect(page.get_by_text("Votre mot de passe est incorrect", exact=True)).to_be_visible()
    sign_in(page, MAIL, NEW_PASSWORD)
    expect(page.get_by_text(f"Vous êtes connecté avec le login : {login}", exact=True)).to_be_visible()
    expect(page.get_by_text("Bienvenue MARIE BAILLON.", exact=True)).to_be_visible()


def wait_for_sign_in_form(page: Page) -> None:
    expect(page).to_have_url(re.compile(r"/connexion(\?login=\w+)?$"))  # after a new password, the login typed
    expect(page.get_by_role("heading", level=1, name="Connexion")).to_be_visible()
    wait_connected(page)
