"""Evaluation grids as the user fixture sees them: a centre manager sets a formation's grid (errors at the fields,
a criterion added and removed), a commission member scores a candidature from the table (« Évaluer »), and the
table's « Note moyenne /20 » and « Écart des notes » show it."""

from __future__ import annotations

import asyncio

from nicegui.testing import User

from ecandidat_ui import messages
from ecandidat_ui.services.rights import Role
from tests.ui.gestion_helpers import sign_in_staff, staff_member, test_platform
from tests.ui.helpers import field, see, until
from tests.ui.test_gestion_offer import act, click, rows_when
from tests.ui.test_gestion_review import TABLE, world


async def test_a_manager_sets_a_grid_and_a_member_scores_from_the_table(user: User):
    made = world()
    manager = staff_member(Role.CENTRE_MANAGER, centre_id=made.centres["SCI"])
    await sign_in_staff(user, manager, "/gestion/grilles")
    formation = field(user, "grid-formation")
    await user.should_see(marker="grid-empty")
    formation.value = made.formations["M1-INFO"]
    await asyncio.sleep(0.5)  # its (empty) grid read off the event loop
    await click(user, "grid-add")
    await click(user, "grid-add")
    await click(user, "grid-add")
    await user.should_see(marker="grid-label-2")
    field(user, "grid-label-0").value = "Résultats académiques"
    field(user, "grid-weight-0").value = "2"
    field(user, "grid-label-1").value = "Projet professionnel"
    field(user, "grid-maximum-1").value = "0"
    user.find(marker="grid-save").click()
    await until(lambda: field(user, "grid-maximum-1").error == messages.GRID_MAXIMUM_INVALID.format(top=100))
    assert field(user, "grid-label-2").error == messages.GRID_LABEL_REQUIRED
    user.find(marker="grid-remove-2").click()
    await user.should_not_see(marker="grid-label-2")
    field(user, "grid-maximum-1").value = "10"
    user.find(marker="grid-save").click()
    await see(user, messages.GRID_SAVED)
    platform = test_platform()
    try:
        criteria = platform.evaluation.criteria(manager.actor(platform), made.formations["M1-INFO"])
    finally:
        platform.db.dispose()
    assert [(c.label, c.weight, c.maximum) for c in criteria] == [
        ("Résultats académiques", 2, 20),
        ("Projet professionnel", 1, 10),
    ]

    user.find(marker="gestion-sign-out").click()
    await user.should_see(marker="gestion-sign-in", retries=50)
    member = staff_member(Role.COMMISSION_MEMBER, commission_id=made.commissions["SCI-MASTERS"])
    await sign_in_staff(user, member, TABLE)
    await rows_when(user, "review-table", lambda rows: len(rows) == 3)
    field(user, "review-columns-eval_mean").value = True
    field(user, "review-columns-eval_spread").value = True
    act(user, "review-table", "evaluate", made.candidatures["marie"])
    await user.should_see(marker="grid-dialog")
    await user.should_see(messages.GRID_EVALUATE_NO_NOTES, retries=50)
    first, second = (f"criterion-{c.id}" for c in criteria)
    field(user, first).value = "25"
    user.find(marker="save").click()
    await until(lambda: field(user, first).error == messages.GRID_SCORE_INVALID.format(maximum=20))
    field(user, first).value = "16"
    field(user, second).value = "5"
    user.find(marker="save").click()
    await see(user, messages.GRID_SCORED)
    found = await rows_when(user, "review-table", lambda rows: any(r["eval_mean"] for r in rows))
    marie = next(row for row in found if row["id"] == made.candidatures["marie"])
    assert (marie["eval_mean"], marie["eval_spread"]) == ("14", "0")
    act(user, "review-table", "evaluate", made.candidatures["paul"])  # M1-DATA: no grid
    await see(user, messages.GRID_NONE)


async def test_a_commission_member_cannot_open_the_grids(user: User):
    made = world()
    member = staff_member(Role.COMMISSION_MEMBER, commission_id=made.commissions["SCI-MASTERS"])
    await sign_in_staff(user, member, "/gestion/grilles")
    await user.should_not_see(marker="grid-formation")
