"""The garbage collector of a process that holds hundreds of connected candidates (issue 11, item 1).

Each connected page keeps ~1,600 objects the collector tracks (its elements, their props, listeners and slots, its
socket); with 500 candidates that is ~800,000, and every full collection walks them all while the event loop
waits (socket.io drops a tab whose process stays silent ~12 s: NiceGUI's ping of reconnect_timeout × 1.2).

- `settle()`, once the app has started: `gc.freeze()` puts what start-up built (~290,000 objects: modules, the
  platform, SQLAlchemy's mappers, NiceGUI's classes) out of every collection's way; then THRESHOLDS (lifecycle.py
  freezes again once the reference data, communes and lycées, is loaded).
- THRESHOLDS (700, 10, 1000): young collections as Python does; a full one after 1,000 middle ones instead of 10
  (Python also waits, as always, until a quarter of the old objects are new). A full collection finds little now:
  closed pages and closed dialogs are freed by reference counting (`release`, components/modal.py), so it mostly
  walks live pages for nothing. At 500 candidates it comes every ~2 minutes and pauses ~0.6 s.
- `release()`: what NiceGUI would leave in cycles when it deletes elements, broken first (see there).

Measured with benchmarks/connected_clients.py (each candidate opens and closes « Créer un compte » every 5 s on
average), 500 candidates, quiet machine (load 0.7), same code, 30 s windows, one run each (2026-12-06):

| thresholds | p95 | p99 | full collections in the window, longest | in the collector |
| --- | --- | --- | --- | --- |
| (700, 10, 100), the previous setting | 256 ms | 785 ms | 2, 0.64 s | 11.2 % |
| (700, 10, 1000) | 53 ms | 152 ms | 0 | 7.8 % |
| (20000, 10, 100): fewer, larger young collections | 130 ms | 243 ms | 0 (each young one ~0.1 s) | 7.8 % |

Before pages and dialogs were freed by reference counting (the same run's code without them, 2026-12-06): p95
2.1 s at 500 candidates with (700, 10, 100), full collections of 2.3 s, 0.87 MB per candidate: every closed
dialog stayed in memory with its page, and every closed page waited for a full collection.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterable

from nicegui import Client
from nicegui.element import Element
from nicegui.elements.mixins.value_element import ValueElement

log = logging.getLogger(__name__)

THRESHOLDS = (700, 10, 1000)


def settle() -> None:
    """Collect once, freeze what start-up left, then collect with THRESHOLDS."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
    log.info("garbage collector: %d objects frozen, thresholds %s", gc.get_freeze_count(), THRESHOLDS)


def release_page(client: Client) -> None:
    """app.on_delete: a page NiceGUI deletes is freed at once (see `release`)."""
    release(list(client.elements.values()))


def release(elements: Iterable[Element]) -> None:
    """Break the cycles elements about to be deleted still have, so that reference counting frees them at once
    instead of leaving them to the next full collection (a closed page; a dialog closed, components/modal.py).

    NiceGUI 3 holds elements, slots and clients by weak references and clears slots and listeners at deletion;
    what is left: each element's props, classes and style (observable collections) hold their own bound `_update`
    method as change handler (three small cycles per element), and a field's value-change handlers often name
    the field (`on_change=lambda: check(field)`). That was ~1,100 objects in cycles per closed page, now a few
    hundred, from the network layer (benchmarks/objects_per_page.py, tests/ui/test_collector.py). To be run
    before NiceGUI removes the elements: nothing changes them afterwards, and a change would only go unsent.
    """
    for element in elements:
        for observable in (element._props, element._classes, element._style):
            observable._change_handlers.clear()
        if isinstance(element, ValueElement):
            element._change_handlers.clear()
