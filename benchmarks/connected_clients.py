"""Connected candidates: how many one process holds while each acts every few seconds (issue 11, item 1).

    .venv/bin/python benchmarks/connected_clients.py                          # 100, 200, 300, 500 clients (~8 min)
    .venv/bin/python benchmarks/connected_clients.py --clients 300 --seconds 60 --only ours --py-spy ours.svg

Starts, one after the other in the same run, the real app (`main.py`, throw-away data folder) and the bare
NiceGUI page of `bare_page.py` (the same widgets and dialog in plain `ui.*` calls), each the same way (a process
on a free port). For each, simulated candidates connect as a browser does — the page's HTML over HTTP (which
carries the client id), then NiceGUI's socket.io with the query nicegui.js sends (client id, next message id,
tab and document ids, implicit handshake), acks every 3 s, answers to run_javascript (`account_memory.LightTab`)
— up to each count of `--clients`, adding to those already there. Every candidate opens « Créer un compte » and
closes it with « Annuler », one open-and-close every `--interval` seconds on average (random think time); each
action is timed from the event sent to the server's `update` message received. After each count is reached the
script measures for `--seconds` and prints p50 / p95 / p99 of the round-trips, the candidates still connected
(and those that could not connect), and the app's memory per connected candidate (RSS growth since the app was
started and had served one page / connected candidates). Then the ratios ours / bare. It asserts nothing.

The load generator runs on the same machine and shares its cores: the bare page, measured in the same run, is the
reference (the load average is printed with each figure). Target: 500 clients, p95 < 100 ms, all connected,
≤ 0.5 MB per connected client. `proxy_capacity.py` drives several processes behind HAProxy with the same code.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import random
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from account_memory import LightTab, http_client
from bench_common import App, load_average, percentile, rss_mb, stop_app, wait_until_answers
from login_storm import ROOT, app_environment, cpu_seconds, start_py_spy

TARGET_MS, TARGET_MB = 100.0, 0.5
logging.getLogger("engineio.client").setLevel(logging.ERROR)  # « packet queue is empty » at each socket closed
PAGE = "/"
OPEN, CLOSE = "Créer un compte", "Annuler"
ANSWER_TIMEOUT = 15.0
CONNECTING_AT_ONCE = 10  # candidates opening the page at the same time while the count grows
RECONNECT_TIMEOUT = 10.0  # main.py and bare_page.py: a closed tab's page is dropped this long after


class Candidate(LightTab):
    """A light tab that times an action: from the event sent to the next `update` the server sends."""

    def __init__(self, base_url: str) -> None:
        super().__init__(base_url, [])
        self.answer: asyncio.Future | None = None

    async def _message(self, event: str, data=None) -> None:
        await super()._message(event, data)
        if event == "update" and self.answer is not None and not self.answer.done():
            self.answer.set_result(data)

    async def act(self, element_id: str, listener_id: str) -> tuple[float, dict]:
        """(ms until the server's update, its elements); raises TimeoutError."""
        self.answer = asyncio.get_running_loop().create_future()
        began = time.perf_counter()
        await self.emit(element_id, listener_id, [])
        data = await asyncio.wait_for(self.answer, ANSWER_TIMEOUT)
        return (time.perf_counter() - began) * 1000, data

    def button(self, elements: dict[str, dict], text: str) -> tuple[str, str] | None:
        for element_id, element in elements.items():
            label = (element or {}).get("text"), (element or {}).get("props", {}).get("label")
            if element and element.get("tag") == "q-btn" and text in label:
                for event in element.get("events", []):
                    if event["type"] == "click":
                        return element_id, event["listener_id"]
        return None

    @property
    def connected(self) -> bool:
        return self.socket is not None and self.socket.connected


@dataclass
class Load:
    """The candidates of one server and what they measured."""

    base_url: str
    interval: float
    candidates: list[Candidate] = field(default_factory=list)
    failed: int = 0
    round_trips: list[tuple[float, float]] = field(default_factory=list)  # (time sent, ms)
    timeouts: list[float] = field(default_factory=list)
    stop: asyncio.Event = field(default_factory=asyncio.Event)
    tasks: list[asyncio.Task] = field(default_factory=list)

    async def grow_to(self, http, count: int) -> None:
        gate = asyncio.Semaphore(CONNECTING_AT_ONCE)

        async def one() -> None:
            async with gate:
                candidate = Candidate(self.base_url)
                try:
                    await candidate.open(http, PAGE, [])
                except Exception:
                    self.failed += 1
                    await candidate.close()
                    return
            self.candidates.append(candidate)
            self.tasks.append(asyncio.create_task(self._live(candidate)))

        await asyncio.gather(*(one() for _ in range(count - len(self.candidates) - self.failed)))

    async def _live(self, candidate: Candidate) -> None:
        opener = candidate.button(candidate.elements, OPEN)
        await self._think(0.0, 2.0)  # candidates do not act in step
        while not self.stop.is_set() and candidate.connected:
            elements = await self._timed(candidate, opener)
            closer = candidate.button(elements or {}, CLOSE)
            await self._think(0.5, 1.5)
            if closer and not self.stop.is_set():
                await self._timed(candidate, closer)
            await self._think(0.5, 1.5)

    async def _timed(self, candidate: Candidate, target: tuple[str, str]) -> dict | None:
        sent = time.monotonic()
        try:
            milliseconds, elements = await candidate.act(*target)
        except TimeoutError:
            self.timeouts.append(sent)
            return None
        except Exception:  # the socket went away: counted as not connected
            return None
        self.round_trips.append((sent, milliseconds))
        return elements

    async def _think(self, low: float, high: float) -> None:
        """Half an interval on average per action: one open and one close per interval."""
        with contextlib.suppress(TimeoutError, asyncio.TimeoutError):
            await asyncio.wait_for(self.stop.wait(), random.uniform(low, high) * self.interval / 2)

    async def acks(self) -> None:  # nicegui.js acknowledges what it received every 3 s
        while not self.stop.is_set():
            await asyncio.gather(*(candidate.ack() for candidate in self.candidates), return_exceptions=True)
            with contextlib.suppress(TimeoutError, asyncio.TimeoutError):
                await asyncio.wait_for(self.stop.wait(), 3.0)

    async def end(self) -> None:
        self.stop.set()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        await asyncio.gather(*(candidate.close() for candidate in self.candidates), return_exceptions=True)


@dataclass
class Step:
    clients: int
    connected: int
    failed: int
    round_trips: list[float]
    timeouts: int
    mb_per_client: float
    cpu_ms_per_action: float  # the servers' event loops, over the window: far less sensitive to other programs
    load: str
    collector: str = ""  # app_inspect.py's timing of the collector's pauses, when the server runs under it

    def p(self, rank: float) -> float:
        return percentile(self.round_trips, rank) if self.round_trips else float("nan")

    def line(self) -> str:
        return (
            f"{self.clients:5d} clients: {self.connected:4d} connected ({self.failed} could not)  "
            f"n={len(self.round_trips):<5d} p50 {self.p(50):7.1f}  p95 {self.p(95):7.1f}  p99 {self.p(99):7.1f} ms  "
            f"timeouts {self.timeouts}  {self.mb_per_client:5.2f} MB/client  {self.cpu_ms_per_action:5.2f} ms CPU/act"
            f"   [{self.load}]" + (f"\n{' ' * 21}collector: {self.collector}" if self.collector else "")
        )


def loop_cpu(pids: list[int]) -> float:
    """CPU seconds the servers' event loops (main threads) used so far."""
    return sum(cpu_seconds(pid)[0] for pid in pids)


def collections(base_url: str) -> dict | None:
    """The collector's pauses so far (app_inspect.py's /__bench/collections), None for a server without it."""
    try:
        with urllib.request.urlopen(f"{base_url}/__bench/collections", timeout=30) as answer:
            return json.loads(answer.read())
    except (urllib.error.URLError, OSError, ValueError):
        return None


def collector_line(before: dict | None, after: dict | None, seconds: float) -> str:
    if not before or not after:
        return ""
    total = sum(after["total_ms"]) - sum(before["total_ms"])
    full = after["full_ms"][len(before["full_ms"]) :]
    counts = [now - then for now, then in zip(after["count"], before["count"], strict=True)]
    return (
        f"{counts[0]}/{counts[1]}/{counts[2]} collections (gen 0/1/2), {total:.0f} ms in all "
        f"({100 * total / 1000 / seconds:.1f} % of the window), longest full one {max(full, default=0):.0f} ms"
    )


async def curve(
    base_url: str, counts: list[int], seconds: float, interval: float, pids: list[int], during=None
) -> list[Step]:
    """Grow the candidates to each count and measure for `seconds` the server processes `pids`."""
    steps = []
    async with http_client(base_url) as http:
        await warm_up(http, base_url)
        await asyncio.sleep(RECONNECT_TIMEOUT + 2.0)  # the warm-up's page is gone
        before = sum(map(rss_mb, pids))
        load = Load(base_url, interval)
        acker = asyncio.create_task(load.acks())
        for count in counts:
            await load.grow_to(http, count)
            await asyncio.sleep(min(interval, seconds))  # everybody acting before the window opens
            window, cpu, collected = time.monotonic(), loop_cpu(pids), await asyncio.to_thread(collections, base_url)
            profile = during(count, seconds) if during else None
            await asyncio.sleep(seconds)
            cpu = loop_cpu(pids) - cpu
            connected = sum(candidate.connected for candidate in load.candidates)
            round_trips = [ms for sent, ms in load.round_trips if sent >= window]
            steps.append(
                Step(
                    clients=count,
                    connected=connected,
                    failed=load.failed,
                    round_trips=round_trips,
                    timeouts=sum(sent >= window for sent in load.timeouts),
                    mb_per_client=(sum(map(rss_mb, pids)) - before) / max(connected, 1),
                    cpu_ms_per_action=cpu * 1000 / max(len(round_trips), 1),
                    collector=collector_line(collected, await asyncio.to_thread(collections, base_url), seconds),
                    load=load_average().split(" (")[0],
                )
            )
            print("  " + steps[-1].line(), flush=True)
            if profile is not None:
                profile.wait()
        await load.end()
        acker.cancel()
    return steps


async def warm_up(http, base_url: str) -> None:
    """One candidate opens and closes the dialog once: the first use of the page's code is not counted."""
    candidate = Candidate(base_url)
    await candidate.open(http, PAGE, [])
    _, elements = await candidate.act(*candidate.button(candidate.elements, OPEN))
    await candidate.act(*candidate.button(elements, CLOSE))
    await candidate.close()


# --- the two servers ----------------------------------------------------------------------------------------


@contextlib.contextmanager
def ours(what_if: dict[str, str]) -> Iterator[tuple[str, int]]:
    with App("connected-clients-", inspect=True, what_if=what_if) as app:  # app_inspect.py: the collector timed
        app.start()
        yield app.base_url, app.pid


@contextlib.contextmanager
def bare(_what_if: dict[str, str]) -> Iterator[tuple[str, int]]:
    with App("connected-bare-") as app:  # for its throw-away folder and port
        log_path = app.data_dir / "bare.log"
        server = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("bare_page.py"))],
            cwd=ROOT,
            env=app_environment(app.data_dir, app.port),
            stdout=log_path.open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            wait_until_answers(app.base_url, server, log_path)
            print(f"bare page pid {server.pid} on {app.base_url}")
            yield app.base_url, server.pid
        finally:
            stop_app(server)


def measure(name: str, server, args) -> list[Step]:
    print(f"\n{name} — {load_average()}", flush=True)
    with server(dict(item.split("=", 1) for item in args.what_if)) as (base_url, pid):

        def during(count: int, seconds: float):
            if args.py_spy and name == "ours" and count == max(args.clients):
                return start_py_spy(pid, args.py_spy, seconds)
            return None

        return asyncio.run(curve(base_url, args.clients, args.seconds, args.interval, [pid], during))


def print_ratios(ours_steps: list[Step], bare_steps: list[Step]) -> None:
    print("\nours / bare (same run)")
    for mine, theirs in zip(ours_steps, bare_steps, strict=True):
        print(
            f"  {mine.clients:5d} clients: p95 {mine.p(95):7.1f} / {theirs.p(95):6.1f} ms"
            f" = {mine.p(95) / theirs.p(95):5.1f}×"
            f"   p99 {mine.p(99) / theirs.p(99):5.1f}×   connected {mine.connected} / {theirs.connected}"
            f"   MB/client {mine.mb_per_client:.2f} / {theirs.mb_per_client:.2f}"
            f"   CPU/action {mine.cpu_ms_per_action / theirs.cpu_ms_per_action:4.2f}×"
        )
    last = ours_steps[-1]
    print(
        f"target at {last.clients}: p95 < {TARGET_MS:.0f} ms ({last.p(95):.1f}), all connected "
        f"({last.connected}/{last.clients}), ≤ {TARGET_MB} MB/client ({last.mb_per_client:.2f})"
    )


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=lambda text: [int(n) for n in text.split(",")], default=[100, 200, 300, 500])
    parser.add_argument("--seconds", type=float, default=30.0, help="measuring window at each count")
    parser.add_argument("--interval", type=float, default=5.0, help="seconds between two openings, on average")
    parser.add_argument("--only", choices=["ours", "bare"], help="measure one server only")
    parser.add_argument(
        "--what-if",
        action="append",
        default=[],
        metavar="BENCH_X=VALUE",
        help="our app under app_inspect.py with a what-if: BENCH_GC=python, BENCH_GC=a,b,c, BENCH_WS=wsproto",
    )
    parser.add_argument("--py-spy", metavar="FILE", help="profile our app at the largest count (py-spy on PATH)")
    return parser.parse_args(argv)


def main() -> None:
    args = arguments()
    print(f"{args.clients} clients, one open-and-close each {args.interval:g} s on average, {args.seconds:g} s windows")
    results = {}
    for name, server in (("bare", bare), ("ours", ours)):
        if args.only in (None, name):
            results[name] = measure(name, server, args)
    if len(results) == 2:
        print_ratios(results["ours"], results["bare"])


if __name__ == "__main__":
    main()
