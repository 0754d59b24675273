"""The gestion's screens at a large institution's size: each screen's first page and a search, timed through the
very service call the screen's table makes (`platform.<service>.page(actor, query)`).

    .venv/bin/python benchmarks/gestion_screens.py                    # SQLite file, ~1 min to fill
    .venv/bin/python benchmarks/gestion_screens.py --repeat 30
    .venv/bin/python benchmarks/gestion_screens.py --postgres postgresql://postgres@127.0.0.1:5432/bench_gestion

Target (issue 7): **≤ 300 ms** for the first page and for a search with 2,000 formations, 200 staff members and
100,000 journal rows.

The database is filled with the project's own models: 40 centres, 200 commissions, 2,000 formations with
accented libellés, 200 staff members with one grant each (administrators, scolarité, gestionnaires of a centre,
commission members), 100,000 journal lines spread over a year. `--postgres` takes a database of its own: every
table in it is dropped and made again. Each case is called `--warm-up` times, then `--repeat` times, as an
administrator and as a gestionnaire of one centre (whose rights narrow the query); the script prints p50 and
p95 and the ratio of p50 to a bare `SELECT … LIMIT 25` on the same table (the floor any screen pays). It
asserts nothing; the load average is printed, since other programs running meanwhile change the figures.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_common import fresh_database  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402

TARGET_MS = 300.0
SIZES = {"centres": 40, "commissions": 200, "formations": 2000, "staff": 200, "journal": 100_000}
WORDS = ["Économie", "Droit", "Mathématiques", "Lettres modernes", "Physique", "Chimie", "Histoire", "Géographie"]
DEGREES = ["Licence", "Master", "DUT", "Licence professionnelle", "Diplôme d'université"]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def build(database_url: str, data_dir: Path):
    os.environ["ECANDIDAT_DATA_DIR"] = str(data_dir)
    os.environ["ECANDIDAT_DATABASE_URL"] = database_url
    os.environ.setdefault("ECANDIDAT_PUBLIC_URL", "http://ecandidat.test")
    from ecandidat_ui.lifecycle import prepare
    from ecandidat_ui.platform import build_platform
    from ecandidat_ui.settings import load_settings

    platform = build_platform(load_settings())
    prepare(platform)
    return platform


def fill(platform) -> tuple[int, int]:
    """The rows, inserted in bulk; returns (an administrator's id, a gestionnaire's id and centre)."""
    from models import Centre, Commission, Formation, JournalEntry, StaffGrant, StaffMember

    rng = random.Random(7)
    n = SIZES
    with platform.db.session() as session:
        session.execute(
            insert(Centre),
            [{"code": f"C{i:03}", "label": f"UFR {WORDS[i % len(WORDS)]} {i}"} for i in range(n["centres"])],
        )
        centres = [row[0] for row in session.execute(text("SELECT id FROM centre ORDER BY id"))]
        session.execute(
            insert(Commission),
            [
                {
                    "code": f"K{i:04}",
                    "label": f"Commission {WORDS[i % len(WORDS)]} {i}",
                    "centre_id": centres[i % len(centres)],
                }
                for i in range(n["commissions"])
            ],
        )
        commissions = session.execute(text("SELECT id, centre_id FROM commission ORDER BY id")).all()
        today = date.today()
        formations = []
        for i in range(n["formations"]):
            commission_id, centre_id = commissions[i % len(commissions)]
            opens = today + timedelta(days=rng.randint(-60, 60))
            formations.append(
                {
                    "code": f"F{i:05}",
                    "label": f"{DEGREES[i % len(DEGREES)]} {WORDS[rng.randrange(len(WORDS))]} parcours {i}",
                    "centre_id": centre_id,
                    "commission_id": commission_id,
                    "diploma_type": DEGREES[i % len(DEGREES)],
                    "opens_on": opens,
                    "closes_on": opens + timedelta(days=30),
                    "capacity": rng.randint(10, 200),
                }
            )
        session.execute(insert(Formation), formations)
        session.execute(
            insert(StaffMember),
            [
                {
                    "mail": f"agent{i}@univ.example.fr",
                    "mail_key": f"agent{i}@univ.example.fr",
                    "last_name": f"Nom{i} {WORDS[i % len(WORDS)]}",
                    "first_name": f"Prénom{i}",
                }
                for i in range(n["staff"])
            ],
        )
        staff = [row[0] for row in session.execute(text("SELECT id FROM staffmember ORDER BY id"))]
        roles = ["admin", "scolarite", "centre", "commission"]
        grants = []
        for index, staff_id in enumerate(staff):
            role = roles[index % len(roles)]
            grant = {"staff_id": staff_id, "role": role}
            if role == "centre":
                grant["centre_id"] = centres[index % len(centres)]
            if role == "commission":
                grant["commission_id"], grant["centre_id"] = commissions[index % len(commissions)]
            grants.append(grant)
        session.execute(insert(StaffGrant), grants)
        start = datetime.now(UTC) - timedelta(days=365)
        for first in range(0, n["journal"], 10_000):
            session.execute(
                insert(JournalEntry),
                [
                    {
                        "at": start + timedelta(minutes=i * 5),
                        "staff_id": staff[i % len(staff)],
                        "actor_name": f"Prénom{i % len(staff)} Nom{i % len(staff)}",
                        "action": "update",
                        "object_type": "formation",
                        "object_id": str(i % n["formations"]),
                        "object_label": f"Formation {i % n['formations']}",
                        "before": "{}",
                        "after": "{}",
                    }
                    for i in range(first, min(first + 10_000, n["journal"]))
                ],
            )
        session.commit()
        manager = next(g for g in grants if g["role"] == "centre")
    admin = next(g for g in grants if g["role"] == "admin")
    return admin["staff_id"], manager["staff_id"]


def timed(call: Callable[[], object], warm_up: int, repeat: int) -> list[float]:
    for _ in range(warm_up):
        call()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def cases(platform, admin, manager) -> dict[str, Callable[[], object]]:
    from ecandidat_ui.services.journal import JournalFilter
    from ecandidat_ui.services.paging import TableQuery

    def page(service, actor, **query):
        return lambda: service(actor, TableQuery(**query))

    a_member = admin.id + 4
    return {
        "Centres · first page (admin)": page(platform.centres.page, admin, sort_by="label"),
        "Commissions · first page (admin)": page(platform.commissions.page, admin, sort_by="label"),
        "Commissions · search (admin)": page(platform.commissions.page, admin, search="economie"),
        "Formations · first page (admin)": page(platform.formations.page, admin, sort_by="code"),
        "Formations · search one word (admin)": page(platform.formations.page, admin, search="economie"),
        "Formations · search two words (admin)": page(platform.formations.page, admin, search="master droit"),
        "Formations · sorted by libellé, last page (admin)": page(
            platform.formations.page, admin, sort_by="label", descending=True, page=80
        ),
        "Formations · first page (gestionnaire)": page(platform.formations.page, manager, sort_by="code"),
        "Formations · search (gestionnaire)": page(platform.formations.page, manager, search="parcours"),
        "Personnels · first page": page(platform.staff.members_page, admin, sort_by="last_name"),
        "Personnels · search": page(platform.staff.members_page, admin, search="economie"),
        "Journal · first page": lambda: platform.journal.page(admin, JournalFilter(), limit=50),
        "Journal · one member": lambda: platform.journal.page(admin, JournalFilter(staff_id=a_member), limit=50),
        "Journal · one object": lambda: platform.journal.page(
            admin, JournalFilter(object_type="formation", object_id="17"), limit=50
        ),
        "Journal · a month, page 20": lambda: platform.journal.page(
            admin,
            JournalFilter(from_day=date.today() - timedelta(days=200), to_day=date.today() - timedelta(days=170)),
            offset=950,
            limit=50,
        ),
    }


def bare(platform, table: str) -> Callable[[], object]:
    def call() -> object:
        with platform.db.session() as session:
            return session.execute(text(f"SELECT * FROM {table} ORDER BY id LIMIT 25")).all()

    return call


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", help="a PostgreSQL database of its own (its tables are replaced)")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--warm-up", type=int, default=3)
    options = parser.parse_args()
    folder, url = fresh_database(options.postgres, "bench-gestion-")
    platform = build(url, folder)
    started = time.perf_counter()
    admin_id, manager_id = fill(platform)
    from ecandidat_ui.services import rights

    with platform.db.session() as session:
        admin, manager = rights.load_actor(session, admin_id), rights.load_actor(session, manager_id)
    print(f"database: {url.split('@')[-1]}; filled in {time.perf_counter() - started:.1f} s: {SIZES}")
    print(f"load average before: {load_average()}  (2-core machine: above 2, other work is running)")
    floor = {
        table: statistics.median(timed(bare(platform, table), options.warm_up, options.repeat))
        for table in ("formation", "staffmember", "journalentry")
    }
    print(f"bare SELECT … LIMIT 25, p50 ms: {', '.join(f'{t} {ms:.2f}' for t, ms in floor.items())}")
    print(f"{'case':<52} {'p50 ms':>8} {'p95 ms':>8} {'× bare':>7}  target ≤ {TARGET_MS:.0f} ms")
    for name, call in cases(platform, admin, manager).items():
        times = timed(call, options.warm_up, options.repeat)
        reference = floor[
            "journalentry" if "Journal" in name else "staffmember" if "Personnels" in name else "formation"
        ]
        p50, p95 = statistics.median(times), percentile(times, 0.95)
        verdict = "ok" if p95 <= TARGET_MS else "OVER"
        print(f"{name:<52} {p50:>8.1f} {p95:>8.1f} {p50 / reference:>7.1f}  {verdict}")
    print(f"load average after: {load_average()}")
    platform.db.dispose()


if __name__ == "__main__":
    main()
