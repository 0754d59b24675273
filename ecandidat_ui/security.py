"""Passwords (Argon2id, policy of ASVS 5 / CNIL) and single-use tokens."""

from __future__ import annotations

import hashlib
import math
import os
import re
import secrets
import string
import threading
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ecandidat_ui import messages

PASSWORD_MIN = 12
PASSWORD_MAX = 128
LOGIN_ALPHABET = string.digits + string.ascii_uppercase
COMMON_PASSWORDS = Path(__file__).parent / "data" / "common_passwords.txt"

# argon2-cffi's defaults are Argon2id with RFC 9106's low-memory profile; its C code releases the GIL,
# so hashing in a worker thread (run.io_bound) keeps the event loop free.
_hasher = PasswordHasher()
# Verifying against this when the login is unknown spends the same time as for a real account.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


# At most (cores - 1) hashes at once, so that a burst of sign-ins always leaves a core to the event loop.
_hashing = threading.BoundedSemaphore(max(1, (os.cpu_count() or 2) - 1))


def hash_password(password: str) -> str:
    with _hashing:
        return _hasher.hash(_bytes(password))


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        with _hashing:
            return _hasher.verify(password_hash or _DUMMY_HASH, _bytes(password)) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def _bytes(text: str) -> bytes:
    """UTF-8, as argon2-cffi and hashlib would encode it, but also for a lone surrogate a browser may send."""
    return text.encode("utf-8", "surrogatepass")


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def password_problem(password: str, personal: tuple[str, ...] = ()) -> str | None:
    """Why the password is refused, or None. Any character is allowed; no composition rule."""
    if len(password) < PASSWORD_MIN:
        return messages.PASSWORD_TOO_SHORT.format(min=PASSWORD_MIN)
    if len(password) > PASSWORD_MAX:
        return messages.PASSWORD_TOO_LONG.format(max=PASSWORD_MAX)
    lowered = password.lower()
    if _is_common(lowered):
        return messages.PASSWORD_COMMON
    if any(len(word) >= 4 and word.lower() in lowered for word in personal if word):
        return messages.PASSWORD_PERSONAL
    return None


def password_strength(password: str) -> int:
    """A rough 0–4 score for the hint under the field: estimated entropy, common passwords at 0."""
    if not password or _is_common(password.lower()):
        return 0
    pools = [
        (string.ascii_lowercase, 26),
        (string.ascii_uppercase, 26),
        (string.digits, 10),
    ]
    size = sum(count for chars, count in pools if any(c in chars for c in password))
    if any(not c.isascii() or c in string.punctuation or c.isspace() for c in password):
        size += 33
    distinct = len(set(password))
    bits = min(len(password), distinct * 2) * math.log2(max(size, 2))
    return min(4, int(bits // 20))


@cache
def _common_passwords() -> frozenset[str]:
    if not COMMON_PASSWORDS.exists():
        return frozenset()
    return frozenset(COMMON_PASSWORDS.read_text(encoding="utf-8").split())


def _is_common(lowered: str) -> bool:
    common = _common_passwords()
    stripped = re.sub(r"[\d\W_]+$", "", lowered)
    return lowered in common or (len(stripped) >= 6 and stripped in common) or len(set(lowered)) <= 2


def new_token() -> str:
    """A random URL-safe token of 256 bits, to be sent; store only token_digest() of it."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(_bytes(token)).hexdigest()


def new_login(prefix: str = "") -> str:
    """A numéro de dossier: 8 characters of 0-9A-Z (the prefix replaces the first ones)."""
    return prefix + "".join(secrets.choice(LOGIN_ALPHABET) for _ in range(8 - len(prefix)))


def new_session_id() -> str:
    return secrets.token_urlsafe(32)
