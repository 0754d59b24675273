"""Home, assistance and offer pages, as the user fixture sees them."""

from __future__ import annotations

import pytest
from nicegui.testing import User

from ecandidat_ui import messages
from tests.ui.helpers import menu, menu_shows


async def test_home_page_of_a_visitor(user: User):
    await user.open("/")
    await user.should_see("Université Esup")
    await user.should_see("Non connecté")
    await menu_shows(user, "Accueil", "Assistance", "Offre de formation", "Connexion")
    assert menu(user).labels == ["Accueil", "Assistance", "Offre de formation", "Connexion"]  # nothing of an account
    await user.should_see("Je ne suis pas étudiant à l'Université Esup")
    await user.should_see("Veuillez vous connecter avec votre compte eCandidat")
    for text in (
        "Utilisateur *",
        "Mot de passe *",
        "J'ai oublié mes identifiants",
        "J'ai perdu mon code d'activation",
        "Créer un compte",
    ):
        await user.should_see(text)
    await user.should_not_see("Je suis étudiant à l'Université Esup")
    assert "Informations perso." not in menu(user).labels


@pytest.fixture
def cas_configured(monkeypatch) -> None:
    monkeypatch.setenv("ECANDIDAT_CAS_URL", "https://cas.example.org/cas")
    monkeypatch.setenv("ECANDIDAT_INSTITUTION_NAME", "CY Cergy Paris Université")
    monkeypatch.setenv("ECANDIDAT_INSTITUTION_ARTICLE", "")


async def test_student_card_appears_when_cas_is_configured(cas_configured, user: User):
    await user.open("/")
    await user.should_see("Je suis étudiant à CY Cergy Paris Université")
    await user.should_see("Je ne suis pas étudiant à CY Cergy Paris Université")
    await user.should_see("Veuillez vous connecter")
    await user.should_see(marker="cas")


async def test_assistance_page_shows_what_the_institution_set(user: User):
    await user.open("/assistance")
    await user.should_see("Vous pouvez :")
    await user.should_see("Envoyer un mail au référent de l'application: contact.ecandidat@example.org")
    await user.should_not_see("Consulter la FAQ")


async def test_offer_page_without_formations_says_so(user: User):
    await user.open("/offre")
    await user.should_see(messages.NO_FORMATION)


async def test_account_pages_need_a_sign_in(user: User):
    await user.open("/compte/adresse")
    await user.should_see("Veuillez vous connecter avec votre compte eCandidat")
