"""The upload endpoint of the real app in its own process, spoken to in raw HTTP: only the session that owns the
page may send, one file per request, and a body too large is refused before it is read."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect
from sqlmodel import col, select

from models import Account, UploadedFile
from tests.e2e.app_process import RunningApp
from tests.e2e.steps import (
    complete_file,
    formation_id_of,
    open_page,
    pdf_file,
    platform_of,
    signed_in_candidate,
    wait_connected,
)
from tests.mailbox import Mailbox
from tests.parameters import set_parameter

pytestmark = pytest.mark.browser

MAIL = "marie.baillon@example.org"
MB = 1024 * 1024


def session_cookies(page: Page) -> dict[str, str]:
    return {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}


@pytest.fixture
def upload_page(demo_app: RunningApp, page: Page, mailbox: Mailbox) -> Iterator[tuple[RunningApp, Page, str]]:
    """A candidate's candidature open in Chromium; yields the app, the page and its first upload URL."""
    login = signed_in_candidate(page, demo_app.url, mailbox, MAIL)
    with platform_of(demo_app.url, demo_app.data_dir, mailbox, ECANDIDAT_DEMO="true") as platform:
        applied = apply_as(platform, login, "M1-INFO")
    open_page(page, f"{demo_app.url}/compte/candidatures/{applied}")
    expect(page.get_by_role("heading", level=1, name="Master Informatique, parcours génie logiciel")).to_be_visible()
    wait_connected(page)
    yield demo_app, page, upload_url(page, demo_app)


def upload_url(page: Page, app: RunningApp) -> str:
    """The upload address of the first pièce of the page as it is now."""
    return app.url + page.evaluate(
        "() => '/_nicegui/client/' + window.clientId + '/upload/' + document.querySelector('.q-uploader').id.slice(1)"
    )


def apply_as(platform, login: str, code: str) -> int:
    me = complete_file(platform, login)
    return platform.candidatures.apply(me, formation_id_of(platform, code), date.today()).id


def uploaded_rows(app: RunningApp, mailbox: Mailbox) -> list[UploadedFile]:
    """The files of this test's candidate (the demo's candidates have theirs)."""
    with platform_of(app.url, app.data_dir, mailbox, ECANDIDAT_DEMO="true") as platform, platform.db.session() as s:
        mine = select(UploadedFile).join(Account, col(Account.id) == col(UploadedFile.account_id))
        return list(s.exec(mine.where(Account.mail_key == MAIL)).all())


def test_one_file_from_the_session_of_the_page_is_accepted(upload_page, mailbox: Mailbox):
    app, page, url = upload_page
    files = {"cni.pdf": ("cni.pdf", pdf_file("Pièce"), "application/pdf")}
    response = httpx.post(url, files=files, cookies=session_cookies(page), timeout=30)
    assert response.status_code == 200
    expect(page.get_by_text("cni.pdf (ouvrir)")).to_be_visible()
    assert [row.original_name for row in uploaded_rows(app, mailbox)] == ["cni.pdf"]


def test_an_upload_without_the_browser_cookie_is_refused(upload_page, mailbox: Mailbox):
    app, _page, url = upload_page
    response = httpx.post(url, files={"piece.pdf": ("piece.pdf", pdf_file("Pièce"), "application/pdf")})
    assert response.status_code == 403
    assert uploaded_rows(app, mailbox) == []


def test_an_upload_with_another_candidates_cookie_is_refused(upload_page, browser: Browser, mailbox: Mailbox):
    app, _page, url = upload_page
    other = browser.new_context(locale="fr-FR")
    try:
        intruder = other.new_page()
        signed_in_candidate(intruder, app.url, mailbox, "pierre.martin@example.org", "Martin", "Pierre")
        response = httpx.post(
            url,
            cookies=session_cookies(intruder),
            files={"piece.pdf": ("piece.pdf", pdf_file("Pièce"), "application/pdf")},
        )
    finally:
        other.close()
    assert response.status_code == 403
    assert uploaded_rows(app, mailbox) == []


class CountingBody:
    """A well-formed upload of one 100 MB « PDF », counting what the server let us send before it answered."""

    HEAD = (
        b'--x\r\nContent-Disposition: form-data; name="gros.pdf"; filename="gros.pdf"\r\n'
        b"Content-Type: application/pdf\r\n\r\n%PDF-"
    )
    TAIL = b"\r\n--x--\r\n"

    def __init__(self, total: int = 100 * MB, chunk: int = 64 * 1024) -> None:
        self.total, self.chunk, self.sent = total, chunk, 0

    def __iter__(self) -> Iterator[bytes]:
        yield self._counted(self.HEAD)
        remaining = self.total - len(self.HEAD) - len(self.TAIL)
        while remaining > 0:
            size = min(self.chunk, remaining)
            remaining -= size
            yield self._counted(b"0" * size)
        yield self._counted(self.TAIL)

    def _counted(self, data: bytes) -> bytes:
        self.sent += len(data)
        return data


@pytest.mark.parametrize("announced", [True, False], ids=["content-length", "chunked"])
def test_a_100_mb_upload_is_refused_before_it_is_read(upload_page, mailbox: Mailbox, announced: bool):
    app, page, url = upload_page
    body = CountingBody()
    headers = {"Content-Type": "multipart/form-data; boundary=x"}
    if announced:
        headers["Content-Length"] = str(body.total)
    try:
        response = httpx.post(url, content=body, headers=headers, cookies=session_cookies(page), timeout=60)
        status = response.status_code
    except httpx.TransportError:  # the server closed the connection while we were still sending
        status = None
    assert body.sent < 16 * MB, f"{body.sent / MB:.0f} MB were sent before the refusal"
    assert status in (413, None)
    assert uploaded_rows(app, mailbox) == []


def test_fifty_files_in_one_upload_are_refused_without_a_trace(upload_page, mailbox: Mailbox):
    app, page, url = upload_page
    files = [(f"f{i}", (f"piece-{i}.pdf", pdf_file(f"Pièce {i}"), "application/pdf")) for i in range(50)]
    response = httpx.post(url, files=files, cookies=session_cookies(page), timeout=30)
    assert response.status_code == 400
    page.wait_for_timeout(1000)  # what the app would do with the files happens after the answer
    assert uploaded_rows(app, mailbox) == []
    assert "Traceback" not in app.log()


def test_the_largest_upload_follows_the_parameter_of_the_gestion(upload_page, mailbox: Mailbox):
    """The guard reads the parameter at each upload: raised in the gestion, a bigger pièce goes through at once."""
    app, page, url = upload_page
    files = {"gros.pdf": ("gros.pdf", b"%PDF-1.4\n" + b"0" * (3 * MB), "application/pdf")}
    response = httpx.post(url, files=files, cookies=session_cookies(page), timeout=60)
    assert response.status_code == 413  # beyond the default 2 MB
    with platform_of(app.url, app.data_dir, mailbox, ECANDIDAT_DEMO="true") as platform:
        set_parameter(platform, "upload_max_mb", 4)
    page.reload()  # the page says the new size (« maximum = 4Mo ») and checks it too
    wait_connected(page)
    expect(page.get_by_text("maximum = 4Mo").first).to_be_visible()
    response = httpx.post(upload_url(page, app), files=files, cookies=session_cookies(page), timeout=60)
    assert response.status_code == 200
    expect(page.get_by_text("gros.pdf (ouvrir)")).to_be_visible()
    assert [row.original_name for row in uploaded_rows(app, mailbox)] == ["gros.pdf"]
