"""The set-up of the offer's frame by staff, on a real database: campaigns, centres, commissions (and the
signature printed on letters), formations with their date rules, their copy and the change of many dates at
once — each write checked against the actor's rights and journaled, and seen at once by candidates."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlmodel import select

from ecandidat_ui import messages, pdf
from ecandidat_ui.lifecycle import prepare
from ecandidat_ui.platform import Platform, build_platform
from ecandidat_ui.services import rights
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.paging import TableQuery
from ecandidat_ui.services.review import Decision
from ecandidat_ui.services.rights import Actor, Role
from ecandidat_ui.settings import load_settings
from models import Campaign, Commission, Formation, FormationPiece, FormationQuestion, JournalEntry, Piece, Question
from tests.sessions import actor
from tests.unit.test_candidatures import ready_candidate

TODAY = date.today()


def day(offset: int) -> str:
    return (TODAY + timedelta(days=offset)).isoformat()


def actor_of(platform: Platform, member_id: int) -> Actor:
    with platform.db.session() as session:
        return rights.load_actor(session, member_id)


def member(platform: Platform, admin: Actor, mail: str, role: Role, **scope) -> Actor:
    created = platform.staff.create_member(admin, mail, "Martin", "Bruno")
    platform.staff.grant(admin, created.member.id, role, **scope)
    return actor_of(platform, created.member.id)


def journal(platform: Platform, action: str) -> list[JournalEntry]:
    with platform.db.session() as session:
        return list(session.exec(select(JournalEntry).where(JournalEntry.action == action).order_by(JournalEntry.id)))


def png(width: int = 120, height: int = 40) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (20, 40, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def formation_values(centre_id: int, commission_id: int, code: str = "M1-INFO", **changes) -> dict:
    return {
        "code": code,
        "label": "Master Informatique",
        "centre_id": centre_id,
        "commission_id": commission_id,
        "active": True,
        "diploma_type": "Master",
        "keywords": "python, logiciel",
        "opens_on": day(-5),
        "closes_on": day(30),
        "return_by": day(40),
        "jury_on": day(50),
        "publication_on": day(55),
        "confirm_by": day(70),
        "capacity": "30",
        **changes,
    }


@pytest.fixture
def admin(platform: Platform) -> Actor:
    return actor_of(platform, platform.staff.bootstrap_admin("anne.dupont@example.org", "Dupont", "Anne").member.id)


@pytest.fixture
def world(platform: Platform, admin: Actor) -> dict[str, int]:
    """Two centres, SCI (commissions SCI-L and SCI-M) and LSH (commission LSH-L)."""
    ids = {}
    for code, label in (("SCI", "UFR Sciences"), ("LSH", "UFR Lettres")):
        ids[code] = platform.centres.create(admin, {"code": code, "label": label, "active": True}).id
    for code, label, centre in (
        ("SCI-L", "Commission des licences", "SCI"),
        ("SCI-M", "Commission des masters", "SCI"),
        ("LSH-L", "Commission de lettres", "LSH"),
    ):
        ids[code] = platform.commissions.create(admin, {"code": code, "label": label, "centre_id": ids[centre]}).id
    return ids


# --- campaigns ---------------------------------------------------------------------------------------------


def campaign_values(code: str = "2027", **changes) -> dict:
    return {
        "code": code,
        "label": f"Campagne {code}",
        "starts_on": day(-30),
        "ends_on": day(300),
        "candidates_end_on": day(290),
        **changes,
    }


def test_a_new_campaign_waits_then_opening_it_archives_the_active_one(platform: Platform, admin: Actor):
    old = platform.campaigns.active()
    waiting = platform.campaigns.create(admin, campaign_values())
    assert not waiting.is_active and platform.campaigns.active().id == old.id
    with pytest.raises(Refused, match="en attente d'activation"):
        platform.campaigns.create(admin, campaign_values("2028"))

    activation = platform.campaigns.activate(admin, waiting.id)
    assert activation.archived.id == old.id and activation.opened.id == waiting.id
    assert platform.campaigns.active().id == waiting.id
    rows = platform.campaigns.page(admin, TableQuery(sort_by="state")).rows
    assert [(row["code"], row["state"]) for row in rows] == [("2027", "Active"), (old.code, "Archivée")]
    with platform.db.session() as session:
        assert len(session.exec(select(Campaign).where(Campaign.is_active)).all()) == 1
    [archive], [activate] = journal(platform, "campaign.archive"), journal(platform, "campaign.activate")
    assert (archive.before["is_active"], archive.after["is_active"]) == (True, False)
    assert archive.after["archived_at"] and (activate.before["is_active"], activate.after["is_active"]) == (False, True)
    with pytest.raises(Refused, match=messages.CAMPAIGN_ARCHIVED_READ_ONLY):
        platform.campaigns.update(admin, old.id, campaign_values(old.code))
    with pytest.raises(Refused, match="Seule une campagne en attente"):
        platform.campaigns.activate(admin, old.id)


def test_campaign_values_are_checked_at_their_field(platform: Platform, admin: Actor):
    with pytest.raises(InvalidInput) as invalid:
        platform.campaigns.create(
            admin, campaign_values("20 27", label="", ends_on=day(-40), candidates_end_on="31/02/2027")
        )
    assert invalid.value.errors == {
        "code": messages.SETUP_BAD_CODE,
        "label": messages.REQUIRED,
        "ends_on": messages.CAMPAIGN_END_BEFORE_START,
        "candidates_end_on": messages.SETUP_BAD_DATE,
    }
    with pytest.raises(InvalidInput) as invalid:
        platform.campaigns.create(admin, campaign_values(platform.campaigns.active().code))
    assert invalid.value.errors == {"code": messages.SETUP_CODE_TAKEN}
    with pytest.raises(InvalidInput) as invalid:
        platform.campaigns.create(admin, campaign_values(candidates_end_on=day(301)))
    assert invalid.value.errors == {"candidates_end_on": messages.CAMPAIGN_CANDIDATES_END_AFTER_END}


def test_only_a_campaign_never_opened_may_be_deleted_and_only_administrators_edit_them(
    platform: Platform, admin: Actor, world
):
    waiting = platform.campaigns.create(admin, campaign_values())
    scolarite = member(platform, admin, "scol@example.org", Role.SCOLARITE)
    with pytest.raises(Refused, match="Vous n'avez pas le droit de modifier les campagnes"):
        platform.campaigns.delete(scolarite, waiting.id)
    with pytest.raises(Refused):
        platform.campaigns.page(scolarite, TableQuery())
    with pytest.raises(Refused, match=messages.CAMPAIGN_DELETE_ACTIVATED):
        platform.campaigns.delete(admin, platform.campaigns.active().id)
    platform.campaigns.delete(admin, waiting.id)
    assert [e.before["code"] for e in journal(platform, "campaign.delete")] == ["2027"]


def test_candidates_keep_their_account_and_apply_again_in_the_next_campaign(platform: Platform, admin: Actor, world):
    formation = platform.formations.create(admin, formation_values(world["SCI"], world["SCI-M"]))
    candidate = ready_candidate(platform)
    first = platform.candidatures.apply(actor(platform, candidate), formation.id, TODAY)
    with pytest.raises(Refused, match=messages.ALREADY_APPLIED):
        platform.candidatures.apply(actor(platform, candidate), formation.id, TODAY)

    platform.campaigns.activate(admin, platform.campaigns.create(admin, campaign_values()).id)
    again = platform.candidatures.apply(actor(platform, candidate), formation.id, TODAY)  # same account, same formation
    assert again.id != first.id and again.campaign_id == platform.campaigns.active().id
    old = platform.candidatures.view(candidate.id, first.id)
    assert old.archived and not old.editable and not platform.candidatures.view(candidate.id, again.id).archived
    with pytest.raises(Refused, match=messages.CANDIDATURE_ARCHIVED):
        platform.candidatures.answer(actor(platform, candidate), first.id, 1, "Oui")
    with pytest.raises(Refused, match=messages.CANDIDATURE_ARCHIVED):
        platform.candidatures.cancel(actor(platform, candidate), first.id)
    assert [c.candidature.id for c in platform.candidatures.list(candidate.id)] == [again.id, first.id]


def test_after_the_candidates_end_date_nobody_applies(platform: Platform, admin: Actor, world):
    formation = platform.formations.create(admin, formation_values(world["SCI"], world["SCI-M"]))
    active = platform.campaigns.active()
    values = {
        "code": active.code,
        "label": active.label,
        "starts_on": day(-60),
        "ends_on": day(300),
        "candidates_end_on": day(-1),
    }
    platform.campaigns.update(admin, active.id, values)
    with pytest.raises(Refused, match=messages.NO_CAMPAIGN_FOR_APPLYING):
        platform.candidatures.apply(actor(platform, ready_candidate(platform)), formation.id, TODAY)


# --- centres -----------------------------------------------------------------------------------------------


def test_a_centre_is_checked_at_each_field_and_its_default_dates_in_order(platform: Platform, admin: Actor, world):
    with pytest.raises(InvalidInput) as invalid:
        platform.centres.create(
            admin,
            {
                "code": "sci",
                "label": "x" * 121,
                "contact_mail": "pas-une-adresse",
                "max_candidatures": "0",
                "default_opens_on": day(10),
                "default_closes_on": day(5),
                "default_confirm_by": day(60),
                "default_confirm_delay_days": "8",
            },
        )
    assert invalid.value.errors == {  # the code, « SCI » once upper-cased, is well formed (it is taken: below)
        "label": messages.TOO_LONG.format(max=120),
        "contact_mail": messages.BAD_MAIL,
        "max_candidatures": messages.SETUP_NUMBER_RANGE.format(min=1, max=999),
        "default_closes_on": "« Date fin dépôt » doit être postérieure ou égale à « Date début dépôt »",
        "default_confirm_delay_days": messages.CONFIRM_DATE_OR_DELAY,
    }
    centre = platform.centres.update(
        admin, world["LSH"], {"code": "LSH", "label": "UFR Lettres", "contact_mail": "lettres@example.org"}
    )
    assert centre.contact_mail == "lettres@example.org"
    [line] = journal(platform, "centre.update")
    assert (line.before["contact_mail"], line.after["contact_mail"]) == ("", "lettres@example.org")


def test_a_centre_code_is_unique_whatever_its_case(platform: Platform, admin: Actor, world):
    with pytest.raises(InvalidInput) as invalid:
        platform.centres.create(admin, {"code": "sci", "label": "Autre"})
    assert invalid.value.errors == {"code": messages.SETUP_CODE_TAKEN}


def test_a_centre_manager_edits_their_centre_only_and_sees_only_it(platform: Platform, admin: Actor, world):
    manager = member(platform, admin, "gest@example.org", Role.CENTRE_MANAGER, centre_id=world["SCI"])
    reader = member(platform, admin, "lecture@example.org", Role.CENTRE_MANAGER, centre_id=world["SCI"], read_only=True)
    assert [row["code"] for row in platform.centres.page(manager, TableQuery()).rows] == ["SCI"]
    platform.centres.update(manager, world["SCI"], {"code": "SCI", "label": "UFR Sciences et Techniques"})
    with pytest.raises(Refused, match="pour ce centre de candidature"):
        platform.centres.update(manager, world["LSH"], {"code": "LSH", "label": "Lettres"})
    with pytest.raises(Refused, match="pour ce centre de candidature"):
        platform.centres.get(manager, world["LSH"])
    with pytest.raises(Refused, match="pour l'ensemble de l'établissement"):
        platform.centres.create(manager, {"code": "NEW", "label": "Nouveau"})
    with pytest.raises(Refused, match="lecture seule"):
        platform.centres.update(reader, world["SCI"], {"code": "SCI", "label": "Changé"})
    assert platform.centres.get(reader, world["SCI"]).label == "UFR Sciences et Techniques"


def test_a_centre_with_commissions_is_not_deleted(platform: Platform, admin: Actor, world):
    with pytest.raises(Refused, match=messages.CENTRE_HAS_COMMISSIONS):
        platform.centres.delete(admin, world["LSH"])
    empty = platform.centres.create(admin, {"code": "VIDE", "label": "Centre vide"})
    platform.centres.delete(admin, empty.id)
    assert [row["code"] for row in platform.centres.page(admin, TableQuery(sort_by="code")).rows] == ["LSH", "SCI"]


# --- commissions and their letters -------------------------------------------------------------------------


def test_a_manager_limited_to_a_commission_changes_that_one_only(platform: Platform, admin: Actor, world):
    limited = member(
        platform,
        admin,
        "limite@example.org",
        Role.CENTRE_MANAGER,
        centre_id=world["SCI"],
        commission_ids=[world["SCI-L"]],
    )
    values = {"code": "SCI-L", "label": "Licences", "centre_id": world["SCI"], "mail": "licences@example.org"}
    assert platform.commissions.update(limited, world["SCI-L"], values).mail == "licences@example.org"
    with pytest.raises(Refused, match="pour cette commission"):
        platform.commissions.update(limited, world["SCI-M"], {**values, "code": "SCI-M"})
    with pytest.raises(Refused):
        platform.commissions.create(limited, {**values, "code": "SCI-X"})
    assert [row["code"] for row in platform.commissions.page(limited, TableQuery()).rows] == ["SCI-L"]


def test_commission_values_are_checked_at_their_field(platform: Platform, admin: Actor, world):
    with pytest.raises(InvalidInput) as invalid:
        platform.commissions.create(
            admin,
            {
                "code": "SCI-L",
                "label": " ",
                "centre_id": world["SCI"],
                "mail": "@",
                "phone": "01 23 <b>",
                "url": "javascript:alert(1)",
            },
        )
    assert invalid.value.errors == {
        "label": messages.REQUIRED,
        "mail": messages.BAD_MAIL,
        "phone": messages.BAD_PHONE,
        "url": messages.SETUP_BAD_URL,
    }
    with pytest.raises(InvalidInput) as invalid:
        platform.commissions.create(admin, {"code": "SCI-L", "label": "Double", "centre_id": world["SCI"]})
    assert invalid.value.errors == {"code": messages.SETUP_CODE_TAKEN}


def test_a_signature_is_checked_by_content_stored_under_a_random_name_and_printed(
    platform: Platform, admin: Actor, world
):
    commission_id = world["SCI-M"]
    for data, refusal in (
        (b"%PDF-1.4\n%%EOF", messages.SIGNATURE_BAD_TYPE),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, messages.SIGNATURE_UNREADABLE),
        (b"GIF89a" + b"\x00" * 64, messages.FILE_BAD_TYPE),
        (png(2500, 40), messages.SIGNATURE_TOO_LARGE.format(max=2000)),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * (1024 * 1024), messages.FILE_TOO_BIG),
    ):
        with pytest.raises(Refused) as refused:
            platform.commissions.set_signature(admin, commission_id, "signature.png", data)
        assert refused.value.message == refusal
    folder = platform.settings.data_dir / "signatures"
    assert not folder.exists() or list(folder.iterdir()) == []

    platform.commissions.set_signature(admin, commission_id, "../../signature.png", png())
    first = platform.commissions.get(admin, commission_id).signature_file
    assert [path.name for path in folder.iterdir()] == [first] and len(first) == 40
    platform.commissions.set_signature(admin, commission_id, "autre.png", png(200, 60))
    stored = platform.commissions.get(admin, commission_id)
    assert [path.name for path in folder.iterdir()] == [stored.signature_file] != [first]
    assert platform.commissions.signature(admin, commission_id).data == png(200, 60)
    assert [line.after.get("signature_type") for line in journal(platform, "commission.signature")] == [
        "image/png",
        "image/png",
    ]

    values = {
        "code": "SCI-M",
        "label": "Commission des masters",
        "centre_id": world["SCI"],
        "address": "UFR Sciences\nService scolarité\n1 rue des Écoles",
        "signatory": "Le président de la commission\nPr Jean Dupont",
    }
    platform.commissions.update(admin, commission_id, values)
    formation = platform.formations.create(admin, formation_values(world["SCI"], commission_id))
    candidate = ready_candidate(platform)
    candidature = platform.candidatures.apply(actor(platform, candidate), formation.id, TODAY)
    platform.review.record_decision(candidature.id, Decision.FAVORABLE)
    platform.review.validate_decision(candidature.id)
    view = platform.candidatures.view(candidate.id, candidature.id)
    signature = platform.commissions.signature_of(view.commission)
    letter = PdfReader(io.BytesIO(pdf.letter("Université Esup", candidate, view, TODAY, signature.data)))
    text = letter.pages[0].extract_text()
    assert "Service scolarité" in text and "Pr Jean Dupont" in text and "Commission des masters" in text
    assert len(letter.pages[0].images) == 1

    platform.commissions.remove_signature(admin, commission_id)
    assert list(folder.iterdir()) == [] and platform.commissions.signature(admin, commission_id) is None


# --- formations --------------------------------------------------------------------------------------------


def test_a_formation_is_created_with_every_field_journaled_and_offered_at_once(platform: Platform, admin: Actor, world):
    values = formation_values(
        world["SCI"],
        world["SCI-M"],
        preanalysis_on=day(31),
        waiting_list_confirm_by=day(80),
        treatment_type="AC",
        auto_waiting_list=True,
        paperless=False,
        url="https://formations.example.org/m1-info",
        preselection_place="Amphi A",
        preselection_on=day(45),
        preselection_time="9h30",
        info="Entretien possible.\nApportez votre portfolio.",
    )
    formation = platform.formations.create(admin, values)
    assert (formation.code, formation.treatment_type, formation.preselection_time) == ("M1-INFO", "AC", "09:30")
    assert formation.info == "Entretien possible.\nApportez votre portfolio." and formation.capacity == 30
    [line] = journal(platform, "formation.create")
    assert line.after["code"] == "M1-INFO" and line.after["opens_on"] == day(-5) and line.before is None
    [offered] = platform.offer.formations("informatique")  # the next visitor of /offre sees it
    assert offered.is_open(TODAY) and not offered.paperless


def test_dates_out_of_order_are_refused_each_at_the_later_field(platform: Platform, admin: Actor, world):
    with pytest.raises(InvalidInput) as invalid:
        platform.formations.create(
            admin,
            formation_values(
                world["SCI"],
                world["SCI-M"],
                code="",
                closes_on=day(-10),  # before début dépôt
                preanalysis_on=day(-20),  # before fin dépôt
                return_by=day(40),
                jury_on=None,  # skipped: publication is compared with retour
                publication_on=day(35),
                confirm_by=day(70),
                confirm_delay_days="8",
                preselection_time="25:00",
                capacity="douze",
            ),
        )
    assert invalid.value.errors == {
        "code": messages.REQUIRED,
        "closes_on": "« Date fin dépôt » doit être postérieure ou égale à « Date début dépôt »",
        "preanalysis_on": "« Date de pré-analyse » doit être postérieure ou égale à « Date début dépôt »",
        "publication_on": "« Date de publication » doit être postérieure ou égale à « Date de retour des dossiers »",
        "confirm_delay_days": messages.CONFIRM_DATE_OR_DELAY,
        "preselection_time": messages.SETUP_BAD_TIME,
        "capacity": messages.BAD_NUMBER,
    }
    with pytest.raises(InvalidInput) as invalid:
        platform.formations.create(admin, formation_values(world["SCI"], world["SCI-M"], return_by="", opens_on=""))
    assert invalid.value.errors == {"opens_on": messages.REQUIRED, "return_by": messages.REQUIRED}


def test_a_formation_goes_with_a_commission_of_its_centre(platform: Platform, admin: Actor, world):
    with pytest.raises(InvalidInput) as invalid:
        platform.formations.create(admin, formation_values(world["SCI"], world["LSH-L"]))
    assert invalid.value.errors == {"commission_id": messages.FORMATION_COMMISSION_OF_CENTRE}
    with pytest.raises(InvalidInput) as invalid:
        platform.formations.create(admin, formation_values(world["SCI"], None))
    assert invalid.value.errors == {"commission_id": messages.REQUIRED}


def test_a_manager_of_one_centre_cannot_read_or_change_another_centres_formation(
    platform: Platform, admin: Actor, world
):
    theirs = platform.formations.create(admin, formation_values(world["LSH"], world["LSH-L"], code="L1-LET"))
    mine = platform.formations.create(admin, formation_values(world["SCI"], world["SCI-M"]))
    manager = member(platform, admin, "gest@example.org", Role.CENTRE_MANAGER, centre_id=world["SCI"])
    assert [row["code"] for row in platform.formations.page(manager, TableQuery()).rows] == ["M1-INFO"]
    assert platform.formations.get(manager, mine.id).may_edit
    refused = "Vous n'avez pas le droit de consulter le paramétrage pour ce centre de candidature."
    with pytest.raises(Refused, match=refused):
        platform.formations.get(manager, theirs.id)
    with pytest.raises(Refused, match="modifier les formations pour ce centre de candidature"):
        platform.formations.update(manager, theirs.id, formation_values(world["LSH"], world["LSH-L"], code="L1-LET"))
    with pytest.raises(Refused, match="pour ce centre de candidature"):  # nor move one there, nor create one there
        platform.formations.update(manager, mine.id, formation_values(world["LSH"], world["LSH-L"]))
    with pytest.raises(Refused, match="pour ce centre de candidature"):
        platform.formations.create(manager, formation_values(world["LSH"], world["LSH-L"], code="NEW"))
    with pytest.raises(Refused, match="pour ce centre de candidature"):
        platform.formations.delete(manager, theirs.id)
    with pytest.raises(Refused, match=messages.FORMATION_UNKNOWN):
        platform.formations.get(manager, "../1")
    assert journal(platform, "formation.update") == []


def test_a_read_only_member_reads_but_cannot_change(platform: Platform, admin: Actor, world):
    formation = platform.formations.create(admin, formation_values(world["SCI"], world["SCI-M"]))
    reader = member(platform, admin, "lecture@example.org", Role.READ_ONLY)
    detail = platform.formations.get(reader, formation.id)
    assert detail.formation.code == "M1-INFO" and not detail.may_edit
    assert platform.formations.page(reader, TableQuery()).rows[0]["editable"] is False
    with pytest.raises(Refused, match="Vous n'avez pas le droit de modifier les formations"):
        platform.formations.update(reader, formation.id, formation_values(world["SCI"], world["SCI-M"]))


def test_a_formation_closed_or_of_a_centre_closed_is_no_longer_offered(platform: Platform, admin: Actor, world):
    formation = platform.formations.create(admin, formation_values(world["SCI"], world["SCI-M"]))
    candidate = ready_candidate(platform)
    platform.formations.update(admin, formation.id, formation_values(world["SCI"], world["SCI-M"], active=False))
    assert platform.offer.formations() == []
    with pytest.raises(Refused, match=messages.FORMATION_NOT_OFFERED):
        platform.candidatures.apply(actor(platform, candidate), formation.id, TODAY)
    platform.formations.update(admin, formation.id, formation_values(world["SCI"], world["SCI-M"]))
    assert [f.code for f in platform.offer.formations()] == ["M1-INFO"]
    platform.centres.update(admin, world["SCI"], {"code": "SCI", "label": "UFR Sciences", "active": False})
    assert platform.offer.formations() == []


def test_a_centre_limit_of_candidatures_replaces_the_platform_one(platform: Platform, admin: Actor, world):
    first = platform.formations.create(admin, formation_values(world["SCI"], world["SCI-M"]))
    second = platform.formations.create(admin, formation_values(world["SCI"], world["SCI-L"], code="L1-MATH"))
    platform.centres.update(admin, world["SCI"], {"code": "SCI", "label": "UFR Sciences", "max_candidatures": "1"})
    candidate = ready_candidate(platform)
    platform.candidatures.apply(actor(platform, candidate), first.id, TODAY)
    with pytest.raises(Refused, match=re.escape(messages.TOO_MANY_IN_CENTRE.format(max=1))):
        platform.candidatures.apply(actor(platform, candidate), second.id, TODAY)


def test_a_new_formation_starts_from_its_centre_default_dates(platform: Platform, admin: Actor, world):
    platform.centres.update(
        admin,
        world["SCI"],
        {"code": "SCI", "label": "UFR Sciences", "default_opens_on": day(1), "default_closes_on": day(20)},
    )
    values = platform.formations.new_values(admin, world["SCI"])
    assert (values["opens_on"], values["closes_on"], values["return_by"]) == (
        TODAY + timedelta(1),
        TODAY + timedelta(20),
        None,
    )


def test_a_copy_keeps_the_pieces_and_questions_of_its_source(platform: Platform, admin: Actor, world):
    source = platform.formations.create(admin, formation_values(world["SCI"], world["SCI-M"]))
    with platform.db.session() as session:
        piece = Piece(code="CV", label="Curriculum vitae")
        session.add(piece)
        session.flush()
        session.add(FormationPiece(formation_id=source.id, piece_id=piece.id))
        question = Question(code="STAGE", label="Un stage ?", kind="yes_no")
        session.add(question)
        session.flush()
        session.add(FormationQuestion(formation_id=source.id, question_id=question.id))
    with pytest.raises(InvalidInput) as invalid:
        platform.formations.duplicate(admin, source.id, formation_values(world["SCI"], world["SCI-M"]))
    assert invalid.value.errors == {"code": messages.SETUP_CODE_TAKEN}
    copy = platform.formations.duplicate(
        admin, source.id, formation_values(world["SCI"], world["SCI-L"], code="M1-INFO-ALT", label="Master (alt.)")
    )
    with platform.db.session() as session:
        assert session.exec(select(FormationPiece.piece_id).where(FormationPiece.formation_id == copy.id)).all() == [
            piece.id
        ]
        linked = select(FormationQuestion.question_id).where(FormationQuestion.formation_id == copy.id)
        assert session.exec(linked).all() == [question.id]
    [line] = journal(platform, "formation.duplicate")
    assert line.after["copied_from"] == "M1-INFO" and line.after["code"] == "M1-INFO-ALT"


def test_dates_of_a_selection_change_at_once_and_refused_rows_are_listed(platform: Platform, admin: Actor, world):
    sci = [
        platform.formations.create(admin, formation_values(world["SCI"], world["SCI-M"], code=f"M{n}")).id
        for n in range(3)
    ]
    early = platform.formations.create(
        admin, formation_values(world["SCI"], world["SCI-L"], code="EARLY", preanalysis_on=day(31))
    ).id
    lettres = platform.formations.create(admin, formation_values(world["LSH"], world["LSH-L"], code="L1-LET")).id
    manager = member(platform, admin, "gest@example.org", Role.CENTRE_MANAGER, centre_id=world["SCI"])
    result = platform.formations.change_dates(
        manager, [*sci, early, lettres], {"closes_on": day(35), "return_by": day(45), "jury_on": day(52)}
    )
    assert result.changed == sci
    assert [(row.id, row.name, row.reason) for row in result.refused] == [
        (
            early,
            "EARLY — Master Informatique",
            "« Date de pré-analyse » doit être postérieure ou égale à « Date fin dépôt »",
        ),
        (
            lettres,
            "L1-LET — Master Informatique",
            "Vous n'avez pas le droit de modifier les formations pour ce centre de candidature.",
        ),
    ]
    with platform.db.session() as session:
        closes = {f.code: f.closes_on for f in session.exec(select(Formation))}
    moved, kept = TODAY + timedelta(35), TODAY + timedelta(30)
    assert closes == {"M0": moved, "M1": moved, "M2": moved, "EARLY": kept, "L1-LET": kept}
    lines = journal(platform, "formation.dates")
    assert [line.object_id for line in lines] == [str(one) for one in sci]
    assert (lines[0].before["closes_on"], lines[0].after["closes_on"]) == (day(30), day(35))
    assert (lines[0].before["jury_on"], lines[0].after["jury_on"]) == (day(50), day(52))
    assert {f.code: f.closes_on for f in platform.offer.formations()}["M0"] == moved  # candidates see it at once

    with pytest.raises(InvalidInput) as invalid:
        platform.formations.change_dates(admin, sci, {"opens_on": "", "jury_on": "demain"})
    assert invalid.value.errors == {"opens_on": messages.REQUIRED, "jury_on": messages.SETUP_BAD_DATE}
    with pytest.raises(Refused, match=messages.BULK_NOTHING_SELECTED):
        platform.formations.change_dates(admin, [], {"active": False})
    assert platform.formations.change_dates(admin, sci, {"active": False}).changed == sci
    assert {f.code for f in platform.offer.formations()} == {"EARLY", "L1-LET"}


def test_a_formation_with_candidatures_is_closed_rather_than_deleted(platform: Platform, admin: Actor, world):
    formation = platform.formations.create(admin, formation_values(world["SCI"], world["SCI-M"]))
    platform.candidatures.apply(actor(platform, ready_candidate(platform)), formation.id, TODAY)
    with pytest.raises(Refused, match=messages.FORMATION_HAS_CANDIDATURES):
        platform.formations.delete(admin, formation.id)
    other = platform.formations.create(admin, formation_values(world["SCI"], world["SCI-M"], code="OTHER"))
    platform.formations.delete(admin, other.id)
    assert [line.before["code"] for line in journal(platform, "formation.delete")] == ["OTHER"]
    with pytest.raises(Refused, match=messages.COMMISSION_HAS_FORMATIONS):
        platform.commissions.delete(admin, world["SCI-M"])


def test_two_thousand_formations_page_search_and_sort_in_sql(platform: Platform, admin: Actor, world):
    with platform.db.session() as session:
        session.add_all(
            Formation(
                code=f"F{number:04d}",
                label=f"Licence {'Économie' if number % 100 == 0 else 'Droit'} {number}",
                centre_id=world["SCI"] if number % 2 else world["LSH"],
                commission_id=world["SCI-L"] if number % 2 else world["LSH-L"],
                opens_on=TODAY,
                closes_on=TODAY + timedelta(days=number % 60),
            )
            for number in range(2000)
        )
    page = platform.formations.page(admin, TableQuery(search="economie", sort_by="code", rows_per_page=10))
    assert page.total == 20 and [row["code"] for row in page.rows][:2] == ["F0000", "F0100"]
    manager = member(platform, admin, "gest@example.org", Role.CENTRE_MANAGER, centre_id=world["SCI"])
    mine = platform.formations.page(manager, TableQuery(sort_by="closes_on", descending=True, page=3))
    assert mine.total == 1000 and {row["centre"] for row in mine.rows} == {"UFR Sciences"}
    assert platform.formations.page(admin, TableQuery(filters={"commission": world["LSH-L"]})).total == 1000
    with platform.db.session() as session:
        assert session.get(Commission, world["LSH-L"]).label == "Commission de lettres"


def test_signed_out_nothing_is_read_or_written(platform: Platform, world):
    """An actor from a page carries its staff session: once signed out, no list, choice or write is done."""
    from ecandidat_ui.services.staff_sessions import StaffSessionEnded
    from tests.unit.test_staff import PASSWORD, next_code, set_up

    created = platform.staff.bootstrap_admin("anne.dupont@example.org", "Dupont", "Anne")
    secret, _ = set_up(platform, created.link)
    handover = platform.staff.sign_in("anne.dupont@example.org", PASSWORD, next_code(secret), "10.0.0.1")
    page_actor = platform.staff.actor_for(platform.staff.sessions.take_handover(handover))
    assert platform.formations.page(page_actor, TableQuery()).total == 0
    platform.staff.sign_out(page_actor.session_id)
    for call in (
        lambda: platform.formations.page(page_actor, TableQuery()),
        lambda: platform.centres.options(page_actor),
        lambda: platform.commissions.options(page_actor),
        lambda: platform.formations.create(page_actor, formation_values(world["SCI"], world["SCI-M"])),
        lambda: platform.campaigns.page(page_actor, TableQuery()),
    ):
        with pytest.raises(StaffSessionEnded):
            call()
    assert platform.offer.formations() == []


def test_the_demo_has_a_campaign_in_each_state(database_url: str):
    platform = build_platform(load_settings())
    prepare(platform, demo=True)
    prepare(platform, demo=True)  # a second start adds nothing
    with platform.db.session() as session:
        campaigns = session.exec(select(Campaign).order_by(Campaign.code)).all()
    states = [(c.is_active, c.archived_at is not None, c.activated_at is not None) for c in campaigns]
    assert states == [(False, True, True), (True, False, True), (False, False, False)]  # archived, active, waiting
    platform.db.dispose()
