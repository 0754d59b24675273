"""Case and accent folding for what people search, done the same way in Python, SQLite and PostgreSQL.

« ÉCONOMIE », « Économie » and « economie » fold to the same text: the ligatures œ, æ, ĳ and ß become oe, ae,
ij and ss, the few letters Unicode does not decompose (ø, ł, đ…) and the typographic apostrophes are replaced,
then the text is decomposed (NFKD), its combining accents (U+0300–U+036F) dropped, and it is lower-cased.
Unlike `refdata._text.fold`, punctuation stays, so that « 50 % » or « M_DROIT » are searched as typed.

SQLite has no Unicode `lower()` and no `unaccent`: `ecandidat_ui.db` registers `fold_for_search` on every
SQLite connection as the SQL function `ecandidat_fold`. PostgreSQL gets the same result from built-in
functions, without any extension (see `services.paging.fold_sql`):
`lower(regexp_replace(normalize(translate(replace(…), UNDECOMPOSED_FROM, UNDECOMPOSED_TO), NFKD), COMBINING, ''))`.
"""

from __future__ import annotations

import re
import unicodedata

SQLITE_FUNCTION = "ecandidat_fold"
COMBINING = "[\u0300-\u036f]"

LIGATURES = {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ĳ": "ij", "Ĳ": "ij", "ß": "ss", "ẞ": "ss"}
# One character for one: letters without a Unicode decomposition, and apostrophes.
UNDECOMPOSED = {
    "ø": "o",
    "Ø": "o",
    "đ": "d",
    "Đ": "d",
    "ð": "d",
    "Ð": "d",
    "ł": "l",
    "Ł": "l",
    "ħ": "h",
    "Ħ": "h",
    "ı": "i",
    "ŧ": "t",
    "Ŧ": "t",
    "\u2019": "'",  # ’
    "\u2018": "'",  # ‘
    "\u02bc": "'",  # ʼ
}
UNDECOMPOSED_FROM = "".join(UNDECOMPOSED)
UNDECOMPOSED_TO = "".join(UNDECOMPOSED.values())

_REPLACED = str.maketrans({**LIGATURES, **UNDECOMPOSED})
_COMBINING = re.compile(COMBINING)


def fold_for_search(text: str | None) -> str | None:
    """« L'Œuvre d’Émile » → « l'oeuvre d'emile ». None stays None (SQL NULL)."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", str(text).translate(_REPLACED))
    return _COMBINING.sub("", decomposed).lower()


def search_text(*values: object) -> str:
    """The folded text of a row's searchable values, for a column a service keeps up to date on every write
    and gives to `paginate(..., folded=[...])`: big tables (a journal of 100,000 rows) search it without
    folding each row at each search."""
    return fold_for_search(" ".join(str(value) for value in values if value not in (None, ""))) or ""
