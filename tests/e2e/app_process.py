"""The real platform in its own process (`python main.py` from the repo root), as the browser tests and
scripts/screenshots.py start it: a free port, its own data folder, mails to a given SMTP server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from tests.mailbox import free_port

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 90.0
STOP_TIMEOUT = 10.0
# Inherited from a parent NiceGUI app or from pytest: they would change how the child runs.
DROPPED_VARIABLES = (
    "PYTEST_CURRENT_TEST",
    "NICEGUI_USER_SIMULATION",
    "NICEGUI_SCREEN_TEST_PORT",
    "NICEGUI_HOST",
    "NICEGUI_PORT",
    "NICEGUI_PROTOCOL",
    "NICEGUI_STORAGE_PATH",
)


class AppDidNotStart(RuntimeError):
    pass


@dataclass
class RunningApp:
    url: str
    data_dir: Path
    log_path: Path
    process: subprocess.Popen = field(repr=False)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(STOP_TIMEOUT)


def child_environment(port: int, data_dir: Path, smtp_host: str, smtp_port: int) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("ECANDIDAT_") and name not in DROPPED_VARIABLES
    }
    env.update(
        ECANDIDAT_HOST="127.0.0.1",
        ECANDIDAT_PORT=str(port),
        ECANDIDAT_PUBLIC_URL=f"http://127.0.0.1:{port}",
        ECANDIDAT_DATA_DIR=str(data_dir),
        ECANDIDAT_SMTP_HOST=smtp_host,
        ECANDIDAT_SMTP_PORT=str(smtp_port),
        ECANDIDAT_INSTITUTION_NAME="Université Esup",
        PYTHONUNBUFFERED="1",
    )
    return env


def start_app(
    data_dir: Path,
    smtp_host: str,
    smtp_port: int,
    *,
    extra_env: dict[str, str] | None = None,
    python: str = sys.executable,
    script: Path = ROOT / "main.py",
) -> RunningApp:
    """Start main.py and return once its home page answers; raise AppDidNotStart with its log otherwise.
    `extra_env` adds or overrides settings (ECANDIDAT_…) of this app; `script` starts a test-only app instead
    (e.g. tests/e2e/table_demo_app.py), with the same settings."""
    data_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log_path = data_dir.parent / f"app-{port}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [python, str(script)],
            cwd=ROOT,
            env=child_environment(port, data_dir, smtp_host, smtp_port) | (extra_env or {}),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    app = RunningApp(f"http://127.0.0.1:{port}", data_dir, log_path, process)
    try:
        _wait_until_answering(app, port)
    except BaseException:
        app.stop()
        raise
    return app


def _wait_until_answering(app: RunningApp, port: int) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        if app.process.poll() is not None:
            raise AppDidNotStart(f"main.py stopped with code {app.process.returncode}:\n{app.log()}")
        if port_open(port):
            try:
                with urllib.request.urlopen(f"{app.url}/", timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
        if time.monotonic() > deadline:
            raise AppDidNotStart(f"main.py did not answer on port {port} within {START_TIMEOUT:.0f} s:\n{app.log()}")
        time.sleep(0.1)


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0
