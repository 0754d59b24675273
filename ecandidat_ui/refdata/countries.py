"""Countries and territories with their INSEE code (COG « pays et territoires étrangers »), for the
Nationalité, Pays de naissance, Pays (address), Pays d'obtention fields."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from ._data import load_csv
from ._text import RankedIndex, fold_name, fold_query, tie_break_order

FRANCE_CODE = "99100"


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # INSEE COG code, 5 digits: 99100 France, 99134 Espagne
    name: str  # « Espagne »
    nationality: str  # feminine adjective, lower case: « espagnole »
    iso2: str  # ISO 3166-1 alpha-2 (XK for Kosovo)
    is_state: bool  # False for a territory with its own code (Hong Kong, Groenland…)
    aliases: tuple[str, ...] = ()  # other names it is searched by (« Angleterre », « USA »…)

    @property
    def is_france(self) -> bool:
        return self.code == FRANCE_CODE


@dataclass(frozen=True, slots=True)
class _Countries:
    records: tuple[Country, ...]
    by_code: dict[str, Country]
    by_iso2: dict[str, Country]
    index: RankedIndex


@cache
def _load() -> _Countries:
    rows = load_csv("countries.csv")
    found = [
        Country(
            code=row["code"],
            name=row["name"],
            nationality=row["nationality"],
            iso2=row["iso2"],
            is_state=row["state"] == "1",
            aliases=tuple(a for a in row["aliases"].split("|") if a),
        )
        for row in rows
    ]
    order = tie_break_order([c.name for c in found], [1 if c.code == FRANCE_CODE else 0 for c in found])
    records = tuple(found[i] for i in sorted(range(len(found)), key=order.__getitem__))
    texts = [[fold_name(c.name), *(fold_name(a) for a in c.aliases), fold_name(c.nationality)] for c in records]
    return _Countries(
        records=records,
        by_code={c.code: c for c in records},
        by_iso2={c.iso2: c for c in records},
        index=RankedIndex(texts, range(len(records))),
    )


def countries(states_only: bool = False) -> tuple[Country, ...]:
    """All countries, France first, then in alphabetical order."""
    records = _load().records
    return tuple(c for c in records if c.is_state) if states_only else records


def country_by_code(code: str | None) -> Country | None:
    return _load().by_code.get(str(code or "").strip())


def country_by_iso2(iso2: str | None) -> Country | None:
    return _load().by_iso2.get(str(iso2 or "").strip().upper())


@lru_cache(maxsize=1024)
def search_countries(text: str, limit: int = 20, states_only: bool = False) -> tuple[Country, ...]:
    """Countries whose name, other name or nationality matches `text` (« espa » → Espagne, « allemande » →
    Allemagne); an empty text gives the first countries of the list, France first."""
    loaded = _load()
    query = fold_query(text or "")
    if not query:
        return countries(states_only)[:limit]
    accept = (lambda i: loaded.records[i].is_state) if states_only else None
    return tuple(loaded.records[i] for i in loaded.index.search(query, limit, accept))
