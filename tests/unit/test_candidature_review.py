"""The gestion's « Candidatures » on a real database: where each staff member may look, the table's rows, counts,
search, sort and filters in SQL, the candidature window's reading, the files served to staff only, and the
review of pièces (rights checked in the service, journaled, a refusal mailed and handing the file back)."""

from __future__ import annotations

import pytest
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import rights
from ecandidat_ui.services.candidature_table import NOT_TRANSMITTED
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.paging import TableQuery
from ecandidat_ui.services.review import Decision
from ecandidat_ui.services.rights import Actor, Role
from models import FileStatus, JournalEntry, UploadedFile
from tests.mailbox import Mailbox
from tests.review_world import World, review_world
from tests.sessions import actor as candidate_session


def actor_of(platform: Platform, member_id: int) -> Actor:
    with platform.db.session() as session:
        return rights.load_actor(session, member_id)


@pytest.fixture
def admin(platform: Platform) -> Actor:
    return actor_of(platform, platform.staff.bootstrap_admin("anne.dupont@example.org", "Dupont", "Anne").member.id)


@pytest.fixture
def world(platform: Platform) -> World:
    return review_world(platform)


def member(platform: Platform, admin: Actor, mail: str, role: Role | None, **scope) -> Actor:
    created = platform.staff.create_member(admin, mail, "Martin", "Bruno")
    if role is not None:
        platform.staff.grant(admin, created.member.id, role, **scope)
    return actor_of(platform, created.member.id)


def names(platform: Platform, actor: Actor, key: str, **query) -> list[str]:
    page = platform.candidature_table.page(actor, key, TableQuery(sort_by="last_name", **query))
    return [row["last_name"].title() for row in page.rows]


def test_each_member_chooses_among_their_commissions_and_managers_also_get_the_whole_centre(
    platform: Platform, admin: Actor, world: World
):
    table = platform.candidature_table
    masters = member(
        platform, admin, "m@example.org", Role.COMMISSION_MEMBER, commission_id=world.commissions["SCI-MASTERS"]
    )
    assert [scope.label for scope in table.scopes(masters)] == ["Commission SCI-MASTERS"]
    manager = member(platform, admin, "g@example.org", Role.CENTRE_MANAGER, centre_id=world.centres["SCI"])
    assert [scope.label for scope in table.scopes(manager)] == [
        "Commission SCI-LICENCES",
        "Commission SCI-MASTERS",
        messages.REVIEW_WHOLE_CENTRE.format(centre="UFR Sciences"),
    ]
    limited = member(
        platform,
        admin,
        "l@example.org",
        Role.CENTRE_MANAGER,
        centre_id=world.centres["SCI"],
        commission_ids=[world.commissions["SCI-LICENCES"]],
    )
    assert [scope.key for scope in table.scopes(limited)] == [f"commission-{world.commissions['SCI-LICENCES']}"]
    with pytest.raises(Refused):  # a limited manager has no « whole centre »
        table.page(limited, f"centre-{world.centres['SCI']}", TableQuery())
    everything = [scope.label for scope in table.scopes(admin)]
    assert everything[-2:] == [
        messages.REVIEW_WHOLE_CENTRE.format(centre="UFR Lettres"),
        messages.REVIEW_WHOLE_CENTRE.format(centre="UFR Sciences"),
    ]
    nobody = member(platform, admin, "n@example.org", None)
    with pytest.raises(Refused):
        table.scopes(nobody)


def test_a_member_sees_only_their_commissions_candidatures(platform: Platform, admin: Actor, world: World):
    masters_id = world.commissions["SCI-MASTERS"]
    masters = member(platform, admin, "m@example.org", Role.COMMISSION_MEMBER, commission_id=masters_id)
    assert names(platform, masters, f"commission-{masters_id}") == ["Baillon", "Durand", "Nguyen"]
    table = platform.candidature_table
    for key in (f"commission-{world.commissions['SCI-LICENCES']}", f"centre-{world.centres['SCI']}", "x-1", "centre"):
        with pytest.raises(Refused):
            table.page(masters, key, TableQuery())
    with pytest.raises(Refused):  # the window of another commission's candidature
        table.candidature(masters, world.candidatures["jeanne"])
    assert table.candidature(masters, world.candidatures["marie"]).account.last_name == "BAILLON"
    manager = member(platform, admin, "g@example.org", Role.CENTRE_MANAGER, centre_id=world.centres["SCI"])
    assert names(platform, manager, f"centre-{world.centres['SCI']}") == ["Baillon", "Durand", "Moreau", "Nguyen"]
    other = member(platform, admin, "o@example.org", Role.CENTRE_MANAGER, centre_id=world.centres["LSH"])
    with pytest.raises(Refused) as refused:
        table.page(other, f"centre-{world.centres['SCI']}", TableQuery())
    assert refused.value.message == messages.RIGHT_REFUSED_CENTRE.format(action="consulter les candidatures")
    with pytest.raises(Refused):
        table.candidature(other, world.candidatures["marie"])
    assert names(platform, other, f"centre-{world.centres['LSH']}") == ["Lefèvre"]


def test_rows_counts_filters_search_and_sort(platform: Platform, admin: Actor, world: World):
    table = platform.candidature_table
    key = f"centre-{world.centres['SCI']}"
    platform.review.set_status(world.candidatures["lucie"], FileStatus.COMPLETE)
    platform.review.record_decision(world.candidatures["lucie"], Decision.COMPLEMENTARY_LIST, rank=3, comment="Bien")
    assert table.counts(admin, key) == {
        NOT_TRANSMITTED: 1,
        "En attente": 2,
        "Réceptionné": 0,
        "Incomplet": 0,
        "Complet": 1,
        "Total": 4,
    }
    [lucie] = table.page(admin, key, TableQuery(filters={"status": "Complet"})).rows
    shown = ("login", "first_name", "formation_code", "status", "avis", "validated", "comment")
    assert {k: lucie[k] for k in shown} == {
        "login": world.accounts["lucie"].login,
        "first_name": "LUCIE",
        "formation_code": "M1-DATA",
        "status": "Complet",
        "avis": "Liste complémentaire (rang 3)",
        "validated": "Non",
        "comment": "Bien",
    }
    [paul] = table.page(admin, key, TableQuery(filters={"status": NOT_TRANSMITTED})).rows
    assert paul["last_name"] == "NGUYEN" and paul["transmitted"] == ""
    assert names(platform, admin, key, filters={"avis": "Sans avis"}) == ["Baillon", "Moreau", "Nguyen"]
    assert names(platform, admin, key, filters={"formation": world.formations["M1-DATA"]}) == ["Durand", "Nguyen"]
    assert names(platform, admin, key, search="lefevre") == []  # of the other centre
    assert names(platform, admin, key, search="moreau licence") == ["Moreau"]
    assert names(platform, admin, key, descending=True) == ["Nguyen", "Moreau", "Durand", "Baillon"]
    page = table.page(admin, key, TableQuery(sort_by="status"))
    assert [row["status"] for row in page.rows] == ["Complet", "En attente", "En attente", NOT_TRANSMITTED]
    assert table.formations(admin, key) == {
        world.formations["L1-INFO"]: "L1-INFO — Licence Informatique",
        world.formations["M1-DATA"]: "M1-DATA — Master Données",
        world.formations["M1-INFO"]: "M1-INFO — Master Informatique",
    }


def test_the_window_reads_the_whole_file_and_serves_its_pieces_to_staff_only(
    platform: Platform, admin: Actor, world: World
):
    table = platform.candidature_table
    marie = table.candidature(admin, world.candidatures["marie"])
    assert marie.may_review
    assert [p.piece.label for p in marie.view.pieces] == ["Pièce d'identité", "Curriculum vitae"]
    assert [(q.label, answer) for q, answer in marie.view.questions] == [
        ("Quel est votre projet professionnel ?", "Devenir développeuse")
    ]
    assert marie.file.personal.first_name.lower() == "marie" and marie.file.bac.year == 2019
    cv = next(p.file for p in marie.view.pieces if p.piece.code == "CV")
    assert table.file(admin, world.candidatures["marie"], cv.id).content_type == "image/png"
    lucie_file = next(p.file for p in table.candidature(admin, world.candidatures["lucie"]).view.pieces)
    with pytest.raises(Refused):  # a file of another candidature, through this one's address
        table.file(admin, world.candidatures["marie"], lucie_file.id)
    other = member(platform, admin, "o@example.org", Role.CENTRE_MANAGER, centre_id=world.centres["LSH"])
    with pytest.raises(Refused):
        table.file(other, world.candidatures["marie"], cv.id)
    for wrong in ("abc", -1, 10**9):
        with pytest.raises(Refused):
            table.file(admin, wrong, cv.id)
    reader = member(platform, admin, "r@example.org", Role.READ_ONLY)
    assert table.candidature(reader, world.candidatures["marie"]).may_review is False


def test_a_piece_is_validated_or_refused_by_who_may_journaled_and_a_refusal_hands_the_file_back(
    platform: Platform, admin: Actor, world: World, mailbox: Mailbox
):
    candidature_id = world.candidatures["marie"]
    masters = member(
        platform, admin, "m@example.org", Role.COMMISSION_MEMBER, commission_id=world.commissions["SCI-MASTERS"]
    )
    licences = member(
        platform, admin, "l@example.org", Role.COMMISSION_MEMBER, commission_id=world.commissions["SCI-LICENCES"]
    )
    reader = member(platform, admin, "r@example.org", Role.READ_ONLY)
    review = platform.review
    for refused_actor in (licences, reader):
        with pytest.raises(Refused):
            review.review_piece(refused_actor, candidature_id, world.pieces["CNI"], accepted=True)
    with pytest.raises(InvalidInput) as invalid:
        review.review_piece(masters, candidature_id, world.pieces["CV"], accepted=False, comment="  ")
    assert invalid.value.errors == {"comment": messages.REVIEW_PIECE_COMMENT_REQUIRED}
    with pytest.raises(Refused):  # not a pièce of this formation
        review.review_piece(masters, world.candidatures["lucie"], world.pieces["CV"], accepted=True)
    review.review_piece(masters, candidature_id, world.pieces["CNI"], accepted=True)
    review.review_piece(masters, candidature_id, world.pieces["CV"], accepted=False, comment="Le CV est illisible")
    view = platform.candidatures.view(world.accounts["marie"].id, candidature_id)
    assert [(p.status, p.review_comment) for p in view.pieces] == [
        ("Validée", ""),
        ("Refusée", "Le CV est illisible"),
    ]
    assert view.candidature.status == "Incomplet" and view.editable
    assert [e.text for e in view.history][:3] == [
        "Statut du dossier : Incomplet",
        "Pièce refusée : Curriculum vitae",
        "Pièce validée : Pièce d'identité",
    ]
    with platform.db.session() as session:
        entries = session.exec(
            select(JournalEntry).where(JournalEntry.action == "candidature.piece_review").order_by(JournalEntry.id)
        ).all()
    assert [(e.staff_id, e.object_id, e.after["review"]) for e in entries] == [
        (masters.id, str(candidature_id), "Validée"),
        (masters.id, str(candidature_id), "Refusée"),
    ]
    assert entries[1].before["status"] == "En attente" and entries[1].after["status"] == "Incomplet"
    platform.mail_sender.send_due()
    [mail] = mailbox.for_address("marie@example.org")[-1:]
    assert "Incomplet" in mail.subject and "Le CV est illisible" in mail.text
    # the candidate sends a new CV and transmits again: the new file waits for a review
    me = candidate_session(platform, world.accounts["marie"])
    platform.candidatures.send_piece(me, candidature_id, world.pieces["CV"], "cv.pdf", b"%PDF-1.4\n%%EOF\n")
    platform.candidatures.transmit(me, candidature_id, platform_today())
    view = platform.candidatures.view(world.accounts["marie"].id, candidature_id)
    assert [p.status for p in view.pieces] == ["Validée", "Transmise"]
    with platform.db.session() as session:
        assert len(session.exec(select(UploadedFile).where(UploadedFile.candidature_id == candidature_id)).all()) == 2


def test_a_piece_not_sent_has_nothing_to_review(platform: Platform, admin: Actor, world: World):
    with pytest.raises(Refused) as refused:
        platform.review.review_piece(admin, world.candidatures["paul"], world.pieces["CNI"], accepted=True)
    assert refused.value.message == messages.REVIEW_PIECE_NOT_SENT


def platform_today():
    from datetime import date

    return date.today()


def test_the_demo_gives_its_staff_candidatures_to_review_once(platform: Platform):
    from datetime import date

    from ecandidat_ui import demo_candidatures
    from ecandidat_ui.lifecycle import prepare
    from models import StaffMember

    prepare(platform, demo=True)
    assert demo_candidatures.seed(platform, date.today()) == 0  # once only
    with platform.db.session() as session:
        member_id = session.exec(
            select(StaffMember.id).where(StaffMember.mail_key == "commission.sci@example.org")
        ).one()
    david = actor_of(platform, member_id)
    table = platform.candidature_table
    [masters] = table.scopes(david)
    counts = table.counts(david, masters.key)
    assert counts["Total"] >= 10 and all(counts[status] for status in ("Non transmise", "En attente", "Complet"))
    page = table.page(david, masters.key, TableQuery(filters={"status": "Complet"}, rows_per_page=50))
    opened = table.candidature(david, page.rows[0]["id"])
    files = [piece.file for piece in opened.view.pieces if piece.file is not None]
    assert files and table.file(david, opened.view.candidature.id, files[0].id).content_type in {
        "application/pdf",
        "image/png",
    }
    assert any(answer for _, answer in opened.view.questions)
    assert {row["avis"] for row in page.rows} >= {"Favorable", "Défavorable"}


# The rights over the table and the pièces, profile by profile (the style of tests/unit/test_rights.py), on the
# world of tests/review_world.py: centre SCI (A) with SCI-MASTERS (A1, Marie) and SCI-LICENCES (A2, Jeanne),
# centre LSH (B) with LSH-LICENCES (B1, Hugo).
Y, N = True, False
# profile: (grant, scopes seen: A1, A2, whole A, B1, whole B), (pièces reviewed: Marie, Jeanne, Hugo)
RIGHTS = {
    "admin": ((Role.ADMIN, {}), (Y, Y, Y, Y, Y), (Y, Y, Y)),
    "scolarite": ((Role.SCOLARITE, {}), (Y, Y, Y, Y, Y), (Y, Y, Y)),
    "gestionnaire": ((Role.CENTRE_MANAGER, {"centre": "SCI"}), (Y, Y, Y, N, N), (Y, Y, N)),
    "gestionnaire_lecture": (
        (Role.CENTRE_MANAGER, {"centre": "SCI", "read_only": True}),
        (Y, Y, Y, N, N),
        (N, N, N),
    ),
    "gestionnaire_limite": (
        (Role.CENTRE_MANAGER, {"centre": "SCI", "limited_to": "SCI-MASTERS"}),
        (Y, N, N, N, N),
        (Y, N, N),
    ),
    "membre": ((Role.COMMISSION_MEMBER, {"commission": "SCI-MASTERS"}), (Y, N, N, N, N), (Y, N, N)),
    "president": (
        (Role.COMMISSION_MEMBER, {"commission": "SCI-MASTERS", "president": True}),
        (Y, N, N, N, N),
        (Y, N, N),
    ),
    "lecture": ((Role.READ_ONLY, {}), (Y, Y, Y, Y, Y), (N, N, N)),
    "gestionnaire_autre_centre": ((Role.CENTRE_MANAGER, {"centre": "LSH"}), (N, N, N, Y, Y), (N, N, Y)),
}


def profile_member(platform: Platform, admin: Actor, world: World, profile: str) -> Actor:
    """A staff member with the role and reach RIGHTS gives this profile, in the review world."""
    (role, scope), _, _ = RIGHTS[profile]
    grant = {
        "centre_id": world.centres.get(scope.get("centre")),
        "commission_id": world.commissions.get(scope.get("commission")),
        "commission_ids": [world.commissions[scope["limited_to"]]] if "limited_to" in scope else [],
        "read_only": scope.get("read_only", False),
        "president": scope.get("president", False),
    }
    return member(platform, admin, f"{profile}@example.org", role, **grant)


@pytest.mark.parametrize("profile", list(RIGHTS))
def test_the_rights_of_each_profile_over_the_table_and_the_pieces(
    platform: Platform, admin: Actor, world: World, profile: str
):
    _, seen, reviewed = RIGHTS[profile]
    someone = profile_member(platform, admin, world, profile)
    keys = [
        f"commission-{world.commissions['SCI-MASTERS']}",
        f"commission-{world.commissions['SCI-LICENCES']}",
        f"centre-{world.centres['SCI']}",
        f"commission-{world.commissions['LSH-LICENCES']}",
        f"centre-{world.centres['LSH']}",
    ]
    table = platform.candidature_table
    offered = {scope.key for scope in table.scopes(someone)}
    for key, allowed in zip(keys, seen, strict=True):
        assert (key in offered) is allowed, (profile, key)
        if allowed:
            table.page(someone, key, TableQuery())
            table.counts(someone, key)
        else:
            with pytest.raises(Refused):
                table.page(someone, key, TableQuery())
            with pytest.raises(Refused):
                table.counts(someone, key)
    for name, allowed in zip(("marie", "jeanne", "hugo"), reviewed, strict=True):
        candidature_id = world.candidatures[name]
        if allowed:
            platform.review.review_piece(someone, candidature_id, world.pieces["CNI"], accepted=True)
            assert table.candidature(someone, candidature_id).may_review
        else:
            with pytest.raises(Refused):
                platform.review.review_piece(someone, candidature_id, world.pieces["CNI"], accepted=True)


def test_the_statut_of_a_selection_is_set_at_once_mailed_journaled_and_the_refused_rows_listed(
    platform: Platform, admin: Actor, world: World, mailbox: Mailbox
):
    masters = member(
        platform, admin, "m@example.org", Role.COMMISSION_MEMBER, commission_id=world.commissions["SCI-MASTERS"]
    )
    c = world.candidatures
    with pytest.raises(InvalidInput):
        platform.review.set_statuses(masters, [c["marie"]], "En attente")
    with pytest.raises(Refused):
        platform.review.set_statuses(masters, [], "Complet")
    result = platform.review.set_statuses(masters, [c["marie"], c["lucie"], c["paul"], c["jeanne"], 10**6], "Complet")
    assert result.changed == [c["marie"], c["lucie"]]
    assert [(row.id, row.name, row.reason) for row in result.refused] == [
        (c["paul"], "NGUYEN PAUL — M1-DATA", messages.REVIEW_NOT_TRANSMITTED_REASON),
        (
            c["jeanne"],
            "MOREAU JEANNE — L1-INFO",
            messages.RIGHT_REFUSED_COMMISSION.format(action="saisir le statut des dossiers"),
        ),
        (10**6, str(10**6), messages.REVIEW_CANDIDATURE_UNKNOWN),
    ]
    key = f"commission-{world.commissions['SCI-MASTERS']}"
    assert platform.candidature_table.counts(masters, key)["Complet"] == 2
    platform.mail_sender.send_due()
    for name in ("marie", "lucie"):
        assert any("Complet" in mail.subject for mail in mailbox.for_address(f"{name}@example.org"))
    assert not any("Complet" in mail.subject for mail in mailbox.for_address("paul@example.org"))
    with platform.db.session() as session:
        entries = session.exec(select(JournalEntry).where(JournalEntry.action == "candidature.status")).all()
    assert sorted((e.object_id, e.before["status"], e.after["status"], e.staff_id) for e in entries) == sorted(
        [(str(c["marie"]), "En attente", "Complet", masters.id), (str(c["lucie"]), "En attente", "Complet", masters.id)]
    )
    again = platform.review.set_statuses(masters, [c["marie"]], "Complet")
    assert again.changed == [] and again.refused[0].reason == messages.REVIEW_SAME_STATUS.format(status="Complet")
    handed_back = platform.review.set_statuses(masters, [c["lucie"]], "Incomplet")
    assert handed_back.changed == [c["lucie"]]
    assert platform.candidatures.view(world.accounts["lucie"].id, c["lucie"]).editable
    reader = member(platform, admin, "r@example.org", Role.READ_ONLY)
    assert platform.review.set_statuses(reader, [c["marie"]], "Réceptionné").changed == []


def test_two_members_setting_the_statut_of_the_same_rows_at_once_change_each_row_once(
    platform: Platform, admin: Actor, world: World, mailbox: Mailbox
):
    import threading

    c = world.candidatures
    rows = [c["marie"], c["lucie"], c["jeanne"]]
    other = member(platform, admin, "s@example.org", Role.SCOLARITE)
    results, errors = [], []
    start = threading.Barrier(2)

    def act(actor: Actor) -> None:
        start.wait()
        try:
            results.append(platform.review.set_statuses(actor, rows, "Réceptionné"))
        except Exception as error:  # the database may make one wait, never apply twice
            errors.append(error)

    threads = [threading.Thread(target=act, args=(someone,)) for someone in (admin, other)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    changed = [one for result in results for one in result.changed]
    assert sorted(changed) == sorted(rows)  # each row changed once, by one of them
    refused = [row for result in results for row in result.refused]
    assert len(refused) == len(rows)
    assert {row.reason for row in refused} <= {
        messages.REVIEW_SAME_STATUS.format(status="Réceptionné"),
        messages.REVIEW_CHANGED_MEANWHILE,
    }
    with platform.db.session() as session:
        entries = session.exec(select(JournalEntry).where(JournalEntry.action == "candidature.status")).all()
    assert sorted(int(entry.object_id) for entry in entries) == sorted(rows)
    platform.mail_sender.send_due()
    for name in ("marie", "lucie", "jeanne"):
        received = [m for m in mailbox.for_address(f"{name}@example.org") if "Réceptionné" in m.subject]
        assert len(received) == 1, name


def test_the_table_keeps_the_candidatures_carrying_a_tag_and_shows_their_tags(
    platform: Platform, admin: Actor, world: World
):
    from models import CandidatureTag

    table = platform.candidature_table
    key = f"centre-{world.centres['SCI']}"
    mine = platform.tags.create(admin, {"label": "Boursier", "colour": "vert", "centre_id": world.centres["SCI"]})
    everywhere = platform.tags.create(admin, {"label": "Alternance", "colour": "bleu", "centre_id": None})
    elsewhere = platform.tags.create(admin, {"label": "Lettres", "colour": "rose", "centre_id": world.centres["LSH"]})
    with platform.db.session() as session:
        session.add(CandidatureTag(candidature_id=world.candidatures["marie"], tag_id=mine.id))
        session.add(CandidatureTag(candidature_id=world.candidatures["marie"], tag_id=everywhere.id))
        session.add(CandidatureTag(candidature_id=world.candidatures["jeanne"], tag_id=everywhere.id))
    assert table.tags(admin, key) == {everywhere.id: "Alternance", mine.id: "Boursier"}
    assert elsewhere.id not in table.tags(admin, key)
    assert names(platform, admin, key, filters={"tag": mine.id}) == ["Baillon"]
    assert names(platform, admin, key, filters={"tag": str(everywhere.id)}) == ["Baillon", "Moreau"]
    [marie] = table.page(admin, key, TableQuery(filters={"tag": mine.id})).rows
    assert marie["tags"] == [
        {"label": "Alternance", "colour_key": "bleu"},
        {"label": "Boursier", "colour_key": "vert"},
    ]
