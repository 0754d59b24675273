"""`/metrics` for Prometheus, when ECANDIDAT_METRICS=true, to the addresses of ECANDIDAT_METRICS_ALLOW_IPS only
(anyone else gets the « Page introuvable » of an unknown address, as when the metrics are off).

Page build time is measured by a pure ASGI middleware, from the request to the start of the response, labelled
with the route NiceGUI matched (`nicegui_page_path`: « /formation/{formation_id} », never the address with its
ids); event handling time by a wrapper around NiceGUI's socket `event` handler — the time the event loop spends
dispatching an event, which is what makes every other tab wait (an async handler's awaited work runs after, as
a task, and is not counted). Nothing of this is installed when the metrics are off.
"""

from __future__ import annotations

import ipaddress
import time
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import Response
from nicegui import Client, app, core, run
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Gauge, generate_latest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ecandidat_ui import metrics
from ecandidat_ui.platform import Platform

PATH = "/metrics"
CLIENTS = Gauge(
    "ecandidat_clients",
    "NiceGUI clients (a page open in a tab) of this process: connected, or waiting for their socket",
    ["state"],
)


def register(platform: Platform) -> None:
    settings = platform.settings
    if not settings.metrics:
        return
    allowed = _networks(settings.metrics_allow_ips)
    metrics.watch_outbox(platform.db)
    time_events()
    app.add_middleware(PageTimer)

    @app.get(PATH, include_in_schema=False)
    async def scrape(request: Request) -> Response:
        if not _allowed(request, allowed):
            raise HTTPException(status_code=404)
        clients = list(Client.instances.values())
        connected = sum(1 for client in clients if client.has_socket_connection)
        CLIENTS.labels(state="connected").set(connected)
        CLIENTS.labels(state="waiting").set(len(clients) - connected)
        body = await run.io_bound(generate_latest, REGISTRY)  # the outbox's query runs off the loop
        return Response(body, media_type=CONTENT_TYPE_LATEST, headers={"Cache-Control": "no-store"})


def _networks(text: str) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network] | None:
    """The allowed networks; None for « * » (anyone)."""
    entries = [entry.strip() for entry in text.split(",") if entry.strip()]
    if entries == ["*"]:
        return None
    return [ipaddress.ip_network(entry, strict=False) for entry in entries]


def _allowed(request: Request, networks: list | None) -> bool:
    if networks is None:
        return True
    try:  # behind a believed proxy (forwarded_allow_ips), uvicorn already put the forwarded address here
        address = ipaddress.ip_address(request.client.host if request.client else "")
    except ValueError:
        return False
    return any(address in network for network in networks)


class PageTimer:
    """Pure ASGI middleware: the time until a page's response starts, by route template."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def timed(message: Message) -> None:
            if message["type"] == "http.response.start" and (route := scope.get("nicegui_page_path")):
                metrics.PAGE_SECONDS.labels(route=route).observe(time.perf_counter() - started)
            await send(message)

        await self.app(scope, receive, timed)


def time_events() -> None:
    """Put a timer around NiceGUI's handler of the socket's `event` messages (and the rate cap in front of it:
    event_limits.cap_event_rate), once."""
    handlers = core.sio.handlers.setdefault("/", {})
    dispatch = handlers["event"]
    if getattr(dispatch, "timed", False):
        return

    def timed_event(sid: str, msg: Any) -> Any:
        started = time.perf_counter()
        try:
            return dispatch(sid, msg)
        finally:
            metrics.EVENT_SECONDS.observe(time.perf_counter() - started)

    timed_event.timed = True  # type: ignore[attr-defined]
    timed_event.cap = getattr(dispatch, "cap", None)  # type: ignore[attr-defined]  # cap_event_rate finds it
    core.sio.on("event", timed_event)
