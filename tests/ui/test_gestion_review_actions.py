"""« Dates individuelles » on the gestion's « Candidatures » as the user fixture sees it: a centre manager gives
the rows ticked a later return date (the date checked at its field, the refused rows listed), the optional
column shows it, and the candidature window says it is the candidature's own; a commission member, who may
not, has no such button. « Classer la liste complémentaire selon les notes » on a selection, its refusals listed."""

from __future__ import annotations

from datetime import date, timedelta

from nicegui import ui
from nicegui.testing import User

from ecandidat_ui import messages
from ecandidat_ui.services.rights import Role
from tests.review_world import review_world
from tests.ui.gestion_helpers import _setup_admin, sign_in_staff, staff_member, test_platform
from tests.ui.helpers import see, until
from tests.ui.test_gestion_offer import click, rows_when
from tests.ui.test_gestion_review import TABLE, world
from tests.unit.test_decision_setup import type_id
from tests.unit.test_evaluation import GRID, scores


async def test_a_manager_gives_a_selection_a_later_return_date(user: User):
    made = world()
    later = date.today() + timedelta(days=25)  # the formations close in 20 days
    manager = staff_member(Role.CENTRE_MANAGER, centre_id=made.centres["SCI"])
    await sign_in_staff(user, manager, f"{TABLE}?commission=centre-{made.centres['SCI']}")
    await rows_when(user, "review-table", lambda rows: len(rows) == 4)
    chosen = [made.candidatures[name] for name in ("marie", "paul")]
    user.find(marker="review-table").trigger("selection", {"keys": chosen, "added": True})
    await click(user, "review-dates")
    await click(user, "review-dates-return")
    await user.should_see(marker="individual-date-dialog")
    await see(user, messages.INDIVIDUAL_RETURN_INTRO.format(count=2))
    field = user.find(marker="date").elements.pop()
    field.value = date.today().isoformat()
    user.find(marker="save").click()
    await until(lambda: field.error == messages.INDIVIDUAL_DATE_PAST)
    field.value = later.isoformat()
    user.find(marker="save").click()
    await user.should_see(marker="individual-date-result")
    await see(user, messages.INDIVIDUAL_DATE_DONE.format(count=2))
    user.find(marker="individual-date-close").click()

    found = await rows_when(
        user, "review-table", lambda rows: sum(r.get("individual_return") == f"{later:%d/%m/%Y}" for r in rows) == 2
    )
    assert {r["last_name"] for r in found if r["individual_return"]} == {"BAILLON", "NGUYEN"}

    await user.open(f"/gestion/candidatures/{made.candidatures['paul']}")
    summary = user.find(marker="review-summary").elements.pop()
    texts = [label.text for label in summary.descendants() if isinstance(label, ui.label)]
    assert f"{later:%d/%m/%Y} {messages.WINDOW_INDIVIDUAL}" in texts


async def test_a_commission_member_may_not_set_dates(user: User):
    made = world()
    member = staff_member(Role.COMMISSION_MEMBER, commission_id=made.commissions["SCI-MASTERS"])
    await sign_in_staff(user, member, TABLE)
    await rows_when(user, "review-table", lambda rows: len(rows) == 3)
    await user.should_see(marker="review-enter-avis")
    await user.should_not_see(marker="review-dates")


async def test_a_manager_ranks_the_waiting_list_by_the_notes(user: User):
    platform = test_platform()
    try:
        made = review_world(platform)
        admin = _setup_admin(platform)
        marie, lucie, jeanne = (made.candidatures[name] for name in ("marie", "lucie", "jeanne"))
        platform.evaluation.set_criteria(admin, made.formations["M1-INFO"], GRID)
        criteria = platform.evaluation.criteria(admin, made.formations["M1-INFO"])
        platform.evaluation.score(admin, marie, scores(criteria, "16", "5"))
        waiting = {"decision_type_id": type_id(platform, "LISTE_COMP"), "rank": "7"}
        platform.review.enter_avis(admin, [marie, lucie], waiting)
    finally:
        platform.db.dispose()
    manager = staff_member(Role.CENTRE_MANAGER, centre_id=made.centres["SCI"])
    await sign_in_staff(user, manager, f"{TABLE}?commission=centre-{made.centres['SCI']}")
    await rows_when(user, "review-table", lambda rows: len(rows) == 4)
    user.find(marker="review-table").trigger("selection", {"keys": [marie, lucie, jeanne], "added": True})
    await click(user, "review-lc-ranking")
    await user.should_see(marker="lc-ranking-dialog")
    await see(user, messages.LC_RANKING_INTRO.format(count=3))
    user.find(marker="save").click()
    await user.should_see(marker="lc-ranking-result")
    await see(user, messages.LC_RANKING_DONE.format(count=1))
    await see(user, messages.LC_RANKING_REFUSED.format(count=2))
    await see(user, messages.LC_RANKING_NO_NOTES)
    await see(user, messages.LC_RANKING_NOT_LC)
    await rows_when(user, "review-table", lambda rows: any(r["avis"] == "Liste complémentaire (rang 1)" for r in rows))
