"""The staff's second factor: TOTP codes (RFC 6238, 30-second steps, 6 digits) and single-use recovery codes."""

from __future__ import annotations

import hashlib
import hmac
import io
import re
import secrets
import time

import pyotp
import segno

from ecandidat_ui import messages

STEP_SECONDS = 30
WINDOW = 1  # a code of the step before or after is accepted too: phones' clocks drift
RECOVERY_COUNT = 10
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # 32 signs, without 0/O and 1/I
RECOVERY_LENGTH = 16  # 80 bits: enough for a SHA-256 to be stored rather than a slow hash
_CODE = re.compile(r"^\d{6}$")


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, account: str, issuer: str) -> str:
    """The otpauth:// address a phone application reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=account, issuer_name=issuer)


def qr_svg(uri: str) -> str:
    """The QR code of the address, as an SVG document with a French title: with its namespace, so that it can be
    shown as an image (an SVG without it is no image), never put in the page's HTML."""
    buffer = io.BytesIO()
    segno.make(uri, error="m").save(buffer, kind="svg", scale=5, border=2, title=messages.TOTP_QR_TITLE, xmldecl=False)
    return buffer.getvalue().decode()


def clean_code(code: str) -> str:
    return re.sub(r"[\s-]", "", code or "")


def is_totp_code(code: str) -> bool:
    return bool(_CODE.match(clean_code(code)))


def matching_step(secret: str, code: str, *, last_step: int | None = None, at: float | None = None) -> int | None:
    """The time step the code belongs to, within ±WINDOW of now and after last_step (a code is used only once);
    None when it does not match."""
    code = clean_code(code)
    if not _CODE.match(code):
        return None
    totp = pyotp.TOTP(secret)
    now = int((time.time() if at is None else at) // STEP_SECONDS)
    for step in range(now - WINDOW, now + WINDOW + 1):
        if (last_step is None or step > last_step) and hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def new_recovery_codes() -> list[str]:
    """Ten codes shown once, as XXXX-XXXX-XXXX-XXXX."""
    return [_recovery_code() for _ in range(RECOVERY_COUNT)]


def recovery_digest(code: str) -> str:
    """What is stored of a recovery code: typed in any case, with or without its dashes and spaces."""
    return hashlib.sha256(clean_code(code).upper().encode()).hexdigest()


def _recovery_code() -> str:
    signs = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))
    return "-".join(signs[index : index + 4] for index in range(0, RECOVERY_LENGTH, 4))
