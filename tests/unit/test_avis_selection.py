"""« Saisie des avis » and « Validation des avis » on a selection of the gestion's « Candidatures », on a real
database: the form's fields checked, each row's right (Action.ENTER_AVIS / VALIDATE_AVIS on its commission),
a validated avis left as it is, one journal line per row, the type's mail queued with the validation, and the
refused rows listed with their reason — profile by profile for the rights."""

from __future__ import annotations

import pytest
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.review import Decision
from ecandidat_ui.services.rights import Actor, Role
from models import Candidature, JournalEntry
from tests.mailbox import Mailbox
from tests.review_world import World, review_world
from tests.unit.test_candidature_review import admin as admin  # the fixture
from tests.unit.test_candidature_review import member, profile_member
from tests.unit.test_decision_setup import motivation_id, type_id


@pytest.fixture
def world(platform: Platform) -> World:
    return review_world(platform)


def journal(platform: Platform, action: str) -> list[JournalEntry]:
    with platform.db.session() as session:
        return list(session.exec(select(JournalEntry).where(JournalEntry.action == action)))


def avis_of(platform: Platform, candidature_id: int) -> Candidature:
    with platform.db.session() as session:
        return session.get(Candidature, candidature_id)


def test_the_avis_form_says_at_each_field_what_is_missing(platform: Platform, admin: Actor, world: World):
    marie = world.candidatures["marie"]
    with pytest.raises(InvalidInput) as empty:
        platform.review.enter_avis(admin, [marie], {})
    assert empty.value.errors == {"decision_type_id": messages.AVIS_TYPE_REQUIRED}
    with pytest.raises(InvalidInput) as unfavourable:
        platform.review.enter_avis(admin, [marie], {"decision_type_id": type_id(platform, "DEFAVORABLE")})
    assert unfavourable.value.errors == {"motivation_id": messages.MOTIVATION_REQUIRED}
    with pytest.raises(InvalidInput) as ranked:
        platform.review.enter_avis(
            admin,
            [marie],
            {"decision_type_id": str(type_id(platform, "LISTE_COMP")), "rank": "-2", "comment": "x" * 1001},
        )
    assert ranked.value.errors == {
        "rank": messages.AVIS_RANK_INVALID.format(max=9999),
        "comment": messages.AVIS_COMMENT_TOO_LONG.format(max=1000),
    }
    waiting = type_id(platform, "LISTE_ATTENTE")
    row = platform.decision_types.get(admin, waiting)
    platform.decision_types.update(admin, waiting, {**row.model_dump(), "active": False})
    with pytest.raises(InvalidInput) as out:
        platform.review.enter_avis(admin, [marie], {"decision_type_id": waiting})
    assert out.value.errors == {"decision_type_id": messages.AVIS_TYPE_REQUIRED}
    with pytest.raises(Refused):
        platform.review.enter_avis(admin, [], {"decision_type_id": type_id(platform, "FAVORABLE")})
    assert not avis_of(platform, marie).decision and journal(platform, "candidature.avis") == []


def test_avis_are_entered_then_validated_on_a_selection_journaled_mailed_and_refusals_listed(
    platform: Platform, admin: Actor, world: World, mailbox: Mailbox
):
    c = world.candidatures
    masters = member(
        platform, admin, "m@example.org", Role.COMMISSION_MEMBER, commission_id=world.commissions["SCI-MASTERS"]
    )
    unfavourable = {
        "decision_type_id": type_id(platform, "DEFAVORABLE"),
        "motivation_id": motivation_id(platform, "CAPACITE_ATTEINTE"),
        "comment": "  Trop   juste ",
    }
    result = platform.review.enter_avis(masters, [c["marie"], c["lucie"], c["paul"], c["jeanne"], 10**6], unfavourable)
    assert result.changed == [c["marie"], c["lucie"]]
    assert [(row.id, row.reason) for row in result.refused] == [
        (c["paul"], messages.REVIEW_NOT_TRANSMITTED_REASON),
        (c["jeanne"], messages.RIGHT_REFUSED_COMMISSION.format(action="saisir les avis")),
        (10**6, messages.REVIEW_CANDIDATURE_UNKNOWN),
    ]
    marie = avis_of(platform, c["marie"])
    assert (marie.decision, marie.decision_motivation_id, marie.decision_comment, marie.decision_validated_at) == (
        Decision.UNFAVORABLE,
        unfavourable["motivation_id"],
        "Trop juste",
        None,
    )
    ranked = {"decision_type_id": type_id(platform, "LISTE_COMP"), "rank": "4", "motivation_id": "1"}
    assert platform.review.enter_avis(masters, [c["lucie"]], ranked).changed == [c["lucie"]]
    lucie = avis_of(platform, c["lucie"])
    assert (lucie.decision, lucie.decision_rank, lucie.decision_motivation_id) == (Decision.COMPLEMENTARY_LIST, 4, None)
    lines = sorted(journal(platform, "candidature.avis"), key=lambda line: line.id)
    assert [(line.object_id, line.staff_id) for line in lines] == [
        (str(c["marie"]), masters.id),
        (str(c["lucie"]), masters.id),
        (str(c["lucie"]), masters.id),
    ]
    assert lines[2].before["decision"] == Decision.UNFAVORABLE and lines[2].after["rank"] == 4

    # a member may not validate; their président may, each avis once, its type's mail sent with it
    refused = platform.review.validate_avis(masters, [c["marie"]])
    assert refused.changed == [] and refused.refused[0].reason == messages.RIGHT_REFUSED.format(
        action="valider les avis"
    )
    president = member(
        platform,
        admin,
        "p@example.org",
        Role.COMMISSION_MEMBER,
        commission_id=world.commissions["SCI-MASTERS"],
        president=True,
    )
    done = platform.review.validate_avis(president, [c["marie"], c["lucie"], c["jeanne"]])
    assert done.changed == [c["marie"], c["lucie"]]
    assert [row.id for row in done.refused] == [c["jeanne"]]
    assert avis_of(platform, c["marie"]).decision_validated_at is not None
    platform.mail_sender.send_due()
    [decided] = [m for m in mailbox.for_address("marie@example.org") if m.subject.startswith("Décision")]
    assert "Capacité d'accueil atteinte" in decided.text and "Trop juste" in decided.text
    assert any(m.subject.startswith("Décision") for m in mailbox.for_address("lucie@example.org"))
    validations = journal(platform, "candidature.avis_validation")
    assert sorted((line.object_id, line.after["validated"]) for line in validations) == sorted(
        [(str(c["marie"]), True), (str(c["lucie"]), True)]
    )
    again = platform.review.validate_avis(admin, [c["marie"]])
    assert again.refused[0].reason == messages.AVIS_ALREADY_VALIDATED
    changed = platform.review.enter_avis(admin, [c["marie"]], {"decision_type_id": type_id(platform, "FAVORABLE")})
    assert changed.changed == [] and changed.refused[0].reason == messages.AVIS_ALREADY_VALIDATED
    assert avis_of(platform, c["marie"]).decision == Decision.UNFAVORABLE
    platform.review.set_statuses(admin, [c["jeanne"]], "Complet")
    nothing = platform.review.validate_avis(admin, [c["jeanne"]])
    assert nothing.refused[0].reason == messages.AVIS_NONE_TO_VALIDATE
    assert len(journal(platform, "candidature.avis_validation")) == 2


# profile: (avis entered on Marie (SCI-MASTERS), Jeanne (SCI-LICENCES), Hugo (LSH)), (validated on the same)
Y, N = True, False
AVIS_RIGHTS = {
    "admin": ((Y, Y, Y), (Y, Y, Y)),
    "scolarite": ((Y, Y, Y), (Y, Y, Y)),
    "gestionnaire": ((Y, Y, N), (Y, Y, N)),
    "gestionnaire_lecture": ((N, N, N), (N, N, N)),
    "gestionnaire_limite": ((Y, N, N), (Y, N, N)),
    "membre": ((Y, N, N), (N, N, N)),
    "president": ((Y, N, N), (Y, N, N)),
    "lecture": ((N, N, N), (N, N, N)),
    "gestionnaire_autre_centre": ((N, N, Y), (N, N, Y)),
}


@pytest.mark.parametrize("profile", list(AVIS_RIGHTS))
def test_the_rights_of_each_profile_to_enter_and_validate_avis(
    platform: Platform, admin: Actor, world: World, profile: str
):
    entered, validated = AVIS_RIGHTS[profile]
    someone = profile_member(platform, admin, world, profile)
    rows = [world.candidatures[name] for name in ("marie", "jeanne", "hugo")]
    favourable = {"decision_type_id": type_id(platform, "FAVORABLE")}
    result = platform.review.enter_avis(someone, rows, favourable)
    assert result.changed == [row for row, allowed in zip(rows, entered, strict=True) if allowed], profile
    platform.review.enter_avis(admin, rows, favourable)  # every row has an avis to validate
    result = platform.review.validate_avis(someone, rows)
    assert result.changed == [row for row, allowed in zip(rows, validated, strict=True) if allowed], profile
    assert all(row.reason for row in result.refused)
