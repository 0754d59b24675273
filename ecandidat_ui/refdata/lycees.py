"""French lycées and other secondary schools (UAI code), for the « Établissement » of the Baccalauréat tab."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from ._data import load_json
from ._text import RankedIndex, fold_name, fold_query, tie_break_order
from .geo import commune_by_insee

_UAI = re.compile(r"^[0-9]{7}[A-Z]$")


@dataclass(frozen=True, slots=True)
class Lycee:
    uai: str  # « 0750655E »: 7 characters (département or académie, number) + a check letter
    name: str  # as the directory writes it: « LYCÉE HENRI IV »
    commune: str  # INSEE code of the commune (75056 for all of Paris, never an arrondissement)
    commune_name: str
    departement: str

    @property
    def label(self) -> str:
        """« LYCÉE HENRI IV (Paris) »"""
        return f"{self.name} ({self.commune_name})"


@dataclass(frozen=True, slots=True)
class _Lycees:
    records: tuple[Lycee, ...]
    by_uai: dict[str, Lycee]
    by_departement: dict[str, tuple[int, ...]]
    by_commune: dict[str, tuple[int, ...]]
    index: RankedIndex


@cache
def _load() -> _Lycees:
    data = load_json("lycees.json.gz")
    found = [Lycee(*row) for row in data["lycees"]]
    folded = [fold_name(lycee.name) for lycee in found]
    order = tie_break_order([lycee.name for lycee in found], folded=folded)
    ranking = sorted(range(len(found)), key=order.__getitem__)
    records = tuple(found[i] for i in ranking)
    by_departement: dict[str, list[int]] = defaultdict(list)
    by_commune: dict[str, list[int]] = defaultdict(list)
    for i, lycee in enumerate(records):
        by_departement[lycee.departement].append(i)
        by_commune[lycee.commune].append(i)
    return _Lycees(
        records=records,
        by_uai={lycee.uai: lycee for lycee in records},
        by_departement={key: tuple(ids) for key, ids in by_departement.items()},
        by_commune={key: tuple(ids) for key, ids in by_commune.items()},
        index=RankedIndex(
            [[folded[i]] for i in ranking],
            range(len(records)),
            extra=[lycee.commune_name for lycee in records],
        ),
    )


def lycee_by_uai(uai: str | None) -> Lycee | None:
    return _load().by_uai.get(str(uai or "").strip().upper())


def _commune_key(commune: str) -> str:
    """Lycées are filed under the commune: an arrondissement (75105) or a former commune means its parent."""
    found = commune_by_insee(commune)
    return found.parent if found is not None and found.parent else commune


@lru_cache(maxsize=4096)
def search_lycees(
    text: str, departement: str | None = None, commune: str | None = None, limit: int = 20
) -> tuple[Lycee, ...]:
    """Lycées whose name matches `text` (« victor hugo », « lycee hugo besancon »: all words, the town included),
    restricted to a département and/or a commune (INSEE code) when given. With a commune or a département and
    no text, its lycées in alphabetical order. A UAI code finds its lycée."""
    loaded = _load()
    raw = str(text or "").strip().upper()
    if _UAI.match(raw):
        found = loaded.by_uai.get(raw)
        return (found,) if found is not None else ()
    departement = str(departement or "").strip().upper() or None
    commune = _commune_key(str(commune or "").strip().upper()) if commune else None
    subset: tuple[int, ...] | None = None
    if commune:
        subset = loaded.by_commune.get(commune, ())
        if departement:
            subset = tuple(i for i in subset if loaded.records[i].departement == departement)
    elif departement:
        subset = loaded.by_departement.get(departement, ())
    query = fold_query(text or "")
    if not query:
        return tuple(loaded.records[i] for i in subset[:limit]) if subset else ()
    return tuple(loaded.records[i] for i in loaded.index.search(query, limit, None, subset))
