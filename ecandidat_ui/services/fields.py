"""Checks of single values typed by a user, each returning the cleaned value or raising FieldError.

Every text a person types goes through `clean` first, here, so that no service stores what no one can see:
control characters (NUL and the like), lone surrogates (which no database can encode) and the bidirectional
overrides that make a text display differently from what it is.
"""

from __future__ import annotations

import math
import re
import unicodedata

from email_validator import EmailNotValidError, validate_email

from ecandidat_ui import messages

# Letters of any alphabet, spaces, apostrophes, hyphens and dots: Lefèvre-Núñez, D'Artagnan, N'Diaye, St. Cyr
_NAME = re.compile(r"^[^\W\d_]+(?:[ '’.\-]+[^\W\d_]+)*\.?$")
_LINE_ENDS = re.compile("\r\n?")
_BLANKS = re.compile("[\t\n\r\x0b\x0c\x1c-\x1f\x85]")  # control characters that separate words
_UNSEEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
NUMBER_MAX_LENGTH = 30


class FieldError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def clean(value: object, *, multiline: bool = False) -> str:
    """The text without invisible characters; line breaks and tabs are kept only where `multiline`."""
    try:
        text = "" if value is None else str(value)
    except ValueError:  # an integer of more than 4300 digits: no one typed it
        text = ""
    text = _LINE_ENDS.sub("\n", text) if multiline else _BLANKS.sub(" ", text)
    return _UNSEEN.sub("", text)


def required_text(value: str | None, max_length: int) -> str:
    text = " ".join(clean(value).split())
    if not text:
        raise FieldError(messages.REQUIRED)
    if len(text) > max_length:
        raise FieldError(messages.TOO_LONG.format(max=max_length))
    return text


def person_name(value: str | None, max_length: int) -> str:
    """A name stored upper-cased, as the original does; markup and digits are refused."""
    text = unicodedata.normalize("NFC", required_text(value, max_length))
    if not _NAME.match(text):
        raise FieldError(messages.FORBIDDEN_CHARACTERS)
    return text.upper()


def multiline_text(value: str | None, max_length: int) -> str:
    """A text of several lines, possibly empty, its line breaks and tabs kept."""
    text = clean(value, multiline=True).strip()
    if len(text) > max_length:
        raise FieldError(messages.TOO_LONG.format(max=max_length))
    return text


def whole_number(value: object, lowest: int, highest: int, out_of_range: str) -> int | None:
    """A whole number typed as « 2019 », « 35.0 » or given as a number; None when empty.

    Anything else gives a French message: not a number, or `out_of_range` for what lies outside the bounds,
    however large (« 1e400 », « inf »).
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = value  # compared as it is: an integer of any size, an infinite float
    else:
        text = clean(value).strip()
        if not text:
            return None
        if len(text) > NUMBER_MAX_LENGTH:
            raise FieldError(messages.BAD_NUMBER)
        try:
            number = float(text)
        except ValueError:
            raise FieldError(messages.BAD_NUMBER) from None
    if isinstance(number, float) and math.isnan(number):
        raise FieldError(messages.BAD_NUMBER)
    if not lowest <= number < highest + 1:
        raise FieldError(out_of_range)
    return int(number)


def mail_address(value: str | None, max_length: int = 100) -> str:
    text = clean(value).strip()
    if not text:
        raise FieldError(messages.REQUIRED)
    if len(text) > max_length:
        raise FieldError(messages.TOO_LONG.format(max=max_length))
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        raise FieldError(messages.BAD_MAIL) from None


def mail_key(address: str) -> str:
    return address.strip().lower()


def collect(checks: dict[str, callable]) -> tuple[dict[str, object], dict[str, str]]:
    """Run every check, so that all errors are shown at once: (cleaned values, errors by field)."""
    values: dict[str, object] = {}
    errors: dict[str, str] = {}
    for field, check in checks.items():
        try:
            values[field] = check()
        except FieldError as error:
            errors[field] = error.message
    return values, errors
