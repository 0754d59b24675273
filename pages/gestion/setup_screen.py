"""What the set-up screens of the offer share: an action run off the event loop whose refusal or failure is told
in French (attempt.py), and the id of a row asked for in the address (`?ouvrir=12`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui

from components.confirm import confirm
from components.data_table import DataTable
from ecandidat_ui import messages
from ecandidat_ui.services.rights import Actor
from pages.gestion.attempt import failed, run_action

__all__ = ["OPEN_PARAMETER", "asked_id", "delete_row", "failed", "run_action"]
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


async def delete_row(
    table: DataTable, what: str, delete: Callable[[Actor, int], Any], actor: Actor, row_id: int
) -> None:
    """« Supprimer » of a set-up table's row: asked first, with the row's libellé (`what`: « la formation »)."""
    row = next((row for row in table.rows if row["id"] == row_id), None)
    name = row["label"] if row else str(row_id)
    question = messages.SETUP_DELETE_QUESTION.format(what=what, name=name)
    if not await confirm(question, yes="Supprimer", no="Annuler", marker="delete", danger=True):
        return
    if await run_action(delete, actor, row_id):
        ui.notify(messages.SETUP_DELETED, type="positive")
        await table.refresh()
