"""The journal: written in the transaction of the change, append-only in the database itself, read by
administrators a page at a time with filters that use its indexes."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import journal, rights
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.journal import JournalFilter
from ecandidat_ui.services.rights import Actor, Role
from models import Centre, JournalEntry, StaffMember


@pytest.fixture
def admin(platform: Platform) -> Actor:
    member = platform.staff.bootstrap_admin("anne.dupont@example.org", "Dupont", "Anne").member
    with platform.db.session() as session:
        return rights.load_actor(session, member.id)


def entries(platform: Platform) -> list[JournalEntry]:
    with platform.db.session() as session:
        return list(session.exec(select(JournalEntry).order_by(JournalEntry.id)))


def test_a_line_is_kept_or_lost_with_its_change(platform: Platform, admin: Actor):
    before = len(entries(platform))
    with pytest.raises(RuntimeError), platform.db.session() as session:
        centre = Centre(code="SCI", label="UFR Sciences")
        session.add(centre)
        session.flush()
        journal.record(session, admin, "centre.create", centre, after=journal.snapshot(centre), label="UFR Sciences")
        raise RuntimeError("the disk is full")
    assert len(entries(platform)) == before
    with platform.db.session() as session:
        assert session.exec(select(Centre)).all() == []
        centre = Centre(code="SCI", label="UFR Sciences")
        session.add(centre)
        session.flush()
        journal.record(session, admin, "centre.create", centre, after=journal.snapshot(centre), label="UFR Sciences")
    line = entries(platform)[-1]
    assert (line.staff_id, line.actor_name, line.action) == (admin.id, "Anne DUPONT", "centre.create")
    assert (line.object_type, line.object_id, line.object_label) == ("centre", str(centre.id), "UFR Sciences")
    assert line.after == journal.snapshot(centre) and line.before is None
    assert (line.after["id"], line.after["code"], line.after["label"]) == (centre.id, "SCI", "UFR Sciences")


def test_a_snapshot_is_json_without_secrets(platform: Platform, admin: Actor):
    with platform.db.session() as session:
        member = session.get(StaffMember, admin.id)
        member.password_hash, member.totp_secret = "$argon2id$secret", "BASE32SECRET"
        kept = journal.snapshot(member)
        journal.record(session, None, "staff.check", ("staffmember", member.id), before=kept, after={"tags": {2, 1}})
    assert "password_hash" not in kept and "totp_secret" not in kept and "totp_last_step" not in kept
    assert kept["mail"] == "anne.dupont@example.org" and isinstance(kept["created_at"], str)
    line = entries(platform)[-1]
    assert line.before == kept and line.after == {"tags": [1, 2]}
    assert (line.staff_id, line.actor_name) == (None, messages.JOURNAL_COMMAND)


def test_the_database_refuses_to_change_or_delete_a_line(platform: Platform, admin: Actor):
    for statement in ("UPDATE journalentry SET action = 'rien'", "DELETE FROM journalentry"):
        with pytest.raises(DBAPIError, match="append-only"), platform.db.session() as session:
            session.exec(text(statement))
    if platform.db.engine.dialect.name == "postgresql":
        with pytest.raises(DBAPIError, match="append-only"), platform.db.session() as session:
            session.exec(text("TRUNCATE journalentry"))
    assert [line.action for line in entries(platform)] == ["staff.create", "staff.grant", "staff.setup_link"]


def add_lines(platform: Platform, rows: list[dict]) -> None:
    with platform.db.session() as session:
        session.exec(insert(JournalEntry), params=rows)


def line(at: datetime, staff_id: int | None, action: str, object_type: str, object_id: str) -> dict:
    return {
        "at": at,
        "staff_id": staff_id,
        "actor_name": "Quelqu'un",
        "action": action,
        "object_type": object_type,
        "object_id": object_id,
        "object_label": "",
    }


def test_filters_and_pages(platform: Platform, admin: Actor):
    other = platform.staff.create_member(admin, "bruno.martin@example.org", "Martin", "Bruno").member
    base = datetime(2027, 1, 1, 12, tzinfo=UTC)
    add_lines(
        platform,
        [
            line(base, admin.id, "formation.update", "formation", "7"),
            line(base + timedelta(hours=11, minutes=30), other.id, "formation.update", "formation", "7"),  # 2/1 Paris
            line(base + timedelta(days=1), other.id, "centre.update", "centre", "3"),
            line(base + timedelta(days=2), admin.id, "formation.update", "formation", "8"),
        ],
    )
    journal_of = platform.journal
    newest = journal_of.page(admin, limit=2)
    assert newest.total == len(entries(platform)) and len(newest.rows) == 2
    assert [row.object_id for row in newest.rows] == ["8", "3"]  # the newest first
    assert journal_of.page(admin, JournalFilter(staff_id=other.id, object_type="formation")).total == 1
    assert [r.object_id for r in journal_of.page(admin, JournalFilter(object_type="formation")).rows] == ["8", "7", "7"]
    assert journal_of.page(admin, JournalFilter(object_type="formation", object_id="7")).total == 2
    assert journal_of.page(admin, JournalFilter(action="centre.update")).rows[0].object_id == "3"
    french_day = journal_of.page(admin, JournalFilter(from_day=date(2027, 1, 2), to_day=date(2027, 1, 2)))
    assert [row.at for row in french_day.rows] == [base + timedelta(days=1), base + timedelta(hours=11, minutes=30)]
    assert journal_of.page(admin, JournalFilter(from_day=date(2027, 1, 1), to_day=date(2027, 1, 1))).total == 1
    assert journal_of.page(admin, JournalFilter(to_day=date(2027, 1, 1))).total == len(entries(platform)) - 3
    second = journal_of.page(admin, JournalFilter(object_type="formation"), offset=2, limit=2)
    assert [row.object_id for row in second.rows] == ["7"] and second.total == 3
    assert journal_of.page(admin, limit=10_000).limit == journal.PAGE_MAX
    assert "formation" in journal_of.object_types(admin)


def test_only_administrators_read_the_journal(platform: Platform, admin: Actor):
    member = platform.staff.create_member(admin, "bruno.martin@example.org", "Martin", "Bruno").member
    platform.staff.grant(admin, member.id, Role.SCOLARITE)
    with platform.db.session() as session:
        scolarite = rights.load_actor(session, member.id)
    for call in (lambda: platform.journal.page(scolarite), lambda: platform.journal.object_types(scolarite)):
        with pytest.raises(Refused) as refused:
            call()
        assert refused.value.message == "Vous n'avez pas le droit de consulter le journal."


def test_a_hundred_thousand_lines_are_read_through_the_indexes(platform: Platform, admin: Actor):
    start = datetime(2026, 9, 1, tzinfo=UTC)
    add_lines(
        platform,
        [
            line(
                start + timedelta(minutes=number),
                admin.id if number % 50 == 0 else None,
                "formation.update",
                "formation",
                str(number % 2000),
            )
            for number in range(100_000)
        ],
    )
    filters = [
        JournalFilter(),
        JournalFilter(staff_id=admin.id),
        JournalFilter(object_type="formation", object_id="1234"),
        JournalFilter(from_day=date(2026, 10, 1), to_day=date(2026, 10, 7)),
    ]
    totals = []
    for kept in filters:
        began = time.perf_counter()
        page = platform.journal.page(admin, kept, offset=20, limit=20)
        took = time.perf_counter() - began
        totals.append(page.total)
        assert len(page.rows) == 20 and took < 2.0, (kept, took)
        assert [row.at for row in page.rows] == sorted((row.at for row in page.rows), reverse=True)
    assert totals[1:] == [2000, 50, 7 * 24 * 60]  # French days: from 30/09 22:00 UTC to 07/10 22:00 UTC
    if platform.db.engine.dialect.name == "sqlite":
        plans = {
            "ix_journalentry_staff_at": "SELECT id FROM journalentry WHERE staff_id = 1 ORDER BY at DESC LIMIT 20",
            "ix_journalentry_object_at": "SELECT id FROM journalentry WHERE object_type = 'formation' "
            "AND object_id = '7' ORDER BY at DESC LIMIT 20",
            "ix_journalentry_at": "SELECT id FROM journalentry ORDER BY at DESC LIMIT 20",
        }
        with platform.db.engine.connect() as connection:
            for index, query in plans.items():
                plan = " ".join(str(row[-1]) for row in connection.execute(text(f"EXPLAIN QUERY PLAN {query}")))
                assert index in plan, plan
