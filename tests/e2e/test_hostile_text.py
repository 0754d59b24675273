"""In Chromium, what a candidate types is shown as typed and never runs: no prop, no script, no Vue template
(issue 9.1: an expérience titled `Stage" :title="…"` used to become a JavaScript prop of its buttons)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Dialog, Page, expect

from tests.e2e.app_process import RunningApp
from tests.e2e.steps import (
    SAVED,
    choose_in_list,
    dialog,
    open_account_tab,
    signed_in_candidate,
    wait_connected,
    wait_still,
)
from tests.mailbox import Mailbox

pytestmark = pytest.mark.browser

TITLE = 'Stage" :title="window.__pwned=1" {{ 7*7 }}'  # 50 characters at most
DURATION = "{{ 6*7 }} mois"
EMPLOYER = '<img src=x onerror="window.__pwned=2">'
DESCRIPTION = '<script>window.__pwned=3</script> " @click="window.__pwned=4" v-html="1'


def test_a_hostile_experience_is_shown_as_typed_and_never_runs(app: RunningApp, page: Page, mailbox: Mailbox):
    alerts: list[str] = []

    def record(shown: Dialog) -> None:
        alerts.append(shown.message)
        shown.dismiss()

    page.on("dialog", record)
    signed_in_candidate(page, app.url, mailbox, "marie.baillon@example.org")
    open_account_tab(page, app.url, "/compte/experiences-pro", "Expériences pro.")
    page.get_by_role("button", name="Ajouter une expérience").click()
    entry = dialog(page, "Expérience professionnelle")
    expect(entry).to_be_visible()
    wait_still(page)
    choose_in_list(entry, page, "Année *", "2024")
    entry.get_by_role("textbox", name="Intitulé *").fill(TITLE)
    entry.get_by_role("textbox", name="Durée *").fill(DURATION)
    entry.get_by_role("textbox", name="Employeur / organisme *").fill(EMPLOYER)
    entry.get_by_role("textbox", name="Descriptif").fill(DESCRIPTION)
    entry.get_by_role("button", name="Enregistrer").click()
    expect(entry).to_be_hidden()
    expect(page.get_by_role("status").filter(has_text=SAVED)).to_be_visible()
    wait_connected(page)
    _shown_as_typed(page)

    page.reload()  # the injected prop used to run again on every load
    wait_connected(page)
    _shown_as_typed(page)

    page.get_by_role("button", name=f"Supprimer 2024 · {TITLE}", exact=True).click()
    question = page.get_by_role("dialog").filter(
        has=page.get_by_role("heading", name=f"Supprimer « 2024 · {TITLE} » ?")
    )
    expect(question).to_be_visible()
    question.get_by_role("button", name="Annuler").click()
    expect(question).to_be_hidden()
    assert page.evaluate("window.__pwned") is None
    assert alerts == []


def _shown_as_typed(page: Page) -> None:
    card = page.get_by_role("listitem").filter(has=page.get_by_text(f"2024 · {TITLE}", exact=True))
    expect(card).to_be_visible()
    assert page.evaluate("window.__pwned") is None, "a script typed by the candidate ran"
    expect(card.get_by_text(f"{EMPLOYER} · Durée : {DURATION}", exact=True)).to_be_visible()
    expect(card.get_by_text(DESCRIPTION, exact=True)).to_be_visible()
    for action in ("Modifier", "Supprimer"):
        button = card.get_by_role("button", name=f"{action} 2024 · {TITLE}", exact=True)
        expect(button).to_be_visible()
        expect(button).not_to_have_attribute("title", "1")
    assert card.locator("img, script, [title], [v-html]").count() == 0
    expect(page.get_by_text("49")).to_have_count(0)  # Vue never read {{ 7*7 }} as a template
    expect(page.get_by_text("42 mois")).to_have_count(0)
