"""A service call made by a gestion screen outside a dialog (opening an editor, moving a row): a refusal (a right
removed since the page opened, a row deleted by someone else) is said in a notification, not raised."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TypeVar

from nicegui import ui

from ecandidat_ui.services.errors import Refused

T = TypeVar("T")


async def attempt(work: Awaitable[T], done: str = "") -> T | None:
    """The result of `work`, or None once its refusal was said; `done` is said when it succeeded."""
    try:
        result = await work
    except Refused as refused:
        ui.notify(refused.message, type="negative", multi_line=True)
        return None
    if done:
        ui.notify(done, type="positive")
    return result
