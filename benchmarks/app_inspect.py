"""The app (`main.py`) with a window on its memory, for the benchmarks' diagnoses; started instead of main.py.

    ECANDIDAT_... python benchmarks/app_inspect.py      # same environment as main.py; BENCH_TRACEMALLOC=1 traces

Adds, for 127.0.0.1 only, before main.py registers its pages:

- GET /__bench/stats: NiceGUI clients alive (Client.instances), user storages in memory (app.storage._users),
  tab storages, RSS, and with tracing the bytes Python holds (tracemalloc), after a gc.collect();
- GET /__bench/snapshot?name=N: keeps a tracemalloc snapshot under that name;
- GET /__bench/diff?base=N&top=30: the lines of code whose allocations grew most since snapshot N.

Changes nothing in the app's code; tracing (BENCH_TRACEMALLOC=1) slows it and adds memory, so RSS figures of a
traced run are not comparable with a normal run. One what-if for the diagnoses: BENCH_WS_DEFLATE=0 runs the app
as if main.py passed `ws_per_message_deflate=False` to ui.run (uvicorn's websockets without permessage-deflate).
"""

from __future__ import annotations

import gc
import os
import runpy
import sys
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

if os.environ.get("BENCH_TRACEMALLOC"):
    tracemalloc.start(int(os.environ.get("BENCH_TRACEMALLOC_FRAMES", "1")))

from fastapi import HTTPException, Request  # noqa: E402  (after tracing started)
from nicegui import Client, app  # noqa: E402

_snapshots: dict[str, tracemalloc.Snapshot] = {}


def _local_only(request: Request) -> None:
    if request.client is None or request.client.host != "127.0.0.1":
        raise HTTPException(status_code=404)


@app.get("/__bench/stats")
def _stats(request: Request) -> dict:
    _local_only(request)
    gc.collect()
    rss = next(
        int(line.split()[1]) / 1024
        for line in Path("/proc/self/status").read_text().splitlines()
        if line.startswith("VmRSS:")
    )
    stats = {
        "clients": len(Client.instances),
        "user_storages": len(app.storage._users),
        "tab_storages": len(app.storage._tabs),
        "rss_mb": rss,
    }
    if tracemalloc.is_tracing():
        current, peak = tracemalloc.get_traced_memory()
        stats.update(traced_mb=current / 2**20, traced_peak_mb=peak / 2**20)
    return stats


@app.get("/__bench/snapshot")
def _snapshot(request: Request, name: str) -> dict:
    _local_only(request)
    if not tracemalloc.is_tracing():
        raise HTTPException(status_code=409, detail="start with BENCH_TRACEMALLOC=1")
    gc.collect()
    _snapshots[name] = tracemalloc.take_snapshot()
    return {"name": name}


@app.get("/__bench/diff")
def _diff(request: Request, base: str, top: int = 30, group: str = "lineno") -> list[dict]:
    _local_only(request)
    if base not in _snapshots:
        raise HTTPException(status_code=404, detail=f"no snapshot {base}")
    gc.collect()
    now = tracemalloc.take_snapshot()
    lines = now.compare_to(_snapshots[base], group)
    return [
        {
            "where": str(stat.traceback).replace(str(ROOT) + "/", ""),
            "kb": stat.size_diff / 1024,
            "count": stat.count_diff,
        }
        for stat in lines[:top]
    ]


if __name__ == "__main__":
    if os.environ.get("BENCH_WS_DEFLATE") == "0":
        import functools

        from nicegui import ui

        ui.run = functools.partial(ui.run, ws_per_message_deflate=False)  # main.py calls ui.run(...) at the end
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    sys.argv = [str(ROOT / "main.py")]
    runpy.run_path(str(ROOT / "main.py"), run_name="__main__")
