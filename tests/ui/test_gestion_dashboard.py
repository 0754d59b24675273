"""« Tableau de bord » as the user fixture sees it: a commission member's lines (their formations only, the totals
after them), the level and the chart changed, the XLSX downloaded; a member without any right refused; the formation's
« Promotion automatique de la liste complémentaire » in its form."""

from __future__ import annotations

import io

from nicegui.testing import User
from openpyxl import load_workbook

from ecandidat_ui import messages
from ecandidat_ui.services.rights import Role
from models import Formation
from tests.ui.gestion_helpers import sign_in_staff, staff_member, test_platform
from tests.ui.helpers import field, see, until
from tests.ui.test_gestion_offer import FORMATIONS, act, dialog_open, rows_when, world_and_admin
from tests.ui.test_gestion_review import world

DASHBOARD = "/gestion/tableau-de-bord"


async def test_a_commission_member_sees_the_counts_of_their_formations_and_downloads_them(user: User):
    made = world()
    member = staff_member(Role.COMMISSION_MEMBER, commission_id=made.commissions["SCI-MASTERS"])
    await sign_in_staff(user, member, DASHBOARD)
    rows = await rows_when(user, "dashboard-table", lambda rows: len(rows) == 5)
    assert [(row["code"], row["active"], row["not_transmitted"]) for row in rows] == [
        ("M1-DATA", 2, 1),
        ("M1-INFO", 1, 0),
        (messages.DASHBOARD_TOTAL, 3, 1),
        (messages.DASHBOARD_TOTAL, 3, 1),
        (messages.DASHBOARD_TOTAL, 3, 1),
    ]
    assert [row["total"] for row in rows] == [False, False, True, True, True]
    chart = user.find(marker="dashboard-chart").elements.pop()
    assert chart.props["role"] == "img" and "tableau" in chart.props["aria-label"]
    assert chart.options["xAxis"]["data"] == ["M1-DATA", "M1-INFO"]
    assert [series["name"] for series in chart.options["series"]][:2] == ["Non transmise", "En attente"]

    user.find(marker="dashboard-chart-kind").elements.pop().value = "avis"
    await until(lambda: chart.options["series"][0]["name"] == "Favorable")
    user.find(marker="dashboard-level").elements.pop().value = "centre"
    rows = await rows_when(user, "dashboard-table", lambda rows: len(rows) == 2)
    assert [(row["label"], row["active"]) for row in rows] == [("UFR Sciences", 3), (messages.DASHBOARD_TOTAL_ALL, 3)]

    user.find(marker="dashboard-download").click()
    await until(lambda: len(user.download.http_responses) == 1)
    response = user.download.http_responses[-1]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [row[3] for row in sheet.iter_rows(min_row=3, values_only=True)] == [
        "UFR Sciences",
        messages.DASHBOARD_TOTAL_ALL,
    ]


async def test_a_member_without_rights_is_refused_and_has_no_menu_entry(user: User):
    member = staff_member(None)
    await sign_in_staff(user, member, DASHBOARD)
    await user.should_see(marker="gestion-refused")


async def test_the_automatic_promotion_is_a_setting_of_the_formation_form(user: User):
    admin, ids = world_and_admin()
    await sign_in_staff(user, admin, FORMATIONS)
    await rows_when(user, "formations-table", lambda found: len(found) == 2)
    act(user, "formations-table", "edit", ids["L1-MATH"])
    await dialog_open(user, "formation-dialog")
    setting = field(user, "auto_waiting_list")
    assert setting.text == messages.AUTO_PROMOTION_LABEL and setting.value is True  # on, as before the setting
    setting.value = False
    user.find(marker="save").click()
    await see(user, messages.SETUP_SAVED)
    platform = test_platform()
    with platform.db.session() as session:
        assert session.get(Formation, ids["L1-MATH"]).auto_waiting_list is False
    platform.db.dispose()
