"""A test-only app showing the data table over the demo rows of tests/table_demo.py, in the platform's frame.

Started like main.py (same ECANDIDAT_PORT, ECANDIDAT_HOST and ECANDIDAT_DATA_DIR) by tests/e2e/test_data_table.py
and benchmarks/table_paging.py; TABLE_DEMO_ROWS generated rows (2,000 by default) in a SQLite file of the data
folder, or in TABLE_DEMO_DATABASE_URL. Production never loads it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from nicegui import ui  # noqa: E402

from components.data_table import Column, DataTable, RowAction  # noqa: E402
from components.frame import FrameModel, apply_theme, frame  # noqa: E402
from ecandidat_ui.db import Database  # noqa: E402
from tests.table_demo import create_demo, demo_fetch  # noqa: E402

COLUMNS = [
    Column("code", "Code", sortable=True),
    Column("label", "Libellé", sortable=True),
    Column("centre", "Centre", sortable=True, wide_only=True),
    Column("capacity", "Capacité", sortable=True, align="right", wide_only=True),
    Column("closes_on", "Fin de dépôt", wide_only=True),
]

data_dir = Path(os.environ.get("ECANDIDAT_DATA_DIR", "data"))
data_dir.mkdir(parents=True, exist_ok=True)
db = Database(os.environ.get("TABLE_DEMO_DATABASE_URL") or f"sqlite:///{data_dir / 'table-demo.sqlite3'}")
create_demo(db, int(os.environ.get("TABLE_DEMO_ROWS", "2000")))
fetch = demo_fetch(db)
apply_theme()


@ui.page("/")
async def table_page() -> None:
    with frame("Formations", FrameModel(institution="Université Esup", current_path="/", menu=[])):
        chosen = ui.label().props('role="status"').mark("chosen")
        table = DataTable(
            COLUMNS,
            fetch,
            caption="Formations",
            actions=[
                RowAction("edit", "Modifier", lambda key: chosen.set_text(f"Modifier {key}"), icon="edit"),
                RowAction("copy", "Dupliquer", lambda key: chosen.set_text(f"Dupliquer {key}")),
            ],
            row_label="label",
            sort_by="code",
            empty_text="Aucune formation",
            marker="formations",
        )
        with table.toolbar:
            ui.button("Nouvelle formation", icon="add").props("outline")
        await table.loaded()


@ui.page("/reference")
def reference_page() -> None:
    """The same frame without the table: the reference of benchmarks/table_paging.py's page loads."""
    with frame("Formations", FrameModel(institution="Université Esup", current_path="/", menu=[])):
        ui.label("Page sans tableau").props('id="reference"')


ui.run(
    host=os.environ.get("ECANDIDAT_HOST", "127.0.0.1"),
    port=int(os.environ.get("ECANDIDAT_PORT", "8080")),
    title="Tableau de démonstration",
    language="fr",
    reload=False,
    show=False,
    storage_secret="table-demo",
)
