"""Which staff member a browser is signed in as: the staff's own session, apart from the candidates' one.

The same mechanism as the candidates' (ecandidat_ui/web_session.py) with a cookie of its own, `ecandidat_gestion`,
set only by the routes under /gestion/session that exchange the sign-in's single-use hand-over token (the browser
identity is renewed at sign-in and sign-out). A candidate's session is never a staff session: the two cookies are
read by different services over different tables. The gestion's pages know staff sessions only through this
module.
"""

from __future__ import annotations

import logging

from nicegui import run

from ecandidat_ui.platform import Platform
from ecandidat_ui.services.rights import Actor
from ecandidat_ui.services.staff import SIGN_IN_PATH, StaffSessionEnded
from ecandidat_ui.web_session import EXPIRED

__all__ = ["EXPIRED", "current_actor", "install", "sign_out", "signed_in"]


def install(platform: Platform) -> None:
    """Once per app: the cookie's two routes; an ended session is expected, its traceback is no error of the log
    (the tab signs in again)."""
    platform.staff_cookie.install()
    logging.getLogger("components.data_table").addFilter(_ended_sessions_filter)


async def current_actor(platform: Platform) -> Actor | None:
    """The staff member of the request that built this page, with their current rights, or None (signed out,
    expired, deactivated). From then on, an action of this page failing because the session ended sends the tab
    to sign in again, once."""
    found = platform.staff_cookie.signed_in()
    if found is None:
        return None
    try:
        return await run.io_bound(platform.staff.actor_for, found.session_id)
    except StaffSessionEnded:
        return None


def signed_in(platform: Platform, handover: str, then: str = SIGN_IN_PATH) -> None:
    """The sign-in succeeded: the tab goes through the route that sets the cookie, then on to `then` (a path of
    the gestion)."""
    platform.staff_cookie.sign_in(handover, _local(then))


def sign_out(platform: Platform) -> None:
    platform.staff_cookie.sign_out(SIGN_IN_PATH)


def _local(path: str) -> str:
    """Only a path of the gestion: never another site after signing in."""
    if path.startswith("/gestion") and not path.startswith("//") and "\\" not in path:
        return path
    return SIGN_IN_PATH


def _ended_sessions_filter(record: logging.LogRecord) -> bool:
    return not (record.exc_info and isinstance(record.exc_info[1], StaffSessionEnded))
