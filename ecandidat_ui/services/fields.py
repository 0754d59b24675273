"""Checks of single values typed by a user, each returning the cleaned value or raising FieldError."""

from __future__ import annotations

import re
import unicodedata

from email_validator import EmailNotValidError, validate_email

from ecandidat_ui import messages

# Letters of any alphabet, spaces, apostrophes, hyphens and dots: Lefèvre-Núñez, D'Artagnan, N'Diaye, St. Cyr
_NAME = re.compile(r"^[^\W\d_]+(?:[ '’.\-]+[^\W\d_]+)*\.?$")


class FieldError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def required_text(value: str | None, max_length: int) -> str:
    text = " ".join((value or "").split())
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


def mail_address(value: str | None, max_length: int = 100) -> str:
    text = (value or "").strip()
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
