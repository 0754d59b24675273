"""Write the texts a candidate reads into the English catalogue, keeping the translations it already has.

    .venv/bin/python scripts/catalogue.py          # then translate the entries whose msgstr is empty

The catalogue is `ecandidat_ui/locale/en/LC_MESSAGES/messages.po` (French msgids, English msgstrs), read by
Babel when the app starts (ecandidat_ui/language.py): there is no .mo to compile. A text no longer used is
dropped from it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ecandidat_ui.language import CATALOGUE, ENGLISH
from ecandidat_ui.translatable import candidate_texts


def main() -> None:
    known: dict[str, str] = {}
    if CATALOGUE.exists():
        with CATALOGUE.open("rb") as file:
            known = {message.id: message.string for message in read_po(file) if message.id}
    catalogue = Catalog(locale=ENGLISH, project="eCandidat UI", domain="messages", fuzzy=False)
    texts = candidate_texts()
    for text, where in texts.items():
        catalogue.add(text, known.get(text, ""), locations=[(where, 0)])
    CATALOGUE.parent.mkdir(parents=True, exist_ok=True)
    with CATALOGUE.open("wb") as file:
        write_po(file, catalogue, width=120, omit_header=False, include_lineno=False)
    missing = sum(1 for text in texts if not known.get(text))
    print(f"{len(texts)} texts, {missing} without English: {CATALOGUE}")


if __name__ == "__main__":
    main()
