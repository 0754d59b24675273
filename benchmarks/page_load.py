"""Page load: how long a candidate waits, in Chromium, for the main content of the heavier pages.

    .venv/bin/python benchmarks/page_load.py [--loads 10] [--warm-up 2] [--centres 20] [--per-centre 100]

Starts the real app (`main.py`) on a free port with a throw-away data folder (no SMTP) and prepares, with the
project's own code:

- an offer of `--centres` × `--per-centre` formations (2,000 by default) loaded with `apply_offer`, five types
  of diploma per centre, most windows open;
- candidate « listes »: 10 professional experiences and 10 post-bac studies (CandidateFileService.save_entry);
- candidate « candidatures »: a complete file (the four required tabs) and 20 candidatures
  (CandidatureService.apply).

Each candidate signs in through « Connexion » in its own Chromium context, which then loads each page
`--warm-up` times (not counted: caches filled, Python's first use of the page's code) and `--loads` times. A
load is timed inside the page, from navigation start (performance.timeOrigin) to the first animation frame where
its main content is visible:

- home (signed in): « Vous êtes connecté avec le login » — the reference;
- /compte/experiences-pro and /compte/cursus-externe: the 10 entry cards;
- /offre: « 2000 formations » and every centre's header; then « one centre expanded »: the click on the first
  centre until its formations are all visible (timed in the page, as login_storm's probe), and the sum;
- /compte/candidatures: the 20 rows of the table.

It prints the median (and spread) of each, its ratio to the home page's, the server's part (navigation start to
the first byte of the HTML: the page function and the HTML) and the page's size; it asserts nothing.
Targets: account page ≤ 1.3 × home, offer with 2,000 formations ≤ 1.3 ×, candidatures with 20 ≤ 1.3 ×.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import login_storm
from bench_common import (
    CHROMIUM,
    CHROMIUM_ARGS,
    App,
    add_accounts,
    complete_file,
    load_average,
    open_platform,
    sign_in,
)

TARGET_RATIO = 1.3
DIPLOMAS = ["Licence", "Licence professionnelle", "Master", "BUT", "Diplôme d'université"]

# Runs in the page: performance.now() (ms since navigation start) once the content is visible, else false.
# `kind` picks the check; `count` is how many items must be visible.
READY_JS = """
([kind, count, text]) => {
  const visible = (el) => el && el.checkVisibility();
  const main = document.getElementById('contenu');
  if (!main) return false;
  let ok = false;
  if (kind === 'text') {
    ok = [...main.querySelectorAll('.q-card, div')].some((el) => el.childElementCount === 0
      && el.textContent.includes(text) && visible(el));
  } else if (kind === 'entries') {
    const cards = [...main.querySelectorAll('.q-card[role="listitem"]')];
    ok = cards.length >= count && visible(cards[count - 1]);
  } else if (kind === 'offer') {
    const headers = [...main.querySelectorAll('.q-expansion-item')];
    const label = [...main.querySelectorAll('div')].find((el) => el.childElementCount === 0
      && el.textContent.trim() === text);
    ok = headers.length >= count && visible(headers[count - 1]) && visible(label);
  } else if (kind === 'rows') {
    const rows = [...main.querySelectorAll('table tbody tr')];
    ok = rows.length >= count && visible(rows[count - 1]);
  }
  return ok ? performance.now() : false;
}
"""

# Runs in the page: what the navigation cost (ms from navigation start) and how big the page is.
NAVIGATION_JS = """
() => {
  const [nav] = performance.getEntriesByType('navigation');
  return {
    first_byte: nav.responseStart, html_done: nav.responseEnd, dom_ready: nav.domContentLoadedEventEnd,
    html_kb: nav.decodedBodySize / 1024, transfer_kb: nav.transferSize / 1024,
    elements: document.querySelectorAll('*').length,
  };
}
"""

# Runs in the page: click the first centre; resolves with {total: ms until `count` formations of it are visible,
# answer: ms until the server's first « update » message arrived (its share: event, page code, sending)}.
EXPAND_JS = """
(count) => {
  const header = document.querySelector('#contenu .q-expansion-item .q-item');
  const done = () => {
    const open = document.querySelector('#contenu .q-expansion-item--expanded');
    if (!open) return false;
    // a formation's line: a q-item before the offer became one data-driven list, an .offer-line since
    const items = open.querySelectorAll('.q-expansion-item__content .q-item, .q-expansion-item__content .offer-line');
    return items.length >= count && items[count - 1].checkVisibility();
  };
  return new Promise((resolve) => {
    let timer, answer = null;
    const onMessage = (event) => { if (event === 'update' && answer === null) answer = performance.now() - start; };
    window.socket.onAny(onMessage);
    const finish = (total) => { window.socket.offAny(onMessage); resolve({total, answer}); };
    const observer = new MutationObserver(() => {
      if (done()) {
        const elapsed = performance.now() - start;
        clearTimeout(timer);
        observer.disconnect();
        finish(elapsed);
      }
    });
    observer.observe(document.body, {childList: true, subtree: true, attributes: true, characterData: true});
    timer = setTimeout(() => { observer.disconnect(); finish(null); }, 30000);
    const start = performance.now();
    header.click();
  });
}
"""


@dataclass
class PageSpec:
    name: str
    path: str
    who: str  # which candidate's context loads it
    ready: tuple  # (kind, count, text) for READY_JS
    expand: int = 0  # with /offre: formations of the first centre to wait for after the click


@dataclass
class Measured:
    ready_ms: list[float] = field(default_factory=list)
    first_byte_ms: list[float] = field(default_factory=list)
    dom_ready_ms: list[float] = field(default_factory=list)
    expand_ms: list[float] = field(default_factory=list)
    expand_answer_ms: list[float] = field(default_factory=list)
    html_kb: float = 0.0
    transfer_kb: float = 0.0
    elements: int = 0
    failures: int = 0


# --- data --------------------------------------------------------------------------------------------------


def big_offer(centres: int, per_centre: int, today: date) -> dict:
    pieces = [
        {"code": "CNI", "libelle": "Pièce d'identité", "commune": True},
        {"code": "CV", "libelle": "Curriculum vitae"},
        {"code": "LM", "libelle": "Lettre de motivation"},
    ]
    offer = []
    for c in range(centres):
        formations = []
        for f in range(per_centre):
            number = c * per_centre + f
            opens = today - timedelta(days=15) if number % 10 else today + timedelta(days=20)
            formations.append(
                {
                    "code": f"F{number:05d}",
                    "libelle": f"{DIPLOMAS[f % len(DIPLOMAS)]} parcours {f:03d} du centre {c:02d}",
                    "type_diplome": DIPLOMAS[f % len(DIPLOMAS)],
                    "mots_cles": f"parcours{f} centre{c}",
                    "debut_depot": opens.isoformat(),
                    "fin_depot": (today + timedelta(days=60)).isoformat(),
                    "date_retour": (today + timedelta(days=70)).isoformat(),
                    "pieces": ["CNI", "CV", "LM"],
                }
            )
        offer.append({"code": f"C{c:02d}", "libelle": f"Composante {c:02d}", "formations": formations})
    return {"pieces": pieces, "centres": offer}


def prepare(env: dict[str, str], centres: int, per_centre: int, candidatures: int) -> dict[str, str]:
    """The offer and the two candidates; returns their logins by role."""
    from sqlmodel import col, select

    from ecandidat_ui import refdata
    from ecandidat_ui.services.candidate_file import Tab
    from ecandidat_ui.services.offer_import import apply_offer
    from models import Formation

    today = date.today()
    platform = open_platform(env)
    apply_offer(platform.db, big_offer(centres, per_centre, today))
    lists, applying = add_accounts(platform, 2)
    lists_actor = platform.sessions.start(lists.id)
    service = platform.candidate_file
    diploma = refdata.diploma_types()[0].code
    for number in range(10):
        year = str(today.year - 1 - number)
        experience = {
            "year": year,
            "title": f"Poste numéro {number}",
            "duration": "6 mois",
            "employer": f"Entreprise {number}",
            "description": "Accueil du public, gestion des dossiers et suivi des demandes.",
        }
        service.save_entry(lists_actor, Tab.EXPERIENCES, None, experience, 0, today)
        cursus = {
            "country": refdata.FRANCE_CODE,
            "departement": "2A",
            "commune": "2A004",
            "school_name": f"Université numéro {number}",
            "year": year,
            "diploma_type": diploma,
            "label": f"Licence numéro {number}",
            "obtained": "O",
        }
        service.save_entry(lists_actor, Tab.EXTERNAL, None, cursus, 0, today)
    applying_actor = complete_file(platform, applying.id)
    with platform.db.session() as session:
        query = select(Formation.id).where(Formation.opens_on <= today).order_by(col(Formation.id))
        formations = list(session.exec(query).all())
    for formation_id in formations[:: max(1, len(formations) // candidatures)][:candidatures]:
        platform.candidatures.apply(applying_actor, formation_id, today)
    platform.db.dispose()
    return {"listes": lists.login, "candidatures": applying.login}


# --- measuring ---------------------------------------------------------------------------------------------


async def measure(base_url: str, logins: dict[str, str], specs: list[PageSpec], loads: int, warm_up: int) -> dict:
    from playwright.async_api import async_playwright

    results: dict[str, Measured] = {spec.name: Measured() for spec in specs}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        pages = {}
        for who, login in logins.items():
            context = await browser.new_context(viewport={"width": 1280, "height": 900})
            pages[who] = await context.new_page()
            await sign_in(pages[who], base_url, login, 60_000)
        # rounds: every page once per round, so that a slow moment of the machine hits all pages alike; the order
        # turns from round to round, so that no page always follows the same one (whose client is still alive)
        for round_number in range(warm_up + loads):
            shift = round_number % len(specs)
            for spec in specs[shift:] + specs[:shift]:
                page, result = pages[spec.who], results[spec.name]
                try:
                    await load_once(page, base_url, spec, result, counted=round_number >= warm_up)
                except Exception as error:
                    result.failures += 1
                    print(f"  {spec.name}: {type(error).__name__}: {str(error).splitlines()[0]}", file=sys.stderr)
        await browser.close()
    return results


async def load_once(page, base_url: str, spec: PageSpec, result: Measured, counted: bool) -> None:
    await page.goto(base_url + spec.path, wait_until="commit", timeout=60_000)
    handle = await page.wait_for_function(READY_JS, arg=list(spec.ready), polling="raf", timeout=60_000)
    ready = await handle.json_value()
    navigation = await page.evaluate(NAVIGATION_JS)
    expand = None
    if spec.expand:
        await page.wait_for_timeout(300)  # the socket connected and the page idle, as a person would click
        expand = await page.evaluate(EXPAND_JS, spec.expand)
    if not counted:
        return
    result.ready_ms.append(ready)
    result.first_byte_ms.append(navigation["first_byte"])
    result.dom_ready_ms.append(navigation["dom_ready"])
    result.html_kb, result.transfer_kb = navigation["html_kb"], navigation["transfer_kb"]
    result.elements = navigation["elements"]
    if expand is not None and expand["total"] is not None:
        result.expand_ms.append(expand["total"])
        if expand["answer"] is not None:
            result.expand_answer_ms.append(expand["answer"])


# --- figures -----------------------------------------------------------------------------------------------


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def spread(values: list[float]) -> str:
    return f"{min(values):6.0f}–{max(values):<6.0f}" if values else "—"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=10, help="counted loads of each page (default 10)")
    parser.add_argument("--warm-up", type=int, default=2, help="loads of each page first, not counted (2)")
    parser.add_argument("--centres", type=int, default=20, help="centres of the offer (default 20)")
    parser.add_argument("--per-centre", type=int, default=100, help="formations per centre (default 100)")
    parser.add_argument("--candidatures", type=int, default=20, help="candidatures of the candidate (20)")
    parser.add_argument("--py-spy", metavar="FILE", help="record the server with py-spy while the pages load")
    parser.add_argument("--keep", action="store_true", help="keep the data folder (and the server log)")
    args = parser.parse_args()
    began = time.monotonic()
    load_before = load_average()
    total = args.centres * args.per_centre
    specs = [
        PageSpec("home (signed in)", "/", "listes", ("text", 0, "Vous êtes connecté avec le login")),
        PageSpec("experiences-pro, 10", "/compte/experiences-pro", "listes", ("entries", 10, "")),
        PageSpec("cursus-externe, 10", "/compte/cursus-externe", "listes", ("entries", 10, "")),
        PageSpec(
            f"offre, {total}", "/offre", "listes", ("offer", args.centres, f"{total} formations"), args.per_centre
        ),
        PageSpec(
            f"candidatures, {args.candidatures}",
            "/compte/candidatures",
            "candidatures",
            ("rows", args.candidatures, ""),
        ),
    ]

    with App("ecandidat-pageload-", keep=args.keep) as app:
        preparing = time.monotonic()
        logins = prepare(app.env, args.centres, args.per_centre, args.candidatures)
        print(f"prepared {total} formations, 2 candidates in {time.monotonic() - preparing:.1f} s")
        app.start()
        spy = login_storm.start_py_spy(app.pid, args.py_spy, 3600) if args.py_spy else None
        results = asyncio.run(measure(app.base_url, logins, specs, args.loads, args.warm_up))
        if spy is not None:
            spy.send_signal(2)  # SIGINT: py-spy writes its output and stops
            spy.wait(timeout=60)
        load_after = load_average()

    home = median(results[specs[0].name].ready_ms)
    print()
    print(f"machine: before the run {load_before}; at the end {load_after}")
    print(f"{args.loads} loads per page after {args.warm_up} warm-up loads, Chromium 1280×900, same machine as the app")
    print(
        f"{'page':<24s} {'content visible':>15s} {'min–max':>13s} {'ratio':>6s}   {'1st byte':>8s} {'DOM ready':>9s}"
        f"   {'HTML':>7s} {'DOM elements':>12s}"
    )
    for spec in specs:
        r = results[spec.name]
        ratio = median(r.ready_ms) / home if home else float("nan")
        print(
            f"{spec.name:<24s} {median(r.ready_ms):12.0f} ms {spread(r.ready_ms)} {ratio:5.2f}×   "
            f"{median(r.first_byte_ms):5.0f} ms {median(r.dom_ready_ms):6.0f} ms   {r.html_kb:4.0f} kB "
            f"{r.elements:12d}" + (f"   ({r.failures} failed)" if r.failures else "")
        )
        if r.expand_ms:
            both = median(r.ready_ms) + median(r.expand_ms)
            print(
                f"{'  + first centre opened':<24s} {median(r.expand_ms):12.0f} ms {spread(r.expand_ms)}"
                f"         (click → its {spec.expand} formations visible; the server's answer arrived after "
                f"{median(r.expand_answer_ms):.0f} ms)"
            )
            print(f"{'  = offre, one centre open':<24s} {both:12.0f} ms {'':13s} {both / home:5.2f}×")
    print(f"targets: account page, offer with {total} formations, candidatures ≤ {TARGET_RATIO} × home")
    verdicts = []
    for spec in specs[1:]:
        r = results[spec.name]
        value = median(r.ready_ms) + (median(r.expand_ms) if r.expand_ms else 0.0)
        ratio = value / home
        label = spec.name + (" + one centre open" if r.expand_ms else "")
        verdicts.append(f"{label} {ratio:.2f}× ({'met' if ratio <= TARGET_RATIO else 'NOT met'})")
    print("result: " + "; ".join(verdicts))
    if args.py_spy:
        print(f"py-spy profile: {args.py_spy}")
    print(f"script took {time.monotonic() - began:.1f} s")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
