"""Pièces justificatives sent by candidates: checked by content, size and type, stored outside any served folder."""

from __future__ import annotations

import errno
import hashlib
import re
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ecandidat_ui import data_folder, messages
from ecandidat_ui.services.errors import Refused

SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)
NAME_MAX = 120


@dataclass(frozen=True)
class CheckedFile:
    content_type: str
    original_name: str
    size: int
    sha256: str


def check(data: bytes, name: str, max_bytes: int) -> CheckedFile:
    """Refuse an empty, oversized or non PDF/JPG/PNG file, whatever its name says."""
    if not data:
        raise Refused(messages.FILE_EMPTY)
    if len(data) > max_bytes:
        raise Refused(messages.FILE_TOO_BIG)
    content_type = next((kind for magic, kind in SIGNATURES if data.startswith(magic)), None)
    if content_type is None:
        raise Refused(messages.FILE_BAD_TYPE)
    return CheckedFile(content_type, safe_name(name, content_type), len(data), hashlib.sha256(data).hexdigest())


def safe_name(name: str, content_type: str) -> str:
    """The name shown back to the candidate: no folders, no control characters, a sensible length and extension."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(c for c in unicodedata.normalize("NFC", base) if unicodedata.category(c)[0] != "C").strip(" .")
    extension = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg"}[content_type]
    stem = base.rsplit(".", 1)[0] if "." in base else base
    return (stem[: NAME_MAX - len(extension)] or "piece") + extension


def store(folder: Path, data: bytes) -> str:
    """Write the bytes under a random name (atomically, readable by the platform alone) and return that name.
    A full disk is said in French (Refused) and leaves nothing behind; any other failure too leaves nothing."""
    data_folder.make_folder(folder)
    stored = secrets.token_hex(20)
    temporary = folder / f".{stored}.part"
    try:
        data_folder.write_private(temporary, data, sync=True)
        temporary.replace(folder / stored)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise Refused(messages.DISK_FULL) from error
        raise
    return stored


def remove(folder: Path, stored_name: str) -> None:
    (folder / stored_name).unlink(missing_ok=True)
