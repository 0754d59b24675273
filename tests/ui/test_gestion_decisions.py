"""Types de décision, Motivations d'avis and Tags as the user fixture sees them, signed in through the real
sign-in page: each list and its search, a creation with a French message at its field, an edit, a refused
deletion, the tag's colour preview, and who may not open these screens or another centre's tag."""

from __future__ import annotations

from datetime import date

from nicegui.testing import User
from sqlmodel import select

from components.tag_chip import CLASSES
from ecandidat_ui import messages
from ecandidat_ui.services.review import Decision
from ecandidat_ui.services.rights import Role
from models import CandidatureTag, DecisionType, JournalEntry, Motivation, Tag
from tests.sessions import actor
from tests.ui.gestion_helpers import sign_in_staff, staff_member, test_platform
from tests.ui.helpers import error_of, field, fill, see
from tests.ui.test_gestion_offer import act, click, dialog_open, rows_when, world_and_admin
from tests.unit.test_candidatures import ready_candidate  # a candidate with a complete file

TYPES = "/gestion/types-decision"
MOTIVATIONS = "/gestion/motivations"
TAGS = "/gestion/tags"


async def test_types_of_decision_listed_searched_created_with_an_error_and_edited(user: User):
    admin = staff_member(Role.SCOLARITE)
    await sign_in_staff(user, admin, TYPES)
    listed = await rows_when(user, "decision-types-table", lambda found: len(found) == 5)
    assert [row["avis"] for row in listed] == [
        "Défavorable",
        "Favorable",
        "Liste d'attente",
        "Liste complémentaire",
        "Présélection",
    ]
    field(user, "decision-types-table-search").value = "attente"
    await rows_when(user, "decision-types-table", lambda found: [r["code"] for r in found] == ["LISTE_ATTENTE"])
    field(user, "decision-types-table-search").value = ""

    await click(user, "decision-types-new")
    await dialog_open(user, "decision-types-dialog")
    assert set(field(user, "avis").options) == set(messages.AVIS_KINDS)
    assert "avis_liste_complementaire" in field(user, "mail_code").options
    assert "account_created" not in field(user, "mail_code").options
    fill(user, code="favorable", label="Admis")
    field(user, "avis").value = "FA"
    user.find(marker="save").click()
    assert await error_of(user, "mail_code") == messages.REQUIRED
    assert field(user, "label").value == "Admis"  # what was typed is kept
    field(user, "mail_code").value = "avis_favorable"
    user.find(marker="save").click()
    assert await error_of(user, "code") == messages.SETUP_CODE_TAKEN
    fill(user, code="admis")
    field(user, "show_comment").value = False
    user.find(marker="save").click()
    await see(user, messages.SETUP_SAVED)
    await rows_when(user, "decision-types-table", lambda found: "ADMIS" in {r["code"] for r in found})

    platform = test_platform()
    with platform.db.session() as session:
        created = session.exec(select(DecisionType).where(DecisionType.code == "ADMIS")).one()
    platform.db.dispose()
    assert (created.avis, created.mail_code, created.show_comment) == ("FA", "avis_favorable", False)
    act(user, "decision-types-table", "edit", created.id)
    await dialog_open(user, "decision-types-dialog")
    assert field(user, "label").value == "Admis" and field(user, "show_comment").value is False
    field(user, "active").value = False
    user.find(marker="save").click()
    await see(user, messages.SETUP_SAVED)
    await rows_when(
        user,
        "decision-types-table",
        lambda found: {r["active"] for r in found if r["code"] == "ADMIS"} == {"Hors service"},
    )


async def test_a_type_an_avis_uses_is_refused_deletion_with_the_way_out(user: User):
    admin, ids = world_and_admin()
    platform = test_platform()
    candidate = ready_candidate(platform)
    candidature = platform.candidatures.apply(actor(platform, candidate), ids["L1-MATH"], date.today())
    platform.review.record_decision(candidature.id, Decision.WAITING_LIST)
    with platform.db.session() as session:
        waiting = session.exec(select(DecisionType.id).where(DecisionType.code == "LISTE_ATTENTE")).one()
    platform.db.dispose()
    await sign_in_staff(user, admin, TYPES)
    listed = await rows_when(user, "decision-types-table", lambda found: len(found) == 5)
    assert {r["code"]: r["uses"] for r in listed}["LISTE_ATTENTE"] == 1
    act(user, "decision-types-table", "delete", waiting)
    await click(user, "delete-yes")
    await see(user, messages.DECISION_TYPE_IN_USE.format(count=1))
    await rows_when(user, "decision-types-table", lambda found: len(found) == 5)


async def test_motivations_listed_created_and_deleted(user: User):
    admin = staff_member(Role.ADMIN)
    await sign_in_staff(user, admin, MOTIVATIONS)
    listed = await rows_when(user, "motivations-table", lambda found: len(found) == 4)
    assert "Capacité d'accueil atteinte" in {row["label"] for row in listed}
    await click(user, "motivations-new")
    await dialog_open(user, "motivations-dialog")
    fill(user, code="langue", label="")
    user.find(marker="save").click()
    assert await error_of(user, "label") == messages.REQUIRED
    fill(user, label="Niveau de langue insuffisant")
    user.find(marker="save").click()
    await see(user, messages.SETUP_SAVED)
    listed = await rows_when(user, "motivations-table", lambda found: len(found) == 5)
    created = next(row for row in listed if row["code"] == "LANGUE")
    act(user, "motivations-table", "delete", created["id"])
    await click(user, "delete-yes")
    await see(user, messages.SETUP_DELETED)
    await rows_when(user, "motivations-table", lambda found: len(found) == 4)
    platform = test_platform()
    with platform.db.session() as session:
        assert session.exec(select(Motivation).where(Motivation.code == "LANGUE")).first() is None
        actions = [line.action for line in session.exec(select(JournalEntry).order_by(JournalEntry.id))]
    platform.db.dispose()
    assert actions[-2:] == ["motivation.create", "motivation.delete"]


async def test_a_centre_manager_sets_up_the_tags_of_their_centre_only(user: User):
    admin, ids = world_and_admin()
    platform = test_platform()
    everywhere = platform.tags.create(admin.actor(platform), {"label": "Boursier", "colour": "vert", "centre_id": ""})
    other = platform.tags.create(admin.actor(platform), {"label": "Lettres", "colour": "rose", "centre_id": ids["LSH"]})
    platform.db.dispose()
    manager = staff_member(Role.CENTRE_MANAGER, centre_id=ids["SCI"])
    await sign_in_staff(user, manager, TAGS)
    listed = await rows_when(user, "tags-table", lambda found: len(found) == 1)
    assert [(row["label"], row["centre"], row["colour_key"]) for row in listed] == [
        ("Boursier", "Tous les centres", "vert")
    ]

    await click(user, "tag-new")
    await dialog_open(user, "tag-dialog")
    assert set(field(user, "centre_id").options) == {ids["SCI"]}  # not the institution, not another centre
    assert field(user, "centre_id").value == ids["SCI"]  # their only choice
    field(user, "colour").value = "jaune"
    fill(user, label="Relancé")
    preview = user.find(marker="tag-preview").elements.pop()
    assert preview.text == "Relancé" and set(CLASSES["jaune"].split()) <= set(preview.classes)
    fill(user, label="Boursier")
    user.find(marker="save").click()  # the institution's « Boursier » is elsewhere: the same label is allowed
    await see(user, messages.SETUP_SAVED)
    await rows_when(user, "tags-table", lambda found: len(found) == 2)
    await click(user, "tag-new")
    await dialog_open(user, "tag-dialog")
    fill(user, label="boursier")
    user.find(marker="save").click()
    assert await error_of(user, "label") == messages.TAG_LABEL_TAKEN
    fill(user, label="Relancé")
    user.find(marker="save").click()
    await see(user, messages.SETUP_SAVED)
    await rows_when(user, "tags-table", lambda found: len(found) == 3)

    act(user, "tags-table", "edit", everywhere.id)  # the institution's tag: seen, not changed
    await dialog_open(user, "tag-dialog")
    await user.should_see(messages.SETUP_READ_ONLY)
    await user.should_not_see(marker="save")

    await user.open(f"{TAGS}?ouvrir={other.id}")  # another centre's, by a typed address
    await see(user, "Vous n'avez pas le droit de consulter le paramétrage pour ce centre de candidature.")
    await user.should_not_see(marker="tag-dialog")


async def test_deleting_a_tag_on_candidatures_asks_with_their_count(user: User):
    admin, ids = world_and_admin()
    platform = test_platform()
    candidature = platform.candidatures.apply(actor(platform, ready_candidate(platform)), ids["L1-MATH"], date.today())
    tag = platform.tags.create(
        admin.actor(platform), {"label": "À revoir", "colour": "orange", "centre_id": ids["SCI"]}
    )
    with platform.db.session() as session:
        session.add(CandidatureTag(candidature_id=candidature.id, tag_id=tag.id))
    platform.db.dispose()
    await sign_in_staff(user, admin, TAGS)
    await rows_when(user, "tags-table", lambda found: [row["uses"] for row in found] == [1])
    act(user, "tags-table", "delete", tag.id)
    await see(user, messages.TAG_DELETE_USED_QUESTION.format(name="À revoir", count=1))
    await click(user, "delete-no")
    act(user, "tags-table", "delete", tag.id)
    await click(user, "delete-yes")
    await see(user, messages.TAG_DELETED_FROM.format(count=1))
    await rows_when(user, "tags-table", lambda found: found == [])
    platform = test_platform()
    with platform.db.session() as session:
        assert session.exec(select(Tag)).all() == [] and session.exec(select(CandidatureTag)).all() == []
    platform.db.dispose()


async def test_a_centre_manager_has_no_types_of_decision_nor_motivations(user: User):
    _, ids = world_and_admin()
    manager = staff_member(Role.CENTRE_MANAGER, centre_id=ids["SCI"])
    await sign_in_staff(user, manager, TYPES)
    await see(user, "Vous n'avez pas le droit de modifier les types de décision.")
    await user.should_not_see(marker="decision-types-table")
    await user.should_not_see("Motivations d'avis")  # not in their menu
    await user.open(MOTIVATIONS)
    await user.should_not_see(marker="motivations-table")
