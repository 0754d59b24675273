"""Browser journeys: the real app in its own process, mails through the loopback SMTP server, Debian's Chromium
driven by Playwright (sync API, in plain test functions)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.app_process import RunningApp, start_app
from tests.e2e.chromium import ABSENT, CHROMIUM, launch
from tests.mailbox import Mailbox

HERE = Path(__file__).resolve().parent
DESKTOP = {"width": 1280, "height": 900}
TIMEOUT_MS = 15_000
LOG_LINES_ON_FAILURE = 80


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=ABSENT)
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(skip)


_FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Remember a failure, for the fixtures to show the app's log and a screenshot at teardown."""
    report = yield
    if report.failed:
        item.stash[_FAILED] = True
    return report


@pytest.fixture
def app(tmp_path: Path, mailbox: Mailbox, request: pytest.FixtureRequest) -> Iterator[RunningApp]:
    """main.py on a free port with its own data folder, sending its mails to the `mailbox` SMTP server."""
    yield from _running(tmp_path, mailbox, request, {})


@pytest.fixture
def demo_app(tmp_path: Path, mailbox: Mailbox, request: pytest.FixtureRequest) -> Iterator[RunningApp]:
    """The same, with the sample offer of `main.py --demo` (ECANDIDAT_DEMO=true)."""
    yield from _running(tmp_path, mailbox, request, {"ECANDIDAT_DEMO": "true"})


def _running(
    tmp_path: Path, mailbox: Mailbox, request: pytest.FixtureRequest, extra_env: dict[str, str]
) -> Iterator[RunningApp]:
    running = start_app(tmp_path / "app-data", "127.0.0.1", mailbox.port, extra_env=extra_env)
    try:
        yield running
    finally:
        running.stop()
        if request.node.stash.get(_FAILED, False):
            lines = running.log().splitlines()[-LOG_LINES_ON_FAILURE:]
            print(f"--- last lines of {running.log_path} ---", *lines, sep="\n")


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module (closed before the asyncio tests of other folders run)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser, tmp_path: Path, request: pytest.FixtureRequest):
    """A fresh French-speaking desktop tab (own cookies); a screenshot is kept in tmp_path when the test fails."""
    from playwright.sync_api import expect

    expect.set_options(timeout=TIMEOUT_MS)
    context = browser.new_context(viewport=DESKTOP, locale="fr-FR")
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    try:
        yield tab
    finally:
        if request.node.stash.get(_FAILED, False):
            shot = tmp_path / "failure.png"
            try:
                tab.screenshot(path=str(shot), full_page=True)
                print(f"screenshot of the failure: {shot} (page {tab.url})")
            except Exception as error:  # the page may be gone
                print(f"no screenshot of the failure: {error}")
        context.close()
