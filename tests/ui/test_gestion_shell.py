"""The gestion's shell as the user fixture sees it: the staff sign-in at /gestion, the frame and its menu built
from the registered screens and the actor's rights, the refusal of a screen without its right."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pyotp
from nicegui import ui
from nicegui.testing import User

from ecandidat_ui import messages
from ecandidat_ui.services import throttle
from ecandidat_ui.services.rights import Action, Actor, Role
from tests.cas_server import CasServer
from tests.mailbox import Mailbox
from tests.ui.gestion_helpers import sign_in_staff, signed_in_staff, staff_member, test_platform
from tests.ui.helpers import error_of, field, fill, see, sign_in, validated_account
from tests.ui.test_sessions import SetCookies, browser_id

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


async def test_a_typed_address_with_its_query_is_where_sign_in_leads(user: User):
    """A link to a row (`?ouvrir=12`, e.g. from a colleague's mail) survives the sign-in it asks for."""
    from pages.gestion.shell import Screen, gestion_screen

    asked: list[str] = []

    @gestion_screen(test_platform(), Screen(TEST_PATH, "Écran de test", "Essais", Action.EDIT_PARAMETERS))
    async def screen(actor: Actor) -> None:
        asked.append(ui.context.client.request.url.query)
        ui.label("Contenu de l'écran de test")

    admin = staff_member(Role.ADMIN)
    await sign_in_staff(user, admin, then=f"{TEST_PATH}?ouvrir=12")
    await see(user, "Contenu de l'écran de test")
    assert asked == ["ouvrir=12"]


async def test_staff_see_the_maintenance_message_while_it_is_set(user: User):
    member = await signed_in_staff(user, Role.ADMIN)
    await user.should_not_see(marker="maintenance")
    platform = test_platform()
    platform.site_messages.update(member.actor(platform), "maintenance", "**Coupure** le 19 avril de 23 h à 1 h.")
    await user.open("/gestion")
    await user.should_see(marker="maintenance")
    await user.should_see("Coupure")


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


async def try_sign_in(user: User, mail: str, password: str, code: str) -> None:
    fill(user, mail=mail, password=password, code=code)
    user.find(marker="gestion-sign-in").click()


async def test_wrong_password_or_wrong_code_is_one_message_and_the_mail_stays(user: User):
    member = staff_member(Role.ADMIN)
    await user.open("/gestion")
    await try_sign_in(user, member.mail, "pas le bon mot de passe", member.code())
    await see(user, messages.STAFF_SIGN_IN_FAILED)
    assert field(user, "mail").value == member.mail
    assert field(user, "code").value == ""  # a code is good once: typed again
    wrong = f"{(int(pyotp.TOTP(member.secret).now()) + 1) % 1_000_000:06d}"
    await try_sign_in(user, member.mail, member.password, wrong)
    await see(user, messages.STAFF_SIGN_IN_FAILED)
    await user.should_not_see("Se déconnecter")
    await try_sign_in(user, member.mail, member.password, "")
    assert await error_of(user, "code") == messages.REQUIRED


async def test_a_recovery_code_signs_in_once(user: User):
    member = staff_member(Role.ADMIN)
    recovery = member.recovery_codes[0].lower().replace("-", " ")  # typed in any case, spaces for dashes
    await user.open("/gestion")
    await try_sign_in(user, member.mail, member.password, recovery)
    await see(user, "Se déconnecter")
    user.find(marker="gestion-sign-out").click()
    await see(user, "Connexion à la gestion")
    await try_sign_in(user, member.mail, member.password, recovery)
    await see(user, messages.STAFF_SIGN_IN_FAILED)


async def test_sign_in_is_throttled_after_a_few_failures(user: User):
    member = staff_member(Role.ADMIN)
    await user.open("/gestion")
    for _ in range(throttle.SIGN_IN_PAIR.free):
        await try_sign_in(user, member.mail, "pas le bon mot de passe", "123456")
        await see(user, messages.STAFF_SIGN_IN_FAILED)
        user.find(marker="sign-in-problem").elements.pop().set_text("")
    await try_sign_in(user, member.mail, member.password, member.code())
    await see(user, "Trop de tentatives, veuillez réessayer dans")
    await user.should_not_see("Se déconnecter")
    assert field(user, "mail").value == member.mail


async def test_a_member_with_a_cas_login_signs_in_through_cas(cas_server: CasServer, user: User):
    await user.open("/gestion")
    await see(user, "Se connecter avec CAS")
    platform = test_platform()
    admin = staff_member(Role.ADMIN, platform=platform)
    created = platform.staff.create_member(admin.actor(platform), "agent@univ.example", "Petit", "Luc", "lpetit")
    platform.staff.grant(admin.actor(platform), created.member.id, Role.READ_ONLY)
    platform.db.dispose()
    service = "http://ecandidat.test/gestion/cas?suite=/gestion"
    ticket = cas_server.issue(service, "lpetit", {})
    await user.open("/gestion/cas?" + urlencode({"ticket": ticket, "suite": "/gestion"}))
    await see(user, "Bonjour Luc PETIT, bienvenue dans la gestion d'eCandidat.")

    user.find(marker="gestion-sign-out").click()
    await see(user, "Connexion à la gestion")
    await user.open("/gestion/cas?" + urlencode({"ticket": cas_server.issue(service, "inconnu", {})}))
    await see(user, messages.STAFF_UNKNOWN_CAS.format(login="inconnu"))
    await user.should_not_see("Se déconnecter")


async def test_sign_out_ends_the_staff_session(user: User):
    await signed_in_staff(user, Role.ADMIN)
    user.find(marker="gestion-sign-out").click()
    await see(user, "Connexion à la gestion")
    await user.open("/gestion")
    await see(user, "Adresse mail *")
    await user.should_not_see("Se déconnecter")


def gestion_addresses() -> list[str]:
    """Every address of the app under /gestion (each screen registered by anyone), path parameters filled in."""
    from nicegui import app

    paths = sorted({route.path for route in app.routes if getattr(route, "path", "").startswith("/gestion")})
    assert "/gestion/personnels" in paths and "/gestion/journal" in paths
    return [re.sub(r"\{[^}]+\}", "1", path) for path in paths]


async def assert_refused_everywhere(user: User) -> None:
    for path in gestion_addresses():
        await user.open(path)
        if path.startswith("/gestion/activation/"):
            await see(user, messages.LINK_UNKNOWN)
        elif path.startswith("/gestion/session/"):  # the cookie's routes: a wrong token changes nothing
            assert "ecandidat_gestion" not in user.http_client.cookies
        else:
            await see(user, "Connexion à la gestion")
            await user.should_see(marker="gestion-sign-in")
        await user.should_not_see("Se déconnecter")
        await user.should_not_see(marker="gestion-member")
    assert "ecandidat_gestion" not in user.http_client.cookies


async def test_every_gestion_address_typed_signed_out_is_refused(user: User):
    staff_member(Role.ADMIN)  # a staff member exists: nothing of theirs is shown
    await assert_refused_everywhere(user)


async def test_every_gestion_address_typed_as_a_candidate_is_refused(user: User, mailbox: Mailbox):
    staff_member(Role.ADMIN)
    login = await validated_account(user, mailbox)
    await sign_in(user, login)
    await see(user, messages.CONNECTED_AS.format(login=login))
    await assert_refused_everywhere(user)


async def test_the_staff_cookie_is_set_by_its_route_apart_from_the_candidates_one(user: User, mailbox: Mailbox):
    login = await validated_account(user, mailbox)
    await sign_in(user, login)
    await see(user, messages.CONNECTED_AS.format(login=login))
    candidate_cookie = user.http_client.cookies["ecandidat_session"]
    cookies = SetCookies(user)
    await user.open("/gestion")
    before = browser_id(user)
    await sign_in_staff(user, staff_member(Role.ADMIN))
    assert {"httponly", "samesite=lax", "path=/", "max-age=43200"} <= cookies.attributes("ecandidat_gestion")
    assert user.http_client.cookies["ecandidat_gestion"] != candidate_cookie
    assert browser_id(user) != before  # renewed at sign-in
    await user.open("/")
    await see(user, messages.CONNECTED_AS.format(login=login))  # both at once, each its own

    await user.open("/gestion")
    user.find(marker="gestion-sign-out").click()
    await see(user, "Connexion à la gestion")
    assert "ecandidat_gestion" not in user.http_client.cookies
    assert user.http_client.cookies["ecandidat_session"] == candidate_cookie

    user.http_client.cookies.set("ecandidat_gestion", candidate_cookie)  # a candidate's session under the name
    await user.open("/gestion")
    await see(user, "Connexion à la gestion")
    await user.should_not_see("Se déconnecter")
