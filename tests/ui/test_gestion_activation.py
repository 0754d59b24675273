"""The page of a staff member's set-up link, as the user fixture sees it: password, second factor (QR code and the
secret as text), a first code, then the recovery codes once; every state of the link in French."""

from __future__ import annotations

import base64
import time
from datetime import timedelta

import pyotp
from nicegui.testing import User
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.services import totp
from models import StaffMember, StaffSetupToken
from models.clock import utcnow
from tests.ui.gestion_helpers import STAFF_PASSWORD, StaffLogin, sign_in_staff, test_platform
from tests.ui.helpers import error_of, field, fill, path_of, see


def new_admin_link(mail: str = "directrice@univ.example") -> str:
    platform = test_platform()
    try:
        return platform.staff.bootstrap_admin(mail, "Durand", "Sophie").link
    finally:
        platform.db.dispose()


def shown_secret(user: User) -> str:
    return field(user, "totp-secret").text.replace(" ", "")


def now_code(secret: str) -> str:
    return pyotp.TOTP(secret).now()


async def test_set_up_then_sign_in_with_the_application_code(user: User):
    link = new_admin_link()
    await user.open(path_of(link))
    await see(user, "Bonjour Sophie DURAND")
    await user.should_see("directrice@univ.example")
    await user.should_see("Scannez ce code QR avec votre application d'authentification", retries=1)
    image = field(user, "totp-qr")
    assert image.props["src"].startswith("data:image/svg+xml;base64,")
    assert b"<svg" in base64.b64decode(image.props["src"].split(",", 1)[1])
    assert image.props["alt"] == messages.TOTP_QR_TITLE
    secret = shown_secret(user)
    assert len(secret) == 32

    fill(user, password=STAFF_PASSWORD, confirmation=STAFF_PASSWORD, code=now_code(secret))
    user.find(marker="activate").click()
    await see(user, messages.STAFF_SETUP_DONE)
    codes = [label.text for label in user.find(marker="recovery-code").elements]
    assert len(codes) == 10 and len(set(codes)) == 10
    await user.should_see(marker="download-codes")
    await user.should_see(marker="print-codes")

    await user.open(path_of(link))
    await see(user, messages.LINK_USED)
    await user.should_not_see(marker="totp-secret")

    platform = test_platform()
    with platform.db.session() as session:
        member = session.exec(select(StaffMember).where(StaffMember.mail_key == "directrice@univ.example")).one()
    platform.db.dispose()
    login = StaffLogin(member.id, member.mail, member.display_name, secret, codes, last_step=member.totp_last_step)
    await sign_in_staff(user, login)
    await see(user, "Bonjour Sophie DURAND, bienvenue dans la gestion d'eCandidat.")


async def test_a_wrong_code_or_password_is_shown_at_its_field_and_what_was_typed_stays(user: User):
    link = new_admin_link()
    await user.open(path_of(link))
    await see(user, "Bonjour Sophie DURAND")
    secret = shown_secret(user)
    wrong = f"{(int(now_code(secret)) + 1) % 1_000_000:06d}"
    fill(user, password=STAFF_PASSWORD, confirmation=STAFF_PASSWORD, code=wrong)
    user.find(marker="activate").click()
    assert await error_of(user, "code") == messages.TOTP_WRONG_CODE
    assert field(user, "password").value == STAFF_PASSWORD

    typed = now_code(secret)
    fill(user, password="court", confirmation="court", code=typed)
    user.find(marker="activate").click()
    assert await error_of(user, "password") == messages.PASSWORD_TOO_SHORT.format(min=12)
    assert field(user, "code").value == typed

    fill(user, password=STAFF_PASSWORD, confirmation=STAFF_PASSWORD + "x", code=now_code(secret))
    user.find(marker="activate").click()
    assert await error_of(user, "confirmation") == messages.PASSWORD_CONFIRMATION_DIFFERS
    await user.should_not_see(messages.STAFF_SETUP_DONE)


async def test_every_state_of_the_link_has_its_french_message(user: User):
    await user.open("/gestion/activation/inconnu")
    await see(user, messages.LINK_UNKNOWN)
    await user.should_see(messages.SETUP_ASK_NEW_LINK)

    first = new_admin_link()
    second = new_admin_link()  # create-admin run again: a new link replaces the first
    await user.open(path_of(first))
    await see(user, messages.LINK_REPLACED)
    await user.should_not_see(marker="activate")

    platform = test_platform()
    with platform.db.session() as session:
        for row in session.exec(select(StaffSetupToken)).all():
            row.expires_at = utcnow() - timedelta(seconds=1)
    platform.db.dispose()
    await user.open(path_of(second))
    await see(user, messages.LINK_EXPIRED)
    await user.should_not_see(marker="totp-secret")


async def test_a_code_of_another_step_than_the_window_is_refused(user: User):
    link = new_admin_link()
    await user.open(path_of(link))
    await see(user, "Bonjour Sophie DURAND")
    secret = shown_secret(user)
    old = pyotp.TOTP(secret).at(time.time() - 10 * totp.STEP_SECONDS)
    fill(user, password=STAFF_PASSWORD, confirmation=STAFF_PASSWORD, code=old)
    user.find(marker="activate").click()
    assert await error_of(user, "code") == messages.TOTP_WRONG_CODE
