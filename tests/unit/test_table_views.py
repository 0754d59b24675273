"""The optional columns of the gestion's « Candidatures » (computed and sorted in SQL) and each staff member's
saved views of the table (services/table_views.py): saved, listed, chosen, restored on opening, deleted — only
their own, and only what the screen offers."""

from __future__ import annotations

import pytest

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.candidature_table import COLUMNS, DEFAULT_COLUMNS, SORTABLE
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.paging import TableQuery
from ecandidat_ui.services.rights import Actor, Role
from ecandidat_ui.services.table_views import MAX_VIEWS
from models import FileStatus
from pages.gestion.candidatures import COLUMNS as PAGE_COLUMNS
from tests.review_world import World
from tests.unit.test_candidature_review import admin as admin  # the fixture
from tests.unit.test_candidature_review import member
from tests.unit.test_candidature_review import world as world  # the fixture

SCREEN = "candidatures"


def test_the_page_shows_the_columns_the_service_computes_and_sorts():
    assert [column.name for column in PAGE_COLUMNS] == list(COLUMNS)
    assert {column.name for column in PAGE_COLUMNS if column.sortable} == set(SORTABLE)


def test_the_optional_columns_come_from_the_file_and_the_history_and_each_sorts_in_sql(
    platform: Platform, admin: Actor, world: World
):
    table = platform.candidature_table
    key = f"centre-{world.centres['SCI']}"
    platform.review.set_status(world.candidatures["lucie"], FileStatus.RECEIVED)
    [lucie] = table.page(admin, key, TableQuery(search="durand")).rows
    assert lucie["mail"] == "lucie@example.org"
    assert lucie["birth_date"].count("/") == 2
    assert lucie["nationality"] == "Française"
    assert lucie["bac_series"] == "S" and lucie["bac_year"] == "2019"
    assert lucie["received"] == lucie["status_date"] != ""
    assert lucie["created"] != "" and lucie["rank"] == "" and lucie["withdrawn_at"] == ""
    [paul] = table.page(admin, key, TableQuery(search="nguyen")).rows
    assert paul["received"] == "" and paul["status_date"] == ""
    for name in SORTABLE:
        for descending in (False, True):
            page = table.page(admin, key, TableQuery(sort_by=name, descending=descending))
            assert page.total == 4, name
    received = table.page(admin, key, TableQuery(sort_by="received")).rows
    assert received[0]["last_name"] == "DURAND"  # the only one received; the empty dates last
    received = table.page(admin, key, TableQuery(sort_by="received", descending=True)).rows
    assert received[0]["last_name"] == "DURAND"


SETTINGS = {
    "columns": ["login", "last_name", "birth_date", "mail"],
    "sort_by": "birth_date",
    "descending": True,
    "filters": {"status": "Complet", "avis": "", "formation": "3"},
    "scope": "commission-1",
}


def test_a_member_saves_lists_chooses_and_deletes_their_views_and_the_last_used_comes_back(
    platform: Platform, admin: Actor, world: World
):
    views = platform.table_views
    masters = member(
        platform, admin, "m@example.org", Role.COMMISSION_MEMBER, commission_id=world.commissions["SCI-MASTERS"]
    )
    assert views.views(masters, SCREEN) == [] and views.last(masters, SCREEN) is None
    saved = views.save(masters, SCREEN, "  Mes   complets ", SETTINGS)
    assert saved.name == "Mes complets" and saved.last_used
    assert saved.settings == {**SETTINGS, "filters": {"status": "Complet", "formation": "3"}}
    other = views.save(masters, SCREEN, "Par nom", {"columns": list(DEFAULT_COLUMNS), "sort_by": "last_name"})
    assert [(view.name, view.last_used) for view in views.views(masters, SCREEN)] == [
        ("Mes complets", False),
        ("Par nom", True),
    ]
    assert views.use(masters, saved.id).settings["sort_by"] == "birth_date"
    assert views.last(masters, SCREEN).name == "Mes complets"
    replaced = views.save(masters, SCREEN, "Par nom", {"columns": ["login"], "descending": True})
    assert replaced.id == other.id and views.last(masters, SCREEN).settings["columns"] == ["login"]
    assert len(views.views(masters, SCREEN)) == 2
    views.forget_last(masters, SCREEN)
    assert views.last(masters, SCREEN) is None
    assert views.delete(masters, saved.id) == "Mes complets"
    assert [view.name for view in views.views(masters, SCREEN)] == ["Par nom"]
    with pytest.raises(Refused, match=messages.VIEWS_UNKNOWN):
        views.use(masters, saved.id)


def test_a_member_never_reads_uses_or_deletes_someone_elses_view(platform: Platform, admin: Actor, world: World):
    views = platform.table_views
    first = member(
        platform, admin, "m@example.org", Role.COMMISSION_MEMBER, commission_id=world.commissions["SCI-MASTERS"]
    )
    second = member(
        platform, admin, "n@example.org", Role.COMMISSION_MEMBER, commission_id=world.commissions["SCI-MASTERS"]
    )
    saved = views.save(first, SCREEN, "La mienne", SETTINGS)
    assert views.views(second, SCREEN) == []
    for act in (views.use, views.delete):
        with pytest.raises(Refused, match=messages.VIEWS_UNKNOWN):
            act(second, saved.id)
    for wrong in ("x", None, -1):
        with pytest.raises(Refused, match=messages.VIEWS_UNKNOWN):
            views.use(first, wrong)
    nobody = member(platform, admin, "z@example.org", None)
    with pytest.raises(Refused):
        views.views(nobody, SCREEN)
    with pytest.raises(Refused):
        views.save(nobody, SCREEN, "Vue", SETTINGS)
    with pytest.raises(Refused, match=messages.VIEWS_UNKNOWN):
        views.views(first, "not-a-screen")
    assert [view.name for view in views.views(first, SCREEN)] == ["La mienne"]


@pytest.mark.parametrize(
    "settings",
    [
        {"columns": ["login", "password_hash"]},
        {"columns": []},
        {"columns": "login"},
        {"columns": ["login"], "sort_by": "tags"},
        {"columns": ["login"], "sort_by": "password_hash"},
        {"columns": ["login"], "descending": "yes"},
        {"columns": ["login"], "filters": {"mail": "x"}},
        {"columns": ["login"], "filters": {"status": "Perdu"}},
        {"columns": ["login"], "filters": {"avis": "Peut-être"}},
        {"columns": ["login"], "filters": {"formation": "1 OR 1=1"}},
        {"columns": ["login"], "filters": {"tag": True}},
        {"columns": ["login"], "filters": ["status"]},
        {"columns": ["login"], "scope": "formation-1"},
        {"columns": ["login"], "script": "alert(1)"},
        "columns",
    ],
)
def test_settings_the_screen_does_not_offer_are_refused(platform: Platform, admin: Actor, settings):
    with pytest.raises(Refused):
        platform.table_views.save(admin, SCREEN, "Vue", settings)
    assert platform.table_views.views(admin, SCREEN) == []


def test_a_view_needs_a_short_name_and_a_member_keeps_a_bounded_number_of_views(platform: Platform, admin: Actor):
    views = platform.table_views
    for name in ("", "   ", "x" * 61, None):
        with pytest.raises(InvalidInput) as refused:
            views.save(admin, SCREEN, name, SETTINGS)
        assert refused.value.errors == {"name": messages.VIEWS_NAME_REQUIRED}
    for number in range(MAX_VIEWS):
        views.save(admin, SCREEN, f"Vue {number}", {"columns": ["login"]})
    with pytest.raises(InvalidInput) as refused:
        views.save(admin, SCREEN, "Une de trop", {"columns": ["login"]})
    assert refused.value.errors == {"name": messages.VIEWS_TOO_MANY.format(count=MAX_VIEWS)}
    views.save(admin, SCREEN, "Vue 3", {"columns": ["mail"]})  # replacing one is still allowed
