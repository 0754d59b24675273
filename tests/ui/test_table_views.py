"""« Candidatures »: the « Colonnes » chooser and the saved views, as the user fixture sees them — a member ticks
optional columns, sorts on one, filters, saves the view, goes back to the default, chooses the view again, finds
it restored on opening the screen again, and deletes it."""

from __future__ import annotations

from nicegui.testing import User

from ecandidat_ui import messages
from ecandidat_ui.services.candidature_table import DEFAULT_COLUMNS, NOT_TRANSMITTED
from ecandidat_ui.services.rights import Role
from tests.ui.gestion_helpers import sign_in_staff, staff_member
from tests.ui.helpers import field, see, until
from tests.ui.test_gestion_offer import click, rows_when
from tests.ui.test_gestion_review import TABLE, world


def visible(user: User) -> list[str]:
    return field(user, "review-table").props["visible-columns"]


def sort(user: User, name: str, descending: bool) -> None:
    pagination = {"sortBy": name, "descending": descending, "page": 1, "rowsPerPage": 25}
    user.find(marker="review-table").trigger("request", {"pagination": pagination})


async def test_a_member_chooses_columns_saves_a_view_and_finds_it_again(user: User):
    made = world()
    member = staff_member(Role.COMMISSION_MEMBER, commission_id=made.commissions["SCI-MASTERS"])
    await sign_in_staff(user, member, TABLE)
    await rows_when(user, "review-table", lambda rows: len(rows) == 3)
    assert visible(user) == list(DEFAULT_COLUMNS)
    assert field(user, "review-views-select").value == 0 and not field(user, "review-views-delete").enabled

    field(user, "review-columns-mail").value = True
    field(user, "review-columns-bac_year").value = True
    field(user, "review-columns-tags").value = False
    await until(lambda: "mail" in visible(user) and "tags" not in visible(user))
    assert visible(user)[-2:] == ["bac_year", "mail"]  # in the table's order, not the order ticked
    sort(user, "mail", True)
    found = await rows_when(user, "review-table", lambda rows: rows[0]["mail"] == "paul@example.org")
    assert [row["mail"] for row in found] == ["paul@example.org", "marie@example.org", "lucie@example.org"]
    field(user, "review-status-filter").value = "En attente"
    await rows_when(user, "review-table", lambda rows: [r["last_name"] for r in rows] == ["BAILLON", "DURAND"])

    await click(user, "review-views-save")
    await user.should_see(marker="review-views-save-dialog")
    user.find(marker="save").click()
    await until(lambda: field(user, "name").error == messages.VIEWS_NAME_REQUIRED)
    field(user, "name").value = "Mails en attente"
    user.find(marker="save").click()
    await see(user, messages.VIEWS_SAVED.format(name="Mails en attente"))
    select = field(user, "review-views-select")
    await until(lambda: select.options.get(select.value) == "Mails en attente")
    assert field(user, "review-views-delete").enabled

    select.value = 0  # « Vue par défaut »
    await rows_when(user, "review-table", lambda rows: len(rows) == 3)
    assert visible(user) == list(DEFAULT_COLUMNS) and field(user, "review-status-filter").value == ""
    assert field(user, "review-columns-mail").value is False
    view_id = next(key for key, label in select.options.items() if label == "Mails en attente")
    select.value = view_id
    found = await rows_when(user, "review-table", lambda rows: len(rows) == 2)
    assert [row["last_name"] for row in found] == ["BAILLON", "DURAND"]  # mail descending: marie, lucie
    assert "mail" in visible(user) and "tags" not in visible(user)
    assert field(user, "review-status-filter").value == "En attente"
    assert field(user, "review-table").props["pagination"]["sortBy"] == "mail"

    await user.open(TABLE)  # the last view used comes back
    found = await rows_when(user, "review-table", lambda rows: len(rows) == 2)
    assert field(user, "review-views-select").value == view_id
    assert field(user, "review-status-filter").value == "En attente"
    assert field(user, "review-table").props["pagination"] == {
        "sortBy": "mail",
        "descending": True,
        "page": 1,
        "rowsPerPage": 25,
        "rowsNumber": 2,
    }
    assert "bac_year" in visible(user) and field(user, "review-columns-bac_year").value is True
    assert found[0]["bac_year"] == "2019"

    await click(user, "review-views-delete")
    await click(user, "review-views-delete-yes")
    await see(user, messages.VIEWS_DELETED.format(name="Mails en attente"))
    select = field(user, "review-views-select")
    await until(lambda: list(select.options.values()) == [messages.VIEWS_DEFAULT])
    await user.open(TABLE)
    await rows_when(user, "review-table", lambda rows: len(rows) == 3)
    assert visible(user) == list(DEFAULT_COLUMNS)


async def test_the_column_chooser_keeps_one_column_and_gives_the_defaults_back(user: User):
    made = world()
    member = staff_member(Role.COMMISSION_MEMBER, commission_id=made.commissions["SCI-MASTERS"])
    await sign_in_staff(user, member, TABLE)
    await rows_when(user, "review-table", lambda rows: len(rows) == 3)
    for name in DEFAULT_COLUMNS:
        field(user, f"review-columns-{name}").value = False
    await until(lambda: visible(user) == ["transmitted"])  # the last one stays ticked
    assert field(user, "review-columns-transmitted").value is True
    field(user, "review-status-filter").value = NOT_TRANSMITTED
    await rows_when(user, "review-table", lambda rows: [r["last_name"] for r in rows] == ["NGUYEN"])
    user.find(marker="review-columns-default").click()
    await until(lambda: visible(user) == list(DEFAULT_COLUMNS))


async def test_a_view_whose_formation_is_not_in_the_scope_asked_shows_the_scope_unfiltered(user: User):
    made = world()
    member = staff_member(Role.CENTRE_MANAGER, centre_id=made.centres["SCI"])
    await sign_in_staff(user, member, f"{TABLE}?commission=commission-{made.commissions['SCI-MASTERS']}")
    await rows_when(user, "review-table", lambda rows: len(rows) == 3)
    field(user, "review-formation-filter").value = made.formations["M1-INFO"]
    await rows_when(user, "review-table", lambda rows: [r["last_name"] for r in rows] == ["BAILLON"])
    await click(user, "review-views-save")
    await user.should_see(marker="review-views-save-dialog")
    field(user, "name").value = "Informatique"
    user.find(marker="save").click()
    await see(user, messages.VIEWS_SAVED.format(name="Informatique"))

    await user.open(f"{TABLE}?commission=commission-{made.commissions['SCI-LICENCES']}")
    found = await rows_when(user, "review-table", lambda rows: [r["last_name"] for r in rows] == ["MOREAU"])
    assert field(user, "review-formation-filter").value == "" and len(found) == 1
    await user.open(TABLE)  # the view's own scope
    await rows_when(user, "review-table", lambda rows: [r["last_name"] for r in rows] == ["BAILLON"])
    assert field(user, "review-formation-filter").value == made.formations["M1-INFO"]
