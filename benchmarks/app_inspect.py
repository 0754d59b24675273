"""The app (`main.py`) with a window on its memory, for the benchmarks' diagnoses; started instead of main.py.

    ECANDIDAT_... python benchmarks/app_inspect.py      # same environment as main.py; BENCH_TRACEMALLOC=1 traces

Adds, for 127.0.0.1 only, before main.py registers its pages:

- GET /__bench/stats: NiceGUI clients alive (Client.instances), user storages in memory (app.storage._users),
  tab storages, RSS, and with tracing the bytes Python holds (tracemalloc), after a gc.collect();
- GET /__bench/collections: the collector's pauses (count and total by generation, each full one), by gc.callbacks;
- GET /__bench/snapshot?name=N: keeps a tracemalloc snapshot under that name;
- GET /__bench/diff?base=N&top=30: the lines of code whose allocations grew most since snapshot N.

Changes nothing in the app's code; tracing (BENCH_TRACEMALLOC=1) slows it and adds memory, so RSS figures of a
traced run are not comparable with a normal run. One what-if for the diagnoses: BENCH_WS_DEFLATE=0 runs the app
as if main.py passed `ws_per_message_deflate=False` to ui.run (uvicorn's websockets without permessage-deflate);
BENCH_GC=python (Python's own collector) or BENCH_GC=700,10,100 (other thresholds) instead of those of
ecandidat_ui/collector.py; BENCH_WS=wsproto (NiceGUI's choice) instead of the websockets-sansio main.py sets.
"""

from __future__ import annotations

import asyncio
import gc
import os
import runpy
import sys
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

if os.environ.get("BENCH_TRACEMALLOC"):
    tracemalloc.start(int(os.environ.get("BENCH_TRACEMALLOC_FRAMES", "1")))

import collector_timing  # noqa: E402
from fastapi import HTTPException, Request  # noqa: E402  (after tracing started)
from nicegui import Client, app  # noqa: E402

_snapshots: dict[str, tracemalloc.Snapshot] = {}
collector_timing.install(app)


@app.get("/__bench/stats")
def _stats(request: Request) -> dict:
    collector_timing.local_only(request)
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
    collector_timing.local_only(request)
    if not tracemalloc.is_tracing():
        raise HTTPException(status_code=409, detail="start with BENCH_TRACEMALLOC=1")
    gc.collect()
    _snapshots[name] = tracemalloc.take_snapshot()
    return {"name": name}


@app.get("/__bench/diff")
def _diff(request: Request, base: str, top: int = 30, group: str = "lineno") -> list[dict]:
    collector_timing.local_only(request)
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


def _collector_what_if(setting: str) -> None:
    """BENCH_GC=python: Python's own collector (no freeze, 700/10/10); BENCH_GC=a,b,c: those thresholds."""
    if setting == "python":
        gc.unfreeze()
        gc.set_threshold(700, 10, 10)
    else:
        gc.set_threshold(*(int(part) for part in setting.split(",")))
    print(f"what-if: garbage collector {setting}: thresholds {gc.get_threshold()}, {gc.get_freeze_count()} frozen")


if __name__ == "__main__":
    if setting := os.environ.get("BENCH_GC"):  # after main.py's own start-up handler (collector.settle)
        app.on_startup(lambda: asyncio.get_running_loop().call_later(1.0, _collector_what_if, setting))
    if protocol := os.environ.get("BENCH_WS"):  # NiceGUI passes ws="wsproto" to uvicorn, main.py swaps its class
        from nicegui import ui
        from uvicorn import config

        chosen, run = dict(config.WS_PROTOCOLS)[protocol], ui.run

        def run_with_chosen_protocol(*args, **kwargs) -> None:  # main.py calls ui.run(...) after its own swap
            config.WS_PROTOCOLS["wsproto"] = chosen
            run(*args, **kwargs)

        ui.run = run_with_chosen_protocol
    if os.environ.get("BENCH_WS_DEFLATE") == "0":
        import functools

        from nicegui import ui

        ui.run = functools.partial(ui.run, ws_per_message_deflate=False)  # main.py calls ui.run(...) at the end
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    sys.argv = [str(ROOT / "main.py")]
    runpy.run_path(str(ROOT / "main.py"), run_name="__main__")
