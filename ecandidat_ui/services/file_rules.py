"""What each tab of the candidate's file accepts: one check per tab, from typed values to stored values.

The same checks decide whether a saved tab is complete, so the page, the badge and the home page agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from ecandidat_ui import messages, refdata
from ecandidat_ui.services import ine
from ecandidat_ui.services.dates import add_years
from ecandidat_ui.services.errors import InvalidInput
from ecandidat_ui.services.fields import FieldError, clean, collect, person_name, required_text, whole_number

FRANCE = refdata.FRANCE_CODE
CIVILITIES = {"M.": "M.", "Mme": "Mme"}
OBTAINED = messages.OBTAINED_LABELS  # read at import: the French words, the keys being what counts
_PHONE = re.compile(r"^[0-9/+()\-.\s]+$")
_POSTAL = re.compile(r"^\d{5}$")
LONGEST_TEXT = 500  # the descriptions: no field of the file takes more characters

Values = dict[str, object]


def personal_info(values: Values, today: date, *, ine_required: bool = False) -> Values:
    def nationality() -> str:
        return _country(values.get("nationality"))

    def ine_value() -> str:
        text = ine.normalize(clean(values.get("ine") or ""))
        if not text:
            if ine_required and values.get("nationality") == FRANCE:
                raise FieldError(messages.REQUIRED)
            return ""
        if not ine.is_valid(text):
            raise FieldError(messages.BAD_INE)
        return text

    def civility() -> str:
        return _choice(values.get("civility"), CIVILITIES)

    def birth_date() -> date:
        return _birth_date(values.get("birth_date"), today)

    born_in_france = values.get("birth_country") == FRANCE
    checks: dict[str, Callable[[], object]] = {
        "nationality": nationality,
        "ine": ine_value,
        "civility": civility,
        "birth_name": lambda: person_name(_text(values, "birth_name"), 30),
        "usual_name": lambda: _optional(person_name, _text(values, "usual_name"), 30),
        "first_name": lambda: person_name(_text(values, "first_name"), 20),
        "other_first_name": lambda: _optional(person_name, _text(values, "other_first_name"), 20),
        "birth_date": birth_date,
        "birth_country": lambda: _country(values.get("birth_country")),
        "birth_departement": lambda: _departement(values.get("birth_departement")) if born_in_france else "",
        "birth_commune": lambda: (
            _commune_in(values.get("birth_commune"), values.get("birth_departement")) if born_in_france else ""
        ),
        "birth_city": lambda: "" if born_in_france else required_text(_text(values, "birth_city"), 30).upper(),
        "phone": lambda: _phone(values.get("phone")),
        "mobile": lambda: _phone(values.get("mobile")),
    }
    return _checked(checks)


def postal_address(values: Values) -> Values:
    in_france = values.get("country") == FRANCE
    checks = {
        "country": lambda: _country(values.get("country")),
        "postal_code": lambda: _postal_code(values.get("postal_code")) if in_france else "",
        "commune": lambda: (
            _commune_of_postal_code(values.get("commune"), values.get("postal_code")) if in_france else ""
        ),
        "foreign_city": lambda: "" if in_france else required_text(_text(values, "foreign_city"), 32).upper(),
        "line1": lambda: required_text(_text(values, "line1"), 32),
        "line2": lambda: _optional(required_text, _text(values, "line2"), 32),
        "line3": lambda: _optional(required_text, _text(values, "line3"), 32),
    }
    return _checked(checks)


def baccalaureate(values: Values, today: date) -> Values:
    if not values.get("has_bac", True):
        return {
            "has_bac": False,
            "year": None,
            "series": "",
            "specialties": [],
            "dropped_specialty": "",
            "country": "",
            "departement": "",
            "commune": "",
            "school": "",
            "mention": "",
        }
    year_errors: dict[str, str] = {}
    try:
        year = _year(values.get("year"), 1900, today.year)
    except FieldError as error:
        year, year_errors = None, {"year": error.message}
    in_france = values.get("country") == FRANCE
    specialties_needed = (
        year is not None
        and refdata.specialites_for_year(year)
        and values.get("series") == (refdata.GENERAL_BAC_SINCE_2021)
    )

    def series() -> str:
        if year is None:  # the year's own error blocks the save; the series is checked once it is known
            return _choice(values.get("series"), {clean(values.get("series") or ""): ""})
        return _choice(values.get("series"), {s.code: s.label for s in refdata.bac_series_for_year(year)})

    def specialties() -> list[str]:
        if not specialties_needed:
            return []
        chosen = [clean(code) for code in _listed(values.get("specialties"))]
        known = {s.code for s in refdata.specialites_for_year(year)}
        if len(chosen) != 2 or not set(chosen) <= known:
            raise FieldError(messages.TWO_SPECIALTIES)
        return chosen

    def dropped() -> str:
        code = clean(values.get("dropped_specialty") or "")
        if not specialties_needed or not code:
            return ""
        if code in {clean(kept) for kept in _listed(values.get("specialties"))}:
            raise FieldError(messages.DROPPED_SPECIALTY_KEPT)  # a subject is either kept or dropped
        return _choice(code, {s.code: s.label for s in refdata.specialites_for_year(year)})

    def mention() -> str:
        code = clean(values.get("mention") or "")
        if not code or year is None:
            return ""
        return _choice(code, {m.code: m.label for m in refdata.mentions_for_year(year)})

    checks = {
        "series": series,
        "specialties": specialties,
        "dropped_specialty": dropped,
        "country": lambda: _country(values.get("country")),
        "departement": lambda: _departement(values.get("departement")) if in_france else "",
        "commune": lambda: _commune_in(values.get("commune"), values.get("departement")) if in_france else "",
        "school": lambda: _school(values.get("school"), values.get("commune")) if in_france else "",
        "mention": mention,
    }
    cleaned, errors = collect(checks)
    errors.update(year_errors)
    if errors:
        raise InvalidInput(errors)
    return {"has_bac": True, "year": year, **cleaned}


def external_cursus(values: Values, today: date) -> Values:
    in_france = values.get("country") == FRANCE
    checks = {
        "country": lambda: _country(values.get("country")),
        "departement": lambda: _departement(values.get("departement")) if in_france else "",
        "commune": lambda: _commune_in(values.get("commune"), values.get("departement")) if in_france else "",
        "school_name": lambda: required_text(_text(values, "school_name"), 120),
        "year": lambda: _year(values.get("year"), 1900, today.year + 1),
        "diploma_type": lambda: _choice(values.get("diploma_type"), refdata_diploma_types()),
        "label": lambda: required_text(_text(values, "label"), 255),
        "obtained": lambda: _choice(values.get("obtained"), OBTAINED),
        "mention": lambda: _choice(values.get("mention"), refdata.CURSUS_MENTIONS) if values.get("mention") else "",
    }
    return _checked(checks)


def internship(values: Values, today: date) -> Values:
    checks = {
        "year": lambda: _year(values.get("year"), 1900, today.year + 1),
        "duration": lambda: required_text(_text(values, "duration"), 20),
        "hours_per_week": lambda: _hours(values.get("hours_per_week")),
        "employer": lambda: required_text(_text(values, "employer"), 50),
        "description": lambda: required_text(_text(values, "description"), LONGEST_TEXT),
    }
    return _checked(checks)


def pro_experience(values: Values, today: date) -> Values:
    checks = {
        "year": lambda: _year(values.get("year"), 1900, today.year + 1),
        "title": lambda: required_text(_text(values, "title"), 50),
        "duration": lambda: required_text(_text(values, "duration"), 20),
        "employer": lambda: required_text(_text(values, "employer"), 50),
        "description": lambda: _optional(required_text, _text(values, "description"), LONGEST_TEXT),
    }
    return _checked(checks)


def refdata_diploma_types() -> dict[str, str]:
    return {d.code: d.label for d in refdata.diploma_types()}


def is_valid(check: Callable[..., Values], values: Values, *args: object, **kwargs: object) -> bool:
    try:
        check(values, *args, **kwargs)
    except InvalidInput:
        return False
    return True


# --- single values ---------------------------------------------------------------------------------


def _checked(checks: dict[str, Callable[[], object]]) -> Values:
    cleaned, errors = collect(checks)
    if errors:
        raise InvalidInput(errors)
    return cleaned


def _text(values: Values, name: str) -> str:
    return clean(values.get(name) or "")


def _listed(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []


def _optional(check: Callable[[str, int], str], text: str, max_length: int) -> str:
    return check(text, max_length) if text.strip() else ""


def _choice(value: object, choices: dict[str, str]) -> str:
    code = clean(value or "")
    if not code:
        raise FieldError(messages.REQUIRED)
    if code not in choices:
        raise FieldError(messages.UNKNOWN_VALUE)
    return code


def _country(value: object) -> str:
    code = clean(value or "")
    if not code:
        raise FieldError(messages.REQUIRED)
    if refdata.country_by_code(code) is None:
        raise FieldError(messages.UNKNOWN_VALUE)
    return code


def _departement(value: object) -> str:
    code = clean(value or "")
    if not code:
        raise FieldError(messages.REQUIRED)
    if refdata.departement_by_code(code) is None:
        raise FieldError(messages.UNKNOWN_VALUE)
    return code


def _commune_in(value: object, departement: object) -> str:
    code = clean(value or "")
    if not code:
        raise FieldError(messages.REQUIRED)
    commune = refdata.commune_by_insee(code)
    if commune is None or (departement and commune.departement != departement):
        raise FieldError(messages.UNKNOWN_VALUE)
    return code


def _postal_code(value: object) -> str:
    text = clean(value or "").strip()
    if not text:
        raise FieldError(messages.REQUIRED)
    if not text.isdigit():
        raise FieldError(messages.BAD_POSTAL_CODE)
    if not _POSTAL.match(text) or not refdata.communes_for_postal_code(text):
        raise FieldError(messages.UNKNOWN_POSTAL_CODE)
    return text


def _commune_of_postal_code(value: object, postal_code: object) -> str:
    code = clean(value or "")
    if not code:
        raise FieldError(messages.REQUIRED)
    if code not in {c.insee for c in refdata.communes_for_postal_code(clean(postal_code or "").strip())}:
        raise FieldError(messages.COMMUNE_NOT_IN_POSTAL_CODE)
    return code


def _school(value: object, commune: object) -> str:
    code = clean(value or "")
    if not code:
        raise FieldError(messages.REQUIRED)
    school = refdata.lycee_by_uai(code)
    if school is None:
        raise FieldError(messages.UNKNOWN_VALUE)
    return code


def _birth_date(value: object, today: date) -> date:
    if not value:
        raise FieldError(messages.REQUIRED)
    try:
        born = value if isinstance(value, date) else date.fromisoformat(clean(value))
    except ValueError:
        raise FieldError(messages.BAD_BIRTH_DATE) from None
    oldest, youngest = add_years(today, -100), add_years(today, -10)
    if not oldest <= born <= youngest:
        raise FieldError(messages.BAD_BIRTH_DATE)
    return born


def _year(value: object, lowest: int, highest: int) -> int:
    year = whole_number(value, lowest, highest, messages.BAD_YEAR.format(min=lowest, max=highest))
    if year is None:
        raise FieldError(messages.REQUIRED)
    return year


def _hours(value: object) -> int | None:
    return whole_number(value, 1, 99, messages.BAD_HOURS)


def _phone(value: object) -> str:
    text = clean(value or "").strip()
    if not text:
        return ""
    if len(text) > 20 or not _PHONE.match(text):
        raise FieldError(messages.BAD_PHONE)
    return text
