"""The files an export makes (an XLSX, a ZIP of dossiers), kept a while in the data folder for the one staff member
who asked: never a public file. The page hands the member a token; the download route
(pages/gestion/exports.py) gives the file to that member's staff session only.

Each file is written under a random name in `<data>/exports` (0700, files 0600 as the whole data folder), and
removed an hour later — at the next export, or at start.
"""

from __future__ import annotations

import os
import secrets
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ecandidat_ui import data_folder, messages
from ecandidat_ui.services.errors import Refused

KEPT_SECONDS = 3600


@dataclass(frozen=True)
class ExportFile:
    member_id: int
    path: Path
    filename: str
    media_type: str
    made_at: float


class ExportFiles:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._files: dict[str, ExportFile] = {}
        self._lock = threading.Lock()

    def new_path(self, suffix: str) -> Path:
        """A new empty private file to write an export into."""
        data_folder.make_folder(self.folder)
        self.sweep()
        handle, name = tempfile.mkstemp(suffix=suffix, dir=self.folder)
        os.close(handle)
        return Path(name)

    def register(self, member_id: int, path: Path, filename: str, media_type: str) -> str:
        """The token under which `member_id` (and only them) downloads `path` as `filename`."""
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._files[token] = ExportFile(member_id, path, filename, media_type, time.time())
        return token

    def claim(self, member_id: int, token: str) -> ExportFile:
        """The file of a token, for the member who made it; Refused for anyone else, or once removed."""
        with self._lock:
            found = self._files.get(str(token))
        if found is None or found.member_id != member_id or not found.path.is_file():
            raise Refused(messages.EXPORT_FILE_UNKNOWN)
        return found

    def sweep(self, now: float | None = None) -> None:
        """Remove the files older than KEPT_SECONDS (their tokens with them), those of an earlier run too."""
        now = time.time() if now is None else now
        with self._lock:
            for token, found in list(self._files.items()):
                if now - found.made_at > KEPT_SECONDS:
                    del self._files[token]
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            try:
                if path.is_file() and now - path.stat().st_mtime > KEPT_SECONDS:
                    path.unlink()
            except OSError:
                continue
