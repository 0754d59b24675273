"""No log line carries a password or a token (issue 11, item 5): a candidate's and a staff member's whole life —
links of mails, passwords chosen and mistyped, hand-overs, TOTP secret and recovery codes, a reset — and an SMTP
server refusing the platform's own login, logged at every level the platform logs. (Without an SMTP host the
sender logs the links of the .eml it writes, on purpose: test_mail.py.) A database error in a log shows the SQL,
never its parameters. SQLite and PostgreSQL; real SMTP (aiosmtpd)."""

from __future__ import annotations

import logging

import pyotp
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from ecandidat_ui.mail.sender import MailSender
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.errors import InvalidInput, Refused
from models import TokenPurpose
from tests.mailbox import Mailbox

PASSWORD = "une phrase de passe solide"
NEW_PASSWORD = "une toute autre phrase de passe"
MISTYPED = "une phrase de passe soldie"
STAFF_PASSWORD = "la phrase de passe du personnel"
SMTP_PASSWORD = "le-mot-de-passe-du-serveur-smtp"


def token_of(link: str) -> str:
    return link.rsplit("/", 1)[1]


def delivered(platform: Platform, mailbox: Mailbox, address: str, count: int = 1):
    platform.mail_sender.send_due()
    return mailbox.wait_for_sync(address, count)


def test_no_log_line_carries_a_password_or_a_token(platform: Platform, mailbox: Mailbox, caplog, monkeypatch):
    caplog.set_level(logging.DEBUG)
    secrets = [PASSWORD, NEW_PASSWORD, MISTYPED, STAFF_PASSWORD, SMTP_PASSWORD]

    account = platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org")
    validation = token_of(delivered(platform, mailbox, "marie@example.org").link())
    platform.accounts.follow_validation_link(validation)
    platform.accounts.set_password_from_link(validation, TokenPurpose.VALIDATION, PASSWORD, PASSWORD)
    with pytest.raises(InvalidInput):
        platform.accounts.sign_in(account.login, MISTYPED, "10.0.0.1")
    handover = platform.accounts.sign_in(account.login, PASSWORD, "10.0.0.1")
    session_id = platform.sessions.take_handover(handover)
    platform.accounts.send_reset_link("marie@example.org", "10.0.0.1")
    reset = token_of(delivered(platform, mailbox, "marie@example.org", 2).link())
    platform.accounts.set_password_from_link(reset, TokenPurpose.PASSWORD_RESET, NEW_PASSWORD, NEW_PASSWORD)
    secrets += [validation, handover, session_id, reset]

    created = platform.staff.bootstrap_admin("anne.dupont@example.org", "Dupont", "Anne")
    setup = token_of(created.link)
    totp_secret = platform.staff.totp_enrolment(setup).secret
    codes = platform.staff.complete_setup(setup, STAFF_PASSWORD, STAFF_PASSWORD, pyotp.TOTP(totp_secret).now())
    with pytest.raises(Refused):
        platform.staff.sign_in("anne.dupont@example.org", STAFF_PASSWORD, "000000", "10.0.0.2")
    staff_handover = platform.staff.sign_in("anne.dupont@example.org", STAFF_PASSWORD, codes[0], "10.0.0.2")
    secrets += [setup, totp_secret, *codes, staff_handover]

    monkeypatch.setattr(platform.settings, "smtp_user", "ecandidat")  # the server knows no AUTH: it refuses
    monkeypatch.setattr(platform.settings, "smtp_password", SMTP_PASSWORD)
    platform.accounts.send_reset_link("marie@example.org", "10.0.0.1")
    assert MailSender(platform.db, platform.settings).send_due() == 0
    assert any("not sent" in message for message in caplog.messages)  # the failure is logged…

    logged = caplog.text  # …and nothing of the above, in any message, argument or traceback
    assert [secret for secret in secrets if secret in logged] == []


def test_a_database_error_shows_its_sql_but_never_its_parameters(platform: Platform):
    with pytest.raises(DBAPIError) as raised, platform.db.session() as session:
        session.exec(text("INSERT INTO no_such_table (secret) VALUES (:secret)"), params={"secret": PASSWORD})
    assert "no_such_table" in str(raised.value) and PASSWORD not in str(raised.value)
