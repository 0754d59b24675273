"""The language a candidate reads: French, the reference (its texts are the gettext msgids), or English.

The English texts are a gettext catalogue, `locale/en/LC_MESSAGES/messages.po` beside this module, read with
Babel at first use (nothing to compile on a fresh clone). Which language applies now is, in order:

- the one set with `using(language)`: a mail or a PDF made for someone, or a thread started for a page (the
  pages' thread pool copies it, pages/language.py);
- else the one the resolver says (pages/language.py: the page being built or acted on, from the candidate's
  choice or the browser's Accept-Language);
- else French.

`ecandidat_ui.messages` translates each text when it is read, so `messages.NAME` is in the current language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.messages.pofile import read_po

FRENCH = "fr"
ENGLISH = "en"
LANGUAGES = (FRENCH, ENGLISH)
CATALOGUE = Path(__file__).parent / "locale" / ENGLISH / "LC_MESSAGES" / "messages.po"

_chosen: ContextVar[str | None] = ContextVar("ecandidat_language", default=None)
_resolvers: list[Callable[[], str | None]] = []


def current() -> str:
    """The language of what is being made now."""
    chosen = _chosen.get()
    if chosen is not None:
        return chosen
    for resolve in _resolvers:
        found = resolve()
        if found is not None:
            return found
    return FRENCH


def set_resolver(resolve: Callable[[], str | None]) -> None:
    """Who says the language when nothing was set with `using` (one resolver: the pages')."""
    _resolvers[:] = [resolve]


@contextmanager
def using(language: str | None) -> Iterator[str]:
    """Make what follows in `language` (French when unknown or None)."""
    token = _chosen.set(supported(language))
    try:
        yield _chosen.get() or FRENCH
    finally:
        _chosen.reset(token)


def supported(code: str | None) -> str:
    """« en », « en-GB », « EN_us » → « en »; anything else → French."""
    primary = (code or "").replace("_", "-").split("-")[0].strip().lower()
    return primary if primary in LANGUAGES else FRENCH


def from_accept_language(header: str | None) -> str:
    """The browser's preferred language among ours (its Accept-Language header), French when none fits."""
    wanted = []
    for part in (header or "").split(","):
        code, _, quality = part.strip().partition(";q=")
        try:
            weight = float(quality) if quality else 1.0
        except ValueError:
            continue
        if code and weight > 0:
            wanted.append((weight, code))
    preferred = [code.replace("-", "_") for _, code in sorted(wanted, key=lambda pair: -pair[0])]
    found = Locale.negotiate(preferred, list(LANGUAGES), sep="_") if preferred else None
    return supported(str(found)) if found is not None else FRENCH


@lru_cache(maxsize=1)
def english() -> dict[str, str]:
    """French text → English text, from the catalogue (entries without a translation are left out)."""
    with CATALOGUE.open("rb") as file:
        catalogue = read_po(file, locale=ENGLISH)
    return {message.id: message.string for message in catalogue if message.id and message.string}


def translate(text: str, language: str | None = None) -> str:
    """The text in `language` (now's when None); the French text itself when the catalogue lacks it."""
    if (language or current()) == FRENCH:
        return text
    return english().get(text, text)


def translated(value: Any, language: str | None = None) -> Any:
    """A text, or the texts in a dict's values, a tuple or a list, in `language` (now's when None)."""
    language = language or current()
    if language == FRENCH:
        return value
    if isinstance(value, str):
        return translate(value, language)
    if isinstance(value, dict):
        return {key: translated(item, language) for key, item in value.items()}
    if isinstance(value, tuple):
        return tuple(translated(item, language) for item in value)
    if isinstance(value, list):
        return [translated(item, language) for item in value]
    return value


def territory_name(code: str, language: str | None = None) -> str | None:
    """A country's name in `language` from Babel's CLDR data (ISO 3166 alpha-2), None when Babel has none."""
    try:
        return Locale.parse(language or current()).territories.get(code.upper())
    except (UnknownLocaleError, ValueError):
        return None
