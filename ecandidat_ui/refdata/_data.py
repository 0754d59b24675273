"""Reading the data files shipped in `data/`."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


def load_json(name: str) -> dict[str, Any]:
    with gzip.open(DATA_DIR / name, "rt", encoding="utf-8") as file:
        return json.load(file)


def load_csv(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file, delimiter=";"))
