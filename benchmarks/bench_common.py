"""What account_memory.py, page_load.py and upload_stall.py share with login_storm.py: the app as a subprocess,
accounts and candidate files prepared with the project's own code, the machine's load and the app's memory.

Not a benchmark itself. The scripts run as `python benchmarks/<name>.py`, so this folder is on sys.path.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import login_storm
from login_storm import (  # re-exported: the scripts import everything from here
    CHROMIUM,
    CHROMIUM_ARGS,
    CONNECTED,
    PASSWORD,
    app_environment,
    free_port,
    log_tail,
    percentile,
    sign_in,
    start_app,
    stop_app,
    summary,
    wait_until_answers,
)

ROOT = login_storm.ROOT

__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "CONNECTED",
    "PASSWORD",
    "ROOT",
    "App",
    "add_accounts",
    "app_environment",
    "complete_file",
    "free_port",
    "load_average",
    "log_tail",
    "open_platform",
    "percentile",
    "rss_mb",
    "sign_in",
    "start_app",
    "stop_app",
    "summary",
    "wait_until_answers",
]

# A complete file, as in tests/unit/test_file_rules.py (Ajaccio: département 2A, commune 2A004, 20000).
PERSONAL = {
    "nationality": "100",  # replaced by refdata.FRANCE_CODE in complete_file
    "ine": "",
    "civility": "Mme",
    "birth_name": "Baillon",
    "first_name": "Marie",
    "birth_date": "2003-02-14",
    "birth_departement": "2A",
    "birth_commune": "2A004",
    "phone": "01 23 45 67 89",
}
ADDRESS = {"postal_code": "20000", "commune": "2A004", "line1": "1 cours Napoléon"}


@dataclass
class Candidate:
    id: int
    login: str


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} / {five:.2f} / {fifteen:.2f} (1 / 5 / 15 min) on {os.cpu_count()} cores"


def open_platform(env: dict[str, str]):
    """The app's Platform on the benchmark's database (schema upgraded, default campaign), as main.py builds it."""
    os.environ.clear()
    os.environ.update(env)
    os.chdir(ROOT)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from ecandidat_ui import lifecycle
    from ecandidat_ui.platform import build_platform
    from ecandidat_ui.settings import load_settings

    platform = build_platform(load_settings())
    lifecycle.prepare(platform)
    return platform


def add_accounts(platform, count: int, last_name: str = "Banc") -> list[Candidate]:
    """`count` validated accounts (mail confirmed) sharing one password hash; returns their ids and logins."""
    from ecandidat_ui import security
    from ecandidat_ui.services import fields
    from models import Account, IssuedLogin
    from models.clock import utcnow

    password_hash = security.hash_password(PASSWORD)
    accounts: list[Account] = []
    taken: set[str] = set()
    prefix = platform.parameters.current().login_prefix
    with platform.db.session() as session:
        for number in range(count):
            login = security.new_login(prefix)
            while login in taken:
                login = security.new_login(prefix)
            taken.add(login)
            mail = f"{last_name.lower()}.{number}.{login.lower()}@example.org"
            session.add(IssuedLogin(login=login))
            account = Account(
                login=login,
                last_name=last_name,
                first_name=f"Candidat{number}",
                mail=mail,
                mail_key=fields.mail_key(mail),
                password_hash=password_hash,
                mail_confirmed=True,
                validated_at=utcnow(),
            )
            session.add(account)
            accounts.append(account)
        session.flush()
        return [Candidate(account.id, account.login) for account in accounts]


def complete_file(platform, account_id: int) -> str:
    """Fill the four required tabs through the services (no studies after the bac), so the candidate can apply;
    returns the session (opened directly) that filled them, for further changes."""
    from ecandidat_ui import refdata

    service = platform.candidate_file
    today = date.today()
    france = refdata.FRANCE_CODE
    personal = {**PERSONAL, "nationality": france, "birth_country": france}
    me = platform.sessions.start(account_id)
    service.save_personal(me, personal, 0, today)
    service.save_address(me, {**ADDRESS, "country": france}, 0)
    school = refdata.search_lycees("lycee", departement="75", limit=1)[0]
    bac = {
        "has_bac": True,
        "year": "2019",
        "series": "S",
        "country": france,
        "departement": "75",
        "commune": school.commune,
        "school": school.uai,
    }
    service.save_bac(me, bac, 0, today)
    service.set_no_higher_education(me, True)
    return me


def rss_mb(pid: int) -> float:
    """Resident memory of a process, MB (/proc/<pid>/status VmRSS)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class App:
    """The real app (`main.py`) on a free port with a throw-away data folder; a context manager."""

    def __init__(
        self,
        prefix: str,
        keep: bool = False,
        inspect: bool = False,
        trace: bool = False,
        ws_deflate: bool = True,
        what_if: dict[str, str] | None = None,
    ) -> None:
        self.data_dir = Path(tempfile.mkdtemp(prefix=prefix))
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = app_environment(self.data_dir, self.port)
        self.log_path = self.data_dir / "server.log"
        self.keep = keep
        self.what_if = what_if or {}  # app_inspect.py's BENCH_... variables
        self.inspect = inspect or trace or not ws_deflate or bool(self.what_if)  # app_inspect.py: /__bench/ routes
        self.trace = trace  # tracemalloc in the app (slower, more memory)
        self.ws_deflate = ws_deflate  # False: what-if, websockets without permessage-deflate
        self.server = None

    @property
    def pid(self) -> int:
        return self.server.pid

    def start(self) -> None:
        began = time.monotonic()
        if self.inspect:
            env = {**self.env, **({"BENCH_TRACEMALLOC": "1"} if self.trace else {}), **self.what_if}
            if not self.ws_deflate:
                env["BENCH_WS_DEFLATE"] = "0"
            self.server = subprocess.Popen(
                [sys.executable, str(Path(__file__).with_name("app_inspect.py"))],
                cwd=ROOT,
                env=env,
                stdout=self.log_path.open("wb"),
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        else:
            self.server = start_app(self.env, self.log_path, None)
        wait_until_answers(self.base_url, self.server, self.log_path)
        script = "main.py"
        if self.inspect:
            what_if = [*(["tracemalloc"] if self.trace else []), *([] if self.ws_deflate else ["no ws deflate"])]
            what_if += [f"{name}={value}" for name, value in self.what_if.items()]
            script = "app_inspect.py" + (f" ({', '.join(what_if)})" if what_if else "")
        print(f"app ({script}) pid {self.server.pid} on {self.base_url}; answered in {time.monotonic() - began:.1f} s")

    def bench(self, route: str, **params) -> object:
        """GET /__bench/<route> of app_inspect.py (JSON)."""
        query = urllib.parse.urlencode(params)
        with urllib.request.urlopen(f"{self.base_url}/__bench/{route}?{query}", timeout=120) as answer:
            return json.loads(answer.read())

    def __enter__(self) -> App:
        return self

    def __exit__(self, *_) -> None:
        if self.server is not None:
            stop_app(self.server)
        if self.keep:
            print(f"kept {self.data_dir}")
        else:
            import shutil

            shutil.rmtree(self.data_dir, ignore_errors=True)


def reset_postgres(url: str) -> None:
    """Empty a PostgreSQL database of its own for a benchmark (every table of its public schema dropped)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def fresh_database(postgres: str | None, prefix: str) -> tuple[Path, str]:
    """A throw-away folder and a database: the PostgreSQL one given, emptied, or else an SQLite file there."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    if postgres:
        reset_postgres(postgres)
        return folder, postgres
    return folder, f"sqlite:///{folder / 'bench.sqlite3'}"
