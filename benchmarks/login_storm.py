"""Login storm: how responsive the platform stays for one candidate while many others sign in at once.

    .venv/bin/python benchmarks/login_storm.py [--concurrency 20] [--seconds 20] [--pin] [--py-spy out.svg]

Starts the real app (`main.py`) on a free port with a throw-away data folder (no SMTP: mails become .eml
files), prepares validated accounts in its database with the project's own code, then:

1. baseline: one signed-in candidate, in its own Chromium, opens « Modifier mon compte » and closes it with
   « Annuler » again and again, 100 ms apart; each click is timed inside the page, from the click to the DOM
   change that the server's answer causes (dialog title visible / gone), so Playwright's overhead is not
   counted. A thread of the same process fetches a small static file meanwhile (the app alone, no browser);
2. storm: `--concurrency` workers, in another Chromium, sign in in loops (fresh context, /connexion,
   « Utilisateur », « Mot de passe », Enter, « Vous êtes connecté avec le login », close) while the same
   candidate keeps clicking.

It prints sign-ins per second, the round-trips with and without the storm, and the CPU the app used; it
asserts nothing. `--pin` puts the storm's browser on half the CPUs and the app and the other candidate on the
others, as if the storm came from other machines. Needs Debian's chromium (/usr/bin/chromium) and playwright.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import multiprocessing
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "Tempête-de-connexions-2024"
CONNECTED = "Vous êtes connecté avec le login"
TARGET_MS = 100.0
TARGET_LINE = "target: p95 < 100 ms with 20 concurrent sign-ins"

# What the other candidate clicks: (page, button that opens a dialog, title of the dialog, needs a sign-in).
PROBES = {
    "edit": ("/", "Modifier mon compte", "Modifier mon compte", True),
    "create": ("/", "Créer un compte", "Création de compte", False),
}

# Runs in the page: clicks, then resolves with the ms until the DOM shows the server's answer (null: timeout).
MEASURE_JS = """
([kind, buttonText, title]) => {
  const visible = (el) => el.checkVisibility();
  const dialogShown = () =>
    [...document.querySelectorAll('.q-dialog')].some((d) => d.textContent.includes(title) && visible(d));
  const buttons = [...document.querySelectorAll('button')].filter(visible);
  const target = kind === 'open'
    ? buttons.find((b) => !b.closest('.q-dialog') && b.textContent.includes(buttonText))
    : buttons.find((b) => b.closest('.q-dialog') && b.textContent.includes('Annuler'));
  if (!target) return Promise.resolve(null);
  const done = kind === 'open' ? dialogShown : () => !dialogShown();
  return new Promise((resolve) => {
    let timer;
    const observer = new MutationObserver(() => {
      if (done()) {
        const elapsed = performance.now() - start;
        clearTimeout(timer);
        observer.disconnect();
        resolve(elapsed);
      }
    });
    observer.observe(document.body, {childList: true, subtree: true, attributes: true, characterData: true});
    timer = setTimeout(() => { observer.disconnect(); resolve(null); }, 15000);
    const start = performance.now();
    target.click();
  });
}
"""


# Runs in the page: the address of a small static file of NiceGUI (for the plain HTTP round-trip).
STATIC_FILE_JS = """
() => document.querySelector('script[src$="/nicegui.js"]').src
"""


# --- the app -------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def app_environment(data_dir: Path, port: int) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("ECANDIDAT_")}
    env.pop("PYTEST_CURRENT_TEST", None)
    env.pop("NICEGUI_USER_SIMULATION", None)
    env.update(
        ECANDIDAT_DATA_DIR=str(data_dir),
        ECANDIDAT_PORT=str(port),
        ECANDIDAT_HOST="127.0.0.1",
        # set explicitly, so that a .env file in the repository cannot point the benchmark at real data
        ECANDIDAT_DATABASE_URL=f"sqlite:///{data_dir / 'ecandidat.sqlite3'}",
        ECANDIDAT_SMTP_HOST="",  # no SMTP server: mails become .eml files in the data folder
    )
    return env


def prepare_accounts(env: dict[str, str], count: int) -> list[str]:
    """Create `count` validated accounts (one password hash for all) with the app's own code; returns the logins."""
    os.environ.clear()
    os.environ.update(env)
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    from ecandidat_ui import lifecycle, security
    from ecandidat_ui.platform import build_platform
    from ecandidat_ui.services import fields
    from ecandidat_ui.settings import load_settings
    from models import Account, IssuedLogin
    from models.clock import utcnow

    platform = build_platform(load_settings())
    lifecycle.prepare(platform)
    password_hash = security.hash_password(PASSWORD)
    logins = []
    prefix = platform.parameters.current().login_prefix
    with platform.db.session() as session:
        for number in range(count):
            login = security.new_login(prefix)
            while login in logins:
                login = security.new_login(prefix)
            mail = f"tempete.{number}@example.org"
            session.add(IssuedLogin(login=login))
            session.add(
                Account(
                    login=login,
                    last_name="Tempête",
                    first_name=f"Candidat{number}",
                    mail=mail,
                    mail_key=fields.mail_key(mail),
                    password_hash=password_hash,
                    mail_confirmed=True,
                    validated_at=utcnow(),
                )
            )
            logins.append(login)
    platform.db.dispose()
    return logins


def start_app(env: dict[str, str], log_path: Path, cpus: set[int] | None) -> subprocess.Popen:
    log = log_path.open("wb")
    return subprocess.Popen(
        [sys.executable, "main.py"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None,
    )


def split_cpus(pin: bool) -> tuple[set[int] | None, set[int] | None]:
    """(CPUs of the app and the other candidate, CPUs of the storm), or (None, None) when not pinned."""
    available = sorted(os.sched_getaffinity(0))
    if not pin or len(available) < 2:
        return None, None
    half = len(available) // 2
    return set(available[half:]), set(available[:half])


def wait_until_answers(base_url: str, server: subprocess.Popen, log_path: Path, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"the app stopped (code {server.returncode}):\n{log_tail(log_path)}")
        try:
            with urllib.request.urlopen(base_url + "/connexion", timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    stop_app(server)
    sys.exit(f"the app did not answer within {timeout:.0f} s:\n{log_tail(log_path)}")


def stop_app(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def cpu_seconds(pid: int) -> tuple[float, float, float]:
    """(event-loop thread, other threads of the app, whole machine) CPU seconds used so far (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")

    def used(stat: Path) -> float:  # utime + stime; the process's counts its ended threads too
        fields = stat.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick

    main_thread = used(Path(f"/proc/{pid}/task/{pid}/stat"))  # uvicorn runs the event loop in the main thread
    other_threads = used(Path(f"/proc/{pid}/stat")) - main_thread
    machine = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    busy = sum(int(value) for value in machine) - int(machine[3]) - int(machine[4])  # minus idle and iowait
    return main_thread, other_threads, busy / tick


def log_tail(path: Path, lines: int = 30) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


# --- browsers --------------------------------------------------------------------------------------------


async def sign_in(page, base_url: str, login: str, timeout_ms: float) -> None:
    await page.goto(base_url + "/connexion", timeout=timeout_ms)
    await page.get_by_label("Utilisateur").fill(login, timeout=timeout_ms)
    password = page.get_by_label("Mot de passe")
    await password.fill(PASSWORD, timeout=timeout_ms)
    await password.press("Enter", timeout=timeout_ms)
    await page.get_by_text(CONNECTED).wait_for(timeout=timeout_ms)


def probe_process(
    base_url: str, login: str, probe: str, baseline_samples: int, interval: float, pipe, go, stop, cpus
) -> None:
    """The other candidate, in its own Chromium process: a baseline first, then measures until `stop`."""
    if cpus:
        os.sched_setaffinity(0, cpus)  # inherited by its Playwright driver and Chromium
    asyncio.run(_probe(base_url, login, probe, baseline_samples, interval, pipe, go, stop))


async def _probe(base_url, login, probe, baseline_samples, interval, pipe, go, stop) -> None:
    from playwright.async_api import async_playwright

    path, button, title, needs_sign_in = PROBES[probe]
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = await (await browser.new_context()).new_page()
            if needs_sign_in:
                await sign_in(page, base_url, login, 30_000)
            if page.url.rstrip("/") != (base_url + path).rstrip("/"):
                await page.goto(base_url + path)
            await page.get_by_role("button", name=button).first.wait_for()
            static_url = await page.evaluate(STATIC_FILE_JS)
            await _measure(page, button, title, interval, 10, static_url)  # warm-up, not counted
            pipe.send(("baseline", await _measure(page, button, title, interval, baseline_samples, static_url)))
            await asyncio.to_thread(go.wait)
            pipe.send(("storm", await _measure(page, button, title, interval, None, static_url, stop)))
            await browser.close()
    except Exception as error:  # reported by the main process
        pipe.send(("error", f"{type(error).__name__}: {error}"))


async def _measure(page, button: str, title: str, interval: float, count: int | None, static_url: str, stop=None):
    """Alternately open and close the dialog; `count` clicks, or until `stop` is set (after a closing click).

    Meanwhile a thread fetches a small static file of the app every `interval`: the app's own answer time,
    without any browser in the way.
    """
    samples: dict[str, list[float]] = {"open": [], "close": [], "http": []}
    finished = threading.Event()
    pinger = threading.Thread(target=_ping, args=(static_url, interval, samples["http"], finished), daemon=True)
    pinger.start()
    timeouts = 0
    clicks = 0
    while (count is None and not stop.is_set()) or (count is not None and clicks < count):
        for kind in ("open", "close"):
            elapsed = await page.evaluate(MEASURE_JS, [kind, button, title])
            clicks += 1
            if elapsed is None:
                timeouts += 1
                await page.keyboard.press("Escape")  # leave no dialog open before the next try
            else:
                samples[kind].append(elapsed)
            await asyncio.sleep(interval)
    finished.set()
    pinger.join()
    return {"samples": samples, "timeouts": timeouts}


def _ping(url: str, interval: float, samples: list[float], finished: threading.Event) -> None:
    while not finished.is_set():
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(url, timeout=30) as answer:
                answer.read()
            samples.append((time.perf_counter() - start) * 1000)
        except (urllib.error.URLError, OSError):
            pass
        finished.wait(interval)


@dataclass
class StormResult:
    completed: int = 0
    failed: int = 0
    durations_ms: list[float] = field(default_factory=list)
    completed_at: list[float] = field(default_factory=list)  # time.monotonic() of each completed sign-in
    errors: list[str] = field(default_factory=list)


async def storm(base_url: str, logins: list[str], seconds: float, on_started, on_deadline) -> StormResult:
    from playwright.async_api import async_playwright

    result = StormResult()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        start = time.monotonic()
        deadline = start + seconds

        async def worker(login: str) -> None:
            while time.monotonic() < deadline:
                context = await browser.new_context()
                began = time.monotonic()
                try:
                    page = await context.new_page()
                    await sign_in(page, base_url, login, 60_000)
                    if (done := time.monotonic()) <= deadline:
                        result.completed += 1
                        result.durations_ms.append((done - began) * 1000)
                        result.completed_at.append(done)
                except asyncio.CancelledError:
                    raise
                except Exception as error:
                    result.failed += 1
                    if len(result.errors) < 5:
                        result.errors.append(f"{type(error).__name__}: {str(error).splitlines()[0]}")
                finally:
                    await asyncio.shield(context.close())

        tasks = [asyncio.create_task(worker(login)) for login in logins]
        await on_started()
        await asyncio.sleep(max(0.0, deadline - time.monotonic()))
        on_deadline()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await browser.close()
    return result


# --- figures -----------------------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def summary(values: list[float]) -> str:
    if not values:
        return "n=0"
    return (
        f"n={len(values):<4d} p50 {percentile(values, 50):7.1f} ms   p95 {percentile(values, 95):7.1f} ms   "
        f"max {max(values):7.1f} ms"
    )


def report_round_trips(name: str, measured: dict) -> list[float]:
    """Print the open, close and both figures; returns both."""
    samples = measured["samples"]
    both = samples["open"] + samples["close"]
    print(f"  {name:<14s} {summary(both)}" + (f"   ({measured['timeouts']} timed out)" if measured["timeouts"] else ""))
    print(f"    {'open':<12s} {summary(samples['open'])}")
    print(f"    {'close':<12s} {summary(samples['close'])}")
    return both


# --- main --------------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=20, help="concurrent sign-in loops (default 20)")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the storm (default 20)")
    parser.add_argument("--probe", choices=sorted(PROBES), default="edit", help="what the other candidate clicks")
    parser.add_argument("--baseline-samples", type=int, default=100, help="clicks measured without the storm")
    parser.add_argument("--interval", type=float, default=0.1, help="pause between two clicks, s (default 0.1)")
    parser.add_argument("--warm-up", type=float, default=2.0, help="s of storm before measuring (default 2)")
    parser.add_argument(
        "--pin",
        action="store_true",
        help="storm's browser on half the CPUs, app and other candidate on the others (as if on other machines)",
    )
    parser.add_argument("--py-spy", metavar="FILE", help="record the server with py-spy during the storm")
    parser.add_argument("--keep", action="store_true", help="keep the data folder (and the server log)")
    args = parser.parse_args()
    began = time.monotonic()
    load_before = os.getloadavg()[0]

    data_dir = Path(tempfile.mkdtemp(prefix="ecandidat-storm-"))
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = app_environment(data_dir, port)
    logins = prepare_accounts(env, args.concurrency + 1)
    probe_login, storm_logins = logins[0], logins[1:]
    log_path = data_dir / "server.log"
    app_cpus, storm_cpus = split_cpus(args.pin)
    server = start_app(env, log_path, app_cpus)
    context = multiprocessing.get_context("spawn")
    probe = None
    try:
        wait_until_answers(base_url, server, log_path)
        print(f"app pid {server.pid} on {base_url}, data in {data_dir}; started in {time.monotonic() - began:.1f} s")

        receive, send = context.Pipe(duplex=False)
        go, stop = context.Event(), context.Event()
        probe = context.Process(
            target=probe_process,
            args=(base_url, probe_login, args.probe, args.baseline_samples, args.interval, send, go, stop, app_cpus),
            daemon=True,
        )
        probe.start()
        baseline = expect(receive, "baseline", timeout=180)

        spy = None
        cpu: list[tuple[float, float, float, float]] = []  # (time, event loop, other threads, machine)

        async def on_started() -> None:
            nonlocal spy
            await asyncio.sleep(min(args.warm_up, args.seconds / 4))
            go.set()
            cpu.append((time.monotonic(), *cpu_seconds(server.pid)))
            if args.py_spy:
                spy = start_py_spy(server.pid, args.py_spy, args.seconds - args.warm_up)

        def on_deadline() -> None:
            stop.set()
            cpu.append((time.monotonic(), *cpu_seconds(server.pid)))

        if storm_cpus:
            os.sched_setaffinity(0, storm_cpus)  # inherited by the storm's Playwright driver and Chromium
        storm_result = asyncio.run(storm(base_url, storm_logins, args.seconds, on_started, on_deadline))
        during = expect(receive, "storm", timeout=60)
        if spy is not None:
            spy.wait(timeout=60)
    finally:
        if probe is not None:
            probe.join(timeout=10)
            if probe.is_alive():
                probe.terminate()
        stop_app(server)

    _, button, title, _ = PROBES[args.probe]
    print()
    print(f"machine: {os.cpu_count()} cores, load average {load_before:.1f} before the run (other programs count too)")
    print(
        f"concurrency: {args.concurrency} sign-in loops, duration: {args.seconds:.1f} s"
        + (f"; CPUs: storm {sorted(storm_cpus)}, app and other candidate {sorted(app_cpus)}" if app_cpus else "")
    )
    print(
        f"sign-ins: {storm_result.completed} completed, {storm_result.failed} failed -> "
        f"{storm_result.completed / args.seconds:.2f} sign-ins/s"
    )
    print(f"  each sign-in  {summary(storm_result.durations_ms)}")
    for error in storm_result.errors:
        print(f"  error: {error}")
    if len(cpu) == 2:
        span, loop, threads, machine = (end - start for start, end in zip(*cpu, strict=True))
        print(
            f"CPU while measured (1 core = 100 %): app event loop {100 * loop / span:.0f} %, app other threads "
            f"{100 * threads / span:.0f} %, whole machine {100 * machine / span:.0f} % of {os.cpu_count()} cores"
        )
        if signed := sum(cpu[0][0] <= done <= cpu[1][0] for done in storm_result.completed_at):
            print(
                f"  app CPU per sign-in completed meanwhile ({signed}): event loop {1000 * loop / signed:.0f} ms, "
                f"other threads {1000 * threads / signed:.0f} ms; whole machine {1000 * machine / signed:.0f} ms"
            )
    print(f"other candidate's round-trip (« {button} » then « Annuler », « {title} » visible / gone, in-page):")
    quiet = report_round_trips("without storm", baseline)
    busy = report_round_trips("with storm", during)
    print("the app's plain HTTP round-trip (a small static file fetched by the other candidate's process, no browser):")
    print(f"  {'without storm':<14s} {summary(baseline['samples']['http'])}")
    print(f"  {'with storm':<14s} {summary(during['samples']['http'])}")
    print(TARGET_LINE)
    if busy:
        p95 = percentile(busy, 95)
        verdict = "met" if p95 < TARGET_MS and args.concurrency >= 20 else "NOT met"
        print(f"result: p95 {p95:.1f} ms with {args.concurrency} concurrent sign-ins ({verdict}); ", end="")
        print(f"without storm p95 {percentile(quiet, 95):.1f} ms" if quiet else "no baseline")
    print(f"script took {time.monotonic() - began:.1f} s")
    if args.keep:
        print(f"kept {data_dir}")
    else:
        shutil.rmtree(data_dir, ignore_errors=True)


def expect(receive, kind: str, timeout: float) -> dict:
    if not receive.poll(timeout):
        sys.exit(f"the other candidate sent no {kind} figures within {timeout:.0f} s")
    got, value = receive.recv()
    if got != kind:
        sys.exit(f"the other candidate failed: {value}")
    return value


def start_py_spy(pid: int, output: str, seconds: float) -> subprocess.Popen | None:
    py_spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(py_spy).exists():
        print("py-spy not found (pip install py-spy): no profile", file=sys.stderr)
        return None
    kind = {".txt": "raw", ".json": "speedscope"}.get(Path(output).suffix, "flamegraph")  # raw: collapsed stacks
    command = [py_spy, "record", "--pid", str(pid), "--duration", str(max(1, int(seconds))), "--output", output]
    return subprocess.Popen(
        [*command, "--format", kind, "--threads"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
    )


if __name__ == "__main__":
    main()
