"""What one browser tab may ask of the server: a cap on its events, and work that keeps only the latest value.

The browser debounces what a person types (`debounce=300` on the search), but a tab can send socket messages
directly: 1,000 `update:value` events on /offre once made every other visitor wait seconds. The server now
limits itself: `cap_event_rate` drops a tab's events past a rate no person reaches, and `LatestWins` runs one
search at a time per tab, for the latest value only.
"""

from __future__ import annotations

import logging
import math
import time
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from nicegui import Client, core

log = logging.getLogger(__name__)

# A held key repeats about 30 times a second; typing, clicks and focus changes come in short bursts.
EVENTS_PER_SECOND = 30.0
EVENT_BURST = 100
LOG_EVERY = 60.0  # seconds between two log lines about the same tab

T = TypeVar("T")


@dataclass
class _Bucket:
    tokens: float
    updated: float
    dropped: int = 0
    logged_at: float = -math.inf


class EventRateCap:
    """A token bucket per client (one page in one tab): `burst` events at once, then `rate` a second."""

    def __init__(self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.burst = burst
        self.clock = clock
        self._buckets: weakref.WeakKeyDictionary[Client, _Bucket] = weakref.WeakKeyDictionary()

    def allows(self, client: Client) -> bool:
        now = self.clock()
        bucket = self._buckets.get(client)
        if bucket is None:
            bucket = self._buckets[client] = _Bucket(tokens=self.burst, updated=now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return True
        bucket.dropped += 1
        if now - bucket.logged_at >= LOG_EVERY:
            log.warning(
                "page %s of %s sends more than %g events a second: %d dropped",
                client.page.path,
                client.ip,
                self.rate,
                bucket.dropped,
            )
            bucket.logged_at, bucket.dropped = now, 0
        return False


def cap_event_rate(rate: float = EVENTS_PER_SECOND, burst: int = EVENT_BURST) -> EventRateCap:
    """Put the cap in front of NiceGUI's handler of the socket's `event` messages (every element event of every
    page goes through it), once: calling again returns the cap in place."""
    handlers = core.sio.handlers.setdefault("/", {})
    dispatch = handlers["event"]
    if isinstance(cap := getattr(dispatch, "cap", None), EventRateCap):
        return cap
    cap = EventRateCap(rate, burst)

    def capped_event(sid: str, msg: Any) -> Any:
        client = Client.instances.get(msg.get("client_id", "")) if isinstance(msg, dict) else None
        if client is not None and not cap.allows(client):
            return None
        return dispatch(sid, msg)

    capped_event.cap = cap  # type: ignore[attr-defined]
    core.sio.on("event", capped_event)
    return cap


class LatestWins(Generic[T]):
    """Runs `action` for one value at a time; values submitted meanwhile replace each other and only the last
    one runs next. However many values arrive during a run, they cost one more run."""

    def __init__(self, action: Callable[[T], Awaitable[None]]) -> None:
        self._action = action
        self._pending: tuple[T] | None = None
        self._running = False

    async def submit(self, value: T) -> None:
        self._pending = (value,)
        if self._running:
            return
        self._running = True
        try:
            while self._pending is not None:
                (latest,), self._pending = self._pending, None
                await self._action(latest)
        finally:
            self._running = False
