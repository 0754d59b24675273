"""A tab sending socket messages by itself, past what a browser sends: the server caps the events of each tab,
and runs one offer search at a time per tab, for the latest value."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from nicegui import core, ui
from nicegui.testing import User
from sqlalchemy import Engine, event

from ecandidat_ui.demo import demo_offer
from ecandidat_ui.platform import build_platform
from ecandidat_ui.services.offer_import import apply_offer
from ecandidat_ui.settings import load_settings
from tests.ui.helpers import field, offer_lines, see

OFFER_QUERY = "JOIN centre ON formation.centre_id = centre.id"


@pytest.fixture
def offer() -> None:
    platform = build_platform(load_settings())
    apply_offer(platform.db, demo_offer(date.today()))
    platform.db.dispose()


@contextmanager
def counted_searches() -> Iterator[list[str]]:
    """The offer searches run on the database meanwhile, as the database driver receives them."""
    searches: list[str] = []

    def seen(_connection, _cursor, statement: str, *_args) -> None:
        if OFFER_QUERY in statement:
            searches.append(statement)

    event.listen(Engine, "before_cursor_execute", seen)
    try:
        yield searches
    finally:
        event.remove(Engine, "before_cursor_execute", seen)


def send_values(user: User, element: ui.element, values: list[str]) -> None:
    """What the tab's socket would deliver: one `update:value` event per value, handled as NiceGUI handles any."""
    listener = next(item for item in element._event_listeners.values() if item.type == "update:value")
    on_event = core.sio.handlers["/"]["event"]
    for value in values:
        message = {"client_id": user.client.id, "id": element.id, "listener_id": listener.id}
        on_event(f"test-{user.client.id}", message | {"args": [json.dumps(value)]})


async def test_a_flood_of_search_events_runs_few_searches_and_leaves_others_fast(
    user: User, create_user, offer, caplog: pytest.LogCaptureFixture
):
    await user.open("/offre")
    await see(user, "25 formations")
    other = create_user()
    await other.open("/offre")
    await see(other, "25 formations")
    with counted_searches() as searches, caplog.at_level(logging.WARNING, "ecandidat_ui.event_limits"):
        send_values(user, field(user, "search"), [f"informatique {i}" for i in range(1000)])
        field(other, "search").value = "économie gestion"  # meanwhile, another visitor searches
        await see(other, "1 formation")
        await see(user, "0 formation")
        await asyncio.sleep(0.5)  # anything still queued would run now
    assert len(searches) <= 3  # the other visitor's, and at most two of the flooding tab
    dropped = [record.getMessage() for record in caplog.records if "events a second" in record.getMessage()]
    assert len(dropped) == 1 and dropped[0].endswith("1 dropped"), dropped  # one line, not 900


async def test_the_latest_value_wins(user: User, offer):
    await user.open("/offre")
    await see(user, "25 formations")
    with counted_searches() as searches:
        send_values(user, field(user, "search"), ["i", "in", "inf", "info", "économie", "économie gestion"])
        await see(user, "1 formation")
        assert [line["label"] for line in offer_lines(user)] == ["Licence Économie et gestion"]
        await asyncio.sleep(0.5)
    assert len(searches) <= 2  # the first value, then the last one
