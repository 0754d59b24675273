"""« Candidatures » and the candidature window as the user fixture sees them, signed in through the real sign-in
page: a commission member's table with its counts and filters, the window's pièces validated and refused (the
comment asked at its field), and a manager of another centre refused the window by its address."""

from __future__ import annotations

from nicegui import ui
from nicegui.testing import User

from ecandidat_ui import messages
from ecandidat_ui.services.candidature_table import NOT_TRANSMITTED
from ecandidat_ui.services.rights import Role
from tests.review_world import World, review_world
from tests.ui.gestion_helpers import sign_in_staff, staff_member, test_platform
from tests.ui.helpers import see, until
from tests.ui.test_gestion_offer import act, click, rows_when

TABLE = "/gestion/candidatures"


def world() -> World:
    platform = test_platform()
    try:
        return review_world(platform)
    finally:
        platform.db.dispose()


def count_of(user: User, name: str) -> str:
    return user.find(marker=f"review-count-{name}").elements.pop().text


async def test_a_commission_member_filters_their_table_and_reviews_the_pieces_of_a_candidature(user: User):
    made = world()
    member = staff_member(Role.COMMISSION_MEMBER, commission_id=made.commissions["SCI-MASTERS"])
    await sign_in_staff(user, member, TABLE)
    found = await rows_when(user, "review-table", lambda rows: len(rows) == 3)
    assert [row["last_name"] for row in found] == ["BAILLON", "DURAND", "NGUYEN"]
    scope = user.find(marker="review-scope").elements.pop()
    assert list(scope.options.values()) == ["Commission SCI-MASTERS"]
    await until(lambda: count_of(user, NOT_TRANSMITTED) == "1")
    assert count_of(user, "En attente") == "2" and count_of(user, "Total") == "3"
    user.find(marker="review-status-filter").elements.pop().value = NOT_TRANSMITTED
    await rows_when(user, "review-table", lambda rows: [r["last_name"] for r in rows] == ["NGUYEN"])
    user.find(marker="review-status-filter").elements.pop().value = ""
    formation = user.find(marker="review-formation-filter").elements.pop()
    assert list(formation.options.values()) == ["Tous", "M1-DATA — Master Données", "M1-INFO — Master Informatique"]
    formation.value = made.formations["M1-INFO"]
    await rows_when(user, "review-table", lambda rows: [r["last_name"] for r in rows] == ["BAILLON"])

    act(user, "review-table", "open", made.candidatures["marie"])
    await see(user, "BAILLON MARIE")
    await user.should_see(marker="review-piece-CV")
    user.find(marker="review-validate-CNI").click()
    await see(user, messages.REVIEW_PIECE_DONE.format(review="validée"))
    await user.should_see("Statut de la pièce : Validée")
    await click(user, "review-refuse-CV")
    await user.should_see(marker="review-refuse-comment")
    user.find(marker="review-refuse-confirm").click()
    comment = user.find(marker="review-refuse-comment").elements.pop()
    await until(lambda: comment.error == messages.REVIEW_PIECE_COMMENT_REQUIRED)
    comment.value = "Le CV est illisible"
    user.find(marker="review-refuse-confirm").click()
    await see(user, messages.REVIEW_PIECE_DONE.format(review="refusée"))
    await user.should_see("Statut de la pièce : Refusée")
    await user.should_see("Commentaire pour le candidat : Le CV est illisible")
    summary = user.find(marker="review-summary").elements.pop()
    await until(lambda: "Incomplet" in [label.text for label in summary.descendants() if isinstance(label, ui.label)])
    user.find(marker="review-show-CV").click()
    viewer = await _viewer(user)
    assert viewer.props["src"] == f"/gestion/fichiers/{made.candidatures['marie']}/{_cv_file(made)}"
    assert viewer.tag == "img" and viewer.props["alt"] == "Fichier : Curriculum vitae"


async def _viewer(user: User):
    await user.should_see(marker="review-viewer")
    return user.find(marker="review-viewer").elements.pop()


def _cv_file(made: World) -> int:
    platform = test_platform()
    try:
        view = platform.candidatures.view(made.accounts["marie"].id, made.candidatures["marie"])
        return next(p.file.id for p in view.pieces if p.piece.code == "CV")
    finally:
        platform.db.dispose()


async def test_a_manager_of_another_centre_is_refused_the_window_by_its_address(user: User):
    made = world()
    other = staff_member(Role.CENTRE_MANAGER, centre_id=made.centres["LSH"])
    await sign_in_staff(user, other, f"/gestion/candidatures/{made.candidatures['marie']}")
    await user.should_see(marker="review-refused")
    await user.should_see(messages.RIGHT_REFUSED_CENTRE.format(action="consulter les candidatures"))
    await user.should_not_see("BAILLON")
    await user.open(TABLE)
    found = await rows_when(user, "review-table", lambda rows: len(rows) == 1)
    assert found[0]["last_name"] == "LEFÈVRE"
    await user.open("/gestion/candidatures/abc")
    await user.should_see(messages.REVIEW_CANDIDATURE_UNKNOWN)


async def test_a_centre_manager_chooses_the_whole_centre(user: User):
    made = world()
    manager = staff_member(Role.CENTRE_MANAGER, centre_id=made.centres["SCI"])
    await sign_in_staff(user, manager, f"{TABLE}?commission=centre-{made.centres['SCI']}")
    found = await rows_when(user, "review-table", lambda rows: len(rows) == 4)
    assert {row["formation_code"] for row in found} == {"M1-INFO", "M1-DATA", "L1-INFO"}
    scope = user.find(marker="review-scope").elements.pop()
    assert scope.value == f"centre-{made.centres['SCI']}"
    scope.value = f"commission-{made.commissions['SCI-LICENCES']}"
    await rows_when(user, "review-table", lambda rows: [r["last_name"] for r in rows] == ["MOREAU"])
    await until(lambda: count_of(user, "Total") == "1")


async def test_the_statut_of_a_selection_is_set_and_the_refused_rows_are_listed(user: User):
    made = world()
    manager = staff_member(Role.CENTRE_MANAGER, centre_id=made.centres["SCI"])
    await sign_in_staff(user, manager, f"{TABLE}?commission=centre-{made.centres['SCI']}")
    await rows_when(user, "review-table", lambda rows: len(rows) == 4)
    chosen = [made.candidatures[name] for name in ("marie", "paul", "jeanne")]
    user.find(marker="review-table").trigger("selection", {"keys": chosen, "added": True})
    await click(user, "review-set-status")
    await user.should_see(marker="review-status-dialog")
    user.find(marker="save").click()
    status = user.find(marker="status").elements.pop()
    await until(lambda: status.error == messages.REQUIRED or bool(status.error))
    status.value = "Complet"
    user.find(marker="save").click()
    await user.should_see(marker="review-status-result")
    await see(user, messages.REVIEW_STATUS_DONE.format(count=2))
    await see(user, messages.REVIEW_STATUS_REFUSED.format(count=1))
    await see(user, "NGUYEN PAUL — M1-DATA")
    await see(user, messages.REVIEW_NOT_TRANSMITTED_REASON)
    await until(lambda: count_of(user, "Complet") == "2")
    found = await rows_when(user, "review-table", lambda rows: sum(r["status"] == "Complet" for r in rows) == 2)
    assert {r["last_name"] for r in found if r["status"] == "Complet"} == {"BAILLON", "MOREAU"}


async def test_avis_are_entered_on_a_selection_their_fields_checked_then_validated(user: User):
    made = world()
    manager = staff_member(Role.CENTRE_MANAGER, centre_id=made.centres["SCI"])
    await sign_in_staff(user, manager, f"{TABLE}?commission=centre-{made.centres['SCI']}")
    await rows_when(user, "review-table", lambda rows: len(rows) == 4)
    chosen = [made.candidatures[name] for name in ("marie", "paul", "jeanne")]
    user.find(marker="review-table").trigger("selection", {"keys": chosen, "added": True})
    await click(user, "review-enter-avis")
    await user.should_see(marker="avis-dialog")
    await see(user, messages.AVIS_ENTER_INTRO.format(count=3))
    user.find(marker="save").click()
    kind = user.find(marker="decision_type_id").elements.pop()
    await until(lambda: kind.error == messages.AVIS_TYPE_REQUIRED)
    kind.value = next(key for key, label in kind.options.items() if label == "Avis défavorable")
    user.find(marker="comment").elements.pop().value = "Trop juste"
    user.find(marker="save").click()
    motivation = user.find(marker="motivation_id").elements.pop()
    await until(lambda: motivation.error == messages.MOTIVATION_REQUIRED)
    assert user.find(marker="comment").elements.pop().value == "Trop juste"  # what was typed is kept
    motivation.value = next(key for key, label in motivation.options.items() if label == "Dossier insuffisant")
    user.find(marker="save").click()
    await user.should_see(marker="avis-result")
    await see(user, messages.AVIS_DONE.format(count=2))
    await see(user, messages.AVIS_REFUSED.format(count=1))
    await see(user, messages.REVIEW_NOT_TRANSMITTED_REASON)
    found = await rows_when(user, "review-table", lambda rows: sum(r["avis"] == "Défavorable" for r in rows) == 2)
    assert {r["last_name"] for r in found if r["avis"] == "Défavorable"} == {"BAILLON", "MOREAU"}
    user.find(marker="avis-close").click()

    user.find(marker="review-table").trigger("selection", {"keys": chosen, "added": True})
    await click(user, "review-validate-avis")
    await user.should_see(marker="avis-validation-dialog")
    user.find(marker="save").click()
    await user.should_see(marker="avis-validation-result")
    await see(user, messages.AVIS_VALIDATED_DONE.format(count=2))
    await rows_when(user, "review-table", lambda rows: sum(r["validated"] == "Oui" for r in rows) == 2)


async def test_a_commission_member_enters_avis_but_only_their_president_validates(user: User):
    made = world()
    member = staff_member(Role.COMMISSION_MEMBER, commission_id=made.commissions["SCI-MASTERS"])
    await sign_in_staff(user, member, TABLE)
    await rows_when(user, "review-table", lambda rows: len(rows) == 3)
    await user.should_see(marker="review-enter-avis")
    await user.should_not_see(marker="review-validate-avis")


async def test_a_read_only_member_has_no_selection_nor_review_buttons(user: User):
    made = world()
    reader = staff_member(Role.READ_ONLY)
    await sign_in_staff(user, reader, TABLE)
    await rows_when(user, "review-table", lambda rows: len(rows) >= 1)
    await user.should_not_see(marker="review-set-status")
    await user.should_not_see(marker="review-enter-avis")
    await user.should_not_see(marker="review-validate-avis")
    assert not user.find(marker="review-table").elements.pop().props.get("selectable")
    await user.open(f"/gestion/candidatures/{made.candidatures['marie']}")
    await user.should_see(marker="review-piece-CV")
    await user.should_not_see(marker="review-refuse-CV")
    await user.should_see(marker="review-show-CV")
