"""What one connected page costs the collector: tracked objects per connected tab, ours and the bare page.

    .venv/bin/python benchmarks/objects_per_page.py --tabs 50 [--path /offre] [--open-dialog]

Starts our app (app_inspect.py) and the bare NiceGUI page of bare_page.py, connects `--tabs` light tabs
(connected_clients.py's simulated browser) to each, and prints the objects the collector walks per tab (after a
full collection; frozen start-up objects left out), the elements per page and the types that grew most. With
`--open-dialog`, each tab also opens and closes « Créer un compte » once before counting (what that leaves).
It asserts nothing; the figures are what the garbage collector's pauses are made of (collector.py).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import urllib.request
from collections import Counter

from account_memory import http_client
from connected_clients import CLOSE, OPEN, RECONNECT_TIMEOUT, Candidate, bare, ours, warm_up


def objects(base_url: str) -> dict:
    with urllib.request.urlopen(f"{base_url}/__bench/objects?top=400", timeout=120) as answer:
        return json.loads(answer.read())


async def count(base_url: str, tabs: int, path: str, open_dialog: bool) -> None:
    async with http_client(base_url) as http:
        await warm_up(http, base_url)
        await asyncio.sleep(RECONNECT_TIMEOUT + 2.0)
        before = await asyncio.to_thread(objects, base_url)
        candidates = [Candidate(base_url) for _ in range(tabs)]
        for candidate in candidates:
            await candidate.open(http, path, [])
            if open_dialog:
                _, elements = await candidate.act(*candidate.button(candidate.elements, OPEN))
                await candidate.act(*candidate.button(elements, CLOSE))
        await asyncio.sleep(1.0)
        after = await asyncio.to_thread(objects, base_url)
        grown = Counter(dict(after["types"]))
        grown.subtract(Counter(dict(before["types"])))
        print(f"  elements on the page: {len(candidates[0].elements)}")
        print(f"  tracked objects per tab: {(after['tracked'] - before['tracked']) / tabs:.0f}")
        print("  grown most, per tab: " + ", ".join(f"{name} {n / tabs:.1f}" for name, n in grown.most_common(18)))
        for candidate in candidates:  # what each opening leaves in cycles
            _, elements = await candidate.act(*candidate.button(candidate.elements, OPEN))
            await candidate.act(*candidate.button(elements, CLOSE))
        await asyncio.sleep(1.0)
        opened = await asyncio.to_thread(objects, base_url)
        print(f"  garbage in cycles per opening of the dialog: {opened['unreachable'] / tabs:.0f} objects")
        await asyncio.gather(*(candidate.close() for candidate in candidates))
        await asyncio.sleep(RECONNECT_TIMEOUT + 3.0)
        gone = await asyncio.to_thread(objects, base_url)
        print(f"  garbage in cycles per page closed: {gone['unreachable'] / tabs:.0f} objects")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tabs", type=int, default=50)
    parser.add_argument("--path", default="/")
    parser.add_argument("--open-dialog", action="store_true")
    parser.add_argument("--only", choices=["ours", "bare"])
    args = parser.parse_args()
    for name, server in (("bare", bare), ("ours", ours)):
        if args.only in (None, name):
            print(f"\n{name}")
            with server({}) as (base_url, _pid):
                asyncio.run(count(base_url, args.tabs, args.path if name == "ours" else "/", args.open_dialog))


if __name__ == "__main__":
    main()
