"""« Tableau de bord » and the rang réel at a large institution's size, timed through the very service calls the
screens make.

    .venv/bin/python benchmarks/dashboard.py                     # SQLite file
    .venv/bin/python benchmarks/dashboard.py --postgres postgresql://postgres@127.0.0.1:5432/bench_dashboard

The offer and staff of benchmarks/gestion_screens.py (2,000 formations, 200 commissions, 40 centres), plus
40,000 candidates with 100,000 candidatures in the active campaign: statuts, avis (a tenth on a ranked liste
complémentaire), confirmations and withdrawals at random. Target: **≤ 1 s** for a whole dashboard (every line of
every level at once), **≤ 300 ms** for a page of « Candidatures » sorted by rang réel. `--postgres` takes a
database of its own: every table in it is dropped and made again. Prints p50 and p95; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_common import fresh_database  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402

from benchmarks.gestion_screens import build, fill, load_average, percentile, timed  # noqa: E402

CANDIDATES = 40_000
CANDIDATURES = 100_000
STATUSES = ["En attente", "Réceptionné", "Incomplet", "Complet"]
DECISIONS = ["", "", "Favorable", "Défavorable", "Liste d'attente", "Liste complémentaire", "Présélection"]


def fill_candidatures(platform) -> None:
    from models import Account, Campaign, Candidature

    rng = random.Random(11)
    now = datetime.now(UTC)
    with platform.db.session() as session:
        campaign = session.execute(text("SELECT id FROM campaign WHERE is_active")).first()
        if campaign is None:
            session.execute(
                insert(Campaign),
                [{"code": "2027", "label": "Campagne 2027", "starts_on": now.date(), "ends_on": now.date(),
                  "candidates_end_on": now.date(), "is_active": True}],
            )  # fmt: skip
            campaign = session.execute(text("SELECT id FROM campaign WHERE is_active")).first()
        campaign_id = campaign[0]
        session.execute(
            insert(Account),
            [
                {"login": f"B{i:07}", "last_name": f"Nom{i}", "first_name": "Prénom", "mail": f"c{i}@example.org",
                 "mail_key": f"c{i}@example.org", "created_at": now}
                for i in range(CANDIDATES)
            ],
        )  # fmt: skip
        accounts = [row[0] for row in session.execute(text("SELECT id FROM account ORDER BY id"))]
        formations = [row[0] for row in session.execute(text("SELECT id FROM formation ORDER BY id"))]
        rows, seen = [], set()
        while len(rows) < CANDIDATURES:
            account, formation = rng.choice(accounts), rng.choice(formations)
            if (account, formation) in seen:
                continue
            seen.add((account, formation))
            decision = rng.choice(DECISIONS)
            validated = now if decision and rng.random() < 0.7 else None
            withdrawn = now if decision == "Favorable" and validated and rng.random() < 0.2 else None
            rows.append(
                {
                    "account_id": account,
                    "formation_id": formation,
                    "campaign_id": campaign_id,
                    "created_at": now,
                    "status": rng.choice(STATUSES),
                    "transmitted_at": now if rng.random() < 0.8 else None,
                    "decision": decision,
                    "decision_rank": rng.randint(1, 30) if decision == "Liste complémentaire" else None,
                    "decision_validated_at": validated,
                    "confirmed_at": now if decision == "Favorable" and validated and not withdrawn else None,
                    "withdrawn_at": withdrawn,
                }
            )
        for first in range(0, len(rows), 10_000):
            session.execute(insert(Candidature), rows[first : first + 10_000])
        session.commit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", help="a PostgreSQL database of its own (its tables are replaced)")
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--warm-up", type=int, default=2)
    options = parser.parse_args()
    folder, url = fresh_database(options.postgres, "bench-dashboard-")
    platform = build(url, folder)
    started = time.perf_counter()
    admin_id, manager_id = fill(platform)
    fill_candidatures(platform)
    from ecandidat_ui.services import rights
    from ecandidat_ui.services.paging import TableQuery

    with platform.db.session() as session:
        admin, manager = rights.load_actor(session, admin_id), rights.load_actor(session, manager_id)
        if platform.db.engine.dialect.name == "postgresql":
            session.execute(text("ANALYZE"))
        commission = session.execute(text("SELECT commission_id FROM formation WHERE id = 1")).scalar()
    print(f"database: {url.split('@')[-1]}; filled in {time.perf_counter() - started:.1f} s")
    print(f"load average before: {load_average()}  (2-core machine: above 2, other work is running)")
    dashboard, table = platform.dashboard, platform.candidature_table
    cases = {
        "Tableau de bord · par formation (admin, 2,000 lines)": lambda: dashboard.dashboard(admin, "formation"),
        "Tableau de bord · par commission (admin)": lambda: dashboard.dashboard(admin, "commission"),
        "Tableau de bord · par centre (admin)": lambda: dashboard.dashboard(admin, "centre"),
        "Tableau de bord · par formation (gestionnaire)": lambda: dashboard.dashboard(manager, "formation"),
        "Tableau de bord · XLSX par formation (admin)": lambda: dashboard.workbook(admin, "formation"),
        "Candidatures · sorted by rang réel (a commission)": lambda: table.page(
            admin, f"commission-{commission}", TableQuery(sort_by="real_rank")
        ),
        "Candidatures · by name, with rang réel (a commission)": lambda: table.page(
            admin, f"commission-{commission}", TableQuery(sort_by="last_name")
        ),
    }
    print(f"{'case':<56} {'p50 ms':>8} {'p95 ms':>8}")
    for name, call in cases.items():
        times = timed(call, options.warm_up, options.repeat)
        print(f"{name:<56} {statistics.median(times):8.1f} {percentile(times, 0.95):8.1f}")
    print(f"load average after: {load_average()}")
    platform.db.dispose()


if __name__ == "__main__":
    main()
