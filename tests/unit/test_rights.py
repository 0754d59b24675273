"""The rights of the gestion: every action × every role, in and out of its scope, allowed or refused with a
French message; which centres and commissions each role sees; rights read afresh at each action."""

from __future__ import annotations

import pytest
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import rights
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.rights import Action, Actor, Grant, Role
from models import Centre, Commission

# Two centres: A (1) with commissions A1 (10) and A2 (11), B (2) with commission B1 (20).
A, B, A1, A2, B1 = 1, 2, 10, 11, 20

PROFILES: dict[str, Grant] = {
    "admin": Grant(Role.ADMIN),
    "scolarite": Grant(Role.SCOLARITE),
    "gestionnaire": Grant(Role.CENTRE_MANAGER, centre_id=A),
    "gestionnaire_lecture": Grant(Role.CENTRE_MANAGER, centre_id=A, read_only=True),
    "gestionnaire_limite": Grant(Role.CENTRE_MANAGER, centre_id=A, commission_ids=frozenset({A1})),
    "membre": Grant(Role.COMMISSION_MEMBER, centre_id=A, commission_ids=frozenset({A1})),
    "president": Grant(Role.COMMISSION_MEMBER, centre_id=A, commission_ids=frozenset({A1}), president=True),
    "lecture": Grant(Role.READ_ONLY),
}
# Where each profile may act when the table says S (« in its own scope »).
OWN_SCOPE = {
    "gestionnaire": {(A, A1), (A, A2), (A, None)},
    "gestionnaire_lecture": {(A, A1), (A, A2), (A, None)},
    "gestionnaire_limite": {(A, A1)},
    "membre": {(A, A1)},
    "president": {(A, A1)},
}
TARGETS = [(A, A1), (A, A2), (A, None), (B, B1), (B, None), (None, None)]

Y, S, N = "everywhere", "own scope", "never"
# Written from BACKOFFICE §1 and issue 7, apart from the service's tables: a new Action fails this test until it
# has its line here.
# action:                (admin, scolarité, gest., gest. lecture, gest. limité, membre, président, lecture seule)
MATRIX = {
    "manage_staff": (Y, N, N, N, N, N, N, N),
    "edit_parameters": (Y, N, N, N, N, N, N, N),
    "edit_campaigns": (Y, N, N, N, N, N, N, N),
    "read_journal": (Y, N, N, N, N, N, N, N),
    "edit_mails": (Y, Y, N, N, N, N, N, N),
    "edit_messages": (Y, Y, N, N, N, N, N, N),
    "edit_faq": (Y, Y, N, N, N, N, N, N),
    "edit_decision_types": (Y, Y, N, N, N, N, N, N),
    "edit_motivations": (Y, Y, N, N, N, N, N, N),
    "import_offer": (Y, Y, N, N, N, N, N, N),
    "view_setup": (Y, Y, S, S, S, S, S, Y),
    "edit_centre": (Y, Y, S, N, S, N, N, N),
    "edit_commission": (Y, Y, S, N, S, N, N, N),
    "edit_formation": (Y, Y, S, N, S, N, N, N),
    "edit_pieces": (Y, Y, S, N, S, N, N, N),
    "edit_questions": (Y, Y, S, N, S, N, N, N),
    "edit_tags": (Y, Y, S, N, S, N, N, N),
    "view_candidatures": (Y, Y, S, S, S, S, S, Y),
    "view_statistics": (Y, Y, S, S, S, S, S, Y),
    "export": (Y, Y, S, S, S, S, S, Y),
    "set_status": (Y, Y, S, N, S, S, S, N),
    "review_pieces": (Y, Y, S, N, S, S, S, N),
    "enter_avis": (Y, Y, S, N, S, S, S, N),
    "validate_avis": (Y, Y, S, N, S, N, S, N),
    "set_tags": (Y, Y, S, N, S, S, S, N),
    "set_dates": (Y, Y, S, N, S, N, N, N),
    "write_notes": (Y, Y, S, N, S, S, S, N),
}
READ_ACTIONS = {"read_journal", "view_setup", "view_candidatures", "view_statistics", "export"}


def test_every_action_has_its_line_in_the_matrix_and_a_french_label():
    assert set(MATRIX) == {action.value for action in Action}
    for action in Action:
        assert action.label and action.label[0].islower(), action
        assert action.writes == (action.value not in READ_ACTIONS), action
    assert {role.label for role in Role} == {
        "Administrateur",
        "Scolarité centrale",
        "Gestionnaire de centre",
        "Membre de commission",
        "Lecture seule",
    }


def expected(action: Action, profile: str, target: tuple[int | None, int | None]) -> bool:
    rule = MATRIX[action.value][list(PROFILES).index(profile)]
    if rule == Y:
        return True
    if rule == N:
        return False
    centre_id, commission_id = target
    if profile == "gestionnaire_limite" and (centre_id, commission_id) == (A, None):
        return not action.writes  # reads the centre, changes only what belongs to its commissions
    return target in OWN_SCOPE[profile]


CASES = [(action, profile, target) for action in Action for profile in PROFILES for target in TARGETS]


@pytest.mark.parametrize(
    ("action", "profile", "target"), CASES, ids=[f"{a.value}-{p}-{t[0]}-{t[1]}" for a, p, t in CASES]
)
def test_the_matrix(action: Action, profile: str, target: tuple[int | None, int | None]):
    actor = Actor(1, "Anne DUPONT", "anne@example.org", (PROFILES[profile],))
    centre_id, commission_id = target
    refusal = rights.refusal(actor, action, centre_id=centre_id, commission_id=commission_id)
    if expected(action, profile, target):
        assert refusal == ""
        rights.require(actor, action, centre_id=centre_id, commission_id=commission_id)
        return
    assert rights.allows(actor, action, centre_id=centre_id, commission_id=commission_id) is False
    with pytest.raises(Refused) as refused:
        rights.require(actor, action, centre_id=centre_id, commission_id=commission_id)
    assert refused.value.message == refusal
    assert action.label in refusal
    in_own_scope = target in OWN_SCOPE.get(profile, ())
    if profile == "gestionnaire_lecture" and in_own_scope and action.writes and MATRIX[action.value][2] == S:
        assert refusal == messages.RIGHT_READ_ONLY.format(action=action.label)
    elif action not in PROFILES[profile].actions:
        assert refusal == messages.RIGHT_REFUSED.format(action=action.label)
    else:
        assert refusal in {
            template.format(action=action.label)
            for template in (
                messages.RIGHT_REFUSED_INSTITUTION,
                messages.RIGHT_REFUSED_CENTRE,
                messages.RIGHT_REFUSED_COMMISSION,
            )
        }


def test_the_refusal_names_where():
    manager = Actor(1, "Anne DUPONT", "anne@example.org", (PROFILES["gestionnaire"],))
    assert rights.refusal(manager, Action.EDIT_FORMATION, centre_id=B) == (
        "Vous n'avez pas le droit de modifier les formations pour ce centre de candidature."
    )
    assert rights.refusal(manager, Action.EDIT_PIECES) == (
        "Vous n'avez pas le droit de modifier les pièces justificatives pour l'ensemble de l'établissement."
    )
    member = Actor(2, "Bruno MARTIN", "bruno@example.org", (PROFILES["membre"],))
    assert rights.refusal(member, Action.ENTER_AVIS, centre_id=A, commission_id=A2) == (
        "Vous n'avez pas le droit de saisir les avis pour cette commission."
    )
    # a gestionnaire is told the centre, even for one of that centre's commissions
    assert rights.refusal(manager, Action.EDIT_FORMATION, centre_id=B, commission_id=B1) == (
        "Vous n'avez pas le droit de modifier les formations pour ce centre de candidature."
    )
    assert rights.refusal(member, Action.MANAGE_STAFF) == (
        "Vous n'avez pas le droit de gérer les membres du personnel et leurs droits."
    )


def test_several_grants_add_up_and_a_read_only_one_does_not_hide_a_full_one():
    both = Actor(
        1,
        "Anne DUPONT",
        "anne@example.org",
        (
            Grant(Role.CENTRE_MANAGER, centre_id=A, read_only=True),
            Grant(Role.COMMISSION_MEMBER, centre_id=B, commission_ids=frozenset({B1})),
        ),
    )
    assert rights.allows(both, Action.VIEW_CANDIDATURES, centre_id=A, commission_id=A2)
    assert not rights.allows(both, Action.SET_STATUS, centre_id=A, commission_id=A2)
    assert rights.allows(both, Action.SET_STATUS, centre_id=B, commission_id=B1)
    nobody = Actor(3, "Sans Droit", "sans.droit@example.org")
    assert rights.refusal(nobody, Action.VIEW_SETUP, centre_id=A) == (
        "Vous n'avez pas le droit de consulter le paramétrage."
    )


VISIBLE = {  # commissions each profile sees for consulting candidatures, then for entering avis
    "admin": ({A1, A2, B1}, {A1, A2, B1}),
    "scolarite": ({A1, A2, B1}, {A1, A2, B1}),
    "gestionnaire": ({A1, A2}, {A1, A2}),
    "gestionnaire_lecture": ({A1, A2}, set()),
    "gestionnaire_limite": ({A1}, {A1}),
    "membre": ({A1}, {A1}),
    "president": ({A1}, {A1}),
    "lecture": ({A1, A2, B1}, set()),
}


@pytest.fixture
def offer_ids(platform: Platform) -> dict[int, int]:
    """The two centres and three commissions in the database; test ids → real ids."""
    real: dict[int, int] = {}
    with platform.db.session() as session:
        for test_id, code in ((A, "A"), (B, "B")):
            centre = Centre(code=code, label=f"Centre {code}")
            session.add(centre)
            session.flush()
            real[test_id] = centre.id
        for test_id, code, centre_test_id in ((A1, "A1", A), (A2, "A2", A), (B1, "B1", B)):
            commission = Commission(code=code, label=f"Commission {code}", centre_id=real[centre_test_id])
            session.add(commission)
            session.flush()
            real[test_id] = commission.id
    return real


def real_grant(grant: Grant, real: dict[int, int]) -> Grant:
    return Grant(
        grant.role,
        centre_id=real.get(grant.centre_id),
        commission_ids=frozenset(real[one] for one in grant.commission_ids),
        read_only=grant.read_only,
        president=grant.president,
    )


@pytest.mark.parametrize("profile", list(PROFILES))
def test_what_each_role_sees_as_a_query(platform: Platform, offer_ids: dict[int, int], profile: str):
    actor = Actor(1, "Anne DUPONT", "anne@example.org", (real_grant(PROFILES[profile], offer_ids),))
    commission_of = {offer_ids[test]: test for test in (A1, A2, B1)}
    centre_of = {offer_ids[test]: test for test in (A, B)}
    for action, wanted in zip((Action.VIEW_CANDIDATURES, Action.ENTER_AVIS), VISIBLE[profile], strict=True):
        visibility = rights.visible(actor, action)
        with platform.db.session() as session:
            rows = session.exec(select(Commission.id).where(visibility.where(Commission.centre_id, Commission.id)))
            assert {commission_of[one] for one in rows} == wanted, action
        for test_id in (A1, A2, B1):
            centre = A if test_id in (A1, A2) else B
            assert visibility.sees(offer_ids[centre], offer_ids[test_id]) == (test_id in wanted)
    seen = rights.visible(actor, Action.VIEW_CANDIDATURES)
    everywhere = profile in {"admin", "scolarite", "lecture"}
    assert seen.sees_centre(offer_ids[A])
    assert seen.sees_centre(offer_ids[B]) == everywhere
    with platform.db.session() as session:  # centres seen whole: a limited manager's or a member's only in part
        whole = {centre_of[one] for one in session.exec(select(Centre.id).where(seen.where(Centre.id)))}
    assert whole == ({A, B} if everywhere else {A} if profile in {"gestionnaire", "gestionnaire_lecture"} else set())


def test_nobody_sees_nothing_and_the_journal_is_for_administrators():
    assert rights.visible(Actor(1, "Sans Droit", "x@example.org")).nothing
    manager = Actor(1, "Anne DUPONT", "anne@example.org", (PROFILES["gestionnaire"],))
    assert rights.visible(manager, Action.READ_JOURNAL).nothing
    assert rights.visible(Actor(2, "Admin", "a@example.org", (PROFILES["admin"],)), Action.READ_JOURNAL).everything


def test_rights_are_read_again_at_each_action(platform: Platform, offer_ids: dict[int, int]):
    """A right removed, or an account deactivated, since the page was opened no longer acts."""
    admin = platform.staff.bootstrap_admin("admin@example.org", "Dupont", "Anne").member
    with platform.db.session() as session:
        admin_actor = rights.load_actor(session, admin.id)
    member = platform.staff.create_member(admin_actor, "gest@example.org", "Martin", "Bruno").member
    given = platform.staff.grant(admin_actor, member.id, Role.CENTRE_MANAGER, centre_id=offer_ids[A])
    with platform.db.session() as session:
        stale = rights.load_actor(session, member.id)
        assert rights.check(session, stale, Action.EDIT_FORMATION, centre_id=offer_ids[A]).grants == stale.grants
    platform.staff.revoke(admin_actor, given.id)
    with platform.db.session() as session, pytest.raises(Refused) as refused:
        rights.check(session, stale, Action.EDIT_FORMATION, centre_id=offer_ids[A])
    assert refused.value.message == "Vous n'avez pas le droit de modifier les formations."
    platform.staff.grant(admin_actor, member.id, Role.READ_ONLY)
    platform.staff.deactivate(admin_actor, member.id)
    with platform.db.session() as session, pytest.raises(Refused) as refused:
        rights.check(session, stale, Action.VIEW_SETUP)
    assert refused.value.message == messages.STAFF_INACTIVE


@pytest.mark.parametrize("profile", list(PROFILES))
def test_the_decision_set_up_services_follow_the_matrix(platform: Platform, offer_ids: dict[int, int], profile: str):
    """Types de décision, motivations and tags through their services, as a member given each profile: allowed
    where the matrix says so (a tag at a centre or the whole institution), else refused with the action named."""
    admin_id = platform.staff.bootstrap_admin("admin@example.org", "Dupont", "Anne").member.id
    with platform.db.session() as session:
        admin = rights.load_actor(session, admin_id)
    grant = real_grant(PROFILES[profile], offer_ids)
    member_id = admin_id
    if profile != "admin":
        member_id = platform.staff.create_member(admin, "membre@example.org", "Martin", "Bruno").member.id
        platform.staff.grant(
            admin,
            member_id,
            grant.role,
            centre_id=grant.centre_id,
            commission_id=next(iter(grant.commission_ids)) if grant.role is Role.COMMISSION_MEMBER else None,
            commission_ids=grant.commission_ids if grant.role is Role.CENTRE_MANAGER else (),
            read_only=grant.read_only,
            president=grant.president,
        )
    with platform.db.session() as session:
        member = rights.load_actor(session, member_id)
    calls = [
        (
            Action.EDIT_DECISION_TYPES,
            (None, None),
            lambda: platform.decision_types.create(
                member, {"code": "T", "label": "T", "avis": "FA", "mail_code": "avis_favorable"}
            ),
        ),
        (
            Action.EDIT_MOTIVATIONS,
            (None, None),
            lambda: platform.motivations.create(member, {"code": "M", "label": "M"}),
        ),
    ]
    for target in ((A, None), (B, None), (None, None)):
        centre = offer_ids.get(target[0])
        values = {"label": f"Tag {target[0]}", "colour": "bleu", "centre_id": centre}
        calls.append((Action.EDIT_TAGS, target, lambda values=values: platform.tags.create(member, values)))
    for action, target, call in calls:
        if expected(action, profile, target):
            assert call().id
        else:
            with pytest.raises(Refused) as refused:
                call()
            assert action.label in refused.value.message, (action, target)
