"""Which staff member a browser is signed in as: the staff's own session, apart from the candidates' one.

The gestion's pages know staff sessions only through these four functions, so that the way a session is kept in
the browser can change here alone. A candidate's session is never a staff session: the two are kept under
different names and read by different services.
"""

from __future__ import annotations

import logging
import weakref

from nicegui import Client, app, run, ui

from ecandidat_ui.platform import Platform
from ecandidat_ui.services.rights import Actor
from ecandidat_ui.services.staff import SIGN_IN_PATH, StaffSessionEnded

KEY = "gestion_session"
EXPIRED = "expiree"  # `?info=expiree` on the sign-in page: say the session ended

_watched: weakref.WeakSet[Client] = weakref.WeakSet()


def install() -> None:
    """Once per app: an ended session is expected, its traceback is no error of the log (the tab signs in again)."""
    for name in ("nicegui", "components.data_table"):
        logging.getLogger(name).addFilter(_ended_sessions_filter)


async def current_actor(platform: Platform) -> Actor | None:
    """The staff member of this browser with their current rights, or None (signed out, expired, deactivated).
    From then on, an action of this page failing because the session ended sends the tab to sign in again."""
    session_id = app.storage.user.get(KEY)
    if not session_id:
        return None
    try:
        actor = await run.io_bound(platform.staff.actor_for, session_id)
    except StaffSessionEnded:
        app.storage.user.pop(KEY, None)
        return None
    client = ui.context.client
    if client not in _watched:
        _watched.add(client)
        client.on_exception(_on_exception)
    return actor


def signed_in(platform: Platform, session_id: str, then: str = SIGN_IN_PATH) -> None:
    """The sign-in succeeded with this session: keep it for this browser and go on to `then` (a local path)."""
    client = ui.context.client
    if client.is_deleted:  # the browser left while the password was checked: nobody to sign in
        platform.staff.sign_out(session_id)
        return
    app.storage.user[KEY] = session_id
    ui.navigate.to(_local(then))


async def sign_out(platform: Platform) -> None:
    await run.io_bound(platform.staff.sign_out, app.storage.user.pop(KEY, None))
    ui.navigate.to(SIGN_IN_PATH)


def _on_exception(error: Exception) -> None:
    if isinstance(error, StaffSessionEnded):
        app.storage.user.pop(KEY, None)
        ui.run_javascript("window.onbeforeunload = null")
        ui.navigate.to(f"{SIGN_IN_PATH}?info={EXPIRED}")


def _local(path: str) -> str:
    """Only a path of the gestion: never another site after signing in."""
    if path.startswith("/gestion") and not path.startswith("//") and "\\" not in path:
        return path
    return SIGN_IN_PATH


def _ended_sessions_filter(record: logging.LogRecord) -> bool:
    return not (record.exc_info and isinstance(record.exc_info[1], StaffSessionEnded))
