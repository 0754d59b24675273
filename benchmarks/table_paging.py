"""Table paging: how long the gestion's tables take to show their first page and a search, at an institution's size.

    .venv/bin/python benchmarks/table_paging.py                          # 2,000 and 100,000 rows, SQLite (~2 min)
    .venv/bin/python benchmarks/table_paging.py --sizes 2000 --repeat 10
    .venv/bin/python benchmarks/table_paging.py --postgres postgresql://postgres@127.0.0.1:5432/bench_tables
    .venv/bin/python benchmarks/table_paging.py --browser                # also timed in Chromium, in the page

Target: **≤ 300 ms for the first page and for a search** (issue 7: 2,000 formations, 200 staff members,
100,000 journal rows).

The rows are those of tests/table_demo.py (code, libellé, centre, capacité, date; the libellés and centres
with accents), `--sizes` of them in a throw-away SQLite file (and in the PostgreSQL database given, whose table
`paging_demo` is replaced then dropped: give a database of its own). For each size and database, after
`--warm-up` calls, each case is called `--repeat` times through `paginate` exactly as a screen's `fetch`
does (a session, the count, the page, the rows turned into dicts):

- bare query: `SELECT … ORDER BY code LIMIT 25` and nothing else — the reference of the ratios;
- first page (sorted by code), sorted by libellé descending, the last page (deepest OFFSET);
- searches of one and two words folded in SQL (`searchable`: case, accents and ligatures folded per row);
- the same searches on the folded copy a service keeps in a column (`folded`: `search_text`), the way for
  tables of 100,000 rows.

It prints p50 and p95 of each and the ratio of p50 to the bare query's. With `--browser`, the test-only app of
tests/e2e/table_demo_app.py runs the data table over the same rows (SQLite) and Chromium times, inside the page,
the load until the 25 rows are visible (navigation start to the first frame showing them; its ratio is to the
same page without the table, loaded in turn) and a search from
the last key typed until the new count is shown, minus the search box's debounce (DEBOUNCE_MS, the wait for a
pause in typing, which is deliberate). It asserts nothing; the load average is printed, since other programs
running meanwhile change the figures.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_common import load_average, percentile  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlmodel import col, select  # noqa: E402

from components.data_table import DEBOUNCE_MS  # noqa: E402
from ecandidat_ui.db import Database  # noqa: E402
from ecandidat_ui.services.paging import TableQuery  # noqa: E402
from tests.table_demo import DemoBase, DemoRow, as_cells, create_demo, demo_page  # noqa: E402

TARGET_MS = 300.0
SEARCHES = {"one word": "economie", "two words": "master droit"}


def timed(call: Callable[[], object], warm_up: int, repeat: int) -> list[float]:
    for _ in range(warm_up):
        call()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def line(name: str, samples: list[float], reference: float | None = None) -> str:
    p50, p95 = statistics.median(samples), percentile(samples, 95)
    figures = f"  {name:<40s} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms"
    if reference is None:
        return figures
    return f"{figures}   × {p50 / reference:5.1f}   {'ok' if p95 <= TARGET_MS else 'OVER TARGET'}"


def bare_query(db: Database) -> Callable[[], object]:
    def run() -> list[dict]:
        with db.session() as session:
            rows = session.exec(select(DemoRow).order_by(col(DemoRow.code)).limit(25)).all()
            return [as_cells(row) for row in rows]

    return run


def fetch(db: Database, query: TableQuery, stored_search: bool = False) -> Callable[[], object]:
    return lambda: demo_page(db, query, stored_search=stored_search).map(as_cells)


def cases(db: Database, size: int) -> dict[str, Callable[[], object]]:
    last_page = max(1, -(-(size + 8) // 25))
    found = {
        "first page": fetch(db, TableQuery(sort_by="code")),
        "sorted by libellé, descending": fetch(db, TableQuery(sort_by="label", descending=True)),
        f"last page ({last_page})": fetch(db, TableQuery(sort_by="code", page=last_page)),
    }
    for name, words in SEARCHES.items():
        found[f"search, {name}, folded in SQL"] = fetch(db, TableQuery(search=words, sort_by="code"))
    for name, words in SEARCHES.items():
        found[f"search, {name}, folded column"] = fetch(db, TableQuery(search=words, sort_by="code"), True)
    return found


def measure_database(label: str, url: str, sizes: list[int], warm_up: int, repeat: int) -> None:
    db = Database(url)
    try:
        for size in sizes:
            began = time.monotonic()
            create_demo(db, size)
            if db.engine.dialect.name == "postgresql":
                with db.engine.begin() as connection:
                    connection.execute(text("ANALYZE paging_demo"))
            print(f"\n{label}, {size:,} rows (filled in {time.monotonic() - began:.1f} s)")
            bare = timed(bare_query(db), warm_up, repeat)
            print(line("bare query (reference)", bare))
            for name, call in cases(db, size).items():
                print(line(name, timed(call, warm_up, repeat), statistics.median(bare)))
    finally:
        DemoBase.metadata.drop_all(db.engine)
        db.dispose()


# Runs in the page: ms from navigation start until `count` rows of the table are visible, else false.
ROWS_VISIBLE_JS = """
(count) => {
  const rows = [...document.querySelectorAll('table tbody tr')];
  return rows.length >= count && rows[count - 1].checkVisibility() ? performance.now() : false;
}
"""

# Runs in the page: ms from navigation start until the reference page's text is visible, else false.
REFERENCE_VISIBLE_JS = """
() => {
  const text = document.getElementById('reference');
  return text && text.checkVisibility() ? performance.now() : false;
}
"""

# Runs in the page: type `words` in the search box; resolves with the ms from the input event until the table's
# range label shows a total other than `before` (the server's answer drawn).
SEARCH_JS = """
([words, before]) => new Promise((resolve) => {
  const input = document.querySelector('input[type="search"]');
  const label = () => [...document.querySelectorAll('.q-table__bottom .q-table__control span')]
    .map((el) => el.textContent).find((t) => t.includes(' sur ')) || '';
  const done = () => { const now = label(); return now && !now.endsWith(' ' + before); };
  const observer = new MutationObserver(() => {
    if (done()) { observer.disconnect(); clearTimeout(timer); resolve(performance.now() - start); }
  });
  observer.observe(document.body, {childList: true, subtree: true, characterData: true});
  const timer = setTimeout(() => { observer.disconnect(); resolve(null); }, 30000);
  const start = performance.now();
  input.value = words;
  input.dispatchEvent(new Event('input', {bubbles: true}));
})
"""


def measure_browser(sizes: list[int], warm_up: int, repeat: int) -> None:
    from playwright.sync_api import sync_playwright

    from tests.e2e.app_process import start_app
    from tests.e2e.chromium import CHROMIUM, launch
    from tests.mailbox import free_port

    if not CHROMIUM.exists():
        print(f"\nChromium: {CHROMIUM} absent, skipped")
        return
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for size in sizes:
            folder = Path(tempfile.mkdtemp(prefix="bench-table-"))
            app = start_app(
                folder / "data",
                "127.0.0.1",
                free_port(),  # no SMTP server listens there; the demo app sends no mail
                script=ROOT / "tests" / "e2e" / "table_demo_app.py",
                extra_env={"TABLE_DEMO_ROWS": str(size)},
            )
            try:
                context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
                page = context.new_page()
                references, loads, searches = [], [], []
                for round_number in range(warm_up + repeat):
                    page.goto(f"{app.url}/reference")
                    reference = page.wait_for_function(REFERENCE_VISIBLE_JS, polling="raf").json_value()
                    page.goto(app.url)
                    shown = page.wait_for_function(ROWS_VISIBLE_JS, arg=25, polling="raf").json_value()
                    page.wait_for_function("window.did_handshake === true")
                    words = SEARCHES["one word"] if round_number % 2 == 0 else SEARCHES["two words"]
                    answered = page.evaluate(SEARCH_JS, [words, f"{size + 8:,}".replace(",", "\u202f")])
                    if round_number >= warm_up:
                        references.append(reference)
                        loads.append(shown)
                        if answered is not None:
                            searches.append(answered - DEBOUNCE_MS)
                context.close()
            finally:
                app.stop()
            print(f"\nChromium, {size:,} rows (SQLite, SQL folding), timed in the page")
            print(line("same page without the table (reference)", references))
            print(line("first page visible", loads, statistics.median(references)))
            if searches:
                print(line("search, after the debounce", searches))
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,100000", help="numbers of rows, comma-separated")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--warm-up", type=int, default=2)
    parser.add_argument("--postgres", default="", help="a PostgreSQL database of its own (its paging_demo table)")
    parser.add_argument("--browser", action="store_true", help="also time the page in Chromium (SQLite)")
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.sizes.split(",")]
    print(load_average())
    print(
        f"target: p95 ≤ {TARGET_MS:.0f} ms; {arguments.repeat} calls per case after {arguments.warm_up} warm-up calls"
    )
    with tempfile.TemporaryDirectory(prefix="bench-table-") as folder:
        measure_database(
            "SQLite", f"sqlite:///{Path(folder) / 'tables.sqlite3'}", sizes, arguments.warm_up, arguments.repeat
        )
    if arguments.postgres:
        measure_database("PostgreSQL", arguments.postgres, sizes, arguments.warm_up, arguments.repeat)
    if arguments.browser:
        measure_browser(sizes, arguments.warm_up, arguments.repeat)
    print(f"\n{load_average()}")


if __name__ == "__main__":
    main()
