"""The collector's pauses, timed by gc.callbacks, at GET /__bench/collections (127.0.0.1 only): added to our app
by app_inspect.py and to bare_page.py, so that connected_clients.py prints them for both; what it walks at
/__bench/objects and what only it can free at /__bench/garbage (objects_per_page.py)."""

from __future__ import annotations

import gc
import time
from collections import Counter

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


def objects(request: Request, top: int = 25) -> dict:
    """The objects the collector walks (frozen ones left out), the most numerous types among them, and the garbage
    in cycles (only a collection frees it) found since the last collection."""
    local_only(request)
    unreachable = gc.collect()
    tracked = gc.get_objects()
    types = Counter(type(item).__qualname__ for item in tracked)
    frozen = gc.get_freeze_count()
    return {"unreachable": unreachable, "tracked": len(tracked), "frozen": frozen, "types": types.most_common(top)}


def garbage(request: Request, top: int = 40) -> dict:
    """The garbage in cycles since the last collection, by type (what keeps it from being freed at once)."""
    local_only(request)
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        found = Counter(type(item).__qualname__ for item in gc.garbage)
        total = len(gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    return {"unreachable": total, "types": found.most_common(top)}


def install(app) -> None:
    gc.callbacks.append(_timed)
    app.get("/__bench/collections")(collections)
    app.get("/__bench/objects")(objects)
    app.get("/__bench/garbage")(garbage)
