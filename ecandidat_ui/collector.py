"""The garbage collector of a process that holds hundreds of connected candidates (issue 11, item 1).

Each connected page keeps a few thousand objects the collector tracks (its elements, their props, listeners and
slots); with 500 candidates that is over a million, and every full collection walks them all while the event
loop waits (socket.io drops a tab whose process stays silent ~12 s: NiceGUI's ping of reconnect_timeout × 1.2).
`settle()`, run once the app has started:

- `gc.freeze()`: what start-up built (~290,000 objects: modules, the platform, SQLAlchemy's mappers, NiceGUI's
  classes) lives as long as the process; frozen, no collection walks it again;
- THRESHOLDS (700, 10, 100): young collections as Python does, a full one ten times less often (it also waits,
  as always, until a quarter of the old objects are new). Higher first thresholds were not measured.

Measured with benchmarks/connected_clients.py (« Créer un compte » opened and closed every 5 s by each client) on
the shared 2-core machine, load average 8–14, within the same hour: the event loop's CPU per action, and the
collector's pauses in a 30 s window (app_inspect.py, gc.callbacks); ranges: two runs, one per websocket implementation:

| | CPU per action, 200 / 500 clients | collections, 200 clients (gen 0/1/2) | in the collector, 200 / 500 |
| --- | --- | --- | --- |
| Python's settings (700, 10, 10), no freeze | 3.76–3.96 / 4.15–4.72 ms | 991 / 91 / 5 | 29 % / 61 % |
| freeze + (700, 10, 100) | 3.11–3.23 / 3.47–3.80 ms | 1,034 / 94 / 1 | 18 % / 48 % |
| bare NiceGUI page (Python's settings) | 3.28–3.62 / 4.95 ms | 845 / 77 / 7 | 25 % / 51 % |

On a quieter machine (load average 1.4–2.7), ours against the bare page in one run at 200 / 500 clients: CPU per
action 2.55 / 2.71 ms (bare 3.86 / 3.27), in the collector 4.5 % / 15.6 % (bare 12.9 % / 32.1 %), p95 17 ms /
1.75 s (bare 371 ms / 1.33 s): at 500 the two full collections of the window, 1.9 s each, make our p95.
The issue's own run, on a quieter machine: p95 at 300 clients from 1,074 ms to 197 ms with the same settings.
What it does not mend: a full collection still walks every connected page's objects; at 500 clients on the
overloaded machine one lasted 12 s (wall clock) and 400 sockets timed out. Fewer objects per page is the lever
left. The memory per connected client did not move measurably (0.79–0.97 MB with either setting).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterable

from nicegui import Client
from nicegui.element import Element
from nicegui.elements.mixins.value_element import ValueElement

log = logging.getLogger(__name__)

THRESHOLDS = (700, 10, 100)


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
