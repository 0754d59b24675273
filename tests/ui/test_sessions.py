"""Sessions through the pages: the cookie set by its own route at sign-in and cleared at sign-out, a new browser
identity each time, and a page already open sent to « Connexion » once its session ended elsewhere (sign-out,
password reset, 30 idle minutes, 12 hours), whatever its handler is, with nothing written."""

from __future__ import annotations

import asyncio
import base64
import json
from datetime import date, timedelta

import httpx
import pytest
from nicegui import run, ui
from nicegui.elements.upload_files import SmallFileUpload
from nicegui.testing import User
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.demo import demo_offer
from ecandidat_ui.lifecycle import prepare
from ecandidat_ui.platform import Platform, build_platform
from ecandidat_ui.services.offer_import import apply_offer
from ecandidat_ui.settings import load_settings
from models import Account, PostalAddress, TokenPurpose, UploadedFile, UserSession
from models.clock import utcnow
from tests.mailbox import Mailbox
from tests.sessions import actor
from tests.ui.helpers import PASSWORD, fill, see, sign_in, until, validated_account
from tests.unit.test_file_rules import ADDRESS, PERSONAL, bac

COOKIE = "ecandidat_session"
PDF = b"%PDF-1.4\n%%EOF\n"


class SetCookies:
    """Every Set-Cookie header the app sends to this simulated browser, by cookie name."""

    def __init__(self, user: User) -> None:
        self.headers: dict[str, list[str]] = {}
        user.http_client.event_hooks["response"].append(self._record)

    async def _record(self, response: httpx.Response) -> None:
        for header in response.headers.get_list("set-cookie"):
            self.headers.setdefault(header.split("=", 1)[0], []).append(header)

    def attributes(self, name: str) -> set[str]:
        return {part.strip().lower() for part in self.headers[name][-1].split(";")[1:]}


def browser_id(user: User) -> str:
    """The id of NiceGUI's browser storage, inside its signed `session` cookie."""
    payload = user.http_client.cookies["session"].split(".")[0]
    return json.loads(base64.b64decode(payload + "=" * (-len(payload) % 4)))["id"]


def platform_now() -> Platform:
    platform = build_platform(load_settings())
    prepare(platform)
    return platform


async def test_sign_in_and_out_set_and_clear_the_cookie_and_renew_the_browser_identity(user: User, mailbox: Mailbox):
    login = await validated_account(user, mailbox)
    cookies = SetCookies(user)
    await user.open("/connexion")
    before = browser_id(user)
    await sign_in(user, login)
    await see(user, messages.CONNECTED_AS.format(login=login))
    assert {"httponly", "samesite=lax", "path=/", "max-age=43200"} <= cookies.attributes(COOKIE)
    assert "secure" not in cookies.attributes(COOKIE)  # the public URL of the tests is http
    signed_in = browser_id(user)
    assert signed_in != before

    user.find(marker="header-sign-out").click()
    await see(user, "Non connecté")
    assert COOKIE not in user.http_client.cookies
    assert browser_id(user) not in (before, signed_in)
    assert {"samesite=lax", "path=/"} <= cookies.attributes("session")  # NiceGUI's own cookie


@pytest.fixture
def https(monkeypatch) -> None:
    monkeypatch.setenv("ECANDIDAT_PUBLIC_URL", "https://ecandidat.test")


async def test_behind_https_the_cookies_are_secure(https, user: User, mailbox: Mailbox):
    user.http_client.base_url = "https://test"  # a browser sends Secure cookies back over https only
    login = await validated_account(user, mailbox)
    cookies = SetCookies(user)
    await sign_in(user, login)
    await until(lambda: f"__Host-{COOKIE}" in cookies.headers)
    assert {"secure", "httponly", "samesite=lax", "path=/"} <= cookies.attributes(f"__Host-{COOKIE}")
    assert "secure" in cookies.attributes("session")


async def test_a_hand_over_serves_only_the_browser_that_signed_in(user: User, create_user, mailbox: Mailbox):
    login = await validated_account(user, mailbox)
    await user.open("/connexion")
    opened: list[str] = []
    user.http_client.event_hooks["request"].append(lambda request: _note(opened, request))
    await sign_in(user, login)
    await see(user, messages.CONNECTED_AS.format(login=login))
    [route] = [path for path in opened if path.startswith("/session/ouvrir/")]

    intruder = create_user()  # e.g. a link to the attacker's own sign-in, sent to someone else
    await intruder.open("/connexion")
    await intruder.open(route)
    await intruder.should_see("Non connecté")


async def _note(opened: list[str], request: httpx.Request) -> None:
    opened.append(request.url.raw_path.decode())


async def test_a_forged_sign_out_link_signs_nobody_out(user: User, mailbox: Mailbox):
    login = await validated_account(user, mailbox)
    await sign_in(user, login)
    await see(user, messages.CONNECTED_AS.format(login=login))
    await user.open("/session/fermer/" + "0" * 64 + "?suite=https://ailleurs.example.org/")
    await see(user, messages.CONNECTED_AS.format(login=login))
    await user.open("/session/fermer/%C3%A9t%C3%A9?suite=//ailleurs.example.org")  # not even ASCII
    await see(user, messages.CONNECTED_AS.format(login=login))
    await user.open("/session/ouvrir/%C3%A9t%C3%A9.%C3%A9")
    await see(user, messages.CONNECTED_AS.format(login=login))


# --- a page already open, once its session ended elsewhere --------------------------------------------------------

MAIL = "marie.baillon@example.org"


async def _signed_out_elsewhere(user: User, create_user, platform: Platform, mailbox: Mailbox) -> None:
    elsewhere = create_user()
    elsewhere.http_client.cookies = user.http_client.cookies  # another tab of the same browser
    await elsewhere.open("/")
    elsewhere.find(marker="header-sign-out").click()
    await elsewhere.should_see("Non connecté")


async def _password_reset(user: User, create_user, platform: Platform, mailbox: Mailbox) -> None:
    platform.mail_sender.send_due()
    sent = len(mailbox.for_address(MAIL))
    platform.accounts.send_reset_link(MAIL, "127.0.0.1")
    platform.mail_sender.send_due()
    token = (await mailbox.wait_for(MAIL, sent + 1)).link().rsplit("/", 1)[1]
    platform.accounts.set_password_from_link(token, TokenPurpose.PASSWORD_RESET, PASSWORD + " 2", PASSWORD + " 2")


async def _idle(user: User, create_user, platform: Platform, mailbox: Mailbox) -> None:
    _age(platform, last_seen=timedelta(minutes=31))


async def _twelve_hours(user: User, create_user, platform: Platform, mailbox: Mailbox) -> None:
    _age(platform, created=timedelta(hours=12, seconds=1))


def _age(platform: Platform, *, last_seen: timedelta = timedelta(), created: timedelta = timedelta()) -> None:
    with platform.db.session() as session:
        for row in session.exec(select(UserSession)):
            row.last_seen_at = utcnow() - last_seen
            row.created_at -= created


ENDINGS = {
    "sign-out elsewhere": _signed_out_elsewhere,
    "password reset": _password_reset,
    "30 idle minutes": _idle,
    "12 hours": _twelve_hours,
}


async def candidate_on_two_tabs(user: User, create_user, mailbox: Mailbox) -> tuple[Platform, User, User]:
    """A candidate with a complete file and a candidature: a new address typed in « Adresse » in one tab, the
    candidature in another tab of the same browser."""
    login = await validated_account(user, mailbox, MAIL)
    platform = platform_now()
    apply_offer(platform.db, demo_offer(date.today()))
    with platform.db.session() as session:
        account = session.exec(select(Account).where(Account.login == login)).one()
    me = actor(platform, account)
    platform.candidate_file.save_personal(me, {**PERSONAL, "ine": ""}, 0, date.today())
    platform.candidate_file.save_address(me, ADDRESS, 0)
    platform.candidate_file.save_bac(me, bac(2019, "S"), 0, date.today())
    platform.candidate_file.set_no_higher_education(me, True)
    candidature = platform.candidatures.apply(me, _formation(platform, "L1-DROIT"), date.today())
    platform.sessions.close(me)
    await sign_in(user, login)
    await see(user, messages.CONNECTED_AS.format(login=login))

    second = create_user()
    second.http_client.cookies = user.http_client.cookies
    await second.open(f"/compte/candidatures/{candidature.id}")
    await see(second, "Pièces justificatives")
    await user.open("/compte/adresse")
    await see(user, "Adresse *")
    fill(user, line1="2 rue Fesch")
    await asyncio.sleep(0.5)  # the draft is written off the event loop (a simulated user shares ui.navigate)
    return platform, user, second


def _formation(platform: Platform, code: str) -> int:
    from models import Formation

    with platform.db.session() as session:
        return session.exec(select(Formation.id).where(Formation.code == code)).one()


@pytest.mark.parametrize("ending", ENDINGS.values(), ids=ENDINGS.keys())
async def test_a_live_tab_can_neither_save_nor_upload_once_its_session_ended(
    user: User, create_user, mailbox: Mailbox, ending
):
    platform, address_tab, candidature_tab = await candidate_on_two_tabs(user, create_user, mailbox)
    await ending(user, create_user, platform, mailbox)

    address_tab.find(marker="save-tab").click()
    await see(address_tab, messages.SESSION_EXPIRED)

    upload = candidature_tab.find(kind=ui.upload).elements.pop()
    await upload.handle_uploads([SmallFileUpload("piece.pdf", "application/pdf", PDF)])
    await see(candidature_tab, messages.SESSION_EXPIRED)

    with platform.db.session() as session:
        [address] = session.exec(select(PostalAddress)).all()
        assert (address.line1, address.version) == (ADDRESS["line1"], 1)
        assert session.exec(select(UploadedFile)).all() == []
    uploads = platform.settings.uploads_dir
    assert not uploads.exists() or list(uploads.iterdir()) == []
    platform.db.dispose()


# --- the one handler, whatever kind of handler failed ------------------------------------------------------------

KINDS = ["sync", "async", "upload-sync", "upload-async"]


@pytest.mark.parametrize("kind", KINDS)
async def test_an_ended_session_sends_any_handler_to_sign_in(user: User, mailbox: Mailbox, kind: str):
    platform = platform_now()

    @ui.page("/essai")
    def trial_page() -> None:
        me = platform.session_cookie.signed_in()
        assert me is not None

        def act() -> None:
            platform.sessions.require(me.session_id)

        async def act_later() -> None:
            await run.io_bound(act)

        ui.button("sync", on_click=act).mark("sync")
        ui.button("async", on_click=act_later).mark("async")
        ui.upload(on_upload=lambda _: act()).mark("upload-sync")
        ui.upload(on_upload=lambda _: act_later()).mark("upload-async")

    login = await validated_account(user, mailbox, MAIL)
    await sign_in(user, login)
    await see(user, messages.CONNECTED_AS.format(login=login))
    await user.open("/essai")
    platform.sessions.close(user.http_client.cookies[COOKIE])
    if kind.startswith("upload"):  # through the real route, as the browser sends it
        [upload] = user.find(marker=kind).elements
        files = {"piece.pdf": ("piece.pdf", PDF, "application/pdf")}
        assert (await user.http_client.post(upload.props["url"], files=files)).status_code == 200
    else:
        user.find(marker=kind).click()
    await see(user, messages.SESSION_EXPIRED)
    assert COOKIE not in user.http_client.cookies
    platform.db.dispose()
