"""The real platform (`python main.py`) answers with its security headers on every kind of response, shows the
French error page with a reference when its database fails, and its pages work under its
Content-Security-Policy in Chromium, which refuses to show them in a frame."""

from __future__ import annotations

import http.server
import io
import re
import sqlite3
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import nicegui
import pytest
from playwright.sync_api import ConsoleMessage, Page, expect
from sqlalchemy import create_engine, text

from ecandidat_ui import messages
from tests.conftest import POSTGRES_URL
from tests.e2e.app_process import RunningApp, start_app
from tests.e2e.steps import (
    complete_file,
    formation_id_of,
    open_account_tab,
    open_create_account_dialog,
    open_page,
    pdf_file,
    piece_card,
    platform_of,
    png_file,
    send_piece,
    signed_in_candidate,
    wait_connected,
    wait_still,
)
from tests.mailbox import Mailbox

HEADERS = {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
DIRECTIVES = (
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
)
REFERENCE = re.compile(r"Référence de l'erreur : ([0-9A-F]{8})")
INTERNALS = ("Traceback", "OperationalError", "ProgrammingError", "UndefinedTable", "no such table", "response_timeout")
CV = "Curriculum vitae"
IDENTITY = "Pièce d'identité (carte d'identité ou passeport)"


def assert_protected(response: httpx.Response) -> None:
    where = f"{response.request.method} {response.request.url.path} ({response.status_code})"
    for name, value in HEADERS.items():
        assert response.headers.get(name) == value, f"{name} on {where}: {response.headers.get(name)}"
    assert "camera=()" in response.headers.get("permissions-policy", ""), where
    policy = response.headers.get("content-security-policy", "")
    assert all(directive in policy for directive in DIRECTIVES), f"{where}: {policy}"
    script_src = next(part for part in policy.split("; ") if part.startswith("script-src "))
    assert "'unsafe-inline'" not in script_src, where


def test_every_kind_of_response_carries_the_security_headers(app: RunningApp):
    static = f"/_nicegui/{nicegui.__version__}/static"
    with httpx.Client(base_url=app.url, timeout=15) as client:
        responses = [
            client.get("/"),  # a page
            client.head("/connexion"),  # 405: NiceGUI's pages answer GET only
            client.get("/nulle-part"),  # the French 404 page
            client.get("/compte/candidatures/abc"),
            client.get("/compte/candidatures/1/recapitulatif.pdf"),  # a download route of ours
            client.get(f"{static}/nicegui.js"),  # NiceGUI's files
            client.get(f"{static}/quasar.important.prod.css"),
            client.get("/favicon.ico"),
            client.get("/_nicegui_ws/socket.io/", params={"EIO": "4", "transport": "polling"}),  # its websocket
            client.post("/_nicegui/client/inconnu/upload/inconnu", files={"file": ("a.pdf", b"%PDF-")}),  # uploads
        ]
    assert [r.status_code for r in responses[:5]] == [200, 405, 404, 404, 404]
    assert all(r.status_code == 200 for r in responses[5:9]), [r.status_code for r in responses]
    for response in responses:
        assert_protected(response)
    page = responses[0].text
    policy = responses[0].headers["content-security-policy"]
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    assert len(inline) >= 4 and policy.count("'sha256-") >= 4  # the page's own inline scripts, by their hash


@pytest.fixture
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The database of the app under test: a SQLite file, or PostgreSQL where ECANDIDAT_TEST_DATABASE_URL is set."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ecandidat.sqlite3'}"
    if not POSTGRES_URL:
        pytest.skip("PostgreSQL: set ECANDIDAT_TEST_DATABASE_URL to run this test on PostgreSQL too")
    from tests.databases import fresh_postgres

    fresh_postgres(POSTGRES_URL, migrated=False)
    return POSTGRES_URL


@pytest.fixture
def app_on(database: str, tmp_path: Path, mailbox: Mailbox) -> Iterator[RunningApp]:
    running = start_app(
        tmp_path / "app-data", "127.0.0.1", mailbox.port, extra_env={"ECANDIDAT_DATABASE_URL": database}
    )
    try:
        yield running
    finally:
        running.stop()


def execute(database: str, statement: str) -> None:
    if database.startswith("sqlite"):
        with sqlite3.connect(database.removeprefix("sqlite:///")) as connection:
            connection.execute(statement)
        return
    engine = create_engine(database.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as connection:
        connection.execute(text(statement))
    engine.dispose()


def assert_server_error_page(response: httpx.Response, app: RunningApp, logged: str) -> None:
    """The French page with a reference, nothing internal; the log has the reference with what happened."""
    assert response.status_code == 500
    assert not [word for word in INTERNALS if word in response.text]
    assert f"<title>{messages.SERVER_ERROR_TITLE} - eCandidat - Université Esup</title>" in response.text
    assert messages.BACK_HOME in response.text
    assert_protected(response)
    reference = REFERENCE.search(response.text).group(1)
    log = app.log()
    assert f"error {reference} on GET /offre" in log
    assert logged in log.split(f"error {reference}", 1)[1]


@pytest.mark.parametrize("database", ["sqlite", "postgresql"], indirect=True)
def test_a_database_failing_while_a_page_is_built_gives_the_french_error_page(app_on: RunningApp, database: str):
    with httpx.Client(base_url=app_on.url, timeout=15) as client:
        assert client.get("/offre").status_code == 200
        execute(database, "DROP TABLE formation" + ("" if database.startswith("sqlite") else " CASCADE"))
        response = client.get("/offre")
        assert_server_error_page(response, app_on, "Traceback")
        assert REFERENCE.search(client.get("/offre").text).group(1) != REFERENCE.search(response.text).group(1)


@pytest.mark.parametrize("database", ["postgresql"], indirect=True)
def test_a_database_too_slow_to_answer_gives_the_french_error_page(app_on: RunningApp, database: str):
    """NiceGUI's own page for a page not built within 3 s was in English, about its `response_timeout`."""
    engine = create_engine(database.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as connection, httpx.Client(base_url=app_on.url, timeout=30) as client:
            transaction = connection.begin()
            connection.execute(text("LOCK TABLE formation IN ACCESS EXCLUSIVE MODE"))
            response = client.get("/offre")
            transaction.rollback()
        assert_server_error_page(response, app_on, "NiceGUI answered 500")
    finally:
        engine.dispose()


# --- in Chromium ----------------------------------------------------------------------------------------------


class FramingPage:
    """A page of another port of the same host (so the same site, cookies included) framing an address."""

    def __init__(self, target: str) -> None:
        body = f'<!doctype html><html lang="fr"><title>Cadre</title><iframe src="{target}" width="900" height="600">'
        content = body.encode()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(content)

            def log_message(self, *args) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def violations(messages_seen: list[ConsoleMessage]) -> list[str]:
    return [m.text for m in messages_seen if "Content Security Policy" in m.text]


def rendered_pdf(page: Page) -> bool:
    """Chromium's PDF viewer drew the white page of the document (it stays dark grey if refused)."""
    from PIL import Image

    page.wait_for_timeout(1500)
    shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    width, height = shot.size
    return shot.getpixel((width // 2, height // 2)) == (255, 255, 255)


@pytest.mark.browser
def test_pages_work_under_the_policy_and_cannot_be_framed(demo_app: RunningApp, page: Page, mailbox: Mailbox):
    app = demo_app
    seen: list[ConsoleMessage] = []
    page.context.on("console", lambda message: seen.append(message))

    # The home page: « Créer un compte » opens its dialog from the server.
    open_page(page, app.url)
    creation = open_create_account_dialog(page)
    page.keyboard.press("Escape")
    expect(creation).to_be_hidden()

    # A signed-in account tab: « Enregistrer » comes back with the errors of the fields.
    login = signed_in_candidate(page, app.url, mailbox, "marie.baillon@example.org")
    open_account_tab(page, app.url, "/compte/adresse", "Adresse")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.get_by_text("Champ obligatoire").first).to_be_visible()

    # A candidature: pièces sent through the upload, opened inline (PDF and PNG), « Transmettre » says what is
    # still missing (a dialog of links) before anything else.
    with platform_of(app.url, app.data_dir, mailbox, ECANDIDAT_DEMO="true") as platform:
        account_id = complete_file(platform, login)
        candidature = platform.candidatures.apply(account_id, formation_id_of(platform, "M1-INFO"), date.today())
    candidature_url = f"{app.url}/compte/candidatures/{candidature.id}"
    open_page(page, candidature_url)
    for label, name, mime_type, data in (
        (CV, "cv.pdf", "application/pdf", pdf_file("Curriculum vitae")),
        (IDENTITY, "carte.png", "image/png", png_file()),
    ):
        send_piece(page, label, name, mime_type, data)
        expect(piece_card(page, label).get_by_role("link", name=f"{name} (ouvrir)")).to_be_visible()
        wait_connected(page)
    with page.expect_popup() as opened:
        piece_card(page, CV).get_by_role("link", name="cv.pdf (ouvrir)").click()
    pdf = opened.value
    pdf.wait_for_load_state()
    assert pdf.evaluate("document.contentType") == "application/pdf"
    assert rendered_pdf(pdf)
    pdf.close()
    with page.expect_popup() as opened:
        piece_card(page, IDENTITY).get_by_role("link", name="carte.png (ouvrir)").click()
    image = opened.value
    image.wait_for_load_state()
    assert image.evaluate("document.images[0].naturalWidth") == 120
    image.close()
    page.get_by_role("button", name="Transmettre ma candidature").click()
    expect(page.get_by_role("dialog").filter(has_text="Avant de la transmettre, il reste à fournir :")).to_be_visible()
    wait_still(page)
    assert not violations(seen), violations(seen)

    # Stricter than 'unsafe-inline': an event handler slipped into the page does not run.
    with page.expect_console_message(lambda m: "inline event handler" in m.text):
        page.evaluate("""document.body.insertAdjacentHTML('beforeend', '<img src="/x" onerror="window.ran = 1">')""")
    assert page.evaluate("window.ran === undefined")

    # A page of the same site framing the candidature, to make the candidate click « Transmettre »: refused.
    framing = FramingPage(candidature_url)
    try:
        with page.expect_console_message(lambda m: "frame-ancestors 'none'" in m.text):
            page.goto(framing.url)
        expect(page.frame_locator("iframe").get_by_role("button", name="Transmettre ma candidature")).to_have_count(0)
    finally:
        framing.close()
