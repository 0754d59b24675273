"""Reference codes as people read them, one way wherever they are shown (the récapitulatif, the gestion's table
of candidatures, the exports): the name in the current language where it has an English one (countries: the
CLDR territory names Babel ships), else the French one; an unknown code is shown as it is (nothing silently
lost), an empty one as nothing."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from ecandidat_ui import language

from ._text import fold_name, fold_query
from .countries import Country, countries, country_by_code, search_countries


def country(code: str | None) -> str:
    """« Espagne », or « Spain » in English."""
    return _label(code, lambda found: found.name)


def nationality(code: str | None) -> str:
    """« Espagnole »; in English the country's name (CLDR has no adjectives of nationality)."""
    return _label(code, lambda found: found.nationality.capitalize())


def _label(code: str | None, french: Callable[[Country], str]) -> str:
    if not code:
        return ""
    found = country_by_code(code)
    if found is None:
        return code
    if language.current() == language.FRENCH:
        return french(found)
    return language.territory_name(found.iso2) or found.name


def matching_countries(text: str, limit: int) -> tuple[Country, ...]:
    """The countries a candidate means by `text`: by their French names and nationality (« espa », « allemande »),
    and on an English page by their English names too (« spain », « germany »)."""
    found = list(search_countries(text, limit=limit))
    query = fold_query(text or "")
    if language.current() == language.FRENCH or not query:
        return tuple(found)
    english = [country for country, name in _english_names() if query in name and country not in found]
    return tuple((english + found)[:limit])


@cache
def _english_names() -> tuple[tuple[Country, str], ...]:
    named = ((c, language.territory_name(c.iso2, language.ENGLISH)) for c in countries())
    return tuple((country, fold_name(name)) for country, name in named if name)


def nationality_choice(code: str | None) -> str:
    """A nationality in a list: « espagnole (Espagne) »; in English the country's name alone (« Spain »)."""
    found = country_by_code(code)
    if found is None or language.current() != language.FRENCH:
        return nationality(code)
    return f"{found.nationality} ({found.name})"
