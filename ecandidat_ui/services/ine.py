"""The INE (identifiant national étudiant) with its key, in its four forms.

- INE-BEA: 10 digits + a key letter, key = KEY_LETTERS[int(digits) mod 23]; ten identical digits are refused.
- INE base 36 (universities): 10 characters of 0-9A-Z + a key digit = last digit of
  6 × (sum of the base-36 values of characters 1–9) + value of character 10.
- INE-RNIE: 9 digits + 2 letters, and apprentice INE: 4 digits, A, 5 digits, a letter — format only.
"""

from __future__ import annotations

import re

KEY_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"
_BEA = re.compile(r"^(\d{10})([A-Z])$")
_BASE36 = re.compile(r"^([0-9A-Z]{10})(\d)$")
_RNIE = re.compile(r"^\d{9}[A-Z]{2}$")
_APPRENTICE = re.compile(r"^\d{4}A\d{5}[A-Z]$")


def normalize(ine: str) -> str:
    return "".join((ine or "").split()).upper()


def is_valid(ine: str) -> bool:
    value = normalize(ine)
    if len(value) != 11:
        return False
    if _RNIE.match(value) or _APPRENTICE.match(value):
        return True
    if match := _BEA.match(value):
        digits, key = match.groups()
        return len(set(digits)) > 1 and KEY_LETTERS[int(digits) % 23] == key
    if match := _BASE36.match(value):
        body, key = match.groups()
        return _base36_key(body) == int(key)
    return False


def _base36_key(body: str) -> int:
    values = [int(character, 36) for character in body]
    return (6 * sum(values[:9]) + values[9]) % 10


def bea_key(digits: str) -> str:
    return KEY_LETTERS[int(digits) % 23]


def base36_key(body: str) -> str:
    return str(_base36_key(body.upper()))
