"""What the set-up screens of the offer share: an action run off the event loop whose refusal or failure is told
in French (attempt.py), and the id of a row asked for in the address (`?ouvrir=12`)."""

from __future__ import annotations

from nicegui import ui

from pages.gestion.attempt import failed, run_action

__all__ = ["OPEN_PARAMETER", "asked_id", "failed", "run_action"]
OPEN_PARAMETER = "ouvrir"


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
