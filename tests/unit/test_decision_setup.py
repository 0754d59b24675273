"""Types de décision, motivations d'avis and tags set up by staff, on a real database (SQLite, and PostgreSQL when
set): the seeded defaults, the French message at each bad field, rights, the journal, what cannot be deleted —
and a recorded decision of a type sending that type's mail once validated."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.offer_import import apply_offer
from ecandidat_ui.services.paging import TableQuery
from ecandidat_ui.services.review import Decision
from ecandidat_ui.services.rights import Actor
from models import AvisKind, Candidature, CandidatureTag, Centre, DecisionType, JournalEntry, Motivation, Tag
from tests.mailbox import Mailbox
from tests.sessions import actor
from tests.unit.test_candidatures import TODAY, formation_id, offer, ready_candidate


def journal(platform: Platform, action: str) -> list[JournalEntry]:
    with platform.db.session() as session:
        return list(session.exec(select(JournalEntry).where(JournalEntry.action == action).order_by(JournalEntry.id)))


def type_id(platform: Platform, code: str) -> int:
    with platform.db.session() as session:
        return session.exec(select(DecisionType.id).where(DecisionType.code == code)).one()


def motivation_id(platform: Platform, code: str) -> int:
    with platform.db.session() as session:
        return session.exec(select(Motivation.id).where(Motivation.code == code)).one()


@pytest.fixture
def candidatures(platform: Platform) -> tuple[int, int]:
    apply_offer(platform.db, offer(TODAY - timedelta(days=10), TODAY + timedelta(days=10)))
    first = ready_candidate(platform)
    second = ready_candidate(platform, "second@example.org")
    first_id, second_id = (
        platform.candidatures.apply(actor(platform, account), formation_id(platform), TODAY).id
        for account in (first, second)
    )
    return first_id, second_id


def mails_to(platform: Platform, mailbox: Mailbox, address: str):
    platform.mail_sender.send_due()
    return mailbox.for_address(address)


# --- types de décision ---------------------------------------------------------------------------------------


def test_one_type_per_avis_is_seeded_with_its_own_mail(platform: Platform, staff_actors: dict[str, Actor]):
    page = platform.decision_types.page(staff_actors["admin"], TableQuery(sort_by="code"))
    assert [(row["code"], row["avis"], row["mail"]) for row in page.rows] == [
        ("DEFAVORABLE", "Défavorable", "Avis défavorable"),
        ("FAVORABLE", "Favorable", "Avis favorable"),
        ("LISTE_ATTENTE", "Liste d'attente", "Liste d'attente"),
        ("LISTE_COMP", "Liste complémentaire", "Liste complémentaire"),
        ("PRESELECTION", "Présélection", "Présélection"),
    ]
    assert {row["active"] for row in page.rows} == {"En service"}
    assert {kind for _, _, kind in platform.decision_types.options()} == set(AvisKind)
    searched = platform.decision_types.page(staff_actors["admin"], TableQuery(search="complementaire"))
    assert [row["code"] for row in searched.rows] == ["LISTE_COMP"]


def test_a_type_is_created_and_changed_with_french_messages_at_the_fields(
    platform: Platform, staff_actors: dict[str, Actor]
):
    scolarite = staff_actors["scolarite"]
    with pytest.raises(InvalidInput) as bad:
        platform.decision_types.create(
            scolarite, {"code": "fav ok!", "label": "", "avis": "XX", "mail_code": "account_created"}
        )
    assert bad.value.errors == {
        "code": messages.SETUP_BAD_CODE,
        "label": messages.REQUIRED,
        "avis": messages.UNKNOWN_VALUE,
        "mail_code": messages.UNKNOWN_VALUE,  # an account mail is no decision mail
    }
    with pytest.raises(InvalidInput) as taken:
        platform.decision_types.create(
            scolarite, {"code": "favorable", "label": "Admis", "avis": "FA", "mail_code": "avis_favorable"}
        )
    assert taken.value.errors == {"code": messages.SETUP_CODE_TAKEN}

    created = platform.decision_types.create(
        scolarite,
        {"code": "fav-sous-reserve", "label": "Favorable sous réserve", "avis": "FA", "mail_code": "avis_favorable"},
    )
    assert (created.code, created.active, created.final, created.show_comment) == (
        "FAV-SOUS-RESERVE",
        True,
        False,
        True,
    )
    values = {**created.model_dump(), "show_comment": False, "final": True}
    platform.decision_types.update(scolarite, created.id, values)
    [line] = journal(platform, "decisiontype.update")
    assert (line.before["show_comment"], line.after["show_comment"], line.after["final"]) == (True, False, True)
    assert line.staff_id == scolarite.id and line.object_label == "Favorable sous réserve"
    assert journal(platform, "decisiontype.create")[0].after["code"] == "FAV-SOUS-RESERVE"


@pytest.mark.parametrize("who", ["gestionnaire", "lecture"])
def test_only_who_sets_up_the_whole_institution_may_touch_types_and_motivations(
    platform: Platform, staff_actors: dict[str, Actor], who: str
):
    someone = staff_actors[who]
    values = {"code": "X", "label": "X", "avis": "FA", "mail_code": "avis_favorable"}
    for call in (
        lambda: platform.decision_types.page(someone, TableQuery()),
        lambda: platform.decision_types.create(someone, values),
        lambda: platform.decision_types.delete(someone, type_id(platform, "PRESELECTION")),
        lambda: platform.motivations.page(someone, TableQuery()),
        lambda: platform.motivations.create(someone, {"code": "X", "label": "X"}),
    ):
        with pytest.raises(Refused) as refused:
            call()
        assert refused.value.message.startswith("Vous n'avez pas le droit de modifier les")
    assert journal(platform, "decisiontype.create") == journal(platform, "decisiontype.delete") == []


def test_a_type_used_by_an_avis_is_put_out_of_service_not_deleted(
    platform: Platform, staff_actors: dict[str, Actor], candidatures
):
    admin = staff_actors["admin"]
    waiting = type_id(platform, "LISTE_ATTENTE")
    platform.review.record_decision(candidatures[0], decision_type_id=waiting)
    with pytest.raises(Refused) as refused:
        platform.decision_types.delete(admin, waiting)
    assert refused.value.message == messages.DECISION_TYPE_IN_USE.format(count=1)
    row = platform.decision_types.get(admin, waiting)
    platform.decision_types.update(admin, waiting, {**row.model_dump(), "active": False})
    with pytest.raises(Refused) as out:
        platform.review.record_decision(candidatures[1], decision_type_id=waiting)
    assert out.value.message == messages.DECISION_TYPE_OUT_OF_SERVICE
    assert [code for _, code, _ in platform.decision_types.options()].count("Liste d'attente") == 0

    preselection = type_id(platform, "PRESELECTION")
    platform.decision_types.delete(admin, preselection)
    [line] = journal(platform, "decisiontype.delete")
    assert line.before["code"] == "PRESELECTION"
    with pytest.raises(Refused) as gone:
        platform.decision_types.get(admin, preselection)
    assert gone.value.message == messages.DECISION_TYPE_UNKNOWN


# --- motivations d'avis ----------------------------------------------------------------------------------------


def test_motivations_are_seeded_edited_and_kept_while_used(
    platform: Platform, staff_actors: dict[str, Actor], candidatures
):
    admin = staff_actors["admin"]
    labels = [row["label"] for row in platform.motivations.page(admin, TableQuery(sort_by="label")).rows]
    assert {"Dossier insuffisant", "Capacité d'accueil atteinte", "Prérequis non satisfaits"} <= set(labels)
    with pytest.raises(InvalidInput) as bad:
        platform.motivations.create(admin, {"code": "", "label": "x" * 201})
    assert bad.value.errors == {"code": messages.REQUIRED, "label": messages.TOO_LONG.format(max=200)}
    niveau = platform.motivations.create(admin, {"code": "niveau", "label": "Niveau de langue insuffisant"})
    platform.review.record_decision(
        candidatures[0], decision_type_id=type_id(platform, "DEFAVORABLE"), motivation_id=niveau.id
    )
    with pytest.raises(Refused) as refused:
        platform.motivations.delete(admin, niveau.id)
    assert refused.value.message == messages.MOTIVATION_IN_USE.format(count=1)
    unused = motivation_id(platform, "PROJET_INADAPTE")
    platform.motivations.delete(admin, unused)
    assert [line.before["code"] for line in journal(platform, "motivation.delete")] == ["PROJET_INADAPTE"]


# --- the decision of a type, and its mail -----------------------------------------------------------------------


def test_an_unfavourable_avis_of_a_type_needs_its_motivation_and_mails_it(
    platform: Platform, candidatures, mailbox: Mailbox
):
    unfavourable = type_id(platform, "DEFAVORABLE")
    with pytest.raises(Refused) as refused:
        platform.review.record_decision(candidatures[0], decision_type_id=unfavourable, comment="Trop juste")
    assert refused.value.message == messages.MOTIVATION_REQUIRED
    platform.review.record_decision(
        candidatures[0],
        decision_type_id=unfavourable,
        motivation_id=motivation_id(platform, "CAPACITE_ATTEINTE"),
        comment="Trop juste",
    )
    platform.review.validate_decision(candidatures[0])
    with platform.db.session() as session:
        candidature = session.get(Candidature, candidatures[0])
        assert (candidature.decision, candidature.decision_type_id) == (Decision.UNFAVORABLE, unfavourable)
    [decided] = [m for m in mails_to(platform, mailbox, "marie@example.org") if m.subject.startswith("Décision")]
    assert "avis défavorable" in decided.text
    assert "Motif : Capacité d'accueil atteinte" in decided.text and "Trop juste" in decided.text


def test_the_mail_and_comment_are_those_of_the_type(
    platform: Platform, staff_actors: dict[str, Actor], candidatures, mailbox: Mailbox
):
    admin = staff_actors["admin"]
    quiet = platform.decision_types.create(
        admin,
        {
            "code": "LC-SANS-COMMENTAIRE",
            "label": "Liste complémentaire (sans commentaire)",
            "avis": "LC",
            "mail_code": "avis_liste_complementaire",
            "show_comment": False,
        },
    )
    platform.mail_texts.update(
        admin,
        "avis_liste_complementaire",
        "Liste complémentaire : {formation}",
        "Bonjour {prenom},\nvous êtes au rang {rang}.\n{detail}{lien}",
    )
    with pytest.raises(Refused) as refused:
        platform.review.record_decision(candidatures[0], decision_type_id=quiet.id, comment="Note interne")
    assert refused.value.message == messages.RANK_REQUIRED
    platform.review.record_decision(candidatures[0], decision_type_id=quiet.id, rank=4, comment="Note interne")
    platform.review.validate_decision(candidatures[0])
    [decided] = [m for m in mails_to(platform, mailbox, "marie@example.org") if m.subject.startswith("Liste")]
    assert decided.subject == "Liste complémentaire : Master Informatique"
    assert "vous êtes au rang 4." in decided.text and "Note interne" not in decided.text
    with platform.db.session() as session:
        account_id = session.get(Candidature, candidatures[0]).account_id
    view = platform.candidatures.view(account_id, candidatures[0])  # nor on the candidate's page and letters
    assert (view.decision, view.decision_comment) == ("Liste complémentaire (rang 4)", "")


def test_an_avis_given_without_a_type_takes_the_first_in_service_of_its_kind(
    platform: Platform, staff_actors: dict[str, Actor], candidatures, mailbox: Mailbox
):
    platform.review.record_decision(candidatures[0], Decision.FAVORABLE, comment="Bienvenue")
    platform.review.validate_decision(candidatures[0])
    with platform.db.session() as session:
        assert session.get(Candidature, candidatures[0]).decision_type_id == type_id(platform, "FAVORABLE")
    [decided] = [m for m in mails_to(platform, mailbox, "marie@example.org") if m.subject.startswith("Décision")]
    assert "avis favorable" in decided.text and "Bienvenue" in decided.text
    # no type in service for an avis: it is still recorded, with the former single decision mail
    admin = staff_actors["admin"]
    preselection = platform.decision_types.get(admin, type_id(platform, "PRESELECTION"))
    platform.decision_types.update(admin, preselection.id, {**preselection.model_dump(), "active": False})
    platform.review.record_decision(candidatures[1], Decision.PRESELECTION)
    platform.review.validate_decision(candidatures[1])
    [other] = [m for m in mails_to(platform, mailbox, "second@example.org") if m.subject.startswith("Décision")]
    assert "La commission a rendu sa décision" in other.text and "Présélection" in other.text


# --- tags ------------------------------------------------------------------------------------------------------


def centre_id(platform: Platform, code: str = "SCI") -> int:
    with platform.db.session() as session:
        return session.exec(select(Centre.id).where(Centre.code == code)).one()


def test_tags_of_a_centre_and_of_the_institution(platform: Platform, staff_actors: dict[str, Actor]):
    admin, manager = staff_actors["admin"], staff_actors["gestionnaire"]
    with platform.db.session() as session:
        session.add(Centre(code="LSH", label="UFR Lettres"))
    sci, lsh = centre_id(platform), centre_id(platform, "LSH")
    everywhere = platform.tags.create(admin, {"label": "Boursier", "colour": "vert", "centre_id": None})
    platform.tags.create(admin, {"label": "Lettres", "colour": "rose", "centre_id": lsh})
    mine = platform.tags.create(manager, {"label": "Relancé", "colour": "orange", "centre_id": sci})
    assert mine.centre_id == sci and journal(platform, "tag.create")[-1].staff_id == manager.id

    rows = platform.tags.page(manager, TableQuery(sort_by="label")).rows
    assert [(row["label"], row["centre"], row["colour"]) for row in rows] == [
        ("Boursier", "Tous les centres", "Vert"),
        ("Relancé", "UFR Sciences", "Orange"),
    ]
    assert platform.tags.centre_options(manager) == {sci: "UFR Sciences"}
    assert platform.tags.centre_options(admin) == {None: "Tous les centres", lsh: "UFR Lettres", sci: "UFR Sciences"}
    for values in (
        {"label": "X", "colour": "bleu", "centre_id": None},
        {"label": "X", "colour": "bleu", "centre_id": lsh},
    ):
        with pytest.raises(Refused):
            platform.tags.create(manager, values)
    with pytest.raises(Refused):
        platform.tags.update(manager, everywhere.id, {"label": "Boursière", "colour": "vert", "centre_id": None})
    with pytest.raises(Refused):
        platform.tags.update(manager, mine.id, {"label": "Relancé", "colour": "orange", "centre_id": lsh})
    with pytest.raises(Refused):
        platform.tags.page(staff_actors["lecture"], TableQuery())


def test_a_tag_takes_a_colour_of_the_palette_and_a_label_unique_where_it_is(
    platform: Platform, staff_actors: dict[str, Actor]
):
    admin = staff_actors["admin"]
    with pytest.raises(InvalidInput) as bad:
        platform.tags.create(admin, {"label": " ", "colour": "#ff0000; background:url(x)", "centre_id": "abc"})
    assert bad.value.errors == {
        "label": messages.REQUIRED,
        "colour": messages.UNKNOWN_VALUE,
        "centre_id": messages.UNKNOWN_VALUE,
    }
    platform.tags.create(admin, {"label": "Prioritaire", "colour": "rouge", "centre_id": None})
    with pytest.raises(InvalidInput) as taken:
        platform.tags.create(admin, {"label": "prioritaire", "colour": "bleu", "centre_id": None})
    assert taken.value.errors == {"label": messages.TAG_LABEL_TAKEN}
    in_centre = platform.tags.create(
        admin, {"label": "Prioritaire", "colour": "bleu", "centre_id": centre_id(platform)}
    )
    assert in_centre.colour == "bleu"  # the same label may live in a centre


def test_deleting_a_tag_on_candidatures_needs_their_count_confirmed_and_removes_it_from_them(
    platform: Platform, staff_actors: dict[str, Actor], candidatures
):
    admin = staff_actors["admin"]
    tag = platform.tags.create(admin, {"label": "Dossier à revoir", "colour": "jaune", "centre_id": None})
    with platform.db.session() as session:
        session.add_all([CandidatureTag(candidature_id=c, tag_id=tag.id) for c in candidatures])
    assert platform.tags.uses(admin, tag.id) == 2
    assert platform.tags.page(admin, TableQuery()).rows[0]["uses"] == 2
    with pytest.raises(Refused) as refused:
        platform.tags.delete(admin, tag.id)
    assert refused.value.message == messages.TAG_IN_USE.format(count=2)
    with pytest.raises(Refused):
        platform.tags.delete(admin, tag.id, confirmed_uses=1)  # put on one more since the question was asked
    assert platform.tags.delete(admin, tag.id, confirmed_uses=2) == 2
    with platform.db.session() as session:
        assert session.exec(select(CandidatureTag)).all() == [] and session.exec(select(Tag)).all() == []
    [line] = journal(platform, "tag.delete")
    assert line.before["candidatures"] == sorted(candidatures) and line.before["label"] == "Dossier à revoir"


def test_an_empty_centre_is_deleted_with_its_tags(platform: Platform, staff_actors: dict[str, Actor]):
    admin = staff_actors["admin"]
    centre = platform.centres.create(admin, {"code": "VIDE", "label": "Centre vide"})
    platform.tags.create(admin, {"label": "Provisoire", "colour": "gris", "centre_id": centre.id})
    platform.centres.delete(admin, centre.id)
    with platform.db.session() as session:
        assert session.exec(select(Tag).where(Tag.label == "Provisoire")).all() == []
