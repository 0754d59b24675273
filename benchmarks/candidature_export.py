"""The gestion's candidatures at a big centre's size: 50,000 candidatures in one centre, the table's first page, a
filter and a sort timed through the very call the screen's table makes (`CandidatureTableService.page`), then
the XLSX export of the whole centre with every column group (`CandidatureExportService.xlsx`): its time, and its
peak of Python memory (tracemalloc, a second run: tracing slows it down).

    .venv/bin/python benchmarks/candidature_export.py                       # SQLite file, then PostgreSQL when
    ECANDIDAT_TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench_exports \\
        .venv/bin/python benchmarks/candidature_export.py                   # ...this is set (its tables replaced)

Targets (issue 8, item 5): **≤ 300 ms** for the page, the filter and the sort; **≤ 30 s** for the export.

The rows are inserted in bulk with the project's models (their defaults applied in Python): one centre, 10
commissions, 100 formations, 50,000 accounts with their personal file, address and bac, one candidature each
(a quarter transmitted and Complet, some with an avis), and an answer to one question for a tenth of them;
then ANALYZE, as autovacuum does on a live database (without statistics PostgreSQL's plans are 5–10× slower).
It asserts nothing; the load average is printed, since other programs running meanwhile change the figures.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_common import reset_postgres  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402

from benchmarks.gestion_screens import build, timed  # noqa: E402

TARGET_MS, TARGET_EXPORT_S = 300.0, 30.0
CANDIDATURES, FORMATIONS, COMMISSIONS, BATCH = 50_000, 100, 10, 5_000
NAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Lefèvre"]
FIRST = ["Marie", "Lucas", "Léa", "Hugo", "Chloé", "Louis", "Emma", "Jules", "Inès", "Zoé"]


def _rows(model, values: list[dict]) -> list[dict]:
    """The rows as the model makes them (its defaults applied), ready for a bulk INSERT."""
    return [model(**value).model_dump(exclude={"id"}) for value in values]


def fill(platform) -> tuple[int, int]:
    """The rows, inserted in bulk; returns (a gestionnaire of the centre's id, the centre's id)."""
    from models import (
        Account,
        Answer,
        Baccalaureate,
        Campaign,
        Candidature,
        Centre,
        Commission,
        Formation,
        PersonalInfo,
        PostalAddress,
        Question,
        StaffGrant,
        StaffMember,
    )

    rng = random.Random(8)
    today = date.today()
    now = datetime.now(UTC)
    with platform.db.session() as session:
        campaign = session.execute(text("SELECT id FROM campaign WHERE is_active")).first()
        if campaign is None:
            session.execute(
                insert(Campaign),
                _rows(
                    Campaign,
                    [
                        {
                            "code": "BENCH",
                            "label": "Campagne",
                            "starts_on": today - timedelta(days=60),
                            "ends_on": today + timedelta(days=300),
                            "candidates_end_on": today + timedelta(days=200),
                            "is_active": True,
                        }
                    ],
                ),
            )
            campaign = session.execute(text("SELECT id FROM campaign WHERE is_active")).first()
        campaign_id = campaign[0]
        session.execute(insert(Centre), _rows(Centre, [{"code": "BIG", "label": "UFR Très Grande"}]))
        centre_id = session.execute(text("SELECT id FROM centre WHERE code = 'BIG'")).one()[0]
        session.execute(
            insert(Commission),
            _rows(
                Commission,
                [{"code": f"K{i}", "label": f"Commission {i}", "centre_id": centre_id} for i in range(COMMISSIONS)],
            ),
        )
        commissions = [row[0] for row in session.execute(text("SELECT id FROM commission ORDER BY id"))]
        session.execute(
            insert(Formation),
            _rows(
                Formation,
                [
                    {
                        "code": f"F{i:04}",
                        "label": f"Master parcours {i} Économie",
                        "centre_id": centre_id,
                        "commission_id": commissions[i % COMMISSIONS],
                        "diploma_type": "Master",
                        "opens_on": today - timedelta(days=30),
                        "closes_on": today + timedelta(days=30),
                    }
                    for i in range(FORMATIONS)
                ],
            ),
        )
        formations = [row[0] for row in session.execute(text("SELECT id FROM formation ORDER BY id"))]
        session.execute(
            insert(Question), _rows(Question, [{"code": "PROJET", "label": "Votre projet ?", "centre_id": centre_id}])
        )
        question_id = session.execute(text("SELECT id FROM question WHERE code = 'PROJET'")).one()[0]
        for first in range(0, CANDIDATURES, BATCH):
            numbers = range(first, min(first + BATCH, CANDIDATURES))
            session.execute(
                insert(Account),
                _rows(
                    Account,
                    [
                        {
                            "login": f"B{i:07}",
                            "last_name": f"{NAMES[i % len(NAMES)].upper()} {i}",
                            "first_name": FIRST[i % len(FIRST)].upper(),
                            "mail": f"c{i}@example.org",
                            "mail_key": f"c{i}@example.org",
                        }
                        for i in numbers
                    ],
                ),
            )
            ids = [
                row[0]
                for row in session.execute(
                    text("SELECT id FROM account WHERE login >= :a AND login <= :b ORDER BY login"),
                    {"a": f"B{numbers[0]:07}", "b": f"B{numbers[-1]:07}"},
                )
            ]
            session.execute(
                insert(PersonalInfo),
                _rows(
                    PersonalInfo,
                    [
                        {
                            "account_id": account_id,
                            "civility": "Mme",
                            "birth_name": NAMES[i % len(NAMES)],
                            "first_name": FIRST[i % len(FIRST)],
                            "birth_date": date(2000 + i % 6, 1 + i % 12, 1 + i % 28),
                            "birth_country": "99100",
                            "birth_commune": "2A004",
                            "nationality": "99100",
                            "phone": "01 23 45 67 89",
                        }
                        for i, account_id in zip(numbers, ids, strict=True)
                    ],
                ),
            )
            session.execute(
                insert(PostalAddress),
                _rows(
                    PostalAddress,
                    [
                        {
                            "account_id": account_id,
                            "country": "99100",
                            "postal_code": "20000",
                            "commune": "2A004",
                            "line1": f"{i} cours Napoléon",
                        }
                        for i, account_id in zip(numbers, ids, strict=True)
                    ],
                ),
            )
            session.execute(
                insert(Baccalaureate),
                _rows(
                    Baccalaureate,
                    [{"account_id": account_id, "year": 2019, "series": "S"} for account_id in ids],
                ),
            )
            candidatures = []
            for i, account_id in zip(numbers, ids, strict=True):
                transmitted = i % 4 == 0
                candidatures.append(
                    {
                        "account_id": account_id,
                        "formation_id": formations[rng.randrange(FORMATIONS)],
                        "campaign_id": campaign_id,
                        "status": "Complet" if transmitted else "En attente",
                        "transmitted_at": now - timedelta(days=i % 30) if transmitted or i % 4 == 1 else None,
                        "decision": "Favorable" if i % 8 == 0 else "",
                    }
                )
            session.execute(insert(Candidature), _rows(Candidature, candidatures))
            made = session.execute(
                text("SELECT id FROM candidature WHERE account_id >= :a AND account_id <= :b"),
                {"a": ids[0], "b": ids[-1]},
            ).all()
            session.execute(
                insert(Answer),
                [
                    {"candidature_id": row[0], "question_id": question_id, "value": "Devenir chercheuse"}
                    for index, row in enumerate(made)
                    if index % 10 == 0
                ],
            )
        session.execute(
            insert(StaffMember),
            _rows(
                StaffMember,
                [{"mail": "g@univ.example", "mail_key": "g@univ.example", "last_name": "Nom", "first_name": "Gé"}],
            ),
        )
        staff_id = session.execute(text("SELECT id FROM staffmember WHERE mail_key = 'g@univ.example'")).one()[0]
        session.execute(
            insert(StaffGrant), _rows(StaffGrant, [{"staff_id": staff_id, "role": "centre", "centre_id": centre_id}])
        )
        session.commit()
    with platform.db.engine.connect() as connection:  # the statistics a live database has (autovacuum's ANALYZE)
        connection.execute(text("ANALYZE"))
        connection.commit()
    return staff_id, centre_id


def run(name: str, database_url: str, warm_up: int, repeat: int) -> None:
    from ecandidat_ui.services import rights
    from ecandidat_ui.services.candidature_export import GROUPS
    from ecandidat_ui.services.paging import TableQuery

    with tempfile.TemporaryDirectory() as folder:
        platform = build(database_url, Path(folder))
        started = time.perf_counter()
        staff_id, centre_id = fill(platform)
        print(f"\n{name}: {CANDIDATURES:,} candidatures in one centre, filled in {time.perf_counter() - started:.0f} s")
        with platform.db.session() as session:
            actor = rights.load_actor(session, staff_id)
        key = f"centre-{centre_id}"
        table = platform.candidature_table

        def page(**query):
            return lambda: table.page(actor, key, TableQuery(**query))

        cases = {
            "first page (sorted by Nom)": page(sort_by="last_name"),
            "filter Statut = Complet": page(sort_by="last_name", filters={"status": "Complet"}),
            "sort by Libellé formation, descending, page 40": page(sort_by="formation_label", descending=True, page=40),
            "filter Avis = Favorable, sorted by Date transmission": page(
                sort_by="transmitted", filters={"avis": "Favorable"}
            ),
            "search « martin 12 » (fold in SQL)": page(search="martin 12"),
        }
        print(f"{'case':58} {'p50 ms':>8} {'p95 ms':>8}  target {TARGET_MS:.0f} ms")
        for label, call in cases.items():
            times = timed(call, warm_up, repeat)
            p95 = sorted(times)[min(len(times) - 1, int(0.95 * len(times)))]
            print(f"{label:58} {statistics.median(times):8.1f} {p95:8.1f}")
        query = TableQuery(sort_by="last_name")
        started = time.perf_counter()
        result = platform.candidature_export.xlsx(actor, key, query, GROUPS)
        seconds = time.perf_counter() - started
        size = platform.export_files.claim(actor.id, result.token).path.stat().st_size
        print(
            f"XLSX export, every group: {result.count:,} rows in {seconds:.1f} s "
            f"(target {TARGET_EXPORT_S:.0f} s), {size / 1e6:.1f} MB"
        )
        tracemalloc.start()
        platform.candidature_export.xlsx(actor, key, query, GROUPS)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"XLSX export, peak of Python memory (tracemalloc): {peak / 1e6:.1f} MB")
        platform.db.dispose()
    print(f"load average: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")


def main() -> None:
    global CANDIDATURES
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warm-up", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--candidatures", type=int, default=CANDIDATURES)
    arguments = parser.parse_args()
    CANDIDATURES = arguments.candidatures
    if not arguments.skip_sqlite:
        with tempfile.TemporaryDirectory() as folder:
            run("SQLite", f"sqlite:///{Path(folder) / 'bench.sqlite3'}", arguments.warm_up, arguments.repeat)
    postgres = os.environ.get("ECANDIDAT_TEST_DATABASE_URL")
    if postgres:
        reset_postgres(postgres)
        run("PostgreSQL", postgres, arguments.warm_up, arguments.repeat)


if __name__ == "__main__":
    main()
