"""The candidature window's staff parts on a real database: the history of avis (who entered, who validated),
« Dupliquer la dernière décision », the bloc-notes (read by who sees the candidature, written by who reviews it,
one's own notes deleted), and tags put on candidatures — on a selection or one candidature — only those in
service of its centre or the institution's; every write checked in the service and journaled."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.review import Decision
from ecandidat_ui.services.rights import Actor, Role
from models import CandidatureNote, CandidatureTag, JournalEntry
from tests.review_world import World, review_world
from tests.unit.test_candidature_review import admin as admin  # the fixture
from tests.unit.test_candidature_review import member, profile_member
from tests.unit.test_decision_setup import motivation_id, type_id
from tests.unit.test_migrations import NOW, at_revision


@pytest.fixture
def world(platform: Platform) -> World:
    return review_world(platform)


def journal(platform: Platform, action: str) -> list[JournalEntry]:
    with platform.db.session() as session:
        return sorted(session.exec(select(JournalEntry).where(JournalEntry.action == action)), key=lambda e: e.id)


def masters_member(platform: Platform, admin: Actor, world: World, mail: str = "m@example.org", **scope) -> Actor:
    return member(
        platform, admin, mail, Role.COMMISSION_MEMBER, commission_id=world.commissions["SCI-MASTERS"], **scope
    )


def test_every_avis_is_kept_with_who_entered_and_who_validated_it(platform: Platform, admin: Actor, world: World):
    marie = world.candidatures["marie"]
    masters = masters_member(platform, admin, world)
    president = masters_member(platform, admin, world, "p@example.org", president=True)
    review = platform.review
    assert review.avis_history(masters, marie) == []
    unfavourable = {
        "decision_type_id": type_id(platform, "DEFAVORABLE"),
        "motivation_id": motivation_id(platform, "CAPACITE_ATTEINTE"),
        "comment": "Trop juste",
    }
    review.enter_avis(masters, [marie], unfavourable)
    review.enter_avis(admin, [marie], {"decision_type_id": type_id(platform, "LISTE_COMP"), "rank": "2"})
    review.validate_avis(president, [marie])
    latest, first = review.avis_history(masters, marie)
    assert (latest.decision, latest.rank, latest.entered_by, latest.validated_by) == (
        Decision.COMPLEMENTARY_LIST,
        2,
        "Anne DUPONT",
        "Bruno MARTIN",
    )
    assert latest.validated_at is not None and latest.validated_at >= latest.entered_at
    assert (first.decision, first.motivation, first.comment, first.entered_by) == (
        Decision.UNFAVORABLE,
        "Capacité d'accueil atteinte",
        "Trop juste",
        "Bruno MARTIN",
    )
    assert first.validated_at is None and first.validated_by == ""
    # the candidature keeps its last avis, as the table shows it
    assert platform.candidature_table.candidature(admin, marie).view.candidature.decision_rank == 2
    # an avis given by the platform itself (no staff member) is kept too, validated by nobody
    lucie = world.candidatures["lucie"]
    review.record_decision(lucie, Decision.FAVORABLE)
    review.validate_decision(lucie)
    [entry] = review.avis_history(admin, lucie)
    assert (entry.decision, entry.entered_by, entry.validated_by) == (Decision.FAVORABLE, "", "")
    assert entry.validated_at is not None
    # who may not see the candidature does not read its history
    elsewhere = member(platform, admin, "o@example.org", Role.CENTRE_MANAGER, centre_id=world.centres["LSH"])
    with pytest.raises(Refused):
        review.avis_history(elsewhere, marie)


def test_the_last_decision_is_duplicated_through_the_avis_entry_and_its_rights(
    platform: Platform, admin: Actor, world: World
):
    marie = world.candidatures["marie"]
    review = platform.review
    masters = masters_member(platform, admin, world)
    with pytest.raises(Refused) as nothing:
        review.duplicate_avis(masters, marie)
    assert nothing.value.message == messages.AVIS_NOTHING_TO_DUPLICATE
    unfavourable = {
        "decision_type_id": type_id(platform, "DEFAVORABLE"),
        "motivation_id": motivation_id(platform, "CAPACITE_ATTEINTE"),
        "comment": "Trop juste",
    }
    review.enter_avis(admin, [marie], unfavourable)
    assert review.duplicate_avis(masters, marie).changed == [marie]
    again, first = review.avis_history(admin, marie)
    assert (again.decision_type, again.motivation, again.comment, again.entered_by) == (
        first.decision_type,
        first.motivation,
        "Trop juste",
        "Bruno MARTIN",
    )
    assert [line.staff_id for line in journal(platform, "candidature.avis")] == [admin.id, masters.id]
    reader = member(platform, admin, "r@example.org", Role.READ_ONLY)
    with pytest.raises(Refused):
        review.duplicate_avis(reader, marie)
    review.validate_avis(admin, [marie])
    with pytest.raises(Refused) as validated:
        review.duplicate_avis(masters, marie)
    assert validated.value.message == messages.AVIS_ALREADY_VALIDATED
    assert len(review.avis_history(admin, marie)) == 2


def test_the_bloc_notes_is_read_by_who_sees_the_candidature_and_written_by_who_reviews_it(
    platform: Platform, admin: Actor, world: World
):
    marie = world.candidatures["marie"]
    notes = platform.notes
    masters = masters_member(platform, admin, world)
    first = notes.add(masters, marie, "  Dossier solide.\r\nÀ revoir en séance.  ")
    second = notes.add(admin, marie, "Appeler la candidate")
    listed = notes.notes(masters, marie)
    assert [(line.id, line.author, line.mine) for line in listed] == [
        (second, "Anne DUPONT", False),
        (first, "Bruno MARTIN", True),
    ]
    assert listed[1].text == "Dossier solide.\nÀ revoir en séance."
    with pytest.raises(InvalidInput) as empty:
        notes.add(masters, marie, "  \n ")
    assert empty.value.errors == {"text": messages.NOTES_REQUIRED}
    with pytest.raises(InvalidInput) as long:
        notes.add(masters, marie, "x" * 2001)
    assert long.value.errors == {"text": messages.NOTES_TOO_LONG.format(max=2000)}
    # read-only staff read the notes but write none; another centre's manager reads none
    reader = member(platform, admin, "r@example.org", Role.READ_ONLY)
    assert len(notes.notes(reader, marie)) == 2
    with pytest.raises(Refused):
        notes.add(reader, marie, "Note")
    elsewhere = member(platform, admin, "o@example.org", Role.CENTRE_MANAGER, centre_id=world.centres["LSH"])
    with pytest.raises(Refused):
        notes.notes(elsewhere, marie)
    with pytest.raises(Refused):
        notes.add(elsewhere, marie, "Note")
    # one deletes one's own notes only
    with pytest.raises(Refused) as not_mine:
        notes.delete(masters, second)
    assert not_mine.value.message == messages.NOTES_NOT_YOURS
    notes.delete(masters, first)
    assert [line.id for line in notes.notes(admin, marie)] == [second]
    with pytest.raises(Refused):
        notes.delete(masters, first)
    added = journal(platform, "candidature.note")
    assert [(line.staff_id, line.object_id, line.after["text"]) for line in added] == [
        (masters.id, str(marie), "Dossier solide.\nÀ revoir en séance."),
        (admin.id, str(marie), "Appeler la candidate"),
    ]
    [deleted] = journal(platform, "candidature.note_delete")
    assert (deleted.staff_id, deleted.before["note"]) == (masters.id, first)
    with platform.db.session() as session:
        assert len(session.exec(select(CandidatureNote)).all()) == 1


def tags_on(platform: Platform, candidature_id: int) -> set[int]:
    with platform.db.session() as session:
        return set(
            session.exec(select(CandidatureTag.tag_id).where(CandidatureTag.candidature_id == candidature_id)).all()
        )


def test_tags_are_put_on_a_selection_only_of_their_centre_or_the_institution(
    platform: Platform, admin: Actor, world: World
):
    c = world.candidatures
    tags = platform.tags
    science = tags.create(admin, {"label": "Boursier", "colour": "vert", "centre_id": world.centres["SCI"]})
    everywhere = tags.create(admin, {"label": "Alternance", "colour": "bleu", "centre_id": None})
    letters = tags.create(admin, {"label": "Lettres", "colour": "rose", "centre_id": world.centres["LSH"]})
    retired = tags.create(admin, {"label": "Ancien", "colour": "gris", "centre_id": None, "active": False})
    review = platform.review
    assert review.tag_choices(admin, [c["marie"], c["jeanne"]]) == {everywhere.id: "Alternance", science.id: "Boursier"}
    assert review.tag_choices(admin, [c["marie"], c["hugo"]]) == {
        everywhere.id: "Alternance (Tous les centres)",
        science.id: "Boursier (UFR Sciences)",
        letters.id: "Lettres (UFR Lettres)",
    }
    twin = tags.create(admin, {"label": "alternance", "colour": "vert", "centre_id": world.centres["SCI"]})
    assert review.tag_choices(admin, [c["marie"]]) == {
        everywhere.id: "Alternance (Tous les centres)",
        twin.id: "alternance (UFR Sciences)",
        science.id: "Boursier",
    }
    tags.delete(admin, twin.id)
    with pytest.raises(InvalidInput) as nothing:
        review.change_tags(admin, [c["marie"]], [], [])
    assert nothing.value.errors == {"add": messages.TAGS_NOTHING_CHOSEN}
    with pytest.raises(InvalidInput) as out:
        review.change_tags(admin, [c["marie"]], [retired.id], [])
    assert out.value.errors == {"add": messages.TAGS_UNKNOWN}
    with pytest.raises(InvalidInput) as both:
        review.change_tags(admin, [c["marie"]], [science.id], [science.id])
    assert both.value.errors == {"remove": messages.TAGS_BOTH}

    result = review.change_tags(admin, [c["marie"], c["jeanne"], c["hugo"]], [science.id, everywhere.id], [])
    assert result.changed == [c["marie"], c["jeanne"]]
    assert [(row.id, row.reason) for row in result.refused] == [
        (c["hugo"], messages.TAGS_OTHER_CENTRE.format(tags="Boursier"))
    ]
    assert tags_on(platform, c["marie"]) == {science.id, everywhere.id} and tags_on(platform, c["hugo"]) == set()
    assert review.change_tags(admin, [c["hugo"]], [everywhere.id, letters.id], []).changed == [c["hugo"]]
    # removed (adding one already on changes nothing else)
    assert review.change_tags(admin, [c["marie"]], [everywhere.id], [science.id]).changed == [c["marie"]]
    assert tags_on(platform, c["marie"]) == {everywhere.id}
    lines = journal(platform, "candidature.tags")
    assert (lines[-1].before, lines[-1].after) == ({"tags": ["Alternance", "Boursier"]}, {"tags": ["Alternance"]})
    assert len(lines) == 4

    # rights: a member of the masters tags their candidatures only; read-only staff none
    masters = masters_member(platform, admin, world)
    result = review.change_tags(masters, [c["marie"], c["jeanne"]], [science.id], [])
    assert result.changed == [c["marie"]]
    assert result.refused[0].reason == messages.RIGHT_REFUSED_COMMISSION.format(
        action="attribuer des tags aux candidatures"
    )
    reader = member(platform, admin, "r@example.org", Role.READ_ONLY)
    assert review.change_tags(reader, [c["marie"]], [], [science.id]).changed == []
    assert science.id in tags_on(platform, c["marie"])


def test_the_window_sets_the_tags_of_its_candidature(platform: Platform, admin: Actor, world: World):
    marie = world.candidatures["marie"]
    tags = platform.tags
    science = tags.create(admin, {"label": "Boursier", "colour": "vert", "centre_id": world.centres["SCI"]})
    everywhere = tags.create(admin, {"label": "Alternance", "colour": "bleu", "centre_id": None})
    letters = tags.create(admin, {"label": "Lettres", "colour": "rose", "centre_id": world.centres["LSH"]})
    review = platform.review
    masters = masters_member(platform, admin, world)
    review.set_tags(masters, marie, [str(science.id), everywhere.id])
    state = review.candidature_tags(masters, marie)
    assert state.on == [(everywhere.id, "Alternance", "bleu"), (science.id, "Boursier", "vert")]
    assert state.choices == {everywhere.id: "Alternance", science.id: "Boursier"}
    with pytest.raises(Refused) as other:  # checked on the server, whatever the page offered
        review.set_tags(masters, marie, [science.id, everywhere.id, letters.id])
    assert other.value.message == messages.TAGS_OTHER_CENTRE.format(tags="Lettres")
    # a tag put out of service stays on until removed, and is still offered for this candidature
    tags.update(
        admin, science.id, {"label": "Boursier", "colour": "vert", "centre_id": world.centres["SCI"], "active": False}
    )
    assert review.candidature_tags(masters, marie).choices == {everywhere.id: "Alternance", science.id: "Boursier"}
    review.set_tags(masters, marie, [everywhere.id])
    assert tags_on(platform, marie) == {everywhere.id}
    review.set_tags(masters, marie, [everywhere.id])  # nothing changed: nothing journaled
    assert len(journal(platform, "candidature.tags")) == 2
    reader = member(platform, admin, "r@example.org", Role.READ_ONLY)
    with pytest.raises(Refused):
        review.set_tags(reader, marie, [])


# profile (tests/unit/test_candidature_review.py RIGHTS): the bloc-notes read, written, and tags put — on Marie
# (SCI-MASTERS), Jeanne (SCI-LICENCES), Hugo (LSH)
Y, N = True, False
NOTES_AND_TAGS = {
    "admin": ((Y, Y, Y), (Y, Y, Y)),
    "scolarite": ((Y, Y, Y), (Y, Y, Y)),
    "gestionnaire": ((Y, Y, N), (Y, Y, N)),
    "gestionnaire_lecture": ((Y, Y, N), (N, N, N)),
    "gestionnaire_limite": ((Y, N, N), (Y, N, N)),
    "membre": ((Y, N, N), (Y, N, N)),
    "president": ((Y, N, N), (Y, N, N)),
    "lecture": ((Y, Y, Y), (N, N, N)),
    "gestionnaire_autre_centre": ((N, N, Y), (N, N, Y)),
}


@pytest.mark.parametrize("profile", list(NOTES_AND_TAGS))
def test_the_rights_of_each_profile_over_the_bloc_notes_and_the_tags(
    platform: Platform, admin: Actor, world: World, profile: str
):
    read, written = NOTES_AND_TAGS[profile]
    someone = profile_member(platform, admin, world, profile)
    rows = [world.candidatures[name] for name in ("marie", "jeanne", "hugo")]
    everywhere = platform.tags.create(admin, {"label": "Alternance", "colour": "bleu", "centre_id": None})
    for row, may_read, may_write in zip(rows, read, written, strict=True):
        platform.notes.add(admin, row, "Note de l'administrateur")
        if may_read:
            assert len(platform.notes.notes(someone, row)) == 1 and platform.review.avis_history(someone, row) == []
        else:
            with pytest.raises(Refused):
                platform.notes.notes(someone, row)
            with pytest.raises(Refused):
                platform.review.avis_history(someone, row)
        if may_write:
            platform.notes.add(someone, row, "Vu")
        else:
            with pytest.raises(Refused):
                platform.notes.add(someone, row, "Vu")
    result = platform.review.change_tags(someone, rows, [everywhere.id], [])
    assert result.changed == [row for row, allowed in zip(rows, written, strict=True) if allowed], profile


def test_the_avis_already_given_begin_the_history_when_the_database_upgrades(empty_database_url: str):
    db = Database(empty_database_url)
    with at_revision(db, empty_database_url, "b3e1c7a4d925") as connection:
        for statement in (
            "INSERT INTO centre (id, code, label) VALUES (1, 'SCI', 'UFR Sciences')",
            "INSERT INTO formation (id, code, label, centre_id, diploma_type, keywords, url, opens_on, closes_on, "
            "paperless) VALUES (1, 'L1', 'Licence', 1, '', '', '', '2027-03-01', '2027-04-30', true)",
            "INSERT INTO campaign (id, code, label, starts_on, ends_on, candidates_end_on, is_active) VALUES "
            "(1, '2026', 'Campagne 2026', '2026-09-01', '2027-08-31', '2027-08-31', true)",
            f"INSERT INTO account (id, login, last_name, first_name, mail, mail_key, created_at, mail_confirmed) "
            f"VALUES (1, 'AB12CD34', 'DURAND', 'Marie', 'm@example.org', 'm@example.org', '{NOW}', true), "
            f"(2, 'EF56GH78', 'MOREAU', 'Paul', 'p@example.org', 'p@example.org', '{NOW}', true)",
            f"INSERT INTO candidature (id, account_id, formation_id, campaign_id, created_at, status, decision, "
            f"decision_rank, decision_comment, decision_validated_at, withdrawal_reason, version) VALUES "
            f"(1, 1, 1, 1, '{NOW}', 'Complet', 'Liste complémentaire', 3, 'Bien', '2027-01-11 09:00:00', '', 1), "
            f"(2, 2, 1, 1, '{NOW}', 'Complet', '', NULL, '', NULL, '', 1)",
        ):
            connection.execute(text(statement))
    db.upgrade()
    with db.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT candidature_id, decision, rank, comment, entered_by, validated_by FROM avisentry")
        ).all()
    assert [tuple(row) for row in rows] == [(1, "Liste complémentaire", 3, "Bien", None, None)]
    db.dispose()


def test_the_demo_candidatures_with_an_avis_have_its_history(platform: Platform):
    from ecandidat_ui.lifecycle import prepare
    from models import AvisEntry, Candidature

    prepare(platform, demo=True)
    with platform.db.session() as session:
        given = session.exec(select(Candidature).where(Candidature.decision != "")).all()
        entries = {entry.candidature_id: entry for entry in session.exec(select(AvisEntry))}
    assert given and {candidature.id for candidature in given} == set(entries)
    for candidature in given:
        entry = entries[candidature.id]
        assert (entry.decision, entry.rank, entry.validated_at is None) == (
            candidature.decision,
            candidature.decision_rank,
            candidature.decision_validated_at is None,
        )
