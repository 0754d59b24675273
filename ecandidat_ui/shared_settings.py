"""The settings every process of one installation must share, checked at each start against what the first start
recorded in the database: the storage secret (a cookie signed by one process is read by another) and the data
folder (a pièce written by one process is read by another). A process started with another secret or folder
would half-work — sessions lost at random, pièces missing — so it does not start, and says why in one line.

The database needs no check of its own: it is where the record lives. The secret is recorded as an HMAC
fingerprint, the folder as a random identifier written in it (`installation`, kept by the backups): neither
tells anything of the secret. An administrator who changes either on purpose runs
`python -m ecandidat_ui shared-settings --reset` with every process stopped.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy.exc import IntegrityError
from sqlmodel import delete, select

from ecandidat_ui import data_folder, messages
from ecandidat_ui.db import Database
from ecandidat_ui.settings import Settings, SettingsError
from models import SharedSetting

FOLDER_MARK = "installation"
SECRET, FOLDER = "storage_secret", "data_folder"


def check(db: Database, settings: Settings) -> None:
    """Record the shared settings at the first start; at every other, raise SettingsError when they differ."""
    expected = {SECRET: _fingerprint(settings.storage_secret), FOLDER: _folder_mark(settings)}
    recorded = _recorded(db)
    if not recorded:
        try:
            with db.session() as session:
                session.add_all(SharedSetting(name=name, value=value) for name, value in expected.items())
        except IntegrityError:  # another process started at the same moment and recorded first
            recorded = _recorded(db)
        else:
            return
    if recorded.get(SECRET) != expected[SECRET]:
        raise SettingsError(messages.SHARED_SECRET_DIFFERS)
    if recorded.get(FOLDER) != expected[FOLDER]:
        raise SettingsError(messages.SHARED_FOLDER_DIFFERS.format(folder=settings.data_dir.resolve()))


def reset(db: Database) -> None:
    """Forget what was recorded: the next start records its own settings (every process stopped first)."""
    with db.session() as session:
        session.exec(delete(SharedSetting))


def _recorded(db: Database) -> dict[str, str]:
    with db.session() as session:
        return {row.name: row.value for row in session.exec(select(SharedSetting)).all()}


def _fingerprint(secret: str) -> str:
    return hmac.new(secret.encode(), b"ecandidat: shared settings", hashlib.sha256).hexdigest()


def _folder_mark(settings: Settings) -> str:
    """The data folder's identifier, written in it the first time (a folder without one is a new folder)."""
    return data_folder.written_once(settings.data_dir / FOLDER_MARK, secrets.token_hex(16).encode())
