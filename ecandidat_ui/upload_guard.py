"""In front of NiceGUI's upload routes (`/_nicegui/client/<client>/upload/<element>`), before anything is read:

- the request must carry the session cookie the page was built with (the session that owns the page): a POST
  without the browser's cookie, or from another person, is refused (403);
- a body announced or streamed beyond the largest pièce (plus its multipart envelope) is refused (413) as soon as
  that is known, and the connection is closed rather than read to its end; the largest pièce is a parameter of
  the gestion, read at each upload (`max_bytes` may be a function);
- exactly one file per request (400): the `multiple` of the element is only what the browser is asked to do.

What passes is handed on to NiceGUI as it came, so its route reads the same bytes.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import re
from collections.abc import Callable, Sequence

from nicegui import Client
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)
UPLOAD_PATH = re.compile(r"/_nicegui/client/(?P<client>[^/]+)/upload/[^/]+/?$")
ENVELOPE = 64 * 1024  # the boundaries and part headers around the one file


class UploadGuard:
    def __init__(self, app: ASGIApp, *, cookies: Sequence[str], max_bytes: int | Callable[[], int]) -> None:
        self.app = app
        self.cookies = tuple(cookies)
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        match = UPLOAD_PATH.search(scope["path"]) if scope["type"] == "http" else None
        if match is None:
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        client = self._owned_client(request, match["client"])
        if client is None:
            await _refuse(send, 403, "not the session of this page")
            return
        limit = await self._limit()
        announced = request.headers.get("content-length")
        if announced is not None and (not announced.isdigit() or int(announced) > limit):
            await _refuse(send, 413, "too large")
            return
        body = await _read_at_most(receive, limit)
        if body is None:
            await _refuse(send, 413, "too large")
            return
        if await _files_in(scope, body) != 1:
            await _refuse(send, 400, "one file per request")
            return
        # NiceGUI calls a synchronous on_upload handler within this request: in the page's context, what it raises
        # reaches the page's exception handlers (an ended session sends the tab to sign in again)
        with client:
            await self.app(scope, _replay(body, receive), send)

    async def _limit(self) -> int:
        """The largest body accepted now: the largest pièce (read off the event loop) and its envelope."""
        largest = self.max_bytes if isinstance(self.max_bytes, int) else await asyncio.to_thread(self.max_bytes)
        return largest + ENVELOPE

    def _owned_client(self, request: Request, client_id: str) -> Client | None:
        """The page of this upload, when the request comes from the session that page was built for."""
        client = Client.instances.get(client_id)
        try:
            page_cookies = client.request.cookies if client is not None else {}
        except RuntimeError:  # a client without a request: nobody's page
            page_cookies = {}
        for name in self.cookies:
            sent, owner = request.cookies.get(name, ""), page_cookies.get(name, "")
            if sent and owner and hmac.compare_digest(sent.encode(), owner.encode()):
                return client
        return None


async def _read_at_most(receive: Receive, limit: int) -> bytes | None:
    """The whole body, or None as soon as it goes beyond the limit (or the browser leaves)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


async def _files_in(scope: Scope, body: bytes) -> int:
    """How many files the multipart body holds; -1 when it is not a well-formed form."""
    request = Request(scope, _replay(body, None))
    try:
        async with request.form(max_files=1, max_fields=0) as form:
            return sum(isinstance(value, UploadFile) for value in form.values())
    except Exception as error:  # too many files or fields, malformed: the same refusal
        log.info("upload refused: %s", error)
        return -1


def _replay(body: bytes, receive: Receive | None) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        if receive is None:
            return {"type": "http.disconnect"}
        return await receive()  # after the body, only a disconnection can come

    return replay


async def _refuse(send: Send, status: int, reason: str) -> None:
    """Answer at once and close the connection, so that a large body still on its way is not read."""
    log.info("upload refused (%s): %s", status, reason)
    body = reason.encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
