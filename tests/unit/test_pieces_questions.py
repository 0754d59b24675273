"""Pièces justificatives and Questions set up by staff, on a real database: their rules (unique code, French
messages at the field), their reach (every centre or one), the formations that ask them, the model file checked
by content, and what candidates are then asked."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.paging import TableQuery
from ecandidat_ui.services.rights import Actor, Role
from models import FormationPiece, FormationQuestion
from tests.sessions import actor
from tests.unit import test_offer_setup
from tests.unit.test_candidatures import PDF, PE, TODAY, formation_id, ready_candidate
from tests.unit.test_offer_setup import formation_values, journal, member

admin = test_offer_setup.admin  # the fixtures: an administrator; two centres SCI and LSH with commissions
world = test_offer_setup.world


def piece_values(code: str = "RIB", **changes) -> dict:
    return {"code": code, "label": "Relevé d'identité bancaire", "position": "3", "active": True, **changes}


def question_values(code: str = "STAGE", **changes) -> dict:
    return {"code": code, "label": "Avez-vous fait un stage ?", "kind": "yes_no", "active": True, **changes}


def test_a_piece_is_checked_at_its_fields_and_its_code_is_unique(platform: Platform, admin: Actor):
    with pytest.raises(InvalidInput) as invalid:
        platform.pieces.create(admin, {"code": "rib é", "label": " ", "position": "-1", "template": "ftp://x"})
    assert invalid.value.errors == {
        "code": messages.SETUP_BAD_CODE,
        "label": messages.REQUIRED,
        "position": messages.SETUP_NUMBER_RANGE.format(min=0, max=9999),
        "template": messages.SETUP_BAD_URL,
    }
    piece = platform.pieces.create(admin, piece_values(code="rib"))
    assert (piece.code, piece.position, piece.centre_id, piece.active) == ("RIB", 3, None, True)
    with pytest.raises(InvalidInput) as taken:
        platform.pieces.create(admin, piece_values(label="Autre"))
    assert taken.value.errors == {"code": messages.SETUP_CODE_TAKEN}
    platform.pieces.update(admin, piece.id, piece_values(label="RIB à votre nom", common=True))
    [created] = journal(platform, "piece.create")
    [updated] = journal(platform, "piece.update")
    assert created.after["code"] == "RIB"
    assert (updated.before["label"], updated.after["label"], updated.after["common"]) == (
        "Relevé d'identité bancaire",
        "RIB à votre nom",
        True,
    )


def test_questions_have_a_kind_and_the_same_rules(platform: Platform, admin: Actor):
    with pytest.raises(InvalidInput) as invalid:
        platform.questions.create(admin, question_values(kind="couleur", code=""))
    assert invalid.value.errors == {"kind": messages.UNKNOWN_VALUE, "code": messages.REQUIRED}
    question = platform.questions.create(admin, question_values(required=False))
    assert (question.kind, question.required) == ("yes_no", False)
    rows = platform.questions.page(admin, TableQuery(search="stage")).rows
    assert [(r["code"], r["kind"], r["required"], r["centre"]) for r in rows] == [
        ("STAGE", "Oui/Non", "Non", messages.EVERY_CENTRE)
    ]


def test_a_centre_manager_sets_up_pieces_of_their_centre_only(platform: Platform, admin: Actor, world):
    manager = member(platform, admin, "gaston@example.org", Role.CENTRE_MANAGER, centre_id=world["SCI"])
    with pytest.raises(InvalidInput) as refused:
        platform.pieces.create(manager, piece_values())  # for every centre: the scolarité's
    assert refused.value.errors == {
        "centre_id": "Vous n'avez pas le droit de modifier les pièces justificatives pour l'ensemble de "
        "l'établissement."
    }
    with pytest.raises(InvalidInput) as elsewhere:
        platform.pieces.create(manager, piece_values(centre_id=world["LSH"]))
    assert set(elsewhere.value.errors) == {"centre_id"}
    own = platform.pieces.create(manager, piece_values(centre_id=world["SCI"]))
    of_all = platform.pieces.create(admin, piece_values(code="CNI", label="Identité"))
    lsh = platform.pieces.create(admin, piece_values(code="LSH-PORTF", label="Portfolio", centre_id=world["LSH"]))
    seen = platform.pieces.page(manager, TableQuery(sort_by="code")).rows
    assert [(r["code"], r["editable"]) for r in seen] == [("CNI", False), ("RIB", True)]
    with pytest.raises(Refused):
        platform.pieces.update(manager, of_all.id, piece_values(code="CNI", label="Changée"))
    with pytest.raises(Refused):
        platform.pieces.get(manager, lsh.id)
    assert platform.pieces.get(manager, of_all.id).code == "CNI"  # read, not changed
    platform.pieces.update(manager, own.id, piece_values(centre_id=world["SCI"], label="RIB du centre"))
    lecture = member(platform, admin, "lea@example.org", Role.READ_ONLY)
    with pytest.raises(Refused):
        platform.questions.create(lecture, question_values())


def test_a_formation_chooses_its_pieces_and_questions_and_common_ones_are_asked_everywhere(
    platform: Platform, admin: Actor, world
):
    cv = platform.pieces.create(admin, piece_values(code="CV", label="CV", position="2"))
    platform.pieces.create(admin, piece_values(code="CNI", label="Identité", position="1", common=True))
    lsh = platform.pieces.create(admin, piece_values(code="PORTF", label="Portfolio", centre_id=world["LSH"]))
    old = platform.pieces.create(admin, piece_values(code="OLD", label="Ancienne", common=True, active=False))
    stage = platform.questions.create(admin, question_values())
    assert platform.pieces.options(admin, world["SCI"]) == {cv.id: "CV — CV"}
    assert set(platform.pieces.options(admin, world["LSH"])) == {cv.id, lsh.id}

    values = formation_values(world["SCI"], world["SCI-M"], piece_ids=[cv.id, lsh.id], question_ids=[stage.id])
    with pytest.raises(InvalidInput) as invalid:
        platform.formations.create(admin, values)
    assert invalid.value.errors == {"piece_ids": messages.UNKNOWN_CHOICE.format(names="PORTF")}
    formation = platform.formations.create(admin, {**values, "piece_ids": [cv.id]})
    detail = platform.formations.get(admin, formation.id)
    assert (detail.piece_ids, detail.question_ids) == ([cv.id], [stage.id])
    [line] = journal(platform, "formation.create")
    assert (line.after["pieces"], line.after["questions"]) == (["CV"], ["STAGE"])
    with pytest.raises(InvalidInput) as moved:  # a pièce asked in SCI cannot become LSH's own
        platform.pieces.update(admin, cv.id, piece_values(code="CV", label="CV", centre_id=world["LSH"]))
    assert moved.value.errors == {"centre_id": messages.ASKED_ELSEWHERE}

    platform.campaigns.active()
    account = ready_candidate(platform)
    candidature = platform.candidatures.apply(actor(platform, account), formation.id, TODAY)
    view = platform.candidatures.view(account.id, candidature.id)
    assert [p.piece.code for p in view.pieces] == ["CNI", "CV"]  # common first by their order, never OLD
    assert [q.code for q, _ in view.questions] == ["STAGE"]
    rows = {r["code"]: r["formations"] for r in platform.pieces.page(admin, TableQuery()).rows}
    assert rows == {"CV": "1", "CNI": messages.ASKED_EVERYWHERE, "PORTF": "0", "OLD": messages.ASKED_EVERYWHERE}

    platform.formations.update(admin, formation.id, {**values, "piece_ids": [], "question_ids": []})
    view = platform.candidatures.view(account.id, candidature.id)
    assert [p.piece.code for p in view.pieces] == ["CNI"] and view.questions == []
    with platform.db.session() as session:
        assert session.exec(select(FormationPiece).where(FormationPiece.formation_id == formation.id)).all() == []
        assert session.exec(select(FormationQuestion)).all() == []
    assert old.id not in platform.pieces.options(admin, world["SCI"])


def test_a_piece_sent_or_a_question_answered_is_not_deleted_but_put_out_of_service(
    platform: Platform, admin: Actor, world
):
    cni = platform.pieces.create(admin, piece_values(code="CNI", label="Identité", common=True))
    spare = platform.pieces.create(admin, piece_values(code="SPARE", label="Inutile"))
    stage = platform.questions.create(admin, question_values(common=True))
    formation = platform.formations.create(admin, formation_values(world["SCI"], world["SCI-M"]))
    account = ready_candidate(platform)
    me = actor(platform, account)
    candidature = platform.candidatures.apply(me, formation.id, TODAY)
    platform.candidatures.send_piece(me, candidature.id, cni.id, "cni.pdf", PDF)
    platform.candidatures.answer(me, candidature.id, stage.id, "Oui")
    with pytest.raises(Refused, match="déjà envoyé cette pièce"):
        platform.pieces.delete(admin, cni.id)
    with pytest.raises(Refused, match="déjà répondu à cette question"):
        platform.questions.delete(admin, stage.id)
    platform.pieces.update(admin, cni.id, piece_values(code="CNI", label="Identité", common=True, active=False))
    assert platform.candidatures.view(account.id, candidature.id).pieces == []
    platform.pieces.delete(admin, spare.id)
    assert [line.before["code"] for line in journal(platform, "piece.delete")] == ["SPARE"]


def test_the_model_file_is_checked_by_content_kept_in_the_data_folder_and_downloaded(
    platform: Platform, admin: Actor, world
):
    piece = platform.pieces.create(admin, piece_values(code="FORM", label="Formulaire à remplir"))
    with pytest.raises(Refused) as refused:
        platform.pieces.set_model(admin, piece.id, "formulaire.pdf", PE)
    assert refused.value.message == messages.FILE_BAD_TYPE
    manager = member(platform, admin, "gaston@example.org", Role.CENTRE_MANAGER, centre_id=world["SCI"])
    with pytest.raises(Refused):
        platform.pieces.set_model(manager, piece.id, "formulaire.pdf", PDF)
    platform.pieces.set_model(admin, piece.id, "../../Formulaire d'inscription.pdf", PDF)
    model = platform.pieces.model_file(piece.id)
    assert (model.data, model.content_type, model.name) == (PDF, "application/pdf", "Formulaire d'inscription.pdf")
    stored = list(platform.pieces.folder.iterdir())
    assert len(stored) == 1 and platform.pieces.folder.is_relative_to(platform.settings.data_dir)
    platform.pieces.set_model(admin, piece.id, "nouveau.pdf", PDF + b"%")
    assert [path.name for path in platform.pieces.folder.iterdir()] != [stored[0].name]  # the old one is gone
    assert len(list(platform.pieces.folder.iterdir())) == 1
    [_, second] = journal(platform, "piece.model")
    assert second.before == {"template_name": "Formulaire d'inscription.pdf"}
    platform.pieces.remove_model(admin, piece.id)
    assert platform.pieces.model_file(piece.id) is None
    assert list(platform.pieces.folder.iterdir()) == []
    assert platform.pieces.model_file("abc") is None


def test_an_inline_question_of_the_offer_file_is_found_again_by_its_text(platform: Platform):
    from ecandidat_ui.services.offer_import import apply_offer
    from tests.unit.test_candidatures import offer

    apply_offer(platform.db, offer(TODAY - timedelta(days=10), TODAY + timedelta(days=10)))
    apply_offer(platform.db, offer(TODAY - timedelta(days=10), TODAY + timedelta(days=10)))
    with platform.db.session() as session:
        links = session.exec(select(FormationQuestion)).all()
    assert [link.formation_id for link in links] == [formation_id(platform)]  # one question, linked once


def test_pieces_and_questions_are_added_to_a_selection_of_formations_at_once(platform: Platform, admin: Actor, world):
    cv = platform.pieces.create(admin, piece_values(code="CV", label="CV"))
    portf = platform.pieces.create(admin, piece_values(code="PORTF", label="Portfolio", centre_id=world["SCI"]))
    stage = platform.questions.create(admin, question_values())
    sci = [
        platform.formations.create(admin, formation_values(world["SCI"], world["SCI-M"], code=f"M{n}")).id
        for n in range(3)
    ]
    lsh = platform.formations.create(admin, formation_values(world["LSH"], world["LSH-L"], code="L-LET")).id
    with pytest.raises(InvalidInput) as nothing:
        platform.formations.change_asked(admin, sci, {})
    assert nothing.value.errors == {"piece_ids": messages.BULK_NOTHING_ASKED}

    values = {"piece_ids": [cv.id, portf.id], "question_ids": [stage.id]}
    result = platform.formations.change_asked(admin, [*sci, lsh], values)
    assert result.changed == sci
    assert [(row.id, row.reason) for row in result.refused] == [(lsh, messages.UNKNOWN_CHOICE.format(names="PORTF"))]
    assert platform.formations.get(admin, sci[0]).piece_ids == sorted([cv.id, portf.id])
    again = platform.formations.change_asked(admin, sci, values)  # already there: nothing doubles
    assert again.changed == sci and platform.formations.get(admin, sci[1]).question_ids == [stage.id]

    manager = member(platform, admin, "gaston@example.org", Role.CENTRE_MANAGER, centre_id=world["LSH"])
    refused = platform.formations.change_asked(manager, [sci[0], lsh], {"piece_ids": [cv.id]})
    assert refused.changed == [lsh] and [row.id for row in refused.refused] == [sci[0]]

    removed = platform.formations.change_asked(admin, sci[:2], {"piece_ids": [portf.id]}, remove=True)
    assert removed.changed == sci[:2]
    assert [platform.formations.get(admin, f).piece_ids for f in sci] == [[cv.id], [cv.id], sorted([cv.id, portf.id])]
    lines = journal(platform, "formation.asked")
    assert (lines[-1].before["pieces"], lines[-1].after["pieces"]) == (["CV", "PORTF"], ["CV"])
