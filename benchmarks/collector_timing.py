"""The collector's pauses, timed by gc.callbacks, at GET /__bench/collections (127.0.0.1 only): added to our app
by app_inspect.py and to bare_page.py, so that connected_clients.py prints them for both."""

from __future__ import annotations

import gc
import time

from fastapi import HTTPException, Request

_pauses: dict[int, list[float]] = {0: [], 1: [], 2: []}  # seconds each collection held the process, by generation
_began: list[float] = []


def _timed(phase: str, info: dict) -> None:
    if phase == "start":
        _began[:] = [time.perf_counter()]
    elif _began:
        _pauses[info["generation"]].append(time.perf_counter() - _began[0])


def local_only(request: Request) -> None:
    if request.client is None or request.client.host != "127.0.0.1":
        raise HTTPException(status_code=404)


def collections(request: Request) -> dict:
    """Per generation: collections so far and their total pause (ms); every full collection's pause (ms)."""
    local_only(request)
    return {
        "count": [len(_pauses[generation]) for generation in (0, 1, 2)],
        "total_ms": [1000 * sum(_pauses[generation]) for generation in (0, 1, 2)],
        "full_ms": [1000 * pause for pause in _pauses[2]],
    }


def install(app) -> None:
    gc.callbacks.append(_timed)
    app.get("/__bench/collections")(collections)
