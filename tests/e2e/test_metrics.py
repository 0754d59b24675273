"""`/metrics` through the real app (issue 11, item 5): with ECANDIDAT_METRICS=true the counters move after a page
load and a failed sign-in in a real browser; off, or asked from an address not allowed, it is « Page
introuvable » (404) like any unknown address."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from prometheus_client.parser import text_string_to_metric_families

from ecandidat_ui import messages
from tests.e2e.app_process import start_app
from tests.e2e.steps import open_page, sign_in
from tests.mailbox import Mailbox

FAILED_SIGN_IN = ("ecandidat_sign_in_failures_total", (("reason", "wrong"), ("space", "candidat")))
PAGE_LOADS = ("ecandidat_page_build_seconds_count", (("route", "/connexion"),))
EVENTS = ("ecandidat_event_handling_seconds_count", ())
CONNECTED = ("ecandidat_clients", (("state", "connected"),))
TOKEN = "jeton-secret-de-validation-123"


def get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode()


def scrape(url: str) -> dict[tuple[str, tuple], float]:
    status, content_type, body = get(f"{url}/metrics")
    assert status == 200 and content_type.startswith("text/plain")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(body)
        for sample in family.samples
    }


@pytest.mark.browser
def test_the_counters_move_after_a_page_load_and_a_failed_sign_in(page: Page, tmp_path: Path, mailbox: Mailbox):
    app = start_app(tmp_path / "data", "127.0.0.1", mailbox.port, extra_env={"ECANDIDAT_METRICS": "true"})
    try:
        before = scrape(app.url)
        assert before[("ecandidat_database_up", ())] == 1
        assert before[("ecandidat_outbox_waiting", ())] == 0
        assert FAILED_SIGN_IN not in before  # nobody failed yet
        assert ("process_resident_memory_bytes", ()) in before  # prometheus-client's own, per process

        open_page(page, f"{app.url}/connexion")
        sign_in(page, "INCONNU1", "un mot de passe quelconque")
        expect(page.get_by_text(messages.UNKNOWN_LOGIN)).to_be_visible()

        get(f"{app.url}/compte/validation/{TOKEN}")  # a link of a mail: its token is in the address

        after = scrape(app.url)
        assert after[FAILED_SIGN_IN] == 1
        assert after[PAGE_LOADS] >= before.get(PAGE_LOADS, 0) + 1
        assert after[EVENTS] > before.get(EVENTS, 0)  # the events of the sign-in form
        assert after[CONNECTED] >= 1
        assert after[("ecandidat_page_build_seconds_count", (("route", "/compte/validation/{token}"),))] == 1
        assert TOKEN not in get(f"{app.url}/metrics")[2]  # the route's template, never the address
        for secret in (TOKEN, "INCONNU1", "un mot de passe quelconque"):
            assert secret not in app.log()
    finally:
        app.stop()


def test_metrics_off_or_from_an_address_not_allowed_are_not_found(tmp_path: Path, mailbox: Mailbox):
    for name, extra_env in (
        ("off", {}),
        ("elsewhere", {"ECANDIDAT_METRICS": "true", "ECANDIDAT_METRICS_ALLOW_IPS": "10.1.2.3,192.168.0.0/16"}),
    ):
        app = start_app(tmp_path / name, "127.0.0.1", mailbox.port, extra_env=extra_env)
        try:
            status, _type, body = get(f"{app.url}/metrics")
            assert status == 404 and messages.NOT_FOUND_TITLE in body, name
            assert "ecandidat_" not in body
        finally:
            app.stop()
