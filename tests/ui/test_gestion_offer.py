"""The offer's set-up screens — Formations, Centres de candidature, Commissions, Campagnes — as the user fixture
sees them, signed in through the real sign-in page: each list, its search, a creation, an edit with an error at
its field, and a centre manager refused another centre's rows, by the table as by a typed address."""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

from nicegui import ui
from nicegui.elements.upload_files import SmallFileUpload
from nicegui.testing import User
from PIL import Image
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.rights import Actor, Role
from models import Campaign, Commission, Formation, JournalEntry
from tests.ui.gestion_helpers import sign_in_staff, staff_member, test_platform
from tests.ui.helpers import error_of, field, fill, offer_line, see, until

FORMATIONS = "/gestion/formations"
CENTRES = "/gestion/centres"
COMMISSIONS = "/gestion/commissions"
CAMPAIGNS = "/gestion/campagnes"
TODAY = date.today()


def day(offset: int) -> str:
    return (TODAY + timedelta(days=offset)).isoformat()


def formation(centre_id: int, commission_id: int, code: str, label: str) -> dict[str, Any]:
    return {
        "code": code,
        "label": label,
        "centre_id": centre_id,
        "commission_id": commission_id,
        "diploma_type": "Licence",
        "opens_on": day(-5),
        "closes_on": day(30),
        "return_by": day(40),
    }


def make_world(admin: Actor, platform: Platform) -> dict[str, int]:
    """SCI (commission SCI-L, formation L1-MATH) and LSH (commission LSH-L, formation L1-LET), by code → id."""
    ids = {}
    for code, label in (("SCI", "UFR Sciences"), ("LSH", "UFR Lettres")):
        ids[code] = platform.centres.create(admin, {"code": code, "label": label}).id
    for code, label, centre in (("SCI-L", "Licences de sciences", "SCI"), ("LSH-L", "Licences de lettres", "LSH")):
        ids[code] = platform.commissions.create(admin, {"code": code, "label": label, "centre_id": ids[centre]}).id
    for code, label, centre, commission in (
        ("L1-MATH", "Licence Mathématiques", "SCI", "SCI-L"),
        ("L1-LET", "Licence Lettres modernes", "LSH", "LSH-L"),
    ):
        ids[code] = platform.formations.create(admin, formation(ids[centre], ids[commission], code, label)).id
    return ids


def world_and_admin() -> tuple[Any, dict[str, int]]:
    admin = staff_member(Role.ADMIN)
    platform = test_platform()
    ids = make_world(admin.actor(platform), platform)
    platform.db.dispose()
    return admin, ids


def rows(user: User, marker: str) -> list[dict[str, Any]]:
    return user.find(marker=marker).elements.pop().props["rows"]


async def rows_when(user: User, marker: str, condition) -> list[dict[str, Any]]:
    await until(lambda: condition(rows(user, marker)), timeout=10)
    return rows(user, marker)


async def click(user: User, marker: str) -> None:
    await user.should_see(marker=marker, retries=50)
    user.find(marker=marker).click()


def act(user: User, table: str, action: str, key: int) -> None:
    user.find(marker=table).trigger("action", {"action": action, "key": key})


async def dialog_open(user: User, marker: str) -> None:
    await user.should_see(marker=marker, retries=50)


def dialogs(user: User, marker: str) -> list[ui.dialog]:
    return [element for element in user.find(marker=marker).elements if isinstance(element, ui.dialog)]


# --- Formations ----------------------------------------------------------------------------------------------


async def test_formations_list_search_create_with_an_error_then_offered(user: User):
    admin, ids = world_and_admin()
    await sign_in_staff(user, admin, FORMATIONS)
    listed = await rows_when(user, "formations-table", lambda found: len(found) == 2)
    assert {row["code"] for row in listed} == {"L1-MATH", "L1-LET"}
    assert {row["state"] for row in listed} == {"Formation ok"}

    field(user, "formations-table-search").value = "lettres"
    await rows_when(user, "formations-table", lambda found: [row["code"] for row in found] == ["L1-LET"])
    field(user, "formations-table-search").value = ""
    await rows_when(user, "formations-table", lambda found: len(found) == 2)

    await click(user, "formation-new")
    await dialog_open(user, "formation-dialog")
    field(user, "centre_id").value = ids["SCI"]
    await until(lambda: ids["SCI-L"] in field(user, "commission_id").options)
    field(user, "commission_id").value = ids["SCI-L"]
    fill(user, code="l1-info", label="Licence Informatique", opens_on=day(-1), closes_on=day(-3), return_by=day(20))
    user.find(marker="save").click()
    error = "« Date fin dépôt » doit être postérieure ou égale à « Date début dépôt »"
    assert await error_of(user, "closes_on") == error
    assert field(user, "label").value == "Licence Informatique"  # what was typed is kept
    field(user, "closes_on").value = day(10)
    user.find(marker="save").click()
    await see(user, messages.SETUP_SAVED)
    listed = await rows_when(user, "formations-table", lambda found: len(found) == 3)
    assert "L1-INFO" in {row["code"] for row in listed}

    await user.open("/offre?recherche=informatique")  # the next visitor sees it
    assert (await offer_line(user, "L1-INFO"))["label"] == "Licence Informatique"


async def test_a_formation_is_edited_with_an_error_at_its_field_and_journaled(user: User):
    admin, ids = world_and_admin()
    await sign_in_staff(user, admin, FORMATIONS)
    await rows_when(user, "formations-table", lambda found: len(found) == 2)
    act(user, "formations-table", "edit", ids["L1-MATH"])
    await dialog_open(user, "formation-dialog")
    assert field(user, "code").value == "L1-MATH" and field(user, "commission_id").value == ids["SCI-L"]
    fill(user, label="", capacity="douze")
    user.find(marker="save").click()
    assert await error_of(user, "label") == messages.REQUIRED
    assert field(user, "capacity").error == messages.BAD_NUMBER
    fill(user, label="Licence Mathématiques appliquées", capacity="40")
    field(user, "active").value = False
    user.find(marker="save").click()
    await see(user, messages.SETUP_SAVED)
    await rows_when(user, "formations-table", lambda found: "Formation hors service" in {r["state"] for r in found})
    platform = test_platform()
    with platform.db.session() as session:
        changed = session.get(Formation, ids["L1-MATH"])
        line = session.exec(select(JournalEntry).where(JournalEntry.action == "formation.update")).one()
    assert (changed.label, changed.capacity, changed.active) == ("Licence Mathématiques appliquées", 40, False)
    assert line.before["active"] is True and line.after["active"] is False
    assert [f.code for f in platform.offer.formations()] == ["L1-LET"]  # closed: no longer offered
    platform.db.dispose()


async def test_a_centre_manager_cannot_open_another_centres_formation_by_menu_or_address(user: User):
    _, ids = world_and_admin()
    manager = staff_member(Role.CENTRE_MANAGER, centre_id=ids["SCI"])
    await sign_in_staff(user, manager, FORMATIONS)
    listed = await rows_when(user, "formations-table", lambda found: len(found) == 1)
    assert [row["code"] for row in listed] == ["L1-MATH"]

    table = user.find(marker="formations-table")
    table.trigger("selection", {"keys": [ids["L1-LET"]], "added": True})  # nor can it be ticked
    table.trigger("selection", {"keys": [ids["L1-MATH"]], "added": True})
    await see(user, "1 ligne(s) sélectionnée(s)")
    act(user, "formations-table", "edit", ids["L1-LET"])  # a row not shown: nothing opens
    act(user, "formations-table", "copy", ids["L1-LET"])
    await user.should_not_see(marker="formation-dialog")

    await user.open(f"{FORMATIONS}?ouvrir={ids['L1-LET']}")  # typed address
    await see(user, "Vous n'avez pas le droit de consulter le paramétrage pour ce centre de candidature.")
    await user.should_not_see(marker="formation-dialog")
    await user.should_not_see("Licence Lettres modernes")

    await user.open(f"{FORMATIONS}?ouvrir={ids['L1-MATH']}")  # their own: opened, editable
    await dialog_open(user, "formation-dialog")
    assert field(user, "label").value == "Licence Mathématiques"
    assert set(field(user, "centre_id").options) == {ids["SCI"]}  # cannot move it to another centre
    await user.should_see(marker="save")


async def test_a_read_only_member_sees_a_formation_without_changing_it(user: User):
    _, ids = world_and_admin()
    reader = staff_member(Role.READ_ONLY)
    await sign_in_staff(user, reader, FORMATIONS)
    await user.open(f"{FORMATIONS}?ouvrir={ids['L1-LET']}")
    await dialog_open(user, "formation-dialog")
    await user.should_see(messages.SETUP_READ_ONLY)
    await user.should_not_see(marker="save")
    await user.should_not_see(marker="formation-new")


async def test_dates_of_ticked_formations_change_at_once(user: User):
    admin, ids = world_and_admin()
    await sign_in_staff(user, admin, FORMATIONS)
    await rows_when(user, "formations-table", lambda found: len(found) == 2)
    table = user.find(marker="formations-table")
    table.trigger("selection", {"keys": [ids["L1-MATH"], ids["L1-LET"]], "added": True})
    await see(user, "2 ligne(s) sélectionnée(s)")
    user.find(marker="formation-bulk").click()
    await dialog_open(user, "bulk-dialog")
    fill(user, closes_on=day(35), return_by="pas une date")
    user.find(marker="save").click()
    assert await error_of(user, "return_by") == messages.SETUP_BAD_DATE
    fill(user, return_by=day(45), preanalysis_on=day(36))
    user.find(marker="save").click()
    await see(user, "2 formation(s) modifiée(s)")
    platform = test_platform()
    with platform.db.session() as session:
        closes = {f.code: f.closes_on for f in session.exec(select(Formation))}
    platform.db.dispose()
    assert closes == {"L1-MATH": TODAY + timedelta(35), "L1-LET": TODAY + timedelta(35)}


# --- Centres de candidature ----------------------------------------------------------------------------------


async def test_centres_list_search_create_with_an_error_and_edit(user: User):
    admin, ids = world_and_admin()
    await sign_in_staff(user, admin, CENTRES)
    listed = await rows_when(user, "centres-table", lambda found: len(found) == 2)
    assert {(row["code"], row["formations"]) for row in listed} == {("SCI", 1), ("LSH", 1)}
    field(user, "centres-table-search").value = "sciences"
    await rows_when(user, "centres-table", lambda found: [row["code"] for row in found] == ["SCI"])

    await click(user, "centre-new")
    await dialog_open(user, "centre-dialog")
    fill(user, code="DEG", label="Faculté de Droit", contact_mail="pas-une-adresse")
    user.find(marker="save").click()
    assert await error_of(user, "contact_mail") == messages.BAD_MAIL
    fill(user, contact_mail="droit@example.org", max_candidatures="3")
    user.find(marker="save").click()
    await see(user, messages.SETUP_SAVED)
    field(user, "centres-table-search").value = ""
    listed = await rows_when(user, "centres-table", lambda found: len(found) == 3)
    assert [row["max_candidatures"] for row in listed if row["code"] == "DEG"] == ["3"]

    act(user, "centres-table", "edit", ids["LSH"])
    await dialog_open(user, "centre-dialog")
    fill(user, default_opens_on=day(10), default_closes_on=day(1))
    user.find(marker="save").click()
    assert await error_of(user, "default_closes_on") == (
        "« Date fin dépôt » doit être postérieure ou égale à « Date début dépôt »"
    )


async def test_a_centre_manager_sees_their_centre_and_is_refused_another(user: User):
    _, ids = world_and_admin()
    manager = staff_member(Role.CENTRE_MANAGER, centre_id=ids["LSH"])
    await sign_in_staff(user, manager, CENTRES)
    listed = await rows_when(user, "centres-table", lambda found: len(found) == 1)
    assert [row["code"] for row in listed] == ["LSH"]
    await user.should_not_see(marker="centre-new")
    await user.open(f"{CENTRES}?ouvrir={ids['SCI']}")
    await see(user, "Vous n'avez pas le droit de consulter le paramétrage pour ce centre de candidature.")
    await user.should_not_see(marker="centre-dialog")


# --- Commissions -----------------------------------------------------------------------------------------


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (90, 30), (10, 10, 120)).save(buffer, "PNG")
    return buffer.getvalue()


async def test_commissions_list_create_with_an_error_and_a_signature(user: User):
    admin, ids = world_and_admin()
    await sign_in_staff(user, admin, COMMISSIONS)
    listed = await rows_when(user, "commissions-table", lambda found: len(found) == 2)
    assert {row["code"] for row in listed} == {"SCI-L", "LSH-L"}
    field(user, "commissions-centre-filter").value = ids["SCI"]
    await rows_when(user, "commissions-table", lambda found: [row["code"] for row in found] == ["SCI-L"])

    await click(user, "commission-new")
    await dialog_open(user, "commission-dialog")
    assert field(user, "centre_id").value == ids["SCI"]
    fill(user, code="SCI-M", label="Masters de sciences", mail="masters@", phone="01 02 03 04 05")
    user.find(marker="save").click()
    assert await error_of(user, "mail") == messages.BAD_MAIL
    fill(user, mail="masters@example.org", address="UFR Sciences\n1 rue des Écoles")
    user.find(marker="save").click()
    await see(user, messages.SETUP_SAVED)
    await user.should_see(marker="signature-choose", retries=50)  # the new commission opens, for its signature

    upload = user.find(marker="signature-upload").elements.pop()
    await upload.handle_uploads([SmallFileUpload("scan.pdf", "application/pdf", b"%PDF-1.4\n%%EOF")])
    await see(user, messages.SIGNATURE_BAD_TYPE)
    await upload.handle_uploads([SmallFileUpload("signature.png", "image/png", png())])
    await user.should_see(marker="signature-image", retries=50)
    platform = test_platform()
    with platform.db.session() as session:
        created = session.exec(select(Commission).where(Commission.code == "SCI-M")).one()
    platform.db.dispose()
    assert created.address == "UFR Sciences\n1 rue des Écoles" and created.signature_type == "image/png"


async def test_a_manager_of_one_centre_is_refused_another_centres_commission(user: User):
    _, ids = world_and_admin()
    manager = staff_member(Role.CENTRE_MANAGER, centre_id=ids["SCI"])
    await sign_in_staff(user, manager, COMMISSIONS)
    await user.open(f"{COMMISSIONS}?ouvrir={ids['LSH-L']}")
    await see(user, "Vous n'avez pas le droit de consulter le paramétrage pour ce centre de candidature.")
    await user.should_not_see(marker="commission-dialog")
    listed = await rows_when(user, "commissions-table", lambda found: len(found) == 1)
    assert [row["code"] for row in listed] == ["SCI-L"]


# --- Campagnes -------------------------------------------------------------------------------------------


async def test_campaigns_create_with_an_error_then_activate_archiving_the_active_one(user: User):
    admin = staff_member(Role.ADMIN)
    await sign_in_staff(user, admin, CAMPAIGNS)
    [active] = await rows_when(user, "campaigns-table", lambda found: len(found) == 1)
    assert active["state"] == "Active"

    await click(user, "campaign-new")
    await dialog_open(user, "campaign-dialog")
    await user.should_see(messages.CAMPAIGN_TO_ARCHIVE.format(active["label"]))
    fill(user, code="2099", label="Campagne 2099", starts_on=day(10), ends_on=day(5), candidates_end_on=day(5))
    user.find(marker="save").click()
    assert await error_of(user, "ends_on") == messages.CAMPAIGN_END_BEFORE_START
    fill(user, ends_on=day(300), candidates_end_on=day(290))
    user.find(marker="save").click()
    await see(user, messages.CAMPAIGN_CREATED)
    listed = await rows_when(user, "campaigns-table", lambda found: len(found) == 2)
    new = next(row for row in listed if row["code"] == "2099")
    assert new["state"] == "En attente d'activation"

    act(user, "campaigns-table", "activate", new["id"])
    await click(user, "activate-yes")
    await rows_when(user, "campaigns-table", lambda found: {r["code"]: r["state"] for r in found}["2099"] == "Active")
    platform = test_platform()
    with platform.db.session() as session:
        states = {c.code: (c.is_active, c.archived_at is not None) for c in session.exec(select(Campaign))}
    platform.db.dispose()
    assert states == {"2099": (True, False), active["code"]: (False, True)}


async def test_campaigns_are_an_administrators_screen(user: User):
    member = staff_member(Role.SCOLARITE)
    await sign_in_staff(user, member, CAMPAIGNS)
    await user.should_see(marker="gestion-refused", retries=50)
    await user.should_not_see(marker="campaigns-table")


# --- what the candidate sees ---------------------------------------------------------------------------------


async def test_a_candidate_sees_the_commission_set_by_staff_on_their_candidature(user: User, mailbox):
    """Contact, « Commentaire retour » and « Infos comp. » written in the gestion are on the candidate's page."""
    from tests.ui.test_candidatures import apply_from_offer, ready_candidate

    await ready_candidate(user, mailbox)  # the demo offer, a complete file, signed in
    admin = staff_member(Role.ADMIN)
    platform = test_platform()
    actor = admin.actor(platform)
    with platform.db.session() as session:
        commission = session.exec(select(Commission).where(Commission.code == "SCI-LICENCES")).one()
        target = session.exec(select(Formation).where(Formation.code == "L1-INFO")).one()
    values = {**commission.model_dump(), "phone": "01 23 45 67 89", "return_comment": "Dossier papier :\nau bureau 12"}
    platform.commissions.update(actor, commission.id, values)
    platform.formations.update(actor, target.id, {**target.model_dump(), "info": "Entretien en juin."})
    platform.db.dispose()

    await apply_from_offer(user, "informatique", "Licence Informatique", "L1-INFO")
    await user.should_see(marker="contact", retries=50)
    assert field(user, "contact").text == ("Commission des licences (SCI) — scolarite.sci@example.org — 01 23 45 67 89")
    assert field(user, "return-comment").text == "Dossier papier :\nau bureau 12"
    assert field(user, "formation-info").text == "Entretien en juin."


async def test_delete_asks_with_the_name_says_why_it_is_refused_and_removes_the_row(user: User):
    admin, ids = world_and_admin()
    platform = test_platform()
    empty = platform.centres.create(admin.actor(platform), {"code": "VIDE", "label": "Centre sans formation"}).id
    platform.db.dispose()
    await sign_in_staff(user, admin, CENTRES)
    await rows_when(user, "centres-table", lambda found: len(found) == 3)

    act(user, "centres-table", "delete", ids["SCI"])  # it has formations: asked, then refused with the reason
    await see(user, messages.SETUP_DELETE_QUESTION.format(what="le centre de candidature", name="UFR Sciences"))
    await click(user, "delete-yes")
    await see(user, messages.CENTRE_HAS_FORMATIONS)

    act(user, "centres-table", "delete", empty)  # « Annuler »: nothing happens
    await click(user, "delete-no")
    assert len(await rows_when(user, "centres-table", lambda found: len(found) == 3)) == 3

    act(user, "centres-table", "delete", empty)
    await see(
        user, messages.SETUP_DELETE_QUESTION.format(what="le centre de candidature", name="Centre sans formation")
    )
    await click(user, "delete-yes")
    await see(user, messages.SETUP_DELETED)
    listed = await rows_when(user, "centres-table", lambda found: len(found) == 2)
    assert {row["code"] for row in listed} == {"SCI", "LSH"}
