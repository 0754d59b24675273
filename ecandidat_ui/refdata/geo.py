"""Départements and communes of the INSEE Code officiel géographique, with their postal codes.

A commune is one of:
- « commune »: a current commune (34 969), with all its postal codes;
- « arrondissement »: a municipal arrondissement of Paris, Lyon or Marseille (75101…, 69381…, 13201…), with its
  own postal code, `parent` being the commune (75056 Paris);
- « deleguee » / « associee »: a former commune merged into a commune nouvelle, kept for places of birth; it has
  no postal code and `parent` is the current commune. Searched only with `include_former=True`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from ._data import load_json
from ._text import RankedIndex, fold_name, fold_query, tie_break_order

_KINDS = {"C": "commune", "A": "arrondissement", "D": "deleguee", "S": "associee"}
_POSTAL_CODE = re.compile(r"^[0-9]{5}$")


@dataclass(frozen=True, slots=True)
class Departement:
    code: str  # « 01 »…« 95 », « 2A », « 2B », « 971 »…« 976 », then the collectivités « 975 », « 977 »…« 988 »
    name: str
    zone: str  # metro, drom (971–976), com (collectivités d'outre-mer)

    @property
    def label(self) -> str:
        return f"{self.code} - {self.name}"


@dataclass(frozen=True, slots=True)
class Commune:
    insee: str  # COG code: « 75056 », « 2A004 », « 97411 »
    name: str
    departement: str
    postal_codes: tuple[str, ...]
    population: int = 0
    kind: str = "commune"  # commune, arrondissement, deleguee, associee
    parent: str | None = None  # the commune of an arrondissement, the commune nouvelle of a former commune

    @property
    def label(self) -> str:
        """« Saint-Denis (93) »: the name with its département, to tell homonyms apart."""
        return f"{self.name} ({self.departement})"

    @property
    def is_current(self) -> bool:
        return self.kind in ("commune", "arrondissement")


@dataclass(frozen=True, slots=True)
class _Geo:
    departements: tuple[Departement, ...]
    departement_by_code: dict[str, Departement]
    entries: tuple[Commune, ...]  # what the index points at: communes, then former names of current communes
    current: dict[str, Commune]
    former: dict[str, Commune]
    by_postal_code: dict[str, tuple[Commune, ...]]
    by_departement: dict[str, tuple[int, ...]]  # entry numbers
    searchable_now: tuple[bool, ...]  # entry is a current commune or arrondissement, under its current name
    index: RankedIndex


def _departement_order(departement: Departement) -> tuple[int, int, str]:
    """Metropolitan France in INSEE order (19, 2A, 2B, 21), then 971–976, then the collectivités."""
    zone = {"metro": 0, "drom": 1}.get(departement.zone, 2)
    code = departement.code
    return zone, 20 if code in ("2A", "2B") else int(code), code


@cache
def _load() -> _Geo:
    data = load_json("communes.json.gz")
    deps = load_json("departements.json.gz")
    communes: list[Commune] = []
    for insee, name, dep, postal_codes, population, kind, parent in data["communes"]:
        communes.append(
            Commune(insee, name, dep, tuple(postal_codes.split()), population, _KINDS[kind], parent or None)
        )
    current = {c.insee: c for c in communes if c.is_current}
    former = {c.insee: c for c in communes if not c.is_current}
    # entries: each commune under its name, then each current commune again under a former name it absorbed
    entries = list(communes)
    names = [c.name for c in communes]
    for insee, former_name in data["aliases"]:
        entries.append(current[insee])
        names.append(former_name)
    searchable_now = tuple(i < len(communes) and entries[i].is_current for i in range(len(entries)))
    weights = [c.population if c.is_current else 0 for c in entries]
    folded = [fold_name(name) for name in names]
    folded_of = {c.insee: f for c, f in zip(communes, folded, strict=False) if c.is_current}
    order = tie_break_order(names, weights, folded)
    by_departement: dict[str, list[int]] = defaultdict(list)
    for i, commune in enumerate(entries):
        by_departement[commune.departement].append(i)
    by_postal: dict[str, list[Commune]] = defaultdict(list)
    for commune in communes:
        for postal_code in commune.postal_codes:
            by_postal[postal_code].append(commune)
    departements = tuple(
        sorted((Departement(code, name, zone) for code, name, zone in deps["departements"]), key=_departement_order)
    )
    return _Geo(
        departements=departements,
        departement_by_code={d.code: d for d in departements},
        entries=tuple(entries),
        current=current,
        former=former,
        by_postal_code={
            code: tuple(sorted(found, key=lambda c: (c.kind != "commune", folded_of[c.insee], c.insee)))
            for code, found in by_postal.items()
        },
        by_departement={dep: tuple(ids) for dep, ids in by_departement.items()},
        searchable_now=searchable_now,
        index=RankedIndex([[f] for f in folded], order),
    )


def departements(include_com: bool = True) -> tuple[Departement, ...]:
    """Départements in code order (01…19, 2A, 2B, 21…95, 971…976), then the collectivités d'outre-mer that have
    communes (975 Saint-Pierre-et-Miquelon, 977, 978, 984, 986, 987 Polynésie, 988 Nouvelle-Calédonie, 989)."""
    found = _load().departements
    return found if include_com else tuple(d for d in found if d.zone != "com")


def departement_by_code(code: str | None) -> Departement | None:
    return _load().departement_by_code.get(str(code or "").strip().upper())


def commune_by_insee(code: str | None) -> Commune | None:
    """The commune (or arrondissement, or former commune) of that INSEE code."""
    geo = _load()
    code = str(code or "").strip().upper()
    return geo.current.get(code) or geo.former.get(code)


def communes_for_postal_code(postal_code: str | None) -> tuple[Commune, ...]:
    """The communes served by a postal code — up to 46 (51300) —, communes first, then the municipal
    arrondissements (75001 → Paris and Paris 1er Arrondissement)."""
    return _load().by_postal_code.get(str(postal_code or "").strip(), ())


def is_valid_postal_code(postal_code: str | None) -> bool:
    """Five digits serving at least one commune (CEDEX codes, which serve no commune, are refused)."""
    text = str(postal_code or "").strip()
    return bool(_POSTAL_CODE.match(text)) and text in _load().by_postal_code


@lru_cache(maxsize=4096)
def search_communes(
    text: str, departement: str | None = None, limit: int = 20, include_former: bool = False
) -> tuple[Commune, ...]:
    """Communes whose name matches `text` (accents, case and hyphens ignored: « saint etienne » finds
    Saint-Étienne), in one département when given; the most populated first among equally good matches.
    Five digits are read as a postal code or an INSEE code. With `include_former`, the communes merged
    into a commune nouvelle are found too (for places of birth)."""
    geo = _load()
    departement = str(departement or "").strip().upper() or None
    query = fold_query(text or "")
    if query.isdigit() and len(query) == 5:
        found = [*communes_for_postal_code(query)]
        by_code = commune_by_insee(query)
        if by_code is not None and (include_former or by_code.is_current):
            found.append(by_code)
        unique = {c.insee: c for c in found if departement is None or c.departement == departement}
        return tuple(unique.values())[:limit]
    subset = geo.by_departement.get(departement, ()) if departement else None
    if departement and not subset:
        return ()
    if not query:
        if subset is None:
            return ()
        ranked = sorted((i for i in subset if geo.searchable_now[i]), key=lambda i: -geo.entries[i].population)
        return tuple(geo.entries[i] for i in ranked[:limit])
    accept = None if include_former else geo.searchable_now.__getitem__
    result: dict[str, Commune] = {}
    for i in geo.index.search(query, limit * 2, accept, subset):
        result.setdefault(geo.entries[i].insee, geo.entries[i])
        if len(result) == limit:
            break
    return tuple(result.values())
