"""Reference codes as people read them, one way wherever they are shown (the récapitulatif, the gestion's table
of candidatures, the exports): the name in the current language where it has an English one (countries: the
CLDR territory names Babel ships), else the French one; an unknown code is shown as it is (nothing silently
lost), an empty one as nothing."""

from __future__ import annotations

from collections.abc import Callable

from ecandidat_ui import language

from .countries import Country, country_by_code


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
