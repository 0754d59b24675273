"""Every staff action checks, in its own transaction, that the session the actor acts from still stands — not
only the member's rights: signed out, idle, too old, deactivated or someone else's, nothing is done."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import rights
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.journal import JournalFilter
from ecandidat_ui.services.rights import Action, Actor, Role
from ecandidat_ui.services.staff_sessions import StaffSessionEnded
from models import StaffMember, StaffSession
from models.clock import utcnow
from tests.unit.test_staff import ADMIN_MAIL, MAIL, PASSWORD, forget_used_codes, next_code, set_up


@pytest.fixture
def admin_session(platform: Platform) -> Actor:
    """The administrator as a page gets them: signed in, acting from their session."""
    created = platform.staff.bootstrap_admin(ADMIN_MAIL, "Dupont", "Anne")
    secret, _ = set_up(platform, created.link)
    session_id = platform.staff.sign_in(ADMIN_MAIL, PASSWORD, next_code(secret), "10.0.0.1")
    return platform.staff.actor_for(session_id)


def members(platform: Platform) -> list[str]:
    with platform.db.session() as session:
        return list(session.exec(select(StaffMember.mail_key)).all())


def test_an_actor_from_a_page_carries_the_session_and_acts(platform: Platform, admin_session: Actor):
    assert admin_session.session_id
    platform.staff.create_member(admin_session, MAIL, "Martin", "Bruno")
    assert MAIL in members(platform)


def test_after_sign_out_no_write_nor_read_is_done(platform: Platform, admin_session: Actor):
    platform.staff.sign_out(admin_session.session_id)
    with pytest.raises(StaffSessionEnded):
        platform.staff.create_member(admin_session, MAIL, "Martin", "Bruno")
    assert MAIL not in members(platform)
    with pytest.raises(StaffSessionEnded):
        platform.journal.page(admin_session, JournalFilter())
    with pytest.raises(StaffSessionEnded):
        platform.staff.own_account(admin_session)
    assert not issubclass(StaffSessionEnded, Refused)  # never shown at a field: the tab signs in again


def test_an_idle_or_too_old_session_acts_no_more(platform: Platform, admin_session: Actor):
    with platform.db.session() as session:
        session.get(StaffSession, admin_session.session_id).last_seen_at = utcnow() - timedelta(minutes=31)
    with pytest.raises(StaffSessionEnded, match=messages.SESSION_EXPIRED):
        platform.staff.create_member(admin_session, MAIL, "Martin", "Bruno")
    with platform.db.session() as session:
        row = session.get(StaffSession, admin_session.session_id)
        row.last_seen_at = utcnow()
        row.created_at = utcnow() - timedelta(hours=12, seconds=1)
    with pytest.raises(StaffSessionEnded):
        platform.staff.members(admin_session)


def test_a_deactivated_members_session_ends_on_their_next_action(platform: Platform, admin_session: Actor):
    created = platform.staff.create_member(admin_session, MAIL, "Martin", "Bruno")
    platform.staff.grant(admin_session, created.member.id, Role.ADMIN)
    secret, _ = set_up(platform, created.link)
    forget_used_codes(platform, created.member.id)
    other = platform.staff.actor_for(platform.staff.sign_in(MAIL, PASSWORD, next_code(secret), "10.0.0.2"))
    platform.staff.deactivate(other, admin_session.id)
    with pytest.raises(StaffSessionEnded):
        platform.staff.create_member(admin_session, "c@example.org", "Colin", "Paul")


def test_a_session_of_another_member_does_not_make_an_actor(platform: Platform, admin_session: Actor):
    created = platform.staff.create_member(admin_session, MAIL, "Martin", "Bruno")
    forged = Actor(created.member.id, "Bruno MARTIN", MAIL, (), admin_session.session_id)
    with platform.db.session() as session:
        with pytest.raises(StaffSessionEnded):
            rights.check(session, forged, Action.VIEW_SETUP)


def test_an_actor_without_session_is_the_command_or_a_service_test(platform: Platform, admin_session: Actor):
    with platform.db.session() as session:
        plain = rights.load_actor(session, admin_session.id)
    assert plain.session_id is None
    platform.staff.sign_out(admin_session.session_id)
    platform.staff.create_member(plain, MAIL, "Martin", "Bruno")  # rights only
    assert MAIL in members(platform)
