"""scripts/serve behind a real HAProxy (deploy/haproxy.cfg): two processes, a candidate signed in through the
proxy kept on one of them by the sticky cookie; that process killed, the proxy's health check takes it out and
the candidate's next page comes from the other, still signed in. Stopping serve stops every process."""

from __future__ import annotations

import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import POSTGRES_URL
from tests.databases import fresh_postgres
from tests.e2e.app_process import ROOT, child_environment, port_open
from tests.e2e.steps import open_page
from tests.e2e.test_several_processes import PASSWORD, validated_account
from tests.mailbox import Mailbox, free_port

pytestmark = pytest.mark.browser
HAPROXY = Path("/usr/sbin/haproxy")
STARTED = re.compile(r"processus (p\d) : port (\d+), pid (\d+)")


def _wait_for(url: str, serve: subprocess.Popen, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and serve.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer")


def test_two_processes_behind_haproxy_survive_one_of_them(page: Page, tmp_path: Path, mailbox: Mailbox):
    if not HAPROXY.exists():
        pytest.skip("HAProxy not installed (apt install haproxy)")
    if not POSTGRES_URL:
        pytest.skip("PostgreSQL: set ECANDIDAT_TEST_DATABASE_URL to run this test")
    fresh_postgres(POSTGRES_URL, migrated=False)
    port = free_port()
    env = child_environment(port, tmp_path / "donnees", "127.0.0.1", mailbox.port) | {
        "ECANDIDAT_DATABASE_URL": POSTGRES_URL,
        "ECANDIDAT_STORAGE_SECRET": secrets.token_urlsafe(32),
    }
    log_path = tmp_path / "serve.log"
    with log_path.open("wb") as log:
        serve = subprocess.Popen(
            [sys.executable, str(ROOT / "scripts" / "serve.py"), "2"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_for(f"http://127.0.0.1:{port}/sante", serve)
        started = {name: (int(backend), int(pid)) for name, backend, pid in STARTED.findall(log_path.read_text())}
        assert set(started) == {"p1", "p2"}
        validated_account(POSTGRES_URL, "PROXY001")

        url = f"http://127.0.0.1:{port}"
        open_page(page, f"{url}/connexion")
        page.get_by_label("Utilisateur *").fill("PROXY001")
        page.get_by_label("Mot de passe *").fill(PASSWORD)
        page.keyboard.press("Enter")
        expect(page.get_by_text("Vous êtes connecté avec le login : PROXY001")).to_be_visible()
        [sticky] = [cookie["value"] for cookie in page.context.cookies() if cookie["name"] == "ecandidat_serveur"]

        backend, pid = started[sticky]
        os.kill(pid, signal.SIGKILL)  # the candidate's process dies
        deadline = time.monotonic() + 20
        while port_open(backend) and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(5)  # two failed health checks, 2 s apart, take it out
        open_page(page, f"{url}/")
        expect(page.get_by_text("Vous êtes connecté avec le login : PROXY001")).to_be_visible()
        [moved] = [cookie["value"] for cookie in page.context.cookies() if cookie["name"] == "ecandidat_serveur"]
        assert moved != sticky
    finally:
        serve.send_signal(signal.SIGTERM)
        try:
            serve.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(serve.pid, signal.SIGKILL)
            raise
    assert serve.returncode == 0, log_path.read_text()[-3000:]
    assert not port_open(port)
    assert all(not port_open(backend) for backend, _ in started.values())
