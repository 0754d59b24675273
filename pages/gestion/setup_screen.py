"""What the set-up screens of the offer share: an action run off the event loop whose refusal or failure is told
in French, and the id of a row asked for in the address (`?ouvrir=12`)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from nicegui import run, ui
from sqlalchemy.exc import SQLAlchemyError

from ecandidat_ui import messages
from ecandidat_ui.services.errors import Refused

log = logging.getLogger(__name__)
OPEN_PARAMETER = "ouvrir"


def failed(refused: Refused) -> None:
    ui.notify(refused.message, type="negative", multi_line=True, timeout=10000)


async def run_action(action: Callable[..., Any], *args: Any) -> bool:
    """Run a service's action; False, with a French notification, when it was refused or failed."""
    try:
        await run.io_bound(action, *args)
    except Refused as refused:
        failed(refused)
        return False
    except (SQLAlchemyError, OSError):  # the database or the disk: a message, never a traceback
        log.exception("a set-up action failed")
        ui.notify(messages.SETUP_SAVE_FAILED, type="negative", multi_line=True)
        return False
    return True


def asked_id() -> int | None:
    """The row named in the page's address, e.g. /gestion/formations?ouvrir=12 (a typed address is opened like
    a row of the table: the service decides whether the actor may see it)."""
    request = ui.context.client.request
    value = request.query_params.get(OPEN_PARAMETER) if request is not None else None
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return -1  # not a row: the service says it does not exist
