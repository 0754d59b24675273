"""Account memory: how much the app's memory grows per candidate connected to an account page.

    .venv/bin/python benchmarks/account_memory.py [--candidates 200] [--browser-pages 20] [--page /compte/...]
    .venv/bin/python benchmarks/account_memory.py --candidates 24 --trace     # what each client holds, by line

Starts the real app (`main.py`) on a free port with a throw-away data folder (no SMTP), prepares `--candidates`
validated accounts in its database with the project's own code (one password hash for all), then:

1. every candidate signs in through « Connexion »: by default with the light client below (the page's HTML, its
   socket, the login and password typed into the form's fields, « Connexion » clicked: the server runs the very
   same page and handler as for a browser, Argon2 included), or with `--sign-in chromium` in Chromium contexts
   (~2 s of machine time each). Its cookie is kept; NiceGUI's reconnect_timeout (10 s in main.py) later, the
   sign-in pages are gone from the server;
2. light clients: all the candidates open the account page one after another — the page's HTML over HTTP with
   the candidate's cookie, then NiceGUI's socket.io connection with the page's client id as nicegui.js does
   (implicit handshake, permessage-deflate as browsers offer it, acks every 3 s, answers to run_javascript),
   then the events a real Chromium tab sends by itself once the page is mounted (recorded once from a real tab
   and replayed: the drawer reporting it is open, the nationality select its text). For the server that is a
   connected tab: the page is built and its Client stays in Client.instances while the socket is connected;
3. real Chromium tabs on top: `--browser-pages` more tabs (one context each) stay open on the same page, so that
   the light client's figure can be checked against a browser's. 200 such tabs would need 20-40 GB of memory on
   this machine (the script prints what its tabs cost), hence the light client for the full count.

The app's resident memory (/proc VmRSS) is read after each phase. Per connected candidate it prints the average
(growth / count) and the marginal cost (slope through the readings from half to all connected): the first
clients reuse memory the sign-ins' pages left free inside the process, so the average understates what each
further candidate costs. `--trace` (benchmarks/app_inspect.py, tracemalloc) adds what Python holds per client
and the lines of code that allocated it (RSS figures of a traced run are not comparable); `--no-ws-deflate` is a
what-if: the app's websockets without permessage-deflate. It asserts nothing.
Target: ≤ 1 MB per connected candidate with 200 connected.
"""

from __future__ import annotations

import argparse
import ast
import asyncio
import contextlib
import json
import os
import re
import sys
import time
import uuid
from http.cookiejar import CookieJar, DefaultCookiePolicy
from pathlib import Path
from urllib.parse import urlencode

from bench_common import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PASSWORD,
    App,
    add_accounts,
    load_average,
    open_platform,
    rss_mb,
    sign_in,
)

TARGET_MB = 1.0
RECONNECT_TIMEOUT = 10.0  # main.py: ui.run(reconnect_timeout=10.0)
WARM_UP_SIGN_INS = 10  # first sign-ins: the app's first use of its pages and caches, not counted per sign-in
QUERY = re.compile(r"query: (\{.*?\}),\n")
TITLE = re.compile(r"<title>(.*?)</title>")
ELEMENTS = re.compile(r"parseElements\(String\.raw`(.*?)`\)", re.DOTALL)


# --- memory ------------------------------------------------------------------------------------------------


def settled_rss(pid: int, seconds: float) -> float:
    """The app's RSS after `seconds` of calm (the smallest of a few readings in the last second)."""
    time.sleep(max(0.0, seconds - 1.0))
    readings = []
    for _ in range(5):
        readings.append(rss_mb(pid))
        time.sleep(0.2)
    return min(readings)


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def browsers_pss_mb() -> float:
    """Proportional memory of every process this script started (Playwright's driver, Chromium and its tabs)."""
    total = 0
    for pid in descendants(os.getpid()):
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def slope(points: list[tuple[int, float]]) -> float:
    """Least-squares MB per connected candidate through (connected, RSS) points."""
    n = len(points)
    if n < 2:
        return float("nan")
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    var = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / var if var else float("nan")


# --- sign-in through the page ----------------------------------------------------------------------------


async def chromium_sign_in_everybody(base_url: str, logins: list[str], concurrency: int) -> list[list[dict]]:
    """Sign every login in through « Connexion » in Chromium (`concurrency` contexts, cookies cleared between two
    candidates); returns each one's cookies."""
    from playwright.async_api import async_playwright

    cookies: list[list[dict] | None] = [None] * len(logins)
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(len(logins)):
        queue.put_nowait(index)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)

        async def worker() -> None:
            # one context per worker, its cookies cleared between two candidates: the HTTP cache stays warm,
            # so a sign-in costs the browser a navigation, not a cold start of Quasar and Vue
            context = await browser.new_context()
            try:
                while not queue.empty():
                    index = queue.get_nowait()
                    for attempt in range(3):
                        await context.clear_cookies()
                        page = await context.new_page()
                        try:
                            await sign_in(page, base_url, logins[index], 60_000)
                            cookies[index] = await context.cookies()
                            break
                        except Exception as error:
                            if attempt == 2:
                                raise RuntimeError(f"sign-in of {logins[index]} failed: {error}") from error
                        finally:
                            await page.close()
            finally:
                await context.close()

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        await browser.close()
    return cookies  # type: ignore[return-value]


# --- the account page with a minimal client --------------------------------------------------------------


# What a Chromium tab sends by itself once the page is mounted (the drawer reporting it is open, the nationality
# select reporting its text...): (element id, event type, rank among that element's listeners of this type, args).
MountEvent = tuple[str, str, int, list]


def page_elements(html: str) -> dict[str, dict]:
    """The elements NiceGUI put in the page (index.html: parseElements(String.raw`...`))."""
    raw = ELEMENTS.search(html).group(1)
    for escaped, plain in (("&#36;", "$"), ("&#96;", "`"), ("&gt;", ">"), ("&lt;", "<"), ("&amp;", "&")):
        raw = raw.replace(escaped, plain)
    return json.loads(raw)


def listener_ids(elements: dict[str, dict]) -> dict[tuple[str, str, int], str]:
    """(element id, event type, rank) -> listener id."""
    found = {}
    for element_id, element in elements.items():
        ranks: dict[str, int] = {}
        for listener in element.get("events", []):
            rank = ranks[listener["type"]] = ranks.get(listener["type"], -1) + 1
            found[(element_id, listener["type"], rank)] = listener["listener_id"]
    return found


async def page_shown(page) -> None:
    """The account page is mounted and connected: its title (the frame's level-1 heading) and the Suivant or
    Précédent button are visible, and NiceGUI's socket made its handshake."""
    await page.get_by_role("heading", level=1).wait_for(timeout=60_000)
    await (
        page.get_by_role("button", name="Précédent")
        .or_(page.get_by_role("button", name="Suivant"))
        .first.wait_for(timeout=60_000)
    )
    await page.wait_for_function("() => window.did_handshake === true", timeout=60_000)


async def record_mount_events(base_url: str, path: str, cookies: list[dict]) -> list[MountEvent]:
    """Open the page once in Chromium and note the events the tab sends without anybody touching it."""
    from playwright.async_api import async_playwright

    sent: list[dict] = []

    def frame(payload) -> None:
        if isinstance(payload, str) and payload.startswith('42["event"'):
            sent.append(json.loads(payload[2:])[1])

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = await browser.new_context()
        await context.add_cookies(cookies)
        page = await context.new_page()
        page.on("websocket", lambda socket: socket.on("framesent", frame))
        answer = await page.goto(base_url + path)
        html = await answer.text()
        await page_shown(page)
        await asyncio.sleep(3.0)
        await browser.close()
    by_listener = {listener: key for key, listener in listener_ids(page_elements(html)).items()}
    return [
        (*by_listener[event["listener_id"]], event["args"]) for event in sent if event["listener_id"] in by_listener
    ]


class LightTab:
    """What nicegui.js does for a tab, minus the rendering: the page's HTML, then its socket.io connection (with
    permessage-deflate, as browsers offer it), acks, answers to run_javascript, and the events a real tab sends by
    itself once mounted."""

    def __init__(self, base_url: str, cookies: list[dict]) -> None:
        self.base_url = base_url
        self.cookies = {c["name"]: c["value"] for c in cookies}
        self.socket = None
        self.client_id = ""
        self.elements: dict[str, dict] = {}
        self.next_message_id = 0
        self.acked = -1
        self.title = ""
        self.navigated_to: asyncio.Future[str] | None = None

    @property
    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    async def open(self, http, path: str, mount_events: list[MountEvent]) -> None:
        import socketio

        answer = await http.get(path, headers={"Cookie": self.cookie_header})
        answer.raise_for_status()
        self.cookies.update(answer.cookies)  # a first visit gets its browser id (NiceGUI's « session » cookie)
        self.title = TITLE.search(answer.text).group(1)
        self.elements = page_elements(answer.text)
        query = ast.literal_eval(QUERY.search(answer.text).group(1))  # rendered as a Python dict
        self.client_id = query["client_id"]
        self.next_message_id = int(query["next_message_id"])
        query.update(document_id=str(uuid.uuid4()), tab_id=str(uuid.uuid4()))
        query["implicit_handshake"] = "true"
        self.navigated_to = asyncio.get_running_loop().create_future()
        self.socket = socketio.AsyncClient(
            reconnection=False, handle_sigint=False, websocket_extra_options={"compress": 15}
        )
        self.socket.on("*", self._message)
        await self.socket.connect(
            f"{self.base_url}?{urlencode(query)}",
            headers={"Cookie": self.cookie_header},
            transports=["websocket"],
            socketio_path="/_nicegui_ws/socket.io",
            wait_timeout=10,
        )
        listeners = listener_ids(self.elements)
        for element_id, kind, rank, args in mount_events:
            if listener := listeners.get((element_id, kind, rank)):
                await self.emit(element_id, listener, args)

    async def emit(self, element_id: str, listener_id: str, args: list) -> None:
        message = {"id": int(element_id), "client_id": self.client_id, "listener_id": listener_id, "args": args}
        await self.socket.emit("event", message)

    def listener(self, tag: str, label: str, kind: str) -> tuple[str, str]:
        """(element id, listener id) of the last element of that tag and label (prop or text) listening to `kind`."""
        found = [
            (element_id, event["listener_id"])
            for element_id, element in self.elements.items()
            if element.get("tag") == tag and label in (element.get("props", {}).get("label"), element.get("text"))
            for event in element.get("events", [])
            if event["type"] == kind
        ]
        return found[-1]

    async def _message(self, event: str, data=None) -> None:
        if isinstance(data, dict):
            if isinstance(data.get("_id"), int):
                self.next_message_id = max(self.next_message_id, data["_id"] + 1)
            if event == "run_javascript" and data.get("request_id"):
                await self.socket.emit(
                    "javascript_response",
                    {"request_id": data["request_id"], "client_id": self.client_id, "result": None},
                )
            if event == "open" and not self.navigated_to.done():
                self.navigated_to.set_result(data.get("path", ""))

    async def ack(self) -> None:
        if self.socket is not None and self.socket.connected and self.acked < self.next_message_id:
            await self.socket.emit("ack", {"client_id": self.client_id, "next_message_id": self.next_message_id})
            self.acked = self.next_message_id

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.disconnect()


def http_client(base_url: str):
    """An HTTP client that keeps no cookie: each light tab sends its own candidate's cookie itself."""
    import httpx

    no_cookies = CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))
    return httpx.AsyncClient(base_url=base_url, timeout=60, cookies=no_cookies)


async def light_sign_in(http, base_url: str, login: str) -> list[dict]:
    """Sign in through « Connexion » as a browser would (type the login and password, click « Connexion »), with
    the light client: the server runs the very same page and handler; returns the signed-in browser's cookie."""
    tab = LightTab(base_url, [])
    await tab.open(http, "/connexion", [])
    try:
        for label, value in (("Utilisateur *", login), ("Mot de passe *", PASSWORD)):
            await tab.emit(*tab.listener("nicegui-input", label, "update:value"), [json.dumps(value)])
        await asyncio.sleep(0.05)  # as a person: the values reach the server before the click
        await tab.emit(*tab.listener("q-btn", "Connexion", "click"), [])
        target = await asyncio.wait_for(tab.navigated_to, 60)
        if not target.startswith("/session/ouvrir/"):
            raise RuntimeError(f"sign-in of {login} led to {target}")
        # the route that turns the sign-in into the session cookie (and a new browser id), as a browser follows it
        answer = await http.get(target, headers={"Cookie": tab.cookie_header})
        if answer.status_code != 303 or answer.headers["location"] != "/":
            raise RuntimeError(f"sign-in of {login} was not handed over: {answer.status_code}")
        tab.cookies.update(answer.cookies)
    finally:
        await tab.close()
    return [{"name": name, "value": value, "url": base_url} for name, value in tab.cookies.items()]


async def light_sign_in_everybody(base_url: str, logins: list[str], concurrency: int) -> list[list[dict]]:

    cookies: list[list[dict] | None] = [None] * len(logins)
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(len(logins)):
        queue.put_nowait(index)
    async with http_client(base_url) as http:

        async def worker() -> None:
            while not queue.empty():
                index = queue.get_nowait()
                cookies[index] = await light_sign_in(http, base_url, logins[index])

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return cookies  # type: ignore[return-value]


async def connect_everybody(
    app: App, path: str, cookies: list[list[dict]], title: str, mount_events: list[MountEvent], tabs_in_browser: int
) -> dict:
    """Light clients for everybody, then real Chromium tabs on top; then everybody leaves."""

    figures: dict = {"points": []}
    tabs: list[LightTab] = []
    stop = asyncio.Event()

    async def acks() -> None:  # nicegui.js acknowledges what it received every 3 s
        while not stop.is_set():
            await asyncio.gather(*(tab.ack() for tab in tabs), return_exceptions=True)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 3.0)

    acker = asyncio.create_task(acks())
    figures["before"] = await asyncio.to_thread(settled_rss, app.pid, RECONNECT_TIMEOUT + 5.0)  # sign-in pages gone
    await look(app, figures, "before", snapshot="before")
    figures["points"].append((0, figures["before"]))
    step = max(1, len(cookies) // 8)
    began = time.monotonic()
    async with http_client(app.base_url) as http:
        for number, jar in enumerate(cookies, start=1):
            tab = LightTab(app.base_url, jar)
            await tab.open(http, path, mount_events)
            if title not in tab.title:
                raise RuntimeError(f"candidate {number} got « {tab.title} » instead of the account page")
            tabs.append(tab)
            if number % step == 0 and number < len(cookies):
                figures["points"].append((number, rss_mb(app.pid)))
    figures["connect_seconds"] = time.monotonic() - began
    figures["after"] = await asyncio.to_thread(settled_rss, app.pid, 5.0)
    await look(app, figures, "after", diff_from="before", snapshot="light")
    figures["points"].append((len(tabs), figures["after"]))
    figures["connected"] = sum(tab.socket.connected for tab in tabs)

    if tabs_in_browser:  # on top of the light clients: above the memory's high-water mark again
        figures["browser"] = await browser_tabs(app, path, cookies[:tabs_in_browser])
    figures["still_connected"] = sum(tab.socket.connected for tab in tabs)
    stop.set()
    await acker
    await asyncio.gather(*(tab.close() for tab in tabs))
    figures["released"] = await asyncio.to_thread(settled_rss, app.pid, RECONNECT_TIMEOUT + 5.0)
    await look(app, figures, "released")
    return figures


async def look(app: App, into: dict, key: str, diff_from: str | None = None, snapshot: str | None = None) -> None:
    """With --inspect: the app's clients and storages (and with --trace, Python's own bytes and what grew)."""
    if not app.inspect:
        return
    into[f"{key}_stats"] = await asyncio.to_thread(app.bench, "stats")
    if app.trace and diff_from:
        into[f"{key}_diff"] = await asyncio.to_thread(app.bench, "diff", base=diff_from, top=12)
    if app.trace and snapshot:
        await asyncio.to_thread(app.bench, "snapshot", name=snapshot)


def traced_growth(figures: dict, before: str, after: str, count: int) -> str:
    first, last = figures.get(before) or {}, figures.get(after) or {}
    if "traced_mb" not in first or "traced_mb" not in last or not count:
        return "not traced (--trace)"
    grown = last["traced_mb"] - first["traced_mb"]
    return f"{first['traced_mb']:.1f} -> {last['traced_mb']:.1f} MB: {grown / count:.3f} MB each"


def print_inspection(figures: dict, key: str, count: int, indent: str = "  ") -> None:
    stats, before = figures.get(f"{key}_stats"), figures.get("before_stats")
    if not stats:
        return
    line = (
        f"{indent}app: {stats['clients']} NiceGUI clients, {stats['user_storages']} user storages, "
        f"{stats['tab_storages']} tab storages"
    )
    if "traced_mb" in stats and before and count:
        line += f"; Python holds {stats['traced_mb']:.1f} MB (tracemalloc)"
    print(line)
    for row in figures.get(f"{key}_diff", []):
        print(f"{indent}  {row['kb'] / max(1, count):8.1f} kB each  {row['where']}")


async def browser_tabs(app: App, path: str, cookies: list[list[dict]]) -> dict:
    """Open the account page in one Chromium context per candidate, measure while they are open, close them."""
    from playwright.async_api import async_playwright

    figures: dict[str, float] = {}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        figures["idle_pss"] = browsers_pss_mb()
        figures["before"] = await asyncio.to_thread(settled_rss, app.pid, 1.0)
        contexts = []
        for jar in cookies:
            context = await browser.new_context()
            await context.add_cookies(jar)
            page = await context.new_page()
            await page.goto(app.base_url + path)
            await page_shown(page)
            contexts.append(context)
        figures["after"] = await asyncio.to_thread(settled_rss, app.pid, 5.0)
        await look(app, figures, "after", diff_from="light")
        figures["pss"] = browsers_pss_mb()
        for context in contexts:
            await context.close()
        await browser.close()
    return figures


# --- main --------------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=200, help="candidates connected at once (default 200)")
    parser.add_argument("--browser-pages", type=int, default=20, help="of them also in real Chromium tabs (20)")
    parser.add_argument("--page", default="/compte/informations-perso", help="the account page they open")
    parser.add_argument("--sign-in-concurrency", type=int, default=4, help="sign-ins at once (default 4)")
    parser.add_argument(
        "--sign-in",
        choices=["light", "chromium"],
        default="light",
        help="through « Connexion » with the light client (default) or in Chromium contexts (~2 s each)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the data folder (and the server log)")
    parser.add_argument("--inspect", action="store_true", help="run benchmarks/app_inspect.py: clients, storages")
    parser.add_argument("--trace", action="store_true", help="--inspect with tracemalloc: what each client holds")
    parser.add_argument(
        "--no-ws-deflate",
        action="store_true",
        help="what-if: the app's websockets without permessage-deflate (ui.run(ws_per_message_deflate=False))",
    )
    args = parser.parse_args()
    began = time.monotonic()
    load_before = load_average()
    from pages.layout import account_pages  # the app's own menu (the repository is on sys.path)

    title = next(entry.label for entry in account_pages() if entry.path == args.page)

    options = {"inspect": args.inspect, "trace": args.trace, "ws_deflate": not args.no_ws_deflate}
    with App("ecandidat-memory-", keep=args.keep, **options) as app:
        platform = open_platform(app.env)
        candidates = add_accounts(platform, args.candidates)
        platform.db.dispose()
        app.start()
        logins = [c.login for c in candidates]
        signing_in = light_sign_in_everybody if args.sign_in == "light" else chromium_sign_in_everybody
        warm = min(WARM_UP_SIGN_INS, len(logins) // 2)
        signing = time.monotonic()
        cookies = asyncio.run(signing_in(app.base_url, logins[:warm], args.sign_in_concurrency))
        sign_in_seconds = time.monotonic() - signing
        mount_events = asyncio.run(record_mount_events(app.base_url, args.page, cookies[0]))
        print(f"a Chromium tab sends {len(mount_events)} events by itself once {args.page} is mounted: replayed")
        warmed = settled_rss(app.pid, RECONNECT_TIMEOUT + 5.0)
        warmed_stats = app.bench("stats") if app.inspect else {}
        signing = time.monotonic()
        cookies += asyncio.run(signing_in(app.base_url, logins[warm:], args.sign_in_concurrency))
        sign_in_seconds += time.monotonic() - signing
        print(f"{len(cookies)} sign-ins through « Connexion » ({args.sign_in}) in {sign_in_seconds:.1f} s")
        measured = asyncio.run(connect_everybody(app, args.page, cookies, title, mount_events, args.browser_pages))
        load_after = load_average()

    n = measured["connected"]
    average = (measured["after"] - measured["before"]) / max(1, n)
    # what one more candidate costs once the memory the sign-ins left free is used up: the upper half's slope
    upper = [(k, rss) for k, rss in measured["points"] if k >= n / 2]
    marginal = slope(upper)
    signed_in = measured["before"]
    opening = measured["connect_seconds"]
    print()
    print(f"machine: before the run {load_before}; at the end {load_after}")
    print(f"page: {args.page} (« {title} »), {args.candidates} candidates")
    print(
        f"app RSS after {warm} sign-ins {warmed:.1f} MB, after all {len(cookies)} {signed_in:.1f} MB (sign-in pages "
        f"gone): {(signed_in - warmed) * 1024 / max(1, len(cookies) - warm):.0f} kB kept per further sign-in"
    )
    measured["warmed_stats"] = warmed_stats
    if "traced_mb" in warmed_stats:
        further = len(cookies) - warm
        print(f"  Python heap (tracemalloc): {traced_growth(measured, 'warmed_stats', 'before_stats', further)}")
    print_inspection(measured, "before", 0)
    print(f"light clients (HTML + socket.io, as nicegui.js does; {n} of {args.candidates} connected at once):")
    print("  RSS by candidates connected: " + ", ".join(f"{k}: {rss:.1f} MB" for k, rss in measured["points"]))
    print(
        f"  app RSS {measured['before']:.1f} -> {measured['after']:.1f} MB: {average:.2f} MB per connected candidate "
        f"on average; opened in {opening:.1f} s ({1000 * opening / max(1, n):.0f} ms each)"
    )
    print(
        f"  marginal cost (slope from {upper[0][0]} to {upper[-1][0]} connected): {marginal:.2f} MB per candidate; "
        "the first ones reuse memory the sign-ins left free, which the average counts as nothing"
    )
    if args.trace:
        print(f"  Python heap (tracemalloc): {traced_growth(measured, 'before_stats', 'after_stats', n)}")
    print_inspection(measured, "after", n)
    if browser := measured.get("browser"):
        k = args.browser_pages
        grown = browser["after"] - browser["before"]
        print(f"real Chromium tabs on top ({k} more candidates' tabs, one context each, kept open):")
        print(f"  app RSS {browser['before']:.1f} -> {browser['after']:.1f} MB: {grown / k:.2f} MB per tab")
        cost = browser["pss"] - browser["idle_pss"]
        print(f"  the browser meanwhile: {cost:.0f} MB PSS for {k} tabs ({cost / k:.0f} MB each)")
        browser["before_stats"] = measured.get("after_stats")
        if args.trace:
            print(f"  Python heap (tracemalloc): {traced_growth(browser, 'before_stats', 'after_stats', k)}")
        print_inspection(browser, "after", k)
    print(
        f"everybody gone: {measured['released']:.1f} MB {RECONNECT_TIMEOUT + 5:.0f} s later "
        f"(light clients still connected before leaving: {measured['still_connected']})"
    )
    print_inspection(measured, "released", 0)
    print(f"target: ≤ {TARGET_MB:.0f} MB per connected candidate with 200 connected")
    verdict = "met" if marginal <= TARGET_MB and n >= 200 else "NOT met"
    print(
        f"result: {marginal:.2f} MB per connected candidate (marginal, {average:.2f} on average) with {n} connected "
        f"({verdict})"
    )
    print(f"script took {time.monotonic() - began:.1f} s")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
