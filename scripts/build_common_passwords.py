"""Rebuild ecandidat_ui/data/common_passwords.txt, the offline list of common passwords.

The list refuses weak passwords (ASVS 5 / CNIL): ecandidat_ui.security compares a lowercased
password, and that password stripped of its trailing digits and symbols, with its lines.
It is made of:

- the "passwords" frequency list of the PyPI package zxcvbn (MIT), 30,000 entries;
- the "passwords-common" list of the npm package @zxcvbn-ts/language-common (MIT), about 49,000;
- scripts/french_common_passwords.txt, French weak passwords written by hand for this project,
  expanded here with common suffixes (digits, years, "!"), doubling and terms of endearment.

Every entry is lowercased; entries with whitespace and entries outside 8-128 characters are
dropped (shorter ones are refused by length anyway); the rest is deduplicated and sorted by
code point, one a line, UTF-8. ecandidat_ui/data/SOURCES.md names the versions last used.

Rebuild (neither package goes into the project's own venv):

    python3 -m venv /tmp/pwbuild && /tmp/pwbuild/bin/pip install zxcvbn==4.5.0
    npm install --prefix /tmp/pwnpm --ignore-scripts @zxcvbn-ts/language-common@4.1.3
    /tmp/pwbuild/bin/python scripts/build_common_passwords.py --npm-prefix /tmp/pwnpm

Add --check to only compare with the committed file (exit status 1 when it differs).
The script itself needs nothing but the standard library and those two packages.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "ecandidat_ui" / "data" / "common_passwords.txt"
FRENCH = Path(__file__).resolve().parent / "french_common_passwords.txt"
ZXCVBN_TS_PACKAGE = "@zxcvbn-ts/language-common"
# The versions SOURCES.md describes; others still build, with a warning.
EXPECTED_VERSIONS = {"zxcvbn": "4.5.0", ZXCVBN_TS_PACKAGE: "4.1.3"}

MIN_LENGTH = 8  # French bases shorter than this get endings added
KEPT_MIN_LENGTH = 6  # 6 and 7 too, so that the stripped comparison catches soleil2024!!
MAX_LENGTH = 128

YEARS = [str(year) for year in range(1960, 2027)]
TWO_DIGITS = [f"{number:02d}" for number in range(100)]
RUNS = ["123", "1234", "12345", "123456", "1234567", "12345678", "123456789", "1234567890", "321"]
NUMBERS = ["0", "1", "2", "3", "7", "12", "13", "69", "75", "007", "000", "111", "01", *RUNS]
SYMBOLS = ["!", "!!", "!!!", "*", ".", "?", "@", "#", "$", "&", "_", "-", "+"]
MIXED = ["123!", "1234!", "123*", "!123", "@123", "2024!", "2025!", "2026!", "1!", "01!"]
SUFFIXES = list(dict.fromkeys(NUMBERS + TWO_DIGITS + YEARS + SYMBOLS + MIXED))
# Combined with first names: "jetaimenicolas", "nicolasjetaime".
LOVE_PREFIXES = ["jetaime", "monamour", "mamour", "moncoeur", "iloveyou", "ilove"]
LOVE_SUFFIXES = ["jetaime", "monamour", "moncoeur"]
SECTIONS = {"bases", "names", "literal"}


def normalise(entry: str, min_length: int = MIN_LENGTH) -> str | None:
    """The entry as the list keeps it, or None when it does not belong in the list."""
    entry = unicodedata.normalize("NFC", entry.strip().lower())
    if not entry or entry.split() != [entry] or not min_length <= len(entry) <= MAX_LENGTH:
        return None
    if any(unicodedata.category(char).startswith("C") for char in entry):
        return None
    return entry


def unaccented(word: str) -> str:
    """ "libertéégalité" -> "liberteegalite", "moncœur" -> "moncoeur"."""
    word = word.replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def zxcvbn_passwords() -> tuple[str, list[str]]:
    try:
        from importlib.metadata import version

        from zxcvbn.frequency_lists import FREQUENCY_LISTS
    except ImportError:
        sys.exit("zxcvbn is not installed: pip install zxcvbn==4.5.0 into a throwaway venv (see the docstring)")
    words = FREQUENCY_LISTS["passwords"]
    if isinstance(words, str):
        words = words.split(",")
    return version("zxcvbn"), list(words)


def zxcvbn_ts_passwords(npm_prefix: Path) -> tuple[str, list[str]]:
    package = npm_prefix / "node_modules" / ZXCVBN_TS_PACKAGE
    source = package / "src" / "passwords.json"
    if not source.exists():
        sys.exit(f"{source} not found: npm install --prefix {npm_prefix} {ZXCVBN_TS_PACKAGE}@4.1.3 (see the docstring)")
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    return version, json.loads(source.read_text(encoding="utf-8"))


def read_french(path: Path = FRENCH) -> dict[str, list[str]]:
    """The entries of the hand-written list, by section."""
    sections: dict[str, list[str]] = {name: [] for name in SECTIONS}
    current = "bases"
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            if current not in SECTIONS:
                sys.exit(f"{path}:{number}: unknown section {line}")
            continue
        if line.split() != [line]:
            sys.exit(f"{path}:{number}: whitespace inside an entry: {raw!r}")
        sections[current].append(line.lower())
    return sections


def with_unaccented(words: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(form for word in words for form in (word, unaccented(word))))


def expand_french(sections: dict[str, list[str]]) -> Iterator[str]:
    """Every form of the hand-written entries; normalise() later drops the ones too short."""
    bases = with_unaccented(sections["bases"] + sections["names"])
    for base in bases:
        yield base
        if len(base) < MIN_LENGTH:
            # A base of 8+ characters already catches "base2024!": the check strips trailing digits
            # and symbols. Shorter bases ("soleil", "nicolas") need their usual endings listed.
            yield base + base
            yield from (base + suffix for suffix in SUFFIXES)
    for name in with_unaccented(sections["names"]):
        for prefix in LOVE_PREFIXES:
            yield prefix + name
        for suffix in LOVE_SUFFIXES:
            yield name + suffix
    yield from with_unaccented(sections["literal"])


def keep(words: Iterable[str], min_length: int = MIN_LENGTH) -> set[str]:
    return {kept for word in words if (kept := normalise(word, min_length)) is not None}


def build(npm_prefix: Path, min_length: int = MIN_LENGTH) -> tuple[list[str], list[str]]:
    """The sorted lines of the list, and a summary of where they came from."""
    zxcvbn_version, zxcvbn_words = zxcvbn_passwords()
    ts_version, ts_words = zxcvbn_ts_passwords(npm_prefix)
    found = {"zxcvbn": zxcvbn_version, ZXCVBN_TS_PACKAGE: ts_version}
    for package, expected in EXPECTED_VERSIONS.items():
        if found[package] != expected:
            print(f"warning: {package} {found[package]} installed, SOURCES.md names {expected}", file=sys.stderr)
    kept_zxcvbn, kept_ts = keep(zxcvbn_words, min_length), keep(ts_words, min_length)
    international = kept_zxcvbn | kept_ts
    french = keep(expand_french(read_french()), min_length)
    lines = sorted(international | french)
    summary = [
        f"zxcvbn {zxcvbn_version} (PyPI, MIT): {len(zxcvbn_words)} entries, {len(kept_zxcvbn)} kept",
        f"{ZXCVBN_TS_PACKAGE} {ts_version} (npm, MIT): {len(ts_words)} entries, {len(kept_ts)} kept",
        f"French list, expanded: {len(french)} kept, {len(french - international)} not in the other two",
        f"total: {len(lines)} lines",
    ]
    return lines, summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--npm-prefix",
        type=Path,
        default=Path.cwd(),
        help=f"the folder whose node_modules holds {ZXCVBN_TS_PACKAGE} (default: the current folder)",
    )
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write the list")
    parser.add_argument(
        "--min-length",
        type=int,
        default=KEPT_MIN_LENGTH,
        help=f"the shortest entry kept (default: {KEPT_MIN_LENGTH}, the length the committed file was built with)",
    )
    parser.add_argument("--check", action="store_true", help="only tell whether the file is up to date")
    args = parser.parse_args()

    lines, summary = build(args.npm_prefix, args.min_length)
    text = "\n".join(lines) + "\n"
    print("\n".join(summary))
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date: rebuild it", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({len(text.encode('utf-8'))} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
