"""The gestion's shell as the user fixture sees it: the staff sign-in at /gestion, the frame and its menu built
from the registered screens and the actor's rights, the refusal of a screen without its right."""

from __future__ import annotations

from nicegui import ui
from nicegui.testing import User

from ecandidat_ui import messages
from ecandidat_ui.services.rights import Action, Actor, Role
from tests.mailbox import Mailbox
from tests.ui.gestion_helpers import sign_in_staff, signed_in_staff, staff_member, test_platform
from tests.ui.helpers import see, sign_in, validated_account

TEST_PATH = "/gestion/test-ecran"


def register_test_screen() -> list[Actor]:
    """A screen registered by the test, in the shell module of the app now running (the user fixture imports
    the pages afresh for each test)."""
    from pages.gestion.shell import Screen, gestion_screen

    built: list[Actor] = []

    @gestion_screen(test_platform(), Screen(TEST_PATH, "Écran de test", "Essais", Action.EDIT_PARAMETERS))
    async def screen(actor: Actor) -> None:
        built.append(actor)
        ui.label("Contenu de l'écran de test")

    return built


async def test_sign_in_page_and_the_frame_of_a_signed_in_administrator(user: User):
    await user.open("/gestion")
    await user.should_see("Connexion à la gestion")
    for text in ("Adresse mail *", "Mot de passe *", "Code de vérification *", "Université Esup"):
        await user.should_see(text)
    await user.should_not_see("Se connecter avec CAS")

    admin = staff_member(Role.ADMIN)
    await sign_in_staff(user, admin)
    await see(user, messages.STAFF_WELCOME.format(name="Claire MARTIN"))
    await user.should_see(marker="gestion-member")
    await user.should_see("Administrateur")


async def test_a_screen_without_its_right_is_refused_and_not_in_the_menu(user: User):
    built = register_test_screen()
    await signed_in_staff(user, Role.READ_ONLY)
    await user.should_not_see("Écran de test")
    await user.open(TEST_PATH)
    await see(user, "Vous n'avez pas le droit de modifier les paramètres")
    await user.should_not_see("Contenu de l'écran de test")
    assert built == []


async def test_a_screen_with_its_right_is_in_the_menu_and_built_with_the_actor(user: User):
    built = register_test_screen()
    member = await signed_in_staff(user, Role.ADMIN)
    await user.should_see("Essais")
    await user.should_see("Écran de test")
    await user.open(TEST_PATH)
    await see(user, "Contenu de l'écran de test")
    assert [actor.id for actor in built] == [member.id]


async def test_signed_out_screen_shows_the_sign_in_and_goes_on_to_the_screen(user: User):
    built = register_test_screen()
    admin = staff_member(Role.ADMIN)
    await user.open(TEST_PATH)
    assert built == []
    await see(user, messages.STAFF_SIGN_IN_REQUIRED)
    await user.should_not_see("Contenu de l'écran de test")
    await sign_in_staff(user, admin, then=TEST_PATH)
    await see(user, "Contenu de l'écran de test")


async def test_a_candidates_session_is_not_a_staff_session(user: User, mailbox: Mailbox):
    built = register_test_screen()
    login = await validated_account(user, mailbox)
    await sign_in(user, login)
    await see(user, messages.CONNECTED_AS.format(login=login))
    for path in ("/gestion", TEST_PATH):
        await user.open(path)
        await see(user, "Connexion à la gestion")
        await user.should_not_see("Se déconnecter")
    assert built == []
