"""A service call made by a gestion screen outside a dialog (opening an editor, moving a row, deleting one): a
refusal (a right removed since the page opened, a row deleted by someone else) or a failure of the database or
the disk is said in a French notification, never raised to the page."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from nicegui import run, ui
from sqlalchemy.exc import SQLAlchemyError

from ecandidat_ui import messages
from ecandidat_ui.services.errors import Refused

T = TypeVar("T")
log = logging.getLogger(__name__)
_FAILED: Any = object()


def failed(refused: Refused) -> None:
    ui.notify(refused.message, type="negative", multi_line=True, timeout=10000)


async def _guarded(work: Awaitable[T]) -> T:
    try:
        return await work
    except Refused as refused:
        failed(refused)
    except (SQLAlchemyError, OSError):  # the database or the disk: a message, never a traceback
        log.exception("a gestion action failed")
        ui.notify(messages.SETUP_SAVE_FAILED, type="negative", multi_line=True)
    return _FAILED


async def attempt(work: Awaitable[T], done: str = "") -> T | None:
    """The result of `work`, or None once its refusal or failure was said; `done` is said when it succeeded."""
    result = await _guarded(work)
    if result is _FAILED:
        return None
    if done:
        ui.notify(done, type="positive")
    return result


async def run_action(action: Callable[..., Any], *args: Any) -> bool:
    """Run a service's action off the event loop; False once its refusal or failure was said."""
    return await _guarded(run.io_bound(action, *args)) is not _FAILED
