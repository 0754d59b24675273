"""Which French texts the English catalogue must translate: those a candidate reads.

They are the texts of `messages.py` but for its sections that only the gestion shows (the staff's side stays in
French), plus a few names of those sections that candidates see too, and the default texts of the mails sent to
candidates. `scripts/catalogue.py` writes them into the catalogue; `tests/unit/test_language.py` fails when one
has no English, or when a translation's {placeholders} differ from the French.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from ecandidat_ui.mail.templates import DEFAULTS, SIGNATURE

MESSAGES = Path(__file__).parent / "messages.py"

STAFF_SECTIONS = (  # how the headings of the gestion's sections of messages.py begin
    "# Ours: the tables of the gestion",
    "# Gestion",
    "# --- Gestion",
    "# Pièces justificatives and Questions set-up",
    "# --- « Saisie des avis",
    "# Several processes",
    "# --- Candidature window",
    "# --- « Tableau de bord",
    "# --- Candidatures: optional",
    "# --- Evaluation grids",
    "# --- Exports of the",
    "# --- individual dates",
)
ALSO_CANDIDATE = frozenset(  # in a section of the gestion, and read by candidates too
    {"AVIS_KINDS", "CANDIDATURE_ARCHIVED", "CLOSE", "FAQ_TITLE", "FORMATION_NOT_OFFERED", "NO", "YES"}
)


def candidate_texts() -> dict[str, str]:
    """French text → where it comes from (the first place), for every text a candidate reads."""
    found: dict[str, str] = {}
    for name, value in _candidate_messages():
        for text in _texts(value):
            found.setdefault(text, f"messages.{name}")
    for code, (subject, body) in DEFAULTS.items():
        if not code.startswith("staff_"):
            found.setdefault(subject, f"mail.{code}")
            found.setdefault(body, f"mail.{code}")
    found.setdefault(SIGNATURE, "mail.SIGNATURE")
    return found


def _candidate_messages() -> Iterator[tuple[str, object]]:
    from ecandidat_ui import language, messages

    source = MESSAGES.read_text(encoding="utf-8")
    headings = [(number, line) for number, line in enumerate(source.splitlines(), 1) if line.startswith("# ")]
    with language.using(language.FRENCH):
        for node in ast.parse(source).body:
            if not (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)):
                continue
            name = node.targets[0].id
            if not name.isupper():
                continue
            heading = next((line for number, line in reversed(headings) if number < node.lineno), "")
            if name in ALSO_CANDIDATE or not heading.startswith(STAFF_SECTIONS):
                yield name, getattr(messages, name)


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        if value.strip():
            yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _texts(item)
