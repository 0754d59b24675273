"""A closed page is freed by reference counting, not left to the garbage collector's next full pass
(ecandidat_ui/collector.py): what the pages of hundreds of candidates leave behind is what makes its pauses."""

from __future__ import annotations

import gc
from collections import Counter

from nicegui import ui
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


async def test_a_closed_dialog_is_gone_at_once(user: User):
    """ui.dialog's canary kept every dialog opened and closed until the page went (components/modal.py)."""
    await user.open("/")
    await see(user, "Non connecté")
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            user.find(marker="header-create-account").click()
            await see(user, "Création de compte")
            user.find(marker="cancel").click()
            await user.should_not_see("Création de compte")
        kept = [item for item in gc.get_objects() if isinstance(item, ui.element) and item.is_deleted]
        left = garbage_in_cycles()
    finally:
        gc.enable()
    assert kept == []
    assert {name: left[name] for name in (*OBSERVABLES, "Dialog")} == dict.fromkeys((*OBSERVABLES, "Dialog"), 0)
