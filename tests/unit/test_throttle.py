"""Abuse of the account screens, on a real database and a real SMTP server: guessing passwords, flooding the
« J'ai oublié… » dialogs, and telling the sign-in answers apart by their time."""

from __future__ import annotations

import math
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlmodel import select

from ecandidat_ui import messages, security
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.accounts import LinkState
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.settings import SettingsError, load_settings
from models import Account, AccountToken, ThrottleEvent, TokenPurpose
from models.clock import utcnow
from tests.mailbox import Mailbox
from tests.unit.test_accounts import MAIL, PASSWORD, create, delivered, token_of, validated_account

ATTACKER = "203.0.113.7"
OWNER = "198.51.100.4"


def pass_time(platform: Platform, delta: timedelta) -> None:
    """As if `delta` had gone by since every counted event."""
    with platform.db.session() as session:
        for event in session.exec(select(ThrottleEvent)).all():
            event.at -= delta


def wait_message(platform: Platform, login: str, password: str, address: str) -> str:
    with pytest.raises(Refused) as refused:
        platform.accounts.sign_in(login, password, address)
    return refused.value.message.removeprefix("Trop de tentatives, veuillez réessayer dans ")


# --- sign-in --------------------------------------------------------------------------------------------------


def test_someone_elses_failures_never_keep_the_owner_out(platform: Platform, mailbox: Mailbox):
    account = validated_account(platform, mailbox)
    waits = []
    for _ in range(40):  # a patient guesser, trying again as soon as allowed, for about seven hours
        try:
            platform.accounts.sign_in(account.login, "mauvais mot de passe", ATTACKER)
        except InvalidInput as failure:
            assert failure.errors == {"password": messages.WRONG_PASSWORD}
            continue
        except Refused as refused:
            waits.append(refused.message)
        assert platform.accounts.sign_in(account.login, PASSWORD, OWNER)  # the owner, at any moment
        pass_time(platform, _wait_of(waits[-1]))
    shown = [_wait_of(wait) for wait in waits[:9]]
    for seconds, wait in zip([5, 10, 20, 40, 80, 160, 320, 640, 900], shown, strict=True):  # doubling, 15 min at most
        if seconds < 60:  # counted from the last answer: the machine may have taken a moment since
            assert timedelta(seconds=seconds - 3) <= wait <= timedelta(seconds=seconds)
        else:
            assert wait == timedelta(minutes=math.ceil(seconds / 60))
    assert all(_wait_of(wait) <= timedelta(minutes=15) for wait in waits)


def _wait_of(message: str) -> timedelta:
    number, unit = message.removeprefix("Trop de tentatives, veuillez réessayer dans ").split()
    return timedelta(seconds=int(number)) if unit == "secondes" else timedelta(minutes=int(number))


def test_the_owners_own_mistakes_only_slow_them_down_a_little(platform: Platform, mailbox: Mailbox):
    account = validated_account(platform, mailbox)
    for _ in range(3):
        with pytest.raises(InvalidInput):
            platform.accounts.sign_in(account.login, "mauvais mot de passe", OWNER)
    wait = _wait_of(wait_message(platform, account.login, PASSWORD, OWNER))
    assert timedelta(seconds=2) <= wait <= timedelta(seconds=5)
    pass_time(platform, timedelta(seconds=5))
    assert platform.accounts.sign_in(account.login, PASSWORD, OWNER)
    for _ in range(3):  # the success forgot the failures: three free tries again
        with pytest.raises(InvalidInput):
            platform.accounts.sign_in(account.login, "mauvais mot de passe", OWNER)


def test_one_address_trying_many_logins_waits_longer_each_time_a_minute_at_most(platform: Platform):
    for i in range(10):
        with pytest.raises(InvalidInput):
            platform.accounts.sign_in(f"AAAAAA{i:02d}", "un mot de passe", ATTACKER)
    waits = []
    for _ in range(7):
        waits.append(wait_message(platform, "AAAAAA99", "un mot de passe", ATTACKER))
        with pytest.raises(InvalidInput):  # others are not slowed down
            platform.accounts.sign_in("AAAAAA99", "un mot de passe", OWNER)
        pass_time(platform, _wait_of(waits[-1]))
        with pytest.raises(InvalidInput):
            platform.accounts.sign_in("AAAAAA99", "un mot de passe", ATTACKER)
    expected = [2, 4, 8, 16, 32, 60, 60]  # seconds: doubling from 2 s, a minute at most
    for seconds, wait in zip(expected, waits, strict=True):
        assert timedelta(seconds=max(2, seconds - 3)) <= _wait_of(wait) <= timedelta(seconds=seconds), waits


def test_tries_at_the_same_time_cannot_all_take_the_last_free_place(platform: Platform, mailbox: Mailbox):
    account = validated_account(platform, mailbox)

    def guess(_) -> str:
        try:
            platform.accounts.sign_in(account.login, "mauvais mot de passe", ATTACKER)
        except (InvalidInput, Refused) as error:
            return type(error).__name__
        return "signed in"

    with ThreadPoolExecutor(8) as pool:
        outcomes = list(pool.map(guess, range(8)))
    assert outcomes.count("InvalidInput") == 3  # the password was checked three times only
    assert outcomes.count("Refused") == 5


def test_many_people_behind_one_address_can_sign_in_at_the_same_time(platform: Platform):
    password_hash = security.hash_password(PASSWORD)
    with platform.db.session() as session:
        for i in range(20):
            session.add(
                Account(
                    login=f"NAT{i:05d}",
                    last_name="BAILLON",
                    first_name="MARIE",
                    mail=f"nat{i}@example.org",
                    mail_key=f"nat{i}@example.org",
                    password_hash=password_hash,
                    mail_confirmed=True,
                    validated_at=utcnow(),
                )
            )
    with ThreadPoolExecutor(20) as pool:
        sessions = list(pool.map(lambda i: platform.accounts.sign_in(f"NAT{i:05d}", PASSWORD, ATTACKER), range(20)))
    assert all(sessions)


def test_unknown_login_wrong_password_and_unvalidated_account_take_the_same_time(platform: Platform, mailbox: Mailbox):
    validated = validated_account(platform, mailbox)
    unvalidated = create(platform, "pas.encore@example.org")
    cases = {
        "unknown": ("ZZZZZZZZ", InvalidInput),
        "wrong password": (validated.login, InvalidInput),
        "not validated": (unvalidated.login, Refused),
    }
    times: dict[str, list[float]] = {case: [] for case in cases}
    for round_ in range(7):  # interleaved, each from its own address: no wait, and the machine's load is shared
        for index, (case, (login, error)) in enumerate(cases.items()):
            started = time.perf_counter()
            with pytest.raises(error):
                platform.accounts.sign_in(login, "mauvais mot de passe", f"10.7.{round_}.{index}")
            times[case].append(time.perf_counter() - started)
    medians = {case: statistics.median(values) for case, values in times.items()}
    assert max(medians.values()) < 2 * min(medians.values()), medians


# --- mails asked for ------------------------------------------------------------------------------------------


def test_a_flood_of_reset_requests_sends_three_mails_and_cancels_no_link(platform: Platform, mailbox: Mailbox):
    validated_account(platform, mailbox)
    for _ in range(15):
        assert platform.accounts.send_reset_link(MAIL, ATTACKER) is None  # the same answer, limited or not
    assert platform.mail_sender.send_due() == 3
    links = [token_of(mail.link()) for mail in mailbox.for_address(MAIL)[1:]]
    assert len(links) == 3
    assert [platform.accounts.reset_link_state(link)[0] for link in links] == [LinkState.VALID] * 3
    platform.accounts.set_password_from_link(
        links[0], TokenPurpose.PASSWORD_RESET, "un autre secret", "un autre secret"
    )
    assert [platform.accounts.reset_link_state(link)[0] for link in links] == [
        LinkState.USED,
        LinkState.REPLACED,
        LinkState.REPLACED,
    ]


def test_mails_can_be_asked_for_again_an_hour_later(platform: Platform, mailbox: Mailbox):
    validated_account(platform, mailbox)
    for _ in range(4):
        platform.accounts.send_reset_link(MAIL, OWNER)
    assert platform.mail_sender.send_due() == 3
    pass_time(platform, timedelta(hours=1))
    platform.accounts.send_reset_link(MAIL, OWNER)
    assert platform.mail_sender.send_due() == 1


def test_one_client_asking_for_many_addresses_is_limited(platform: Platform, mailbox: Mailbox):
    for i in range(12):
        create(platform, f"c{i}@example.org")
    assert platform.mail_sender.send_due() == 12
    for i in range(12):
        platform.accounts.resend_validation_link(f"c{i}@example.org", ATTACKER)
    assert platform.mail_sender.send_due() == 10
    assert len(mailbox.for_address("c10@example.org")) == 1
    platform.accounts.resend_validation_link("c10@example.org", OWNER)  # someone else, elsewhere
    assert platform.mail_sender.send_due() == 1


def test_a_flood_of_activation_requests_keeps_the_link_already_received(platform: Platform, mailbox: Mailbox):
    create(platform)
    first = token_of(delivered(platform, mailbox).link())
    for _ in range(10):
        platform.accounts.resend_validation_link(MAIL, ATTACKER)
    assert platform.mail_sender.send_due() == 3
    outcome = platform.accounts.follow_validation_link(first)
    assert (outcome.state, outcome.needs_password) == (LinkState.VALID, True)
    platform.accounts.set_password_from_link(first, TokenPurpose.VALIDATION, PASSWORD, PASSWORD)
    with platform.db.session() as session:
        links = session.exec(select(AccountToken).where(AccountToken.purpose == TokenPurpose.VALIDATION)).all()
        assert sorted((link.used_at is not None, link.revoked_at is not None) for link in links) == [
            (False, True),
            (False, True),
            (False, True),
            (True, False),
        ]


# --- the client address behind a reverse proxy ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        (None, "127.0.0.1,::1"),
        ("", ""),
        (" 10.0.0.5 , 10.1.0.0/16,::1 ", "10.0.0.5,10.1.0.0/16,::1"),
        ("*", "*"),
    ],
)
def test_the_trusted_proxies_setting(monkeypatch, value: str | None, kept: str):
    if value is not None:
        monkeypatch.setenv("ECANDIDAT_FORWARDED_ALLOW_IPS", value)
    assert load_settings().forwarded_allow_ips == kept


@pytest.mark.parametrize("value", ["10.0.0.300", "proxy.univ.fr", "*,10.0.0.5"])
def test_a_mistyped_proxy_stops_the_start_naming_the_setting(monkeypatch, value: str):
    monkeypatch.setenv("ECANDIDAT_FORWARDED_ALLOW_IPS", value)
    with pytest.raises(SettingsError, match="ECANDIDAT_FORWARDED_ALLOW_IPS"):
        load_settings()
