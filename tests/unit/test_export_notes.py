"""The « Bloc-notes » column group of the XLSX export: each row's notes, oldest first, with their date and author,
read per batch by ids (BATCH lowered so the rows span batches); and the individual dates in « Dates ». Read back
with openpyxl."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import candidature_export
from ecandidat_ui.services.candidature_export import GROUPS
from ecandidat_ui.services.paging import TableQuery
from ecandidat_ui.services.review import IndividualDate
from ecandidat_ui.services.rights import Actor
from models.clock import in_paris, utcnow
from tests.review_world import World
from tests.unit.test_candidature_exports import admin as admin  # the fixture
from tests.unit.test_candidature_exports import exported, manager_of
from tests.unit.test_candidature_exports import world as world  # the fixture


def test_the_bloc_notes_group_holds_each_rows_notes(
    platform: Platform, admin: Actor, world: World, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(candidature_export, "BATCH", 2)  # the 4 rows read in two batches
    assert GROUPS[-1] == "notes" and messages.EXPORT_GROUP_LABELS["notes"] == "Bloc-notes"
    c = world.candidatures
    manager = manager_of(platform, admin, world, "SCI")
    platform.notes.add(admin, c["marie"], "Très bon dossier")
    platform.notes.add(manager, c["marie"], "Appelée le 3 mai\nà rappeler")
    platform.notes.add(manager, c["jeanne"], "=SUM(A1)")
    rows = exported(
        platform, manager, f"centre-{world.centres['SCI']}", TableQuery(sort_by="last_name"), ["identity", "notes"]
    )
    headers = rows[0]
    assert headers[-1] == "Bloc-notes"
    notes = {row[headers.index("Nom")]: row[-1] for row in rows[1:]}
    assert set(notes) == {"BAILLON", "NGUYEN", "DURAND", "MOREAU"}
    marie = notes["BAILLON"].split("\n")
    assert len(marie) == 3
    assert marie[0].endswith("— Anne DUPONT : Très bon dossier")
    assert marie[1].endswith("— Bruno MARTIN : Appelée le 3 mai") and marie[2] == "à rappeler"
    assert marie[0][:10] == f"{in_paris(utcnow()):%d/%m/%Y}"
    assert notes["MOREAU"].endswith("— Bruno MARTIN : =SUM(A1)")  # a text, as written
    assert notes["NGUYEN"] is None and notes["DURAND"] is None

    without = exported(platform, manager, f"centre-{world.centres['SCI']}", TableQuery(), ["identity"])
    assert "Bloc-notes" not in without[0]


def test_the_dates_group_has_the_individual_dates(platform: Platform, admin: Actor, world: World):
    later = date.today() + timedelta(days=30)
    platform.review.set_individual_date(
        admin, [world.candidatures["marie"]], IndividualDate.RETURN, later, date.today()
    )
    rows = exported(platform, admin, f"centre-{world.centres['SCI']}", TableQuery(sort_by="last_name"), ["dates"])
    column = rows[0].index(messages.EXPORT_INDIVIDUAL_RETURN)
    assert [row[column] for row in rows[1:]].count(None) == 3
    assert any(row[column] is not None and row[column].date() == later for row in rows[1:])
