"""The gallery (pages/gallery.py) has an entry for every component of components/, and shows each entry's own
source beside it."""

from __future__ import annotations

import dataclasses
import enum
import importlib
import inspect
import pkgutil

import pytest
from nicegui.testing import User

import components
from pages.gallery import source_of
from pages.gallery_entries import ENTRIES, NOT_SHOWN, components_used


def _components() -> dict[str, object]:
    """Each public function and class of components/ that is not a value (a dataclass or an enum)."""
    found = {}
    for module_info in pkgutil.iter_modules(components.__path__):
        module = importlib.import_module(f"components.{module_info.name}")
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            if not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue
            if dataclasses.is_dataclass(obj) or (inspect.isclass(obj) and issubclass(obj, enum.Enum)):
                continue
            found[f"{module.__name__}.{name}"] = obj
    return found


def test_every_component_has_a_gallery_entry():
    shown = set().union(*(components_used(item.build) for item in ENTRIES))
    missing = [name for name, obj in _components().items() if obj not in shown and name not in NOT_SHOWN]
    assert not missing, f"no entry in pages/gallery_entries.py for: {missing}"


def test_what_is_not_shown_still_exists():
    assert set(NOT_SHOWN) <= set(_components())


def test_entries_have_unique_names_and_show_their_own_source():
    keys = [item.key for item in ENTRIES]
    assert len(keys) == len(set(keys))
    for item in ENTRIES:
        source = source_of(item)
        assert source.startswith("@entry(") and f"def {item.key}(" in source


@pytest.mark.nicegui_main_file("tests/ui/gallery_app.py")
async def test_each_component_is_built_when_opened(user: User):
    await user.open("/galerie")
    await user.should_see("Galerie des composants")
    for component in dict.fromkeys(item.component for item in ENTRIES):
        expansion = user.find(marker=f"gallery-{component}").elements.pop()
        expansion.value = True
        for item in (item for item in ENTRIES if item.component == component):
            await user.should_see(marker=f"sample-{item.key}")
            await user.should_see(marker=f"code-{item.key}")


@pytest.mark.nicegui_main_file("tests/ui/gallery_app.py")
async def test_a_whole_page_entry_has_its_own_address(user: User):
    await user.open("/galerie/page/staff_frame")
    await user.should_see("Le contenu de la page.")
