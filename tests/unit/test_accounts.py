"""The account rules, on a real database, with mails read from a real SMTP server."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlmodel import select

from ecandidat_ui import messages, security
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.accounts import LinkState
from ecandidat_ui.services.errors import InvalidInput, Refused
from models import Account, AccountToken, IssuedLogin, TokenPurpose, UserSession
from models.clock import utcnow
from tests.mailbox import Mailbox

PASSWORD = "une phrase de passe solide"
MAIL = "marie.baillon@example.org"


def create(platform: Platform, mail: str = MAIL, last: str = "Baillon", first: str = "Marie") -> Account:
    return platform.accounts.create(last, first, mail, mail)


def token_of(link: str) -> str:
    return link.rsplit("/", 1)[1]


def session_of(platform: Platform, login: str, password: str = PASSWORD, address: str = "127.0.0.1") -> str:
    """Sign in, then take the hand-over as the route setting the cookie does: the session id."""
    session_id = platform.sessions.take_handover(platform.accounts.sign_in(login, password, address))
    assert session_id is not None
    return session_id


def delivered(platform: Platform, mailbox: Mailbox, address: str = MAIL, count: int = 1):
    platform.mail_sender.send_due()
    return mailbox.wait_for_sync(address, count)


def validated_account(platform: Platform, mailbox: Mailbox, mail: str = MAIL) -> Account:
    account = create(platform, mail)
    link = delivered(platform, mailbox, mail).link()
    platform.accounts.follow_validation_link(token_of(link))
    platform.accounts.set_password_from_link(token_of(link), TokenPurpose.VALIDATION, PASSWORD, PASSWORD)
    return account


def test_creation_stores_upper_case_names_and_mails_login_and_link(platform: Platform, mailbox: Mailbox):
    account = create(platform, last="  Lefèvre-Núñez ", first="d'Artagnan")
    assert (account.last_name, account.first_name) == ("LEFÈVRE-NÚÑEZ", "D'ARTAGNAN")
    assert re.fullmatch(r"[0-9A-Z]{8}", account.login)
    mail = delivered(platform, mailbox)
    assert mail.subject == "Création de votre compte eCandidat"
    assert account.login in mail.text and account.login in mail.html
    assert "Université Esup" in mail.text
    assert mail.link().startswith("http://ecandidat.test/compte/validation/")
    assert f'href="{mail.link()}"' in mail.html


@pytest.mark.parametrize(
    ("values", "errors"),
    [
        (
            ("", "", "", ""),
            {
                "last_name": messages.REQUIRED,
                "first_name": messages.REQUIRED,
                "mail": messages.REQUIRED,
                "mail_confirmation": messages.REQUIRED,
            },
        ),
        (
            ("N" * 31, "P" * 21, "a@example.org", "a@example.org"),
            {
                "last_name": "Ce champ ne peut pas dépasser 30 caractères",
                "first_name": "Ce champ ne peut pas dépasser 20 caractères",
            },
        ),
        (
            ("Nom", "Prénom", "pas-une-adresse", "pas-une-adresse"),
            {"mail": messages.BAD_MAIL, "mail_confirmation": messages.BAD_MAIL},
        ),
        (
            ("Nom", "Prénom", "a@example.org", "b@example.org"),
            {"mail_confirmation": messages.MAIL_CONFIRMATION_DIFFERS},
        ),
        (
            ("<b>Nom</b>", "Prénom2", "a@example.org", "a@example.org"),
            {"last_name": messages.FORBIDDEN_CHARACTERS, "first_name": messages.FORBIDDEN_CHARACTERS},
        ),
    ],
)
def test_creation_refuses_bad_input_field_by_field(platform: Platform, values, errors):
    with pytest.raises(InvalidInput) as refused:
        platform.accounts.create(*values)
    assert refused.value.errors == errors
    with platform.db.session() as session:
        assert session.exec(select(Account)).all() == []


def test_a_mail_address_is_used_once_whatever_its_case(platform: Platform):
    create(platform)
    with pytest.raises(InvalidInput) as refused:
        create(platform, mail=MAIL.upper())
    assert refused.value.errors == {"mail": messages.MAIL_ALREADY_USED}


def test_confirmation_is_compared_without_case(platform: Platform):
    account = platform.accounts.create("Nom", "Prénom", "Jean@Example.org", "jean@example.ORG")
    assert account.mail_key == "jean@example.org"


def test_logins_are_never_given_twice_even_after_a_purge(platform: Platform):
    logins = {create(platform, mail=f"c{i}@example.org").login for i in range(30)}
    assert len(logins) == 30
    with platform.db.session() as session:
        for account in session.exec(select(Account)).all():
            account.created_at = utcnow() - timedelta(days=6)
    assert platform.accounts.delete_unvalidated() == 30
    with platform.db.session() as session:
        assert session.exec(select(Account)).all() == []
        assert {row.login for row in session.exec(select(IssuedLogin)).all()} == logins


def test_validation_then_password_then_sign_in(platform: Platform, mailbox: Mailbox):
    account = create(platform)
    token = token_of(delivered(platform, mailbox).link())
    with pytest.raises(Refused) as refused:
        platform.accounts.sign_in(account.login, PASSWORD, "127.0.0.1")
    assert refused.value.message == messages.NOT_VALIDATED

    outcome = platform.accounts.follow_validation_link(token)
    assert (outcome.state, outcome.message, outcome.needs_password) == (
        LinkState.VALID,
        messages.VALIDATED,
        True,
    )
    assert platform.accounts.follow_validation_link(token).needs_password  # still usable until a password is set

    with pytest.raises(InvalidInput) as refused:
        platform.accounts.set_password_from_link(token, TokenPurpose.VALIDATION, PASSWORD, PASSWORD + "x")
    assert refused.value.errors == {"confirmation": messages.PASSWORD_CONFIRMATION_DIFFERS}
    assert platform.accounts.set_password_from_link(token, TokenPurpose.VALIDATION, PASSWORD, PASSWORD) == (
        account.login
    )
    again = platform.accounts.follow_validation_link(token)
    assert (again.state, again.message) == (LinkState.USED, messages.ALREADY_VALIDATED)

    assert platform.accounts.sign_in(account.login.lower(), PASSWORD, "127.0.0.1")
    assert platform.accounts.sign_in(MAIL.upper(), PASSWORD, "127.0.0.1")


def test_unknown_replaced_and_expired_links(platform: Platform, mailbox: Mailbox):
    assert platform.accounts.follow_validation_link("nimportequoi").message == messages.UNKNOWN_LINK
    create(platform)
    first = token_of(delivered(platform, mailbox).link())
    with platform.db.session() as session:  # sent more than an hour ago: a new link replaces it
        session.exec(select(AccountToken)).one().created_at -= timedelta(hours=1, seconds=1)
    platform.accounts.resend_validation_link(MAIL, "127.0.0.1")
    second = token_of(delivered(platform, mailbox, count=2).link())
    assert platform.accounts.follow_validation_link(first).message == messages.LINK_REPLACED
    with platform.db.session() as session:
        for row in session.exec(select(AccountToken)).all():
            row.expires_at = utcnow() - timedelta(seconds=1)
    assert platform.accounts.follow_validation_link(second).message == messages.LINK_EXPIRED


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("court", "Le mot de passe doit contenir au moins 12 caractères"),
        ("x" * 129, "Le mot de passe ne peut pas dépasser 128 caractères"),
        ("azertyuiop123", messages.PASSWORD_COMMON),
        ("motdepasse2024!", messages.PASSWORD_COMMON),
        ("aaaaaaaaaaaaaaa", messages.PASSWORD_COMMON),
        ("baillon et compagnie", messages.PASSWORD_PERSONAL),
    ],
)
def test_password_policy(platform: Platform, mailbox: Mailbox, password: str, message: str):
    create(platform)
    token = token_of(delivered(platform, mailbox).link())
    with pytest.raises(InvalidInput) as refused:
        platform.accounts.set_password_from_link(token, TokenPurpose.VALIDATION, password, password)
    assert refused.value.errors == {"password": message}


def test_any_character_is_allowed_in_a_password(platform: Platform, mailbox: Mailbox):
    create(platform)
    token = token_of(delivered(platform, mailbox).link())
    password = "Ünïcødé  et espaces 🎓 <>&\"'"
    platform.accounts.set_password_from_link(token, TokenPurpose.VALIDATION, password, password)
    assert platform.accounts.sign_in(MAIL, password, "127.0.0.1")


def test_sign_in_messages(platform: Platform, mailbox: Mailbox):
    account = validated_account(platform, mailbox)
    with pytest.raises(InvalidInput) as refused:
        platform.accounts.sign_in("ZZZZZZZZ", PASSWORD, "10.1.1.1")
    assert refused.value.errors == {"login": messages.UNKNOWN_LOGIN}
    with pytest.raises(InvalidInput) as refused:
        platform.accounts.sign_in(account.login, "mauvais mot de passe", "10.1.1.1")
    assert refused.value.errors == {"password": messages.WRONG_PASSWORD}
    with pytest.raises(InvalidInput) as refused:
        platform.accounts.sign_in("", "", "10.1.1.1")
    assert refused.value.errors == {"login": messages.REQUIRED, "password": messages.REQUIRED}


def test_reset_link_sets_a_new_password_once_and_ends_other_sessions(platform: Platform, mailbox: Mailbox):
    account = validated_account(platform, mailbox)
    old_session = session_of(platform, account.login)
    platform.accounts.send_reset_link(MAIL.upper(), "127.0.0.1")
    mail = delivered(platform, mailbox, count=2)
    assert mail.subject == "Réinitialisation de votre mot de passe eCandidat"
    assert account.login in mail.text and "une heure" in mail.text
    token = token_of(mail.link())
    assert platform.accounts.reset_link_state(token) == (LinkState.VALID, account.login)
    platform.accounts.set_password_from_link(
        token, TokenPurpose.PASSWORD_RESET, "un tout autre secret", "un tout autre secret"
    )
    assert platform.sessions.account_for(old_session) is None
    assert delivered(platform, mailbox, count=3).subject == "Votre mot de passe eCandidat a été modifié"
    assert platform.accounts.reset_link_state(token)[0] is LinkState.USED
    with pytest.raises(Refused):
        platform.accounts.set_password_from_link(
            token, TokenPurpose.PASSWORD_RESET, "encore un autre", "encore un autre"
        )
    assert platform.accounts.sign_in(account.login, "un tout autre secret", "127.0.0.1")


def test_reset_link_expires_after_an_hour(platform: Platform, mailbox: Mailbox):
    validated_account(platform, mailbox)
    platform.accounts.send_reset_link(MAIL, "127.0.0.1")
    token = token_of(delivered(platform, mailbox, count=2).link())
    with platform.db.session() as session:
        row = session.exec(select(AccountToken).where(AccountToken.purpose == TokenPurpose.PASSWORD_RESET)).one()
        assert timedelta(minutes=59) < row.expires_at - row.created_at <= timedelta(hours=1)
        row.expires_at = utcnow() - timedelta(seconds=1)
    assert platform.accounts.reset_link_state(token)[0] is LinkState.EXPIRED


def test_unknown_addresses_get_no_mail_and_the_same_answer(platform: Platform, mailbox: Mailbox):
    platform.accounts.send_reset_link("personne@example.org", "127.0.0.1")
    platform.accounts.resend_validation_link("personne@example.org", "127.0.0.1")
    assert platform.mail_sender.send_due() == 0
    with pytest.raises(InvalidInput) as refused:
        platform.accounts.send_reset_link("pas une adresse", "127.0.0.1")
    assert refused.value.errors == {"mail": messages.BAD_MAIL}


def test_lost_activation_of_a_validated_account_says_so_by_mail(platform: Platform, mailbox: Mailbox):
    validated_account(platform, mailbox)
    platform.accounts.resend_validation_link(MAIL, "127.0.0.1")
    assert delivered(platform, mailbox, count=2).subject == "Votre compte eCandidat est déjà validé"


def test_changing_the_mail_asks_for_a_new_validation_and_ends_sessions(platform: Platform, mailbox: Mailbox):
    account = validated_account(platform, mailbox)
    session_id = session_of(platform, account.login)
    with pytest.raises(InvalidInput):
        platform.accounts.update_identity(session_id, "Baillon", "Marie", "neuve@example.org", "autre@example.org")
    assert platform.accounts.update_identity(session_id, "Baillon", "Marie", "neuve@example.org", "neuve@example.org")
    assert platform.sessions.account_for(session_id) is None
    with pytest.raises(Refused) as refused:
        platform.accounts.sign_in(account.login, PASSWORD, "127.0.0.1")
    assert refused.value.message == messages.NOT_VALIDATED
    mail = delivered(platform, mailbox, "neuve@example.org")
    outcome = platform.accounts.follow_validation_link(token_of(mail.link()))
    assert (outcome.message, outcome.needs_password) == (messages.VALIDATED, False)
    assert platform.accounts.sign_in("neuve@example.org", PASSWORD, "127.0.0.1")


def test_changing_names_only_keeps_the_session(platform: Platform, mailbox: Mailbox):
    account = validated_account(platform, mailbox)
    session_id = session_of(platform, account.login)
    assert not platform.accounts.update_identity(session_id, "Baillon-Durand", "Marie", MAIL, MAIL)
    assert platform.sessions.account_for(session_id).last_name == "BAILLON-DURAND"


def test_changing_the_password_needs_the_current_one_and_ends_other_sessions(platform: Platform, mailbox: Mailbox):
    account = validated_account(platform, mailbox)
    here = session_of(platform, account.login)
    elsewhere = session_of(platform, account.login, address="127.0.0.2")
    with pytest.raises(InvalidInput) as refused:
        platform.accounts.change_password(here, "faux", "nouvelle phrase secrète", "nouvelle phrase secrète")
    assert refused.value.errors == {"current": messages.CURRENT_PASSWORD_WRONG}
    platform.accounts.change_password(here, PASSWORD, "nouvelle phrase secrète", "nouvelle phrase secrète")
    assert platform.sessions.account_for(here) is not None
    assert platform.sessions.account_for(elsewhere) is None
    assert delivered(platform, mailbox, count=2).subject == "Votre mot de passe eCandidat a été modifié"


def test_sessions_end_after_30_idle_minutes_or_12_hours(platform: Platform, mailbox: Mailbox):
    account = validated_account(platform, mailbox)
    idle = session_of(platform, account.login)
    old = session_of(platform, account.login)
    with platform.db.session() as session:
        session.get(UserSession, security.token_digest(idle)).last_seen_at -= timedelta(minutes=31)
        session.get(UserSession, security.token_digest(old)).created_at -= timedelta(hours=12, seconds=1)
    assert platform.sessions.account_for(idle) is None
    assert platform.sessions.account_for(old) is None


def test_validated_accounts_are_never_purged(platform: Platform, mailbox: Mailbox):
    account = validated_account(platform, mailbox)
    with platform.db.session() as session:
        session.get(Account, account.id).created_at -= timedelta(days=30)
    assert platform.accounts.delete_unvalidated() == 0
