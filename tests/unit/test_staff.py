"""Staff accounts on a real database, mails read from a real SMTP server: the set-up link, the TOTP second
factor and recovery codes, sign-in and its throttle, CAS, sessions, and the administrators' management."""

from __future__ import annotations

import hashlib
import re
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pyotp
import pytest
from sqlmodel import select, update

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import rights, throttle, totp
from ecandidat_ui.services.accounts import LinkState
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.rights import Action, Actor, Role
from ecandidat_ui.services.staff import StaffSessionEnded
from models import (
    Centre,
    Commission,
    JournalEntry,
    StaffGrant,
    StaffMember,
    StaffRecoveryCode,
    StaffSession,
    StaffSetupToken,
)
from models.clock import utcnow
from tests.mailbox import Mailbox

PASSWORD = "une phrase de passe du personnel"
ADMIN_MAIL = "anne.dupont@example.org"
MAIL = "bruno.martin@example.org"


def token_of(link: str) -> str:
    return link.rsplit("/", 1)[1]


def delivered(platform: Platform, mailbox: Mailbox, address: str, count: int = 1):
    platform.mail_sender.send_due()
    return mailbox.wait_for_sync(address, count)


def mails_to(platform: Platform, mailbox: Mailbox, address: str) -> list:
    platform.mail_sender.send_due()
    return mailbox.for_address(address)


def actor(platform: Platform, member_id: int) -> Actor:
    with platform.db.session() as session:
        return rights.load_actor(session, member_id)


def set_up(platform: Platform, link: str) -> tuple[str, list[str]]:
    """Follow a set-up link as the member would: scan the QR code, type the first code. Returns (secret, codes)."""
    enrolment = platform.staff.totp_enrolment(token_of(link))
    codes = platform.staff.complete_setup(token_of(link), PASSWORD, PASSWORD, pyotp.TOTP(enrolment.secret).now())
    return enrolment.secret, codes


def next_code(secret: str) -> str:
    """The code of the next 30-second step (accepted: ±1 step), since the current one was just used."""
    return pyotp.TOTP(secret).at(time.time() + totp.STEP_SECONDS)


def forget_used_codes(platform: Platform, member_id: int) -> None:
    """As if the member's last code were minutes old: the next sign-in may use the current code."""
    with platform.db.session() as session:
        session.exec(update(StaffMember).where(StaffMember.id == member_id).values(totp_last_step=None))


@pytest.fixture
def admin(platform: Platform) -> Actor:
    created = platform.staff.bootstrap_admin(ADMIN_MAIL, "Dupont", "Anne")
    return actor(platform, created.member.id)


@pytest.fixture
def centre_ids(platform: Platform) -> tuple[int, int, int]:
    """A centre with two commissions: (centre, commission 1, commission 2)."""
    with platform.db.session() as session:
        centre = Centre(code="SCI", label="UFR Sciences")
        session.add(centre)
        session.flush()
        first = Commission(code="SCI-L", label="Commission des licences", centre_id=centre.id)
        second = Commission(code="SCI-M", label="Commission des masters", centre_id=centre.id)
        session.add_all([first, second])
        session.flush()
        return centre.id, first.id, second.id


def journal_actions(platform: Platform) -> list[str]:
    with platform.db.session() as session:
        return list(session.exec(select(JournalEntry.action).order_by(JournalEntry.id)))


# --- the command's administrator and the set-up link -------------------------------------------------------


def test_bootstrap_creates_an_administrator_and_mails_a_single_use_link(platform: Platform, mailbox: Mailbox):
    created = platform.staff.bootstrap_admin(" Anne.Dupont@Example.org ", "Dupont", "Anne-Marie")
    assert created.created
    member = created.member
    assert (member.last_name, member.first_name, member.mail) == ("DUPONT", "Anne-Marie", "Anne.Dupont@example.org")
    assert re.fullmatch(r"http://ecandidat\.test/gestion/activation/[\w-]{43}", created.link)
    mail = delivered(platform, mailbox, "anne.dupont@example.org")
    assert mail.subject == "Votre accès à la gestion eCandidat"
    assert mail.link() == created.link
    assert "valable une heure" in mail.text
    assert actor(platform, member.id).is_admin
    with platform.db.session() as session:
        stored = session.exec(select(StaffSetupToken)).one()
    assert stored.token_hash == hashlib.sha256(token_of(created.link).encode()).hexdigest()
    assert token_of(created.link) not in stored.token_hash
    assert stored.expires_at - stored.created_at == timedelta(hours=1)
    assert journal_actions(platform) == ["staff.create", "staff.grant", "staff.setup_link"]


def test_bootstrap_again_sends_a_new_link_and_the_old_one_stops(platform: Platform, mailbox: Mailbox):
    first = platform.staff.bootstrap_admin(ADMIN_MAIL, "Dupont", "Anne")
    second = platform.staff.bootstrap_admin(ADMIN_MAIL.upper(), "Autre", "Nom")
    assert not second.created and second.member.id == first.member.id
    assert second.member.last_name == "DUPONT"
    assert platform.staff.setup_link(token_of(first.link)).state is LinkState.REPLACED
    assert platform.staff.setup_link(token_of(second.link)).state is LinkState.VALID
    assert delivered(platform, mailbox, ADMIN_MAIL, 2).link() == second.link
    with platform.db.session() as session:
        assert len(session.exec(select(StaffGrant)).all()) == 1


def test_bootstrap_refuses_bad_values_at_their_field(platform: Platform):
    with pytest.raises(InvalidInput) as invalid:
        platform.staff.bootstrap_admin("pas-une-adresse", "", "<b>")
    assert invalid.value.errors == {
        "mail": messages.BAD_MAIL,
        "last_name": messages.REQUIRED,
        "first_name": messages.FORBIDDEN_CHARACTERS,
    }


def test_set_up_link_states(platform: Platform):
    link = platform.staff.bootstrap_admin(ADMIN_MAIL, "Dupont", "Anne").link
    shown = platform.staff.setup_link(token_of(link))
    assert (shown.state, shown.name, shown.mail, shown.message) == (LinkState.VALID, "Anne DUPONT", ADMIN_MAIL, "")
    assert platform.staff.setup_link("inconnu").message == messages.LINK_UNKNOWN
    set_up(platform, link)
    assert platform.staff.setup_link(token_of(link)).message == messages.LINK_USED
    with pytest.raises(Refused, match=messages.LINK_USED):
        platform.staff.totp_enrolment(token_of(link))
    late = platform.staff.bootstrap_admin(ADMIN_MAIL, "Dupont", "Anne").link
    with platform.db.session() as session:
        session.exec(update(StaffSetupToken).values(expires_at=utcnow() - timedelta(seconds=1)))
    assert platform.staff.setup_link(token_of(late)).message == messages.LINK_EXPIRED
    with pytest.raises(Refused, match=messages.LINK_EXPIRED):
        platform.staff.complete_setup(token_of(late), PASSWORD, PASSWORD, "123456")


def test_the_second_factor_offered_is_the_same_on_each_visit_and_scannable(platform: Platform):
    link = platform.staff.bootstrap_admin(ADMIN_MAIL, "Dupont", "Anne").link
    first = platform.staff.totp_enrolment(token_of(link))
    again = platform.staff.totp_enrolment(token_of(link))
    assert first == again
    assert re.fullmatch(r"[A-Z2-7]{32}", first.secret)
    parsed = pyotp.parse_uri(first.uri)
    assert (parsed.secret, parsed.name, parsed.issuer) == (first.secret, ADMIN_MAIL, "eCandidat Université Esup")
    assert first.qr_svg.startswith("<svg") and f"<title>{messages.TOTP_QR_TITLE}</title>" in first.qr_svg
    with pytest.raises(Refused, match=messages.LINK_UNKNOWN):
        platform.staff.totp_enrolment("inconnu")


def test_completing_the_set_up_checks_everything_and_keeps_nothing_when_wrong(platform: Platform):
    link = platform.staff.bootstrap_admin(ADMIN_MAIL, "Dupont", "Anne").link
    secret = platform.staff.totp_enrolment(token_of(link)).secret
    good_code = pyotp.TOTP(secret).now()
    wrong_code = f"{(int(good_code) + 500_000) % 1_000_000:06d}"
    cases = [
        (("court", "court", good_code), {"password": messages.PASSWORD_TOO_SHORT.format(min=12)}),
        (("anne.dupont est ici", "anne.dupont est ici", good_code), {"password": messages.PASSWORD_PERSONAL}),
        ((PASSWORD, PASSWORD + "!", good_code), {"confirmation": messages.PASSWORD_CONFIRMATION_DIFFERS}),
        ((PASSWORD, PASSWORD, wrong_code), {"code": messages.TOTP_WRONG_CODE}),
        ((PASSWORD, PASSWORD, " "), {"code": messages.REQUIRED}),
        (
            ("court", "court", "abc"),
            {"password": messages.PASSWORD_TOO_SHORT.format(min=12), "code": messages.TOTP_WRONG_CODE},
        ),
    ]
    for values, errors in cases:
        with pytest.raises(InvalidInput) as invalid:
            platform.staff.complete_setup(token_of(link), *values)
        assert invalid.value.errors == errors
    with platform.db.session() as session:
        member = session.exec(select(StaffMember)).one()
        assert (member.password_hash, member.totp_secret) == (None, None)
        assert session.exec(select(StaffRecoveryCode)).all() == []
    assert platform.staff.setup_link(token_of(link)).state is LinkState.VALID


def test_set_up_gives_ten_single_use_recovery_codes_stored_hashed(platform: Platform):
    created = platform.staff.bootstrap_admin(ADMIN_MAIL, "Dupont", "Anne")
    secret, codes = set_up(platform, created.link)
    assert len(set(codes)) == 10
    assert all(re.fullmatch(r"([A-HJ-NP-Z2-9]{4}-){3}[A-HJ-NP-Z2-9]{4}", code) for code in codes)
    with platform.db.session() as session:
        member = session.get(StaffMember, created.member.id)
        assert member.totp_secret == secret and member.password_hash.startswith("$argon2id$")
        stored = {row.code_hash for row in session.exec(select(StaffRecoveryCode))}
    assert stored == {hashlib.sha256(code.replace("-", "").encode()).hexdigest() for code in codes}
    assert journal_actions(platform)[-1] == "staff.setup"


# --- sign-in ---------------------------------------------------------------------------------------------------


@pytest.fixture
def ready(platform: Platform, admin: Actor) -> tuple[StaffMember, str, list[str]]:
    """A staff member who has set up their account: (member, TOTP secret, recovery codes)."""
    created = platform.staff.create_member(admin, MAIL, "Martin", "Bruno")
    secret, codes = set_up(platform, created.link)
    return created.member, secret, codes


def test_sign_in_with_mail_password_and_code(platform: Platform, ready, mailbox: Mailbox):
    member, secret, _ = ready
    session_id = platform.staff.sign_in(" Bruno.Martin@example.org", PASSWORD, next_code(secret), "10.0.0.1")
    signed_in = platform.staff.actor_for(session_id)
    assert (signed_in.id, signed_in.name, signed_in.grants) == (member.id, "Bruno MARTIN", ())
    with platform.db.session() as session:
        row = session.get(StaffSession, session_id)
        assert row.address == "10.0.0.1"
        assert session.get(StaffMember, member.id).last_sign_in_at is not None


def test_a_code_is_used_once(platform: Platform, ready):
    _, secret, _ = ready
    code = next_code(secret)
    platform.staff.sign_in(MAIL, PASSWORD, code, "10.0.0.2")
    with pytest.raises(Refused, match=messages.STAFF_SIGN_IN_FAILED):
        platform.staff.sign_in(MAIL, PASSWORD, code, "10.0.0.2")


def test_two_sign_ins_with_the_same_code_at_once_open_one_session(platform: Platform, ready):
    member, secret, _ = ready
    forget_used_codes(platform, member.id)
    code = pyotp.TOTP(secret).now()

    def attempt(_: int) -> str:
        try:
            platform.staff.sign_in(MAIL, PASSWORD, code, "10.0.0.3")
        except Refused as refused:
            return refused.message
        return "ok"

    with ThreadPoolExecutor(2) as pool:
        outcomes = list(pool.map(attempt, range(2)))
    assert sorted(outcomes) == [messages.STAFF_SIGN_IN_FAILED, "ok"]
    with platform.db.session() as session:
        assert len(session.exec(select(StaffSession)).all()) == 1


def test_the_code_window_is_one_step_each_side():
    secret = pyotp.random_base32()
    generator = pyotp.TOTP(secret)
    now = 1_800_000_015.0  # inside step 60_000_000
    step = int(now // 30)
    for offset in (-1, 0, 1):
        assert totp.matching_step(secret, generator.at(now + 30 * offset), at=now) == step + offset
    for offset in (-3, -2, 2, 3):
        assert totp.matching_step(secret, generator.at(now + 30 * offset), at=now) is None
    assert totp.matching_step(secret, generator.at(now), at=now, last_step=step) is None
    assert totp.matching_step(secret, generator.at(now), at=now, last_step=step - 1) == step
    assert totp.matching_step(secret, " " + generator.at(now)[:3] + " " + generator.at(now)[3:], at=now) == step
    assert totp.matching_step(secret, "abcdef", at=now) is None


def test_a_recovery_code_replaces_the_application_once(platform: Platform, ready):
    _, _, codes = ready
    typed = codes[3].lower().replace("-", " ")
    platform.staff.sign_in(MAIL, PASSWORD, typed, "10.0.0.4")
    with pytest.raises(Refused, match=messages.STAFF_SIGN_IN_FAILED):
        platform.staff.sign_in(MAIL, PASSWORD, codes[3], "10.0.0.4")
    platform.staff.sign_in(MAIL, PASSWORD, codes[4], "10.0.0.4")


def test_new_recovery_codes_replace_the_old_ones(platform: Platform, ready):
    member, secret, codes = ready
    me = actor(platform, member.id)
    with pytest.raises(InvalidInput) as invalid:
        platform.staff.new_recovery_codes(me, codes[0])
    assert invalid.value.errors == {"code": messages.TOTP_WRONG_CODE}
    fresh = platform.staff.new_recovery_codes(me, next_code(secret))
    assert len(set(fresh)) == 10 and not set(fresh) & set(codes)
    with pytest.raises(Refused):
        platform.staff.sign_in(MAIL, PASSWORD, codes[0], "10.0.0.5")
    platform.staff.sign_in(MAIL, PASSWORD, fresh[0], "10.0.0.5")


@pytest.mark.parametrize(
    ("mail", "password", "code"),
    [
        ("inconnu@example.org", PASSWORD, "000000"),
        (MAIL, "pas le bon mot de passe", None),
        (MAIL, PASSWORD, "wrong"),
    ],
    ids=["unknown mail", "wrong password", "wrong code"],
)
def test_every_failure_gets_the_same_answer(platform: Platform, ready, mail, password, code):
    _, secret, _ = ready
    with pytest.raises(Refused) as refused:
        platform.staff.sign_in(mail, password, code or next_code(secret), "10.0.0.6")
    assert refused.value.message == messages.STAFF_SIGN_IN_FAILED


def test_empty_fields_are_named(platform: Platform):
    with pytest.raises(InvalidInput) as invalid:
        platform.staff.sign_in(" ", "", "", "10.0.0.7")
    assert invalid.value.errors == {"mail": messages.REQUIRED, "password": messages.REQUIRED, "code": messages.REQUIRED}


def test_a_member_who_has_not_set_up_cannot_sign_in(platform: Platform, admin: Actor):
    platform.staff.create_member(admin, MAIL, "Martin", "Bruno")
    with pytest.raises(Refused, match=messages.STAFF_SIGN_IN_FAILED):
        platform.staff.sign_in(MAIL, PASSWORD, "123456", "10.0.0.8")


def test_sign_in_is_throttled_per_member_and_address_apart_from_candidates(platform: Platform, ready):
    member, secret, _ = ready
    for _ in range(throttle.SIGN_IN_PAIR.free):
        with pytest.raises(Refused, match=messages.STAFF_SIGN_IN_FAILED):
            platform.staff.sign_in(MAIL, "pas le bon mot de passe", "000000", "10.0.1.1")
    with pytest.raises(Refused) as refused:  # the guesser's address now waits…
        platform.staff.sign_in(MAIL, PASSWORD, next_code(secret), "10.0.1.1")
    assert refused.value.message != messages.STAFF_SIGN_IN_FAILED
    assert "Trop de tentatives" in refused.value.message
    with platform.db.session() as session:  # …the candidate account of the same number is not slowed down…
        candidate_try = throttle.reserve(session, throttle.sign_in_checks(member.id, "10.0.1.1"))
        assert candidate_try.allowed
    assert platform.staff.sign_in(MAIL, PASSWORD, next_code(secret), "10.0.1.2")  # …nor the owner elsewhere


def test_a_sign_in_from_a_new_address_is_mailed(platform: Platform, ready, mailbox: Mailbox):
    _, secret, codes = ready
    before = len(mails_to(platform, mailbox, MAIL))  # the set-up link
    platform.staff.sign_in(MAIL, PASSWORD, next_code(secret), "192.0.2.10")
    mail = delivered(platform, mailbox, MAIL, before + 1)
    assert mail.subject == "Nouvelle connexion à votre compte de gestion eCandidat"
    assert "192.0.2.10" in mail.text and "http://ecandidat.test/gestion" in mail.text
    platform.staff.sign_in(MAIL, PASSWORD, codes[0], "192.0.2.10")
    assert len(mails_to(platform, mailbox, MAIL)) == before + 1
    platform.staff.sign_in(MAIL, PASSWORD, codes[1], "198.51.100.7")
    assert "198.51.100.7" in delivered(platform, mailbox, MAIL, before + 2).text


# --- CAS -------------------------------------------------------------------------------------------------------


def test_sign_in_by_cas_login_given_by_an_administrator(platform: Platform, admin: Actor, mailbox: Mailbox):
    created = platform.staff.create_member(admin, MAIL, "Martin", "Bruno", cas_login="bmartin")
    assert created.link  # CAS is not set: the member gets a local account's link
    session_id = platform.staff.sign_in_with_cas("bmartin", "10.0.2.1")
    assert platform.staff.actor_for(session_id).id == created.member.id
    with pytest.raises(Refused) as refused:
        platform.staff.sign_in_with_cas("inconnu", "10.0.2.1")
    assert refused.value.message == messages.STAFF_UNKNOWN_CAS.format(login="inconnu")
    with pytest.raises(Refused):
        platform.staff.sign_in_with_cas("", "10.0.2.1")
    platform.staff.deactivate(admin, created.member.id)
    with pytest.raises(Refused, match=messages.STAFF_INACTIVE):
        platform.staff.sign_in_with_cas("bmartin", "10.0.2.1")


def test_with_cas_set_a_cas_member_is_told_how_to_sign_in(platform: Platform, mailbox: Mailbox, monkeypatch):
    monkeypatch.setattr(platform.settings, "cas_url", "https://cas.example.org/cas")
    admin_id = platform.staff.bootstrap_admin(ADMIN_MAIL, "Dupont", "Anne").member.id
    created = platform.staff.create_member(actor(platform, admin_id), MAIL, "Martin", "Bruno", cas_login="bmartin")
    assert created.link is None
    mail = delivered(platform, mailbox, MAIL)
    assert "bmartin" in mail.text and mail.link() == "http://ecandidat.test/gestion"


# --- sessions --------------------------------------------------------------------------------------------------


@pytest.fixture
def signed_in(platform: Platform, ready) -> tuple[StaffMember, str]:
    member, secret, _ = ready
    return member, platform.staff.sign_in(MAIL, PASSWORD, next_code(secret), "10.0.3.1")


def test_a_session_ends_after_thirty_idle_minutes(platform: Platform, signed_in):
    _, session_id = signed_in
    with platform.db.session() as session:
        session.get(StaffSession, session_id).last_seen_at = utcnow() - timedelta(minutes=29)
    platform.staff.actor_for(session_id)
    with platform.db.session() as session:
        row = session.get(StaffSession, session_id)
        assert utcnow() - row.last_seen_at < timedelta(seconds=5)  # touched
        row.last_seen_at = utcnow() - timedelta(minutes=31)
    with pytest.raises(StaffSessionEnded, match=messages.SESSION_EXPIRED):
        platform.staff.actor_for(session_id)
    with platform.db.session() as session:
        assert session.get(StaffSession, session_id) is None


def test_a_session_ends_after_twelve_hours_however_busy(platform: Platform, signed_in):
    _, session_id = signed_in
    with platform.db.session() as session:
        session.get(StaffSession, session_id).created_at = utcnow() - timedelta(hours=12, seconds=1)
    with pytest.raises(StaffSessionEnded):
        platform.staff.actor_for(session_id)


def test_sign_out_and_unknown_sessions(platform: Platform, signed_in):
    _, session_id = signed_in
    with pytest.raises(StaffSessionEnded, match=messages.STAFF_SIGN_IN_REQUIRED):
        platform.staff.actor_for(None)
    platform.staff.sign_out(session_id)
    with pytest.raises(StaffSessionEnded, match=messages.SESSION_EXPIRED):
        platform.staff.actor_for(session_id)


def test_housekeeping_deletes_expired_sessions(platform: Platform, signed_in):
    _, session_id = signed_in
    with platform.db.session() as session:
        session.get(StaffSession, session_id).last_seen_at = utcnow() - timedelta(hours=1)
    platform.staff.delete_expired_sessions()
    with platform.db.session() as session:
        assert session.exec(select(StaffSession)).all() == []


def test_a_new_set_up_ends_every_session(platform: Platform, admin: Actor, signed_in):
    member, session_id = signed_in
    link = platform.staff.send_setup_link(admin, member.id)
    platform.staff.actor_for(session_id)  # the link alone changes nothing
    set_up(platform, link)
    with pytest.raises(StaffSessionEnded):
        platform.staff.actor_for(session_id)


# --- management by administrators ---------------------------------------------------------------------------


def test_deactivation_ends_sessions_links_and_sign_in(platform: Platform, admin: Actor, signed_in):
    member, session_id = signed_in
    link = platform.staff.send_setup_link(admin, member.id)
    platform.staff.deactivate(admin, member.id)
    with pytest.raises(StaffSessionEnded):
        platform.staff.actor_for(session_id)
    assert platform.staff.setup_link(token_of(link)).state is LinkState.REPLACED
    forget_used_codes(platform, member.id)
    with platform.db.session() as session:
        secret = session.get(StaffMember, member.id).totp_secret
    with pytest.raises(Refused, match=messages.STAFF_INACTIVE):
        platform.staff.sign_in(MAIL, PASSWORD, pyotp.TOTP(secret).now(), "10.0.3.1")
    with pytest.raises(Refused, match=messages.STAFF_INACTIVE):
        platform.staff.send_setup_link(admin, member.id)
    platform.staff.reactivate(admin, member.id)
    platform.staff.sign_in(MAIL, PASSWORD, pyotp.TOTP(secret).now(), "10.0.3.1")
    assert journal_actions(platform)[-2:] == ["staff.deactivate", "staff.reactivate"]


def test_an_administrator_cannot_deactivate_themselves(platform: Platform, admin: Actor):
    with pytest.raises(Refused, match=messages.STAFF_NOT_YOURSELF):
        platform.staff.deactivate(admin, admin.id)


def test_the_last_administrator_keeps_their_right(platform: Platform, admin: Actor):
    [own] = platform.staff.member(admin, admin.id).grants
    with pytest.raises(Refused, match=messages.STAFF_LAST_ADMIN):
        platform.staff.revoke(admin, own.id)
    other = platform.staff.create_member(admin, MAIL, "Martin", "Bruno").member
    platform.staff.grant(admin, other.id, Role.ADMIN)
    platform.staff.revoke(admin, own.id)
    assert not actor(platform, admin.id).is_admin
    with pytest.raises(Refused, match="gérer les membres du personnel"):
        platform.staff.create_member(admin, "c@example.org", "Petit", "Chloé")


def test_grants_with_their_scopes(platform: Platform, admin: Actor, centre_ids, mailbox: Mailbox):
    centre, licences, masters = centre_ids
    member = platform.staff.create_member(admin, MAIL, "Martin", "Bruno").member
    staff = platform.staff
    views = [
        staff.grant(admin, member.id, Role.CENTRE_MANAGER, centre_id=centre, commission_ids=[masters], read_only=True),
        staff.grant(admin, member.id, "commission", commission_id=licences, president=True),
        staff.grant(admin, member.id, Role.READ_ONLY, read_only=True, president=True),
    ]
    assert [view.text for view in views] == [
        "Gestionnaire de centre — UFR Sciences (commissions : Commission des masters, lecture seule)",
        "Membre de commission — Commission des licences (Président)",
        "Lecture seule",
    ]
    assert views[1].centre_id == centre  # a commission's centre comes with it
    assert staff.member(admin, member.id).grants == tuple(views)
    me = actor(platform, member.id)
    assert rights.allows(me, Action.VALIDATE_AVIS, centre_id=centre, commission_id=licences)
    assert not rights.allows(me, Action.ENTER_AVIS, centre_id=centre, commission_id=masters)
    assert rights.allows(me, Action.VIEW_CANDIDATURES, centre_id=centre, commission_id=masters)
    with platform.db.session() as session:
        grant = session.exec(select(JournalEntry).where(JournalEntry.action == "staff.grant")).all()[-3]
    assert (grant.object_type, grant.object_id, grant.object_label) == ("staffmember", str(member.id), "Bruno MARTIN")
    assert grant.after["droit"] == views[0].text and grant.after["commissions"] == [masters]
    staff.revoke(admin, views[0].id)
    with platform.db.session() as session:
        revoked = session.exec(select(JournalEntry).order_by(JournalEntry.id.desc())).first()
    assert (revoked.action, revoked.before["droit"], revoked.after) == ("staff.revoke", views[0].text, None)
    with pytest.raises(Refused, match=messages.STAFF_UNKNOWN_GRANT):
        staff.revoke(admin, views[0].id)


def test_a_grant_needs_its_scope(platform: Platform, admin: Actor, centre_ids):
    centre, licences, _ = centre_ids
    with platform.db.session() as session:
        other = Centre(code="LSH", label="UFR Lettres")
        session.add(other)
        session.flush()
        elsewhere = Commission(code="LSH-L", label="Licences de lettres", centre_id=other.id)
        session.add(elsewhere)
        session.flush()
    member = platform.staff.create_member(admin, MAIL, "Martin", "Bruno").member
    cases = [
        ({"role": None}, {"role": messages.GRANT_ROLE_REQUIRED}),
        ({"role": "chef"}, {"role": messages.GRANT_ROLE_REQUIRED}),
        ({"role": Role.CENTRE_MANAGER}, {"centre": messages.GRANT_CENTRE_REQUIRED}),
        ({"role": Role.CENTRE_MANAGER, "centre_id": 9999}, {"centre": messages.UNKNOWN_VALUE}),
        (
            {"role": Role.CENTRE_MANAGER, "centre_id": centre, "commission_ids": [licences, elsewhere.id]},
            {"commissions": messages.GRANT_COMMISSION_OUTSIDE},
        ),
        ({"role": Role.COMMISSION_MEMBER}, {"commission": messages.GRANT_COMMISSION_REQUIRED}),
        ({"role": Role.COMMISSION_MEMBER, "commission_id": 9999}, {"commission": messages.UNKNOWN_VALUE}),
    ]
    for values, errors in cases:
        role = values.pop("role")
        with pytest.raises(InvalidInput) as invalid:
            platform.staff.grant(admin, member.id, role, **values)
        assert invalid.value.errors == errors
    platform.staff.grant(admin, member.id, Role.CENTRE_MANAGER, centre_id=centre)
    platform.staff.grant(admin, member.id, Role.SCOLARITE)
    with pytest.raises(Refused, match=messages.STAFF_GRANT_EXISTS):
        platform.staff.grant(admin, member.id, Role.CENTRE_MANAGER, centre_id=centre, read_only=True)
    with pytest.raises(Refused, match=messages.STAFF_GRANT_EXISTS):
        platform.staff.grant(admin, member.id, Role.SCOLARITE)
    with pytest.raises(Refused, match=messages.STAFF_UNKNOWN_MEMBER):
        platform.staff.grant(admin, 9999, Role.SCOLARITE)


def test_only_administrators_manage_staff(platform: Platform, admin: Actor, centre_ids):
    centre, _, _ = centre_ids
    created = platform.staff.create_member(admin, MAIL, "Martin", "Bruno").member
    platform.staff.grant(admin, created.id, Role.SCOLARITE)
    platform.staff.grant(admin, created.id, Role.CENTRE_MANAGER, centre_id=centre)
    scolarite = actor(platform, created.id)
    refused = "Vous n'avez pas le droit de gérer les membres du personnel et leurs droits."
    calls = [
        lambda: platform.staff.create_member(scolarite, "c@example.org", "Petit", "Chloé"),
        lambda: platform.staff.update_member(scolarite, admin.id, ADMIN_MAIL, "Dupont", "Anne", "pirate"),
        lambda: platform.staff.send_setup_link(scolarite, admin.id),
        lambda: platform.staff.deactivate(scolarite, admin.id),
        lambda: platform.staff.reactivate(scolarite, admin.id),
        lambda: platform.staff.grant(scolarite, created.id, Role.ADMIN),
        lambda: platform.staff.revoke(scolarite, 1),
        lambda: platform.staff.members(scolarite),
        lambda: platform.staff.member(scolarite, admin.id),
    ]
    count = len(journal_actions(platform))
    for call in calls:
        with pytest.raises(Refused) as error:
            call()
        assert error.value.message == refused
    assert len(journal_actions(platform)) == count
    assert not actor(platform, created.id).is_admin


def test_member_identity_is_checked_and_unique(platform: Platform, admin: Actor):
    created = platform.staff.create_member(admin, MAIL, "Martin", "Bruno", cas_login="bmartin").member
    with pytest.raises(InvalidInput) as invalid:
        platform.staff.create_member(admin, MAIL.upper(), "Autre", "Personne", cas_login="bmartin")
    assert invalid.value.errors == {"mail": messages.STAFF_MAIL_TAKEN, "cas_login": messages.STAFF_CAS_TAKEN}
    with pytest.raises(InvalidInput) as invalid:
        platform.staff.create_member(admin, "c@example.org", "Petit", "Chloé", cas_login="b martin")
    assert invalid.value.errors == {"cas_login": messages.STAFF_BAD_CAS_LOGIN}
    with pytest.raises(InvalidInput) as invalid:
        platform.staff.create_member(admin, "c@example.org", "N" * 51, "Chloé", cas_login="x" * 101)
    assert invalid.value.errors == {
        "last_name": messages.TOO_LONG.format(max=50),
        "cas_login": messages.TOO_LONG.format(max=100),
    }
    updated = platform.staff.update_member(admin, created.id, "Bruno.M@example.org", "Martin-Roux", "Bruno", "")
    assert (updated.mail, updated.last_name, updated.cas_login) == ("Bruno.M@example.org", "MARTIN-ROUX", None)
    with pytest.raises(InvalidInput) as invalid:
        platform.staff.update_member(admin, created.id, ADMIN_MAIL, "Martin", "Bruno")
    assert invalid.value.errors == {"mail": messages.STAFF_MAIL_TAKEN}
    with platform.db.session() as session:
        entry = session.exec(select(JournalEntry).where(JournalEntry.action == "staff.update")).one()
    assert (entry.before["mail"], entry.after["mail"]) == (MAIL, "Bruno.M@example.org")
    assert entry.before["cas_login"] == "bmartin" and entry.after["cas_login"] is None
    assert "password_hash" not in entry.after and "totp_secret" not in entry.after


def test_the_members_list_pages_and_searches(platform: Platform, admin: Actor):
    for number in range(30):
        platform.staff.create_member(admin, f"agent{number:02d}@example.org", f"Agent{chr(65 + number % 26)}", "Lou")
    page = platform.staff.members(admin, offset=0, limit=10)
    assert page.total == 31 and len(page.rows) == 10
    names = [row.last_name for row in platform.staff.members(admin, limit=200).rows]
    assert names == sorted(names)
    found = platform.staff.members(admin, search="AGENT07@")
    assert [row.mail for row in found.rows] == ["agent07@example.org"] and found.total == 1
    assert platform.staff.members(admin, search="dupont").rows[0].grants[0].text == "Administrateur"
    assert platform.staff.members(admin, search="100%_").total == 0


# --- the demo --------------------------------------------------------------------------------------------------


def test_the_demo_has_one_member_per_role_with_a_link_logged(platform: Platform, caplog, mailbox: Mailbox):
    from ecandidat_ui.demo import DEMO_STAFF
    from ecandidat_ui.lifecycle import prepare

    caplog.set_level("INFO")
    prepare(platform, demo=True)
    lines = [record.getMessage() for record in caplog.records if "Gestion de démonstration" in record.getMessage()]
    assert len(lines) == len(DEMO_STAFF) == len(Role)
    for person, line in zip(DEMO_STAFF, lines, strict=True):
        assert person.role.label in line and person.mail in line and "/gestion/activation/" in line
    assert {person.role for person in DEMO_STAFF} == set(Role)
    president = next(person for person in DEMO_STAFF if person.role is Role.COMMISSION_MEMBER)
    with platform.db.session() as session:
        member = session.exec(select(StaffMember).where(StaffMember.mail == president.mail)).one()
        commission = session.exec(select(Commission).where(Commission.code == "SCI-MASTERS")).one()
        me = rights.load_actor(session, member.id)
    assert rights.allows(me, Action.VALIDATE_AVIS, centre_id=commission.centre_id, commission_id=commission.id)
    first_link = re.search(r"http\S+", lines[0]).group(0)
    set_up(platform, first_link)
    caplog.clear()
    prepare(platform, demo=True)  # a restart: new links for who has not set up yet, nothing twice
    again = [record.getMessage() for record in caplog.records if "Gestion de démonstration" in record.getMessage()]
    assert "compte déjà activé" in again[0] and len(again) == len(DEMO_STAFF)
    with platform.db.session() as session:
        assert len(session.exec(select(StaffMember)).all()) == len(DEMO_STAFF)
    assert mails_to(platform, mailbox, DEMO_STAFF[0].mail) == []
