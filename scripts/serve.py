"""Serve eCandidat UI on one machine with N processes behind HAProxy: `scripts/serve N` (N: the cores by default).

The processes listen on 127.0.0.1, ports ECANDIDAT_PORT+1 … ECANDIDAT_PORT+N; HAProxy listens on ECANDIDAT_PORT
with deploy/haproxy.cfg (sticky cookie, health check on /sante), its ports and bind filled in, written to the
data folder. The first process starts alone (it upgrades the database), the others once it answers. Several
processes need PostgreSQL (README, « Mettre en production »). Ctrl-C (or SIGTERM) stops them all.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ecandidat_ui.settings import Settings, SettingsError, load_settings  # noqa: E402

TEMPLATE = ROOT / "deploy" / "haproxy.cfg"
HAPROXY = "/usr/sbin/haproxy"
START_TIMEOUT = 120.0


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else (os.cpu_count() or 1)
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"eCandidat : {error}", file=sys.stderr)
        return 78
    if problem := _cannot_serve(settings, count):
        print(f"eCandidat : {problem}", file=sys.stderr)
        return 78
    ports = [settings.port + number for number in range(1, count + 1)]
    processes: list[subprocess.Popen] = []

    def stop(*_args, code: int = 0) -> None:
        for process in reversed(processes):
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
        raise SystemExit(code)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for index, port in enumerate(ports):
        processes.append(_start_process(port))
        print(f"processus p{index + 1} : port {port}, pid {processes[-1].pid}", flush=True)
        if index == 0 and not _answers(port, processes[0]):  # it migrated the database, or it says why not
            stop(code=1)
    for port, process in zip(ports[1:], processes[1:], strict=True):
        if not _answers(port, process):
            stop(code=1)
    config = settings.data_dir / "haproxy.cfg"
    config.write_text(haproxy_config(settings, ports))
    processes.append(subprocess.Popen([HAPROXY, "-db", "-f", str(config)]))
    print(f"HAProxy : http://{settings.host}:{settings.port} devant {count} processus", flush=True)
    while processes[-1].poll() is None:  # HAProxy takes a dead process out; serve ends with HAProxy
        time.sleep(1)
    stop(code=1)
    return 1


def _cannot_serve(settings: Settings, count: int) -> str:
    if count < 1:
        return "le nombre de processus doit être au moins 1"
    if not Path(HAPROXY).exists():
        return f"HAProxy n'est pas installé ({HAPROXY}) : apt install haproxy"
    if count > 1 and not settings.database_url.startswith("postgresql"):
        return "plusieurs processus partagent une base PostgreSQL : réglez ECANDIDAT_DATABASE_URL"
    return ""


def _start_process(port: int) -> subprocess.Popen:
    env = os.environ | {
        "ECANDIDAT_HOST": "127.0.0.1",
        "ECANDIDAT_PORT": str(port),
        "ECANDIDAT_FORWARDED_ALLOW_IPS": "127.0.0.1",  # the proxy, on this machine
    }
    return subprocess.Popen([sys.executable, str(ROOT / "main.py")], cwd=ROOT, env=env)


def _answers(port: int, process: subprocess.Popen) -> bool:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/sante", timeout=5) as response:
                if response.status == 200:
                    return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    return False


def haproxy_config(settings: Settings, ports: list[int]) -> str:
    """deploy/haproxy.cfg with this machine's address and processes; no Secure cookie on plain HTTP."""
    lines = []
    for line in TEMPLATE.read_text().splitlines():
        stripped = line.strip()
        if stripped.startswith("server "):
            continue
        if stripped == "bind :80":
            line = f"    bind {settings.host}:{settings.port}"
        if stripped.startswith("cookie ") and not settings.public_url.startswith("https://"):
            line = line.replace(" secure", "")
        lines.append(line)
        if stripped.startswith("default-server "):
            lines += [f"    server p{n} 127.0.0.1:{port} cookie p{n}" for n, port in enumerate(ports, start=1)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
