"""/galerie in Chromium: off by default, every component opened at 1280 and 390 px, the entries' whole pages,
and axe-core finds no serious or critical violation. GALLERY_SHOTS=folder keeps the screenshots there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from pages.gallery_entries import ENTRIES
from tests.e2e.app_process import RunningApp, start_app
from tests.e2e.axe import audit, axe_installed, report
from tests.mailbox import Mailbox

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not axe_installed(), reason="axe-core absent: run `npm install` at the repo root"),
]


@pytest.fixture
def gallery_app(tmp_path: Path, mailbox: Mailbox):
    running = start_app(tmp_path / "app-data", "127.0.0.1", mailbox.port, extra_env={"ECANDIDAT_GALLERY": "true"})
    try:
        yield running
    finally:
        running.stop()


def _open_everything(page: Page) -> None:
    expansions = page.locator(".q-expansion-item")
    expect(expansions).to_have_count(len({item.component for item in ENTRIES}))
    for index in reversed(range(expansions.count())):  # from the last: what opens never moves the next header
        expansion = expansions.nth(index)
        expansion.locator(".q-item").first.click()
        expect(expansion.locator(".gallery-sample").first).to_be_visible()
    expect(page.locator(".gallery-sample")).to_have_count(len(ENTRIES))
    page.wait_for_timeout(500)


def test_the_gallery_shows_every_entry_and_passes_axe(gallery_app: RunningApp, page: Page, tmp_path: Path):
    shots = Path(os.environ.get("GALLERY_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    page.goto(f"{gallery_app.url}/galerie")
    expect(page.get_by_role("heading", name="Galerie des composants")).to_be_visible()
    assert page.locator(".gallery-sample").count() == 0  # nothing built before it is opened
    violations = audit(page, "/galerie fermée")
    _open_everything(page)
    expect(page.get_by_text("def banner_info():")).to_be_visible()  # the entry's own source beside it
    violations += audit(page, "/galerie ouverte")
    page.screenshot(path=str(shots / "galerie-1280.png"), full_page=True)

    page.get_by_role("switch", name="Largeur téléphone (390 px)").click()
    expect(page.locator(".gallery-phone")).to_have_count(1)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(shots / "galerie-390.png"), full_page=True)
    violations += audit(page, "/galerie à 390 px")

    for item in (item for item in ENTRIES if item.page):
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(f"{gallery_app.url}/galerie/page/{item.key}")
        expect(page.get_by_text("Le contenu de la page.")).to_be_visible()
        violations += audit(page, f"/galerie/page/{item.key}")
        page.screenshot(path=str(shots / f"galerie-{item.key}.png"))
    blocking = [violation for violation in violations if violation.blocking]
    assert not blocking, report(blocking)
    print(report(violations))


def test_no_gallery_unless_asked(app: RunningApp, page: Page):
    response = page.goto(f"{app.url}/galerie")
    assert response is not None and response.status == 404
