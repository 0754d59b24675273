"""Write a new Alembic migration from the difference between the models and a fresh database.

Usage: python scripts/new_migration.py "what changed"
"""

import sys
import tempfile
from pathlib import Path

from alembic import command

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ecandidat_ui.db import Database, alembic_config


def main(message: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/schema.sqlite3"
        Database(url).upgrade()
        command.revision(alembic_config(url), message=message, autogenerate=True)


if __name__ == "__main__":
    main(" ".join(sys.argv[1:]) or "schema change")
