"""The account lifecycle through the pages: every dialog, branch and message of the reference texts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from nicegui.testing import User
from sqlmodel import Session, select

from ecandidat_ui import messages
from ecandidat_ui.platform import build_platform
from ecandidat_ui.settings import load_settings
from models import AccountToken, OutboxMail
from tests.mailbox import Mailbox
from tests.ui.helpers import (
    PASSWORD,
    create_account,
    error_of,
    field,
    fill,
    menu_shows,
    path_of,
    see,
    sign_in,
    until,
    validated_account,
)

MAIL = "marie.baillon@example.org"


@contextmanager
def database() -> Iterator[Session]:
    """The app's database, as the staff screens or a script would reach it."""
    platform = build_platform(load_settings())
    try:
        with platform.db.session() as session:
            yield session
    finally:
        platform.db.dispose()


async def test_creation_dialog_shows_each_error_at_its_field_and_keeps_the_values(user: User):
    await user.open("/")
    user.find(marker="header-create-account").click()
    await user.should_see("Création de compte")
    await user.should_see(messages.ACCOUNT_NOTICE)
    fill(
        user,
        last_name="Baillon",
        first_name="",
        mail="marie@example.org",
        mail_confirmation="marie@exemple.org",
    )
    user.find(marker="save").click()
    assert await error_of(user, "first_name") == messages.REQUIRED
    assert field(user, "mail_confirmation").error == messages.MAIL_CONFIRMATION_DIFFERS
    assert field(user, "last_name").error is None
    assert field(user, "last_name").value == "Baillon"
    assert field(user, "mail").value == "marie@example.org"


async def test_creation_refuses_a_known_address_whatever_its_case(user: User, mailbox: Mailbox):
    await create_account(user, mailbox)
    user.find(marker="create-account").click()
    fill(user, last_name="Autre", first_name="Personne", mail=MAIL.upper(), mail_confirmation=MAIL.upper())
    user.find(marker="save").click()
    assert await error_of(user, "mail") == messages.MAIL_ALREADY_USED
    await see(user, messages.KNOWN_ADDRESS_HINT)  # the way out the guide gives, at once
    user.find(marker="known-address-forgotten").click()
    await see(user, messages.FORGOTTEN_INTRO)
    await user.should_not_see("Création de compte")


async def test_the_whole_account_lifecycle(user: User, mailbox: Mailbox):
    link = await create_account(user, mailbox, last_name="Lefèvre-Núñez", first_name="d'Artagnan")
    mail = await mailbox.wait_for(MAIL)
    login = mail.login()
    assert mail.subject == "Création de votre compte eCandidat"

    await sign_in(user, login)
    await see(user, messages.NOT_VALIDATED)

    await user.open(path_of(link))
    await see(user, messages.VALIDATED)
    await see(user, f"Votre login (numéro de dossier) : {login}")
    fill(user, password="trop court", confirmation="trop court")
    user.find(marker="save-password").click()
    await see(user, "Nouveau mot de passe *")
    assert await error_of(user, "password") == "Le mot de passe doit contenir au moins 12 caractères"
    fill(user, password=PASSWORD, confirmation=PASSWORD)
    user.find(marker="save-password").click()
    await see(user, messages.PASSWORD_SET)

    await user.open(path_of(link))
    await see(user, messages.ALREADY_VALIDATED)

    await sign_in(user, login, "mauvais mot de passe")
    await see(user, "Mot de passe *")
    assert await error_of(user, "password") == messages.WRONG_PASSWORD

    await sign_in(user, login)
    await see(user, "Bienvenue D'ARTAGNAN LEFÈVRE-NÚÑEZ.")
    await see(user, f"Vous êtes connecté avec le login : {login}")
    await menu_shows(
        user,
        "Informations perso.",
        "Adresse",
        "Baccalauréat",
        "Cursus Interne",
        "Cursus Externe",
        "Stages",
        "Expériences pro.",
        "Candidatures",
        "Déconnexion",
    )
    await user.should_see("Déconnexion")  # the header's button too
    await user.should_not_see("Non connecté")

    user.find(marker="header-sign-out").click()
    await see(user, "Non connecté")
    await user.open("/compte/informations-perso")
    await see(user, "Veuillez vous connecter avec votre compte eCandidat")


async def test_unknown_login(user: User):
    await sign_in(user, "ZZZZZZZZ", "un mot de passe quelconque")
    assert await error_of(user, "login") == messages.UNKNOWN_LOGIN


async def test_unknown_and_replaced_links_get_their_own_message(user: User, mailbox: Mailbox):
    await user.open("/compte/validation/inconnu")
    await see(user, messages.UNKNOWN_LINK)
    await user.open("/compte/mot-de-passe/inconnu")
    await see(user, messages.LINK_UNKNOWN)

    first = await create_account(user, mailbox)
    with database() as session:  # sent more than an hour ago: asking again replaces it
        session.exec(select(AccountToken)).one().created_at -= timedelta(hours=1, seconds=1)
    user.find(marker="lost-activation").click()
    fill(user, mail=MAIL)
    user.find(marker="save").click()
    await see(user, messages.ACTIVATION_SENT)
    second = (await mailbox.wait_for(MAIL, count=2)).link()
    assert second != first
    await user.open(path_of(first))
    await see(user, messages.LINK_REPLACED)
    await user.open(path_of(second))
    await see(user, messages.VALIDATED)


async def test_asking_again_and_again_gets_the_same_answer_but_three_mails(user: User, mailbox: Mailbox):
    await validated_account(user, mailbox)
    await user.open("/")
    for _ in range(5):
        user.find(marker="forgotten").click()
        fill(user, mail=MAIL)
        user.find(marker="save").click()
        await until(lambda shown=_ + 1: user.notify.messages.count(messages.RESET_SENT) == shown, 30)
    assert user.notify.messages[-5:] == [messages.RESET_SENT] * 5  # limited or not, the same answer
    with database() as session:
        outbox = session.exec(select(OutboxMail.template).where(OutboxMail.to == MAIL)).all()
    assert outbox.count("password_reset") == 3


async def test_forgotten_identifiers_answer_the_same_for_unknown_addresses(user: User, mailbox: Mailbox):
    await user.open("/")
    user.find(marker="forgotten").click()
    await user.should_see(messages.FORGOTTEN_INTRO)
    fill(user, mail="personne@example.org")
    user.find(marker="save").click()
    await see(user, messages.RESET_SENT)
    assert mailbox.mails == []


async def test_forgotten_identifiers_give_a_new_password(user: User, mailbox: Mailbox):
    login = await validated_account(user, mailbox)
    await user.open("/")
    user.find(marker="forgotten").click()
    fill(user, mail=MAIL)
    user.find(marker="save").click()
    await see(user, messages.RESET_SENT)
    reset = await mailbox.wait_for(MAIL, count=2)
    assert reset.login() == login
    await user.open(path_of(reset.link()))
    fill(user, password="un tout nouveau secret", confirmation="un tout nouveau secret")
    user.find(marker="save-password").click()
    await see(user, messages.PASSWORD_SET)
    assert (await mailbox.wait_for(MAIL, count=3)).subject == "Votre mot de passe eCandidat a été modifié"
    await user.open(path_of(reset.link()))
    await see(user, messages.LINK_USED)
    await sign_in(user, MAIL, "un tout nouveau secret")
    await see(user, f"Vous êtes connecté avec le login : {login}")


async def test_changing_the_mail_signs_out_and_asks_for_validation(user: User, mailbox: Mailbox):
    login = await validated_account(user, mailbox)
    await sign_in(user, login)
    await see(user, "Modifier mon compte")
    user.find(marker="edit-account").click()
    assert field(user, "mail").value == MAIL
    fill(user, mail="nouvelle@example.org", mail_confirmation="nouvelle@example.org")
    user.find(marker="save").click()
    await see(user, messages.MAIL_CHANGED)
    await user.should_see("Non connecté")
    link = (await mailbox.wait_for("nouvelle@example.org")).link()
    await user.open(path_of(link))
    await see(user, messages.VALIDATED)
    await sign_in(user, "nouvelle@example.org")
    await see(user, f"Vous êtes connecté avec le login : {login}")


async def test_changing_the_password(user: User, mailbox: Mailbox):
    login = await validated_account(user, mailbox)
    await sign_in(user, login)
    await see(user, "Modifier mon mot de passe")
    user.find(marker="change-password").click()
    fill(user, current=PASSWORD, password="une autre phrase secrète", confirmation="une autre phrase secrète")
    await see(user, "Robustesse : Excellente")
    user.find(marker="save").click()
    await see(user, messages.PASSWORD_CHANGED)
    assert (await mailbox.wait_for(MAIL, count=2)).subject == "Votre mot de passe eCandidat a été modifié"


async def test_too_many_failures_make_the_candidate_wait(user: User, mailbox: Mailbox):
    login = await validated_account(user, mailbox)
    for _ in range(3):
        await sign_in(user, login, "mauvais mot de passe")
        await see(user, "Mot de passe *")
        await error_of(user, "password")
    await sign_in(user, login)
    await see(user, "Trop de tentatives, veuillez réessayer dans")
    await see(user, "secondes")


async def test_previous_and_next_follow_the_menu_order(user: User, mailbox: Mailbox):
    login = await validated_account(user, mailbox)
    await sign_in(user, login)
    await see(user, "Bienvenue MARIE BAILLON.")
    await user.open("/compte/informations-perso")
    await user.should_not_see(marker="previous")
    user.find(marker="next").click()
    await see(user, "Code postal *")
    await user.should_see(marker="previous")
    assert user.back_history[-1] == "/compte/adresse"
    await user.open("/compte/candidatures")
    await user.should_not_see(marker="next")


async def test_after_choosing_the_password_the_sign_in_has_the_login_typed(user: User, mailbox: Mailbox):
    link = await create_account(user, mailbox, "marie.baillon@example.org")
    await user.open(path_of(link))
    fill(user, password=PASSWORD, confirmation=PASSWORD)
    user.find(marker="save-password").click()
    await see(user, "Votre mot de passe a été enregistré, vous pouvez vous connecter")
    login = (await mailbox.wait_for("marie.baillon@example.org")).login()
    user.find(marker="to-sign-in").click()
    await see(user, "Je ne suis pas étudiant à")
    assert field(user, "login").value == login
    fill(user, password=PASSWORD)
    user.find(marker="sign-in").click()
    await see(user, messages.CONNECTED_AS.format(login=login))


async def test_a_page_that_asks_to_sign_in_is_where_sign_in_leads(user: User, mailbox: Mailbox):
    login = await validated_account(user, mailbox)
    await user.open("/compte/adresse?info=x")  # signed out: « Connexion », then back here
    await see(user, "Je ne suis pas étudiant à")
    fill(user, login=login, password=PASSWORD)
    user.find(marker="sign-in").click()
    await see(user, "Adresse *")
    assert user.back_history[-1].endswith("?suite=/compte/adresse%3Finfo%3Dx")  # through the cookie's route


async def test_sign_in_never_leads_to_another_site(user: User, mailbox: Mailbox):
    login = await validated_account(user, mailbox)
    await user.open("/connexion?suite=https://evil.example/x")
    fill(user, login=login, password=PASSWORD)
    user.find(marker="sign-in").click()
    await see(user, messages.CONNECTED_AS.format(login=login))
    assert "evil" not in user.back_history[-1]
