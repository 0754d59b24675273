"""Which French texts the English catalogue must translate: those a candidate reads.

They are the texts of `messages.py` but for its sections that only the gestion shows (the staff's side stays in
French), plus every name that the candidate's pages, their components and the PDFs read (wherever it is defined),
and the default texts of the mails sent to candidates. `scripts/catalogue.py` writes them into the catalogue;
`tests/unit/test_language.py` fails when one has no English, or when a translation's {placeholders} differ.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from ecandidat_ui.mail.templates import DEFAULTS, SIGNATURE

MESSAGES = Path(__file__).parent / "messages.py"
ROOT = Path(__file__).parent.parent
CANDIDATE_CODE = (  # what candidates read: their pages, the components those pages use, the PDFs
    "pages/*.py",
    "ecandidat_ui/pdf.py",
    "ecandidat_ui/services/file_summary.py",
    *(
        f"components/{name}.py"
        for name in (
            "account_dialogs",
            "banner",
            "candidature_cards",
            "confirm",
            "entry_list",
            "file_form",
            "file_progress",
            "form",
            "frame",
            "login_card",
            "missing_dialog",
            "offer_list",
            "password_fields",
            "piece_upload",
            "stored_file",
        )
    ),
)
NOT_CANDIDATE = ("pages/gallery.py", "pages/gallery_entries.py")  # for developers

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
ALSO_CANDIDATE = frozenset(  # in a section of the gestion, and read by candidates too (from the services)
    {"AVIS_KINDS", "CANDIDATURE_ARCHIVED", "FORMATION_NOT_OFFERED"}
)
_REFERENCE = re.compile(r"\bmessages\.([A-Z][A-Z0-9_]*)")


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
    read_by_candidates = ALSO_CANDIDATE | _read_by_candidate_code()
    with language.using(language.FRENCH):
        for node in ast.parse(source).body:
            if not (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)):
                continue
            name = node.targets[0].id
            if not name.isupper():
                continue
            heading = next((line for number, line in reversed(headings) if number < node.lineno), "")
            if name in read_by_candidates or not heading.startswith(STAFF_SECTIONS):
                yield name, getattr(messages, name)


def _read_by_candidate_code() -> set[str]:
    names: set[str] = set()
    for pattern in CANDIDATE_CODE:
        for path in ROOT.glob(pattern):
            if path.relative_to(ROOT).as_posix() not in NOT_CANDIDATE:
                names.update(_REFERENCE.findall(path.read_text(encoding="utf-8")))
    return names


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
