"""The data table in Chromium over 2,000 rows (tests/e2e/table_demo_app.py): axe, keyboard sort, paging and row
actions, the search, hostile text shown as text, screenshots at desktop and phone widths (kept in tmp_path)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.app_process import RunningApp, start_app
from tests.e2e.axe import audit, axe_installed, report
from tests.e2e.steps import open_page, wait_still
from tests.mailbox import Mailbox
from tests.table_demo import HOSTILE, demo_rows

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not axe_installed(), reason="axe-core absent: run `npm install` at the repo root"),
]

HERE = Path(__file__).resolve().parent
PHONE = {"width": 390, "height": 844}
NNBSP = "\u202f"  # Intl.NumberFormat('fr-FR') groups thousands with a narrow no-break space


@pytest.fixture
def table_app(tmp_path: Path, mailbox: Mailbox) -> Iterator[RunningApp]:
    app = start_app(tmp_path / "app-data", "127.0.0.1", mailbox.port, script=HERE / "table_demo_app.py")
    try:
        yield app
    finally:
        app.stop()


def range_text(first: int, last: int, total: int) -> str:
    return f"{first:,}–{last:,} sur {total:,}".replace(",", NNBSP)


def focus_ring(page: Page) -> str:
    """The box-shadow drawn around the focused button (Quasar's buttons cannot show an outline)."""
    return page.evaluate("getComputedStyle(document.activeElement).boxShadow")


def assert_axe_clean(page: Page, name: str) -> None:
    wait_still(page)
    violations = audit(page, name)
    others = [v for v in violations if not v.blocking]
    if others:
        print("axe, not blocking:\n" + report(others))
    blocking = [v for v in violations if v.blocking]
    assert not blocking, "axe, serious and critical WCAG violations:\n" + report(blocking)


def test_the_table_with_the_keyboard_and_axe(table_app: RunningApp, page: Page, tmp_path: Path):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_page(page, table_app.url)
    table = page.get_by_role("table", name="Formations")
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(25)
    expect(rows.first).to_contain_text("F00001")
    expect(page.get_by_text(range_text(1, 25, 2008))).to_be_visible()
    assert_axe_clean(page, "table 1280")
    page.screenshot(path=str(tmp_path / "table-1280.png"), full_page=True)

    # sort with the keyboard: the header's button, Enter, then Enter again for the other direction
    labels = sorted(row["label"] for row in demo_rows(2000))
    page.get_by_role("button", name="Libellé", exact=True).focus()
    page.keyboard.press("Enter")
    header = table.get_by_role("columnheader", name="Libellé")
    expect(header).to_have_attribute("aria-sort", "ascending")
    expect(rows.first.get_by_role("cell").nth(1)).to_have_text(labels[0])
    page.keyboard.press("Enter")
    expect(header).to_have_attribute("aria-sort", "descending")
    expect(rows.first.get_by_role("cell").nth(1)).to_have_text(labels[-1])

    # Tab from the last header reaches the first row's actions; Enter runs the action with the row's id
    page.get_by_role("button", name="Capacité", exact=True).focus()
    page.keyboard.press("Tab")
    first_action = page.get_by_role("button", name=f"Modifier : {labels[-1]}")
    expect(first_action).to_be_focused()
    assert focus_ring(page) != "none"
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=f"Dupliquer : {labels[-1]}")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_text(re.compile(r"^Dupliquer \d+$"))).to_be_visible()

    # paging with the keyboard
    page.get_by_role("button", name="Page suivante").focus()
    assert focus_ring(page) != "none"
    page.keyboard.press("Enter")
    expect(page.get_by_text(range_text(26, 50, 2008))).to_be_visible()
    expect(rows.first.get_by_role("cell").nth(1)).to_have_text(labels[-26])
    page.get_by_role("button", name="Dernière page").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text(range_text(2001, 2008, 2008))).to_be_visible()
    expect(rows).to_have_count(8)

    # the search: accents and case do not matter; the page goes back to the first
    page.get_by_label("Rechercher").fill("ŒNOLOGIE licence 1")
    expect(page.get_by_text(re.compile(r"^1–25 sur \d+$"))).to_be_visible()
    for label in rows.locator("td:nth-child(2)").all_inner_texts():
        assert "Œnologie" in label and "Licence" in label and "1" in label
    assert_axe_clean(page, "table searched")

    # nothing found
    page.get_by_label("Rechercher").fill("introuvable")
    expect(page.get_by_text("Aucun résultat ne correspond à votre recherche")).to_be_visible()

    # hostile text is shown as text, never run
    page.get_by_label("Rechercher").fill("alert")
    expect(rows).to_have_count(2)
    expect(table.get_by_role("cell", name=HOSTILE[0], exact=True)).to_be_visible()
    expect(table.get_by_role("cell", name=HOSTILE[2], exact=True)).to_be_visible()
    assert page.locator("td b").count() == 0
    page.get_by_label("Rechercher").fill("{{")
    expect(table.get_by_role("cell", name="{{1+1}}", exact=True)).to_be_visible()
    assert not dialogs


def test_the_table_at_phone_width(table_app: RunningApp, page: Page, tmp_path: Path):
    page.set_viewport_size(PHONE)
    open_page(page, table_app.url)
    table = page.get_by_role("table", name="Formations")
    expect(table.locator("tbody tr")).to_have_count(25)
    expect(table.get_by_role("columnheader", name="Centre")).to_be_hidden()
    assert_axe_clean(page, "table 390")
    page.screenshot(path=str(tmp_path / "table-390.png"), full_page=True)
