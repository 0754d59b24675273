"""The data folder holds candidates' files, mails and identities: readable by the platform's user alone.

Folders are 0700 and files 0600, whoever creates them: our code creates them so, and the process umask makes
those of the libraries (NiceGUI's browser storage, SQLite's journal) private too. A folder or file left readable
by an older version is made private again at start.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
PRIVATE_UMASK = 0o077
# What the platform keeps in the data folder; only these are visited at start, so that a data folder set to a
# shared place never has anything else of it changed.
OWN_FILES = (
    "storage_secret",
    "installation",
    "ecandidat.sqlite3",
    "ecandidat.sqlite3-wal",
    "ecandidat.sqlite3-shm",
    "ecandidat.sqlite3.migration-lock",
)
OWN_FOLDERS = ("uploads", "outbox", "storage", "exports")


def protect(folder: Path) -> None:
    """Create the data folder private, make what it already holds private, and every file created from now on."""
    os.umask(PRIVATE_UMASK)
    make_folder(folder)
    for name in OWN_FILES:
        make_private(folder / name)
    for name in OWN_FOLDERS:
        sub = folder / name
        if sub.is_dir() and not sub.is_symlink():
            make_private(sub)
            for path in sub.iterdir():
                make_private(path)


def make_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    make_private(folder)


def make_private(path: Path) -> None:
    """0700 for a folder, 0600 for a file; nothing for what does not exist or is a link."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode):
        return
    wanted = PRIVATE_FOLDER if stat.S_ISDIR(info.st_mode) else PRIVATE_FILE
    if stat.S_IMODE(info.st_mode) != wanted:
        try:
            path.chmod(wanted)
        except PermissionError:  # another user's file in a folder we may write to: said, not fatal
            log.warning("%s is readable by others (mode %o) and cannot be made private", path, info.st_mode)


def create_private(path: Path) -> None:
    """An empty file readable by its owner only (kept as it is when it exists, but made private)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
    make_private(path)


def write_private(path: Path, data: bytes, *, sync: bool = False) -> None:
    """Write the file, created (or truncated) readable by its owner only."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    with os.fdopen(descriptor, "wb") as handle:
        os.fchmod(handle.fileno(), PRIVATE_FILE)
        handle.write(data)
        if sync:
            handle.flush()
            os.fsync(handle.fileno())


def written_once(path: Path, data: bytes) -> str:
    """The file's text, written with `data` if it did not exist. Several processes starting together on one
    folder all get the text of the first one: the file appears whole, at once (a hard link), or not at all."""
    if not path.exists():
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        write_private(temporary, data, sync=True)
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process was first: its text is the one
        finally:
            temporary.unlink(missing_ok=True)
    return path.read_text().strip()
