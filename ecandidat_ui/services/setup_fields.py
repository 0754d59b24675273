"""Checks of the values staff type in the set-up forms (codes, labels, dates, counts…), each returning the
cleaned value or raising FieldError with the French message shown at the field."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime
from urllib.parse import urlsplit

from ecandidat_ui import messages
from ecandidat_ui.services.fields import (
    NUMBER_MAX_LENGTH,
    FieldError,
    clean,
    mail_address,
    required_text,
)

CODE_MAX = 20
_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_.\-]*$")
_PHONE = re.compile(r"^[0-9/+()\-.\s]+$")
_TIME = re.compile(r"^([01]?\d|2[0-3])[:hH]([0-5]\d)$")
_DAY_FR = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def code(value: object, max_length: int = CODE_MAX) -> str:
    """A code as the original has them: upper-case letters without accents, digits, « - », « _ », « . »."""
    text = required_text(str(value or ""), max_length).upper()
    if not _CODE.match(text):
        raise FieldError(messages.SETUP_BAD_CODE)
    return text


def label(value: object, max_length: int) -> str:
    return unicodedata.normalize("NFC", required_text(clean(value), max_length))


def text(value: object, max_length: int, *, lines: bool = False) -> str:
    """Optional free text; with lines, line breaks are kept (an address, a comment)."""
    if lines:
        typed = clean(value, multiline=True).split("\n")
        cleaned = "\n".join(" ".join(line.split()) for line in typed).strip("\n")
    else:
        cleaned = " ".join(clean(value).split())
    if len(cleaned) > max_length:
        raise FieldError(messages.TOO_LONG.format(max=max_length))
    return unicodedata.normalize("NFC", cleaned)


def mail(value: object, *, required: bool = False) -> str:
    if not str(value or "").strip() and not required:
        return ""
    return mail_address(str(value or ""))


def url(value: object, max_length: int = 500) -> str:
    cleaned = clean(value).strip()
    if not cleaned:
        return ""
    if len(cleaned) > max_length:
        raise FieldError(messages.TOO_LONG.format(max=max_length))
    parts = urlsplit(cleaned)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in cleaned):
        raise FieldError(messages.SETUP_BAD_URL)
    return cleaned


def phone(value: object) -> str:
    cleaned = clean(value).strip()
    if not cleaned:
        return ""
    if len(cleaned) > 20 or not _PHONE.match(cleaned):
        raise FieldError(messages.BAD_PHONE)
    return cleaned


def day(value: object, *, required: bool = False) -> date | None:
    """A date typed as AAAA-MM-JJ (the browser's date field) or JJ/MM/AAAA."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    cleaned = clean(value).strip()
    if not cleaned:
        if required:
            raise FieldError(messages.REQUIRED)
        return None
    try:
        if match := _DAY_FR.match(cleaned):
            parsed = date(int(match[3]), int(match[2]), int(match[1]))
        else:
            parsed = date.fromisoformat(cleaned)
    except ValueError:
        raise FieldError(messages.SETUP_BAD_DATE) from None
    if not 2000 <= parsed.year <= 2200:
        raise FieldError(messages.SETUP_BAD_DATE)
    return parsed


def count(value: object, *, minimum: int = 1, maximum: int = 100_000, required: bool = False) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise FieldError(messages.REQUIRED)
        return None
    if isinstance(value, bool):
        raise FieldError(messages.BAD_NUMBER)
    typed = clean(value).strip()
    if len(typed) > NUMBER_MAX_LENGTH:
        raise FieldError(messages.BAD_NUMBER)
    try:
        number = float(typed.replace(",", "."))
    except (ValueError, OverflowError):
        raise FieldError(messages.BAD_NUMBER) from None
    if not number.is_integer():
        raise FieldError(messages.SETUP_WHOLE_NUMBER)
    if not minimum <= number <= maximum:
        raise FieldError(messages.SETUP_NUMBER_RANGE.format(min=minimum, max=maximum))
    return int(number)


def flag(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "oui", "on")
    return bool(value)


def time_of_day(value: object) -> str:
    cleaned = clean(value).strip()
    if not cleaned:
        return ""
    match = _TIME.match(cleaned)
    if not match:
        raise FieldError(messages.SETUP_BAD_TIME)
    return f"{int(match[1]):02d}:{match[2]}"


def choice(value: object, choices: Mapping[str, str]) -> str:
    cleaned = clean(value).strip()
    if not cleaned:
        raise FieldError(messages.REQUIRED)
    if cleaned not in choices:
        raise FieldError(messages.UNKNOWN_VALUE)
    return cleaned


def identifier(value: object, *, required: bool = True) -> int | None:
    """The id of a row chosen in a list."""
    if value is None or value == "":
        if required:
            raise FieldError(messages.REQUIRED)
        return None
    if isinstance(value, bool):
        raise FieldError(messages.UNKNOWN_VALUE)
    try:
        return int(value)
    except (TypeError, ValueError):
        raise FieldError(messages.UNKNOWN_VALUE) from None
