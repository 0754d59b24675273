"""Processes that add up: N processes behind the real HAProxy, driven by connected_clients.py's candidates.

    createdb -h 127.0.0.1 -U postgres bench_proxy
    .venv/bin/python benchmarks/proxy_capacity.py --postgres postgresql://postgres@127.0.0.1:5432/bench_proxy
    .venv/bin/python benchmarks/proxy_capacity.py --processes 1,2 --clients 200,300,400,500 --seconds 30 --postgres …

For each N of `--processes`: the given PostgreSQL database emptied, a throw-away data folder and storage secret,
then `scripts/serve.py N` as an institution runs it (deploy/haproxy.cfg filled in: sticky cookie, health check on
/sante, N processes on the ports after HAProxy's). The candidates of connected_clients.py (same code) open the
home page through HAProxy, keep its sticky cookie for their socket, and open and close « Créer un compte » every
`--interval` seconds on average, growing to each count of `--clients`. It prints each count's p50 / p95 / p99,
the candidates connected, the memory per candidate (RSS of the N processes together), and the capacity: the
largest count with p95 < 100 ms and everybody connected; then the capacity of each N against one process. The
load generator and HAProxy share the machine's cores with the processes: on a 2-core machine two processes have
no core to themselves (the load average is printed with every figure). It asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench_common import load_average, reset_postgres, wait_until_answers
from connected_clients import TARGET_MS, Step, curve
from login_storm import ROOT, app_environment, free_port

STARTED = re.compile(r"processus (p\d+) : port (\d+), pid (\d+)")
START_TIMEOUT = 180.0


@contextmanager
def served(count: int, postgres: str) -> Iterator[tuple[str, list[int]]]:
    """scripts/serve.py with `count` processes on a fresh database and folder: (HAProxy's address, their pids)."""
    reset_postgres(postgres)
    data_dir = Path(tempfile.mkdtemp(prefix="proxy-capacity-"))
    port = free_port()
    env = app_environment(data_dir, port) | {
        "ECANDIDAT_DATABASE_URL": postgres,
        "ECANDIDAT_STORAGE_SECRET": secrets.token_urlsafe(32),
    }
    log_path = data_dir / "serve.log"
    serve = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "serve.py"), str(count)],
        cwd=ROOT,
        env=env,
        stdout=log_path.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        base_url = f"http://127.0.0.1:{port}"
        wait_until_answers(base_url, serve, log_path, timeout=START_TIMEOUT)  # HAProxy starts once all processes do
        time.sleep(5.0)  # every backend through two health checks (deploy/haproxy.cfg: rise 2, inter 2 s)
        pids = [int(pid) for _, _, pid in STARTED.findall(log_path.read_text())]
        print(f"scripts/serve.py {count}: HAProxy on {base_url}, processes {pids}", flush=True)
        yield base_url, pids
    finally:
        serve.send_signal(signal.SIGTERM)
        try:
            serve.wait(30)
        except subprocess.TimeoutExpired:
            serve.kill()
        shutil.rmtree(data_dir, ignore_errors=True)


def capacity(steps: list[Step]) -> int:
    """The largest count with p95 under the target and every candidate connected (0: none)."""
    good = [step.clients for step in steps if step.p(95) < TARGET_MS and step.connected == step.clients]
    return max(good, default=0)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    numbers = lambda text: [int(n) for n in text.split(",")]  # noqa: E731
    parser.add_argument("--processes", type=numbers, default=[1, 2])
    parser.add_argument("--clients", type=numbers, default=[100, 200, 300, 400, 500])
    parser.add_argument("--seconds", type=float, default=30.0, help="measuring window at each count")
    parser.add_argument("--interval", type=float, default=5.0, help="seconds between two openings, on average")
    parser.add_argument("--postgres", required=True, help="a PostgreSQL database of its own: emptied at each N")
    return parser.parse_args()


def main() -> None:
    args = arguments()
    curves: dict[int, list[Step]] = {}
    for count in args.processes:
        print(f"\n{count} process(es) behind HAProxy — {load_average()}", flush=True)
        with served(count, args.postgres) as (base_url, pids):
            curves[count] = asyncio.run(curve(base_url, args.clients, args.seconds, args.interval, pids))
    print("\nat each load: p95 (connected) for " + ", ".join(f"{count} process(es)" for count in curves))
    for index, clients in enumerate(args.clients):
        cells = [f"{steps[index].p(95):7.0f} ms ({steps[index].connected})" for steps in curves.values()]
        print(f"  {clients:5d} clients: " + "   ".join(cells))
    print("capacity (largest load measured with p95 < 100 ms, everybody connected)")
    first = capacity(curves[args.processes[0]])
    for count, steps in curves.items():
        found = capacity(steps)
        ratio = f"×{found / first:.2f} of {args.processes[0]}" if first else "none for the first N on this machine now"
        print(f"  {count} process(es): {found} clients ({ratio})")


if __name__ == "__main__":
    main()
