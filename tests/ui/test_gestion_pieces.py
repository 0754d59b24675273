"""The « Pièces justificatives » and « Questions » screens as the user fixture sees them, signed in through the
real sign-in page: list, search, a creation with an error at its field, the model file sent (a bad one refused),
a formation's choice of pièces and questions in its form, a centre manager limited to their centre, and the
model downloaded by the candidate from their candidature."""

from __future__ import annotations

from datetime import date

from nicegui.elements.upload_files import SmallFileUpload
from nicegui.testing import User
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.services.rights import Role
from models import Account, FormationPiece, FormationQuestion, Piece
from tests.mailbox import Mailbox
from tests.sessions import actor
from tests.ui.gestion_helpers import sign_in_staff, staff_member, test_platform
from tests.ui.helpers import error_of, field, fill, see, until
from tests.ui.test_candidatures import ready_candidate
from tests.ui.test_gestion_offer import act, click, dialog_open, rows, rows_when, world_and_admin
from tests.unit.test_candidatures import ready_candidate as ready_account

PIECES = "/gestion/pieces"
QUESTIONS = "/gestion/questions"
PDF = b"%PDF-1.4\n%%EOF\n"


async def test_pieces_list_create_with_an_error_then_a_model_file(user: User):
    admin, _ = world_and_admin()
    await sign_in_staff(user, admin, PIECES)
    await rows_when(user, "pieces-table", lambda found: found == [])

    await click(user, "piece-new")
    await dialog_open(user, "piece-dialog")
    assert field(user, "centre_id").value == ""  # an administrator's pièce serves every centre by default
    fill(user, code="rib é", label="Relevé d'identité bancaire", position="2")
    user.find(marker="save").click()
    assert await error_of(user, "code") == messages.SETUP_BAD_CODE
    assert field(user, "label").value == "Relevé d'identité bancaire"  # what was typed is kept
    fill(user, code="rib")
    user.find(marker="save").click()
    await user.should_see(marker="model-choose", retries=50)  # the new pièce opens, for its model
    await user.should_see(messages.PIECE_MODEL_NONE)
    upload = user.find(marker="model-upload").elements.pop()
    await upload.handle_uploads([SmallFileUpload("virus.pdf", "application/pdf", b"MZ\x90\x00 not a pdf")])
    await user.should_see(messages.FILE_BAD_TYPE, retries=50)
    await upload.handle_uploads([SmallFileUpload("modele-rib.pdf", "application/pdf", PDF)])
    await user.should_see("modele-rib.pdf", retries=50)
    await user.should_see(marker="model-download")
    listed = await rows_when(user, "pieces-table", lambda found: found and found[0]["model"] == "modele-rib.pdf")
    assert [(r["code"], r["centre"], r["formations"]) for r in listed] == [("RIB", messages.EVERY_CENTRE, "0")]

    field(user, "pieces-table-search").value = "bancaire"
    await rows_when(user, "pieces-table", lambda found: len(found) == 1)
    field(user, "pieces-table-search").value = "aucune pièce de ce nom"
    await rows_when(user, "pieces-table", lambda found: found == [])


async def test_questions_and_a_formation_choosing_them_in_its_form(user: User):
    admin, ids = world_and_admin()
    platform = test_platform()
    cv = platform.pieces.create(admin.actor(platform), {"code": "CV", "label": "Curriculum vitae"})
    platform.db.dispose()
    await sign_in_staff(user, admin, QUESTIONS)
    await click(user, "question-new")
    await dialog_open(user, "question-dialog")
    fill(user, code="STAGE", label="Avez-vous fait un stage ?", kind="yes_no")
    user.find(marker="save").click()
    listed = await rows_when(user, "questions-table", lambda found: len(found) == 1)
    assert (listed[0]["kind"], listed[0]["required"], listed[0]["formations"]) == ("Oui/Non", "Oui", "0")
    question_id = listed[0]["id"]

    await user.open(f"/gestion/formations?ouvrir={ids['L1-MATH']}")
    await dialog_open(user, "formation-dialog")
    await until(lambda: cv.id in field(user, "piece_ids").options)
    assert question_id in field(user, "question_ids").options
    field(user, "piece_ids").value = [cv.id]
    field(user, "question_ids").value = [question_id]
    user.find(marker="save").click()
    platform = test_platform()

    def linked() -> tuple[list[int], list[int]]:
        with platform.db.session() as session:
            pieces = session.exec(select(FormationPiece.piece_id)).all()
            return list(pieces), list(session.exec(select(FormationQuestion.question_id)).all())

    await until(lambda: linked() == ([cv.id], [question_id]), timeout=10)
    platform.db.dispose()
    await user.open(QUESTIONS)
    await rows_when(user, "questions-table", lambda found: found and found[0]["formations"] == "1")


async def test_a_centre_manager_reads_the_pieces_of_all_and_edits_those_of_their_centre(user: User):
    admin, ids = world_and_admin()
    platform = test_platform()
    of_all = platform.pieces.create(admin.actor(platform), {"code": "CNI", "label": "Identité", "common": True})
    lsh = platform.pieces.create(
        admin.actor(platform), {"code": "PORTF", "label": "Portfolio", "centre_id": ids["LSH"]}
    )
    platform.db.dispose()
    manager = staff_member(Role.CENTRE_MANAGER, centre_id=ids["SCI"])
    await sign_in_staff(user, manager, PIECES)
    listed = await rows_when(user, "pieces-table", lambda found: len(found) == 1)
    assert [(r["code"], r["editable"], r["formations"]) for r in listed] == [("CNI", False, messages.ASKED_EVERYWHERE)]
    act(user, "pieces-table", "edit", of_all.id)
    await user.should_see(marker="piece-dialog-read-only", retries=50)
    await user.open(f"{PIECES}?ouvrir={lsh.id}")  # another centre's, by a typed address
    await see(user, "pour ce centre de candidature")
    await click(user, "piece-new")
    await dialog_open(user, "piece-dialog")
    assert list(field(user, "centre_id").options) == [ids["SCI"]]  # not « Tous les centres »
    fill(user, code="RIB", label="RIB")
    user.find(marker="save").click()
    await user.should_see(marker="model-choose", retries=50)
    await rows_when(user, "pieces-table", lambda found: {r["code"] for r in found} == {"CNI", "RIB"})


async def test_the_candidate_downloads_the_model_from_their_candidature(user: User, mailbox: Mailbox):
    await ready_candidate(user, mailbox)  # the demo offer, and a signed-in candidate
    platform = test_platform()
    admin = staff_member(Role.ADMIN)
    with platform.db.session() as session:
        cni = session.exec(select(Piece).where(Piece.code == "CNI")).one()
        account = session.exec(select(Account).order_by(Account.id.desc())).first()
        formation_id = session.exec(select(FormationPiece.formation_id)).first()
    platform.pieces.set_model(admin.actor(platform), cni.id, "formulaire-cni.pdf", PDF)
    candidature = platform.candidatures.apply(actor(platform, account), formation_id, date.today())
    platform.db.dispose()
    page = f"/compte/candidatures/{candidature.id}"
    await user.open(page)
    await user.should_see(marker=f"piece-model-{cni.id}", retries=50)
    response = await user.http_client.get(f"{page}/modeles/{cni.id}")
    assert response.status_code == 200 and response.content == PDF
    assert "formulaire-cni.pdf" in response.headers["content-disposition"]
    other = await user.http_client.get(f"/compte/candidatures/{candidature.id + 1000}/modeles/{cni.id}")
    assert other.status_code == 404


async def test_a_piece_is_added_to_the_ticked_formations_at_once(user: User):
    admin, ids = world_and_admin()
    platform = test_platform()
    cv = platform.pieces.create(admin.actor(platform), {"code": "CV", "label": "Curriculum vitae"})
    platform.db.dispose()
    await sign_in_staff(user, admin, "/gestion/formations")
    await rows_when(user, "formations-table", lambda found: len(found) == 2)
    user.find(marker="formations-table").trigger("selection", {"keys": [ids["L1-MATH"], ids["L1-LET"]], "added": True})
    await see(user, "2 ligne(s) sélectionnée(s)")
    await click(user, "formation-bulk-asked")
    await dialog_open(user, "bulk-asked-dialog")
    user.find(marker="save").click()
    assert await error_of(user, "piece_ids") == messages.BULK_NOTHING_ASKED
    field(user, "piece_ids").value = [cv.id]
    user.find(marker="save").click()
    await see(user, "2 formation(s) modifiée(s)")
    platform = test_platform()
    with platform.db.session() as session:
        linked = sorted(session.exec(select(FormationPiece.formation_id)).all())
    platform.db.dispose()
    assert linked == sorted([ids["L1-MATH"], ids["L1-LET"]])


async def test_deleting_a_piece_sent_by_a_candidate_is_refused_in_french(user: User):
    admin, ids = world_and_admin()
    platform = test_platform()
    cni = platform.pieces.create(admin.actor(platform), {"code": "CNI", "label": "Identité", "common": True})
    me = actor(platform, ready_account(platform))
    candidature = platform.candidatures.apply(me, ids["L1-MATH"], date.today())
    platform.candidatures.send_piece(me, candidature.id, cni.id, "cni.pdf", PDF)
    platform.db.dispose()
    await sign_in_staff(user, admin, PIECES)
    await rows_when(user, "pieces-table", lambda found: len(found) == 1)
    act(user, "pieces-table", "delete", cni.id)
    await click(user, "delete-yes")
    await see(user, messages.PIECE_IN_USE)
    assert [r["code"] for r in rows(user, "pieces-table")] == ["CNI"]
