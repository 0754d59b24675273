"""A closed page is freed by reference counting, not left to the garbage collector's next full pass
(ecandidat_ui/collector.py): what the pages of hundreds of candidates leave behind is what makes its pauses."""

from __future__ import annotations

import gc
from collections import Counter

from nicegui.testing import User

from tests.ui.helpers import see

OBSERVABLES = ("Props", "Classes", "Style")


def garbage_in_cycles() -> Counter:
    """What only a collection can free, by type, since the last collection."""
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        return Counter(type(item).__name__ for item in gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()


def deleted(client) -> tuple[int, Counter]:
    """The page's elements, and what its deletion leaves in cycles."""
    elements = len(client.elements)
    gc.collect()
    gc.disable()  # nothing collected behind the test's back between the deletion and the count
    try:
        client.delete()
        left = garbage_in_cycles()
    finally:
        gc.enable()
    return elements, left


async def test_a_deleted_page_leaves_its_elements_to_reference_counting(user: User):
    client = await user.open("/")
    await see(user, "Non connecté")
    elements, left = deleted(client)
    assert elements > 20
    assert {name: left[name] for name in (*OBSERVABLES, "Input")} == dict.fromkeys((*OBSERVABLES, "Input"), 0)
    assert sum(left.values()) < elements  # without the release: ~20 objects in cycles per element

