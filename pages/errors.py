"""Every error the platform answers, in one place: « Page introuvable » (404) and « Une erreur est survenue »
(500), French pages in the frame of the others, showing nothing internal.

- Unknown address, a route of ours answering 404, a malformed or out-of-range parameter (FastAPI's 422):
  « Page introuvable ».
- An exception while building a page or serving a file (a database gone, a table missing…), or NiceGUI's own
  500 page (a page too slow to build): « Une erreur est survenue » with a short random reference, shown to
  the candidate and logged with the traceback, so that the referent finds the one from the other.

NiceGUI's `app.on_page_exception` would only cover pages (not files), and then still runs NiceGUI's handler,
which logs the exception a second time and builds a second page: one middleware serves pages and files alike.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Path, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse, Response
from nicegui import Client, app, ui
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from components.error_notice import error_notice
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import parameters
from models import Account
from pages.layout import page_frame

log = logging.getLogger(__name__)

# The id of a row in an address: above PostgreSQL's integer, or not a number, it is a page not found.
RowId = Annotated[int, Path(ge=1, le=2_147_483_647)]

# Words of the drivers' errors when the database is away (psycopg, sqlite3).
UNREACHABLE = ("connection", "connect", "terminat", "unable to open", "database is locked", "disk i/o", "timeout")

ServerErrorPage = Callable[[Request, str, Exception | None], Awaitable[Response]]


def install(platform: Platform) -> None:
    """Replace NiceGUI's and FastAPI's error answers (exception text, English, JSON) by ours."""

    async def not_found(request: Request, _exception: Exception) -> Response:
        return _page(platform, request, 404, messages.NOT_FOUND_TITLE, messages.NOT_FOUND)

    async def server_error(request: Request, reference: str, exception: Exception | None = None) -> Response:
        if _database_down(exception):  # not a bug: the database is away for a while; it says so, in French
            return _page(platform, request, 503, messages.UNAVAILABLE_TITLE, messages.UNAVAILABLE, reference)
        text = messages.SERVER_ERROR.format(contact=_contact_mail(platform))
        return _page(platform, request, 500, messages.SERVER_ERROR_TITLE, text, reference)

    async def last_resort(request: Request, exception: Exception) -> Response:
        """An exception outside our middleware (in one of NiceGUI's): Starlette's last handler."""
        return await server_error(request, _logged(request.scope, exception), exception)

    app.add_exception_handler(404, not_found)
    app.add_exception_handler(RequestValidationError, not_found)
    app.add_exception_handler(Exception, last_resort)
    app.add_middleware(ServerErrors, page=server_error)


class ServerErrors:
    """Pure ASGI middleware: an exception, or NiceGUI's own 500 page, becomes our page with a reference."""

    def __init__(self, app: ASGIApp, page: ServerErrorPage) -> None:
        self.app = app
        self.page = page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        replaced = False

        async def send_or_replace(message: Message) -> None:
            nonlocal started, replaced
            if message["type"] == "http.response.start":
                if message["status"] == 500:  # NiceGUI's page for a page that took too long to build
                    replaced = True
                    return
                started = True
            if replaced:
                if message["type"] == "http.response.body" and not message.get("more_body", False):
                    reference = _logged(scope, None)
                    await self._answer(scope, receive, send, reference)
                return
            await send(message)

        try:
            await self.app(scope, receive, send_or_replace)
        except Exception as exception:
            if started:
                raise
            await self._answer(scope, receive, send, _logged(scope, exception), exception)

    async def _answer(
        self, scope: Scope, receive: Receive, send: Send, reference: str, exception: Exception | None = None
    ) -> None:
        try:
            response = await self.page(Request(scope, receive), reference, exception)
        except Exception:
            log.exception("error %s: the error page could not be built either", reference)
            text = f"{messages.SERVER_ERROR_TITLE}. {messages.ERROR_REFERENCE.format(reference=reference)}"
            response = PlainTextResponse(text, status_code=500)
        await response(scope, receive, send)


def _database_down(exception: Exception | None) -> bool:
    """The database cannot be reached (refused, cut, locked, its file unreadable), as opposed to a query that
    failed (a missing table is a bug: the page with a reference, not « come back later »)."""
    if not isinstance(exception, DBAPIError):
        return False
    if exception.connection_invalidated or isinstance(exception, InterfaceError):
        return True
    reason = str(exception.orig).lower()
    return isinstance(exception, OperationalError) and any(word in reason for word in UNREACHABLE)


def _logged(scope: Scope, exception: Exception | None) -> str:
    """A new reference, logged with what happened; the address's template hides the tokens of links."""
    reference = secrets.token_hex(4).upper()
    route = scope.get("route")
    where = f"{scope.get('method', '')} {getattr(route, 'path', None) or scope.get('path', '')}"
    if exception is None:
        log.error("error %s on %s: NiceGUI answered 500 (page not built in time?)", reference, where)
    else:
        log.error("error %s on %s", reference, where, exc_info=exception)
    return reference


def _page(
    platform: Platform, request: Request, status: int, title: str, text: str, reference: str | None = None
) -> Response:
    account = _account_or_none(platform, request)
    with Client(ui.page(""), request=request) as client:
        with page_frame(platform, title, request.url.path, account):
            error_notice(text, reference)
    return client.build_response(request, status)


def _contact_mail(platform: Platform) -> str:
    """The referent's address (a parameter), or its default when the database does not answer."""
    try:
        return platform.parameters.current().contact_mail
    except Exception:
        return parameters.DEFAULTS.contact_mail


def _account_or_none(platform: Platform, request: Request) -> Account | None:
    """The signed-in account for the header, if the database still answers."""
    try:
        signed_in = platform.session_cookie.of_request(request)
        return signed_in.account if signed_in else None
    except Exception:
        return None
