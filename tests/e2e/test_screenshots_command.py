"""`python -m ecandidat_ui screenshots OUT` on a few pages: the demo started, its pages found among the app's own
routes (a path parameter filled from the demo data, the CAS return skipped with its reason), each page shot at
1280 and 390 px, the index showing them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from ecandidat_ui.screenshots import DemoValues, fill_parameters, plan
from tests.e2e.app_process import DROPPED_VARIABLES, ROOT

pytestmark = pytest.mark.browser

VALUES = DemoValues("M1-INFO", 7, "DEMO0001", "demo@example.org")


def test_parameters_come_from_the_demo_or_the_page_is_skipped_with_its_reason():
    assert fill_parameters("/formation/{code}", VALUES) == ("/formation/M1-INFO", "")
    assert fill_parameters("/gestion/candidatures/{candidature_id}", VALUES) == ("/gestion/candidatures/7", "")
    assert fill_parameters("/x/{inconnu}", VALUES) == ("", "paramètre sans valeur de démonstration : inconnu")
    shots = plan(["/", "/cas/retour", "/gestion/centres", "/x/{inconnu}"], VALUES, [])
    assert [(shot.path, shot.role, bool(shot.skipped)) for shot in shots] == [
        ("/", "candidat", False),
        ("/cas/retour", "candidat", True),
        ("/gestion/centres", "gestion", False),
        ("/x/{inconnu}", "candidat", True),
    ]
    assert [shot.path for shot in plan(["/", "/gestion", "/gestion/centres"], VALUES, ["/gestion/"])] == [
        "/gestion/centres"
    ]


def test_the_command_shoots_the_pages_it_finds(tmp_path: Path):
    out = tmp_path / "captures"
    only = ["/compte/candidatures/", "/gestion/candidatures/", "/cas/"]
    environment = {name: value for name, value in os.environ.items() if name not in DROPPED_VARIABLES}
    command = [sys.executable, "-m", "ecandidat_ui", "screenshots", str(out)]
    for prefix in only:
        command += ["--seulement", prefix]
    done = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 pages capturées, 1 non capturées" in done.stdout
    for stem in ("compte-candidatures-candidature-id", "gestion-candidatures-candidature-id"):
        for width in (1280, 390):
            with Image.open(out / f"{stem}-{width}.png") as image:
                assert image.width == width
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "src='gestion-candidatures-candidature-id-390.png'" in index
    assert "Non capturée : retour du serveur CAS" in index
