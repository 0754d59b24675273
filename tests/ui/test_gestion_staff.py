"""« Personnels », « Journal » and « Mon compte » as the user fixture sees them, signed in through the real
sign-in page: the table, the member's panel (identity, rights, deactivation, set-up link), the journal's filters,
new recovery codes."""

from __future__ import annotations

from typing import Any

import pyotp
from nicegui.testing import User
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.services.rights import Role
from models import Centre, Commission, StaffMember
from tests.mailbox import Mailbox
from tests.ui.gestion_helpers import StaffLogin, sign_in_staff, signed_in_staff, staff_member, test_platform
from tests.ui.helpers import error_of, field, fill, path_of, see, until

PERSONNELS = "/gestion/personnels"


def make_offer() -> dict[str, int]:
    """Two centres and three commissions, by code → id."""
    platform = test_platform()
    ids = {}
    with platform.db.session() as session:
        for code, label in (("SCI", "UFR Sciences"), ("LET", "UFR Lettres")):
            centre = Centre(code=code, label=label)
            session.add(centre)
            session.flush()
            ids[code] = centre.id
        for code, label, centre in (
            ("C-INFO", "Commission Informatique", "SCI"),
            ("C-MATH", "Commission Mathématiques", "SCI"),
            ("C-HIST", "Commission Histoire", "LET"),
        ):
            commission = Commission(code=code, label=label, centre_id=ids[centre])
            session.add(commission)
            session.flush()
            ids[code] = commission.id
    platform.db.dispose()
    return ids


def table_rows(user: User, marker: str) -> list[dict[str, Any]]:
    return user.find(marker=marker).elements.pop().props["rows"]


async def rows_when(user: User, marker: str, condition) -> list[dict[str, Any]]:
    await until(lambda: condition(table_rows(user, marker)))
    return table_rows(user, marker)


async def click(user: User, marker: str) -> None:
    """Click what appears after work done off the event loop (a confirmation, a panel)."""
    await user.should_see(marker=marker, retries=50)
    user.find(marker=marker).click()


def manage(user: User, member_id: int) -> None:
    user.find(marker="staff-table").trigger("action", {"action": "manage", "key": member_id})


def member_id(mail: str) -> int:
    platform = test_platform()
    with platform.db.session() as session:
        found = session.exec(select(StaffMember.id).where(StaffMember.mail_key == mail)).one()
    platform.db.dispose()
    return found


async def test_an_administrator_adds_a_member_who_gets_their_link_and_a_right(user: User, mailbox: Mailbox):
    ids = make_offer()
    admin = await signed_in_staff(user, Role.ADMIN, then=PERSONNELS)
    rows = await rows_when(user, "staff-table", lambda rows: len(rows) == 2)  # the set-up admin and this one
    assert {row["mail"] for row in rows} == {admin.mail, "premier.admin@univ.example"}
    assert [row["grants"] for row in rows if row["id"] == admin.id] == ["Administrateur"]

    user.find(marker="staff-add").click()
    fill(user, mail="pas une adresse", last_name="Bernard", first_name="Léa")
    user.find(marker="save").click()
    assert await error_of(user, "mail")
    assert field(user, "last_name").value == "Bernard"
    fill(user, mail="lea.bernard@univ.example")
    user.find(marker="save").click()
    await see(user, messages.STAFF_ADDED_LINK)
    link = (await mailbox.wait_for("lea.bernard@univ.example")).link()
    assert path_of(link).startswith("/gestion/activation/")
    await see(user, "Léa BERNARD")  # the member's panel, to give a right
    await user.should_see(messages.STAFF_NO_GRANT)

    user.find(marker="grant-save").click()
    assert await error_of(user, "grant-role") == messages.GRANT_ROLE_REQUIRED
    field(user, "grant-role").value = Role.CENTRE_MANAGER.value
    user.find(marker="grant-save").click()
    assert await error_of(user, "grant-centre") == messages.GRANT_CENTRE_REQUIRED
    field(user, "grant-centre").value = ids["SCI"]
    await until(lambda: ids["C-INFO"] in field(user, "grant-commissions").options)
    assert ids["C-HIST"] not in field(user, "grant-commissions").options  # only the centre's commissions
    field(user, "grant-commissions").value = [ids["C-INFO"]]
    field(user, "grant-read-only").value = True
    user.find(marker="grant-save").click()
    text = "Gestionnaire de centre — UFR Sciences (commissions : Commission Informatique, lecture seule)"
    await see(user, text)
    rows = await rows_when(user, "staff-table", lambda rows: any(row["grants"] == text for row in rows))

    user.find(marker="revoke").click()
    await click(user, "revoke-yes")
    await see(user, messages.GRANT_REVOKED)
    await until(lambda: not user.find(marker="grant-text").elements if _has(user, "grant-text") else True)


def _has(user: User, marker: str) -> bool:
    try:
        return bool(user.find(marker=marker).elements)
    except AssertionError:
        return False


async def test_deactivate_reactivate_and_send_a_new_link(user: User, mailbox: Mailbox):
    member = staff_member(Role.READ_ONLY, mail="agent@univ.example")
    await signed_in_staff(user, Role.ADMIN, then=PERSONNELS)
    await rows_when(user, "staff-table", lambda rows: len(rows) == 3)
    manage(user, member.id)
    await see(user, "Claire MARTIN")
    await user.should_see("Lecture seule")

    user.find(marker="send-link").click()
    await see(user, messages.STAFF_LINK_SENT.format(mail="agent@univ.example"))
    mail = await mailbox.wait_for("agent@univ.example", count=2)  # the first link came when they were added
    assert path_of(mail.link()).startswith("/gestion/activation/")

    user.find(marker="deactivate").click()
    await click(user, "deactivate-yes")
    await see(user, "Réactiver")
    await rows_when(
        user, "staff-table", lambda rows: [r["state"] for r in rows if r["id"] == member.id] == ["Désactivé"]
    )
    platform = test_platform()
    with platform.db.session() as session:
        assert session.get(StaffMember, member.id).active is False
    platform.db.dispose()

    user.find(marker="reactivate").click()
    await see(user, "Désactiver")
    await rows_when(user, "staff-table", lambda rows: [r["state"] for r in rows if r["id"] == member.id] == ["Actif"])


async def test_an_administrator_cannot_deactivate_themselves_nor_remove_the_last_administrator(user: User):
    admin = await signed_in_staff(user, Role.ADMIN, then=PERSONNELS)
    platform = test_platform()
    with platform.db.session() as session:  # the set-up admin leaves: this one is the only administrator
        first = session.exec(select(StaffMember).where(StaffMember.mail_key == "premier.admin@univ.example")).one()
        first.active = False
    platform.db.dispose()
    await rows_when(user, "staff-table", lambda rows: len(rows) == 2)
    manage(user, admin.id)
    await see(user, "Modifier l'identité")
    await user.should_not_see(marker="deactivate")
    user.find(marker="revoke").click()
    await click(user, "revoke-yes")
    await see(user, messages.STAFF_LAST_ADMIN)


async def test_edit_identity_keeps_values_and_shows_the_error_at_its_field(user: User):
    other = staff_member(Role.READ_ONLY, mail="autre@univ.example")
    member = staff_member(Role.READ_ONLY, mail="agent@univ.example", last_name="Petit", first_name="Luc")
    await signed_in_staff(user, Role.ADMIN, then=PERSONNELS)
    await rows_when(user, "staff-table", lambda rows: len(rows) == 4)
    manage(user, member.id)
    await see(user, "Luc PETIT")
    user.find(marker="edit-identity").click()
    await until(lambda: field(user, "mail").value == "agent@univ.example")
    fill(user, mail=other.mail, first_name="Lucas")
    user.find(marker="save").click()
    assert await error_of(user, "mail") == messages.STAFF_MAIL_TAKEN
    assert field(user, "first_name").value == "Lucas"
    fill(user, mail="lucas.petit@univ.example")
    user.find(marker="save").click()
    await see(user, messages.STAFF_SAVED)
    await rows_when(user, "staff-table", lambda rows: any(r["mail"] == "lucas.petit@univ.example" for r in rows))


async def test_search_and_filter_the_members(user: User):
    for n, name in enumerate(("Arnaud", "Blanc", "Colin")):
        staff_member(Role.READ_ONLY, mail=f"lecteur{n}@univ.example", last_name=name)
    await signed_in_staff(user, Role.ADMIN, then=PERSONNELS)
    await rows_when(user, "staff-table", lambda rows: len(rows) == 5)
    user.find(marker="staff-table-search").type("blanc")
    rows = await rows_when(user, "staff-table", lambda rows: len(rows) == 1)
    assert rows[0]["mail"] == "lecteur1@univ.example"


async def test_other_roles_do_not_see_personnels_and_are_refused_by_address(user: User):
    for role in (Role.SCOLARITE, Role.READ_ONLY):
        member = staff_member(role)
        await sign_in_staff(user, member)
        await user.should_not_see("Personnels")
        await user.should_not_see("Journal")
        await user.open(PERSONNELS)
        await see(user, "Vous n'avez pas le droit de gérer les membres du personnel et leurs droits")
        await user.open("/gestion/journal")
        await see(user, "Vous n'avez pas le droit de consulter le journal")
        user.find(marker="gestion-sign-out").click()
        await see(user, "Connexion à la gestion")


async def test_my_account_shows_my_rights_and_gives_new_recovery_codes(user: User):
    ids = make_offer()
    member = await signed_in_staff(
        user, Role.COMMISSION_MEMBER, commission_id=ids["C-INFO"], president=True, then="/gestion/mon-compte"
    )
    await see(user, "Membre de commission — Commission Informatique (Président)")
    fill(user, code="000000" if pyotp.TOTP(member.secret).now() != "000000" else "111111")
    user.find(marker="renew-codes").click()
    assert await error_of(user, "code") == messages.TOTP_WRONG_CODE
    fill(user, code=member.code())
    user.find(marker="renew-codes").click()
    await see(user, messages.RECOVERY_CODES_TITLE)
    codes = [label.text for label in user.find(marker="recovery-code").elements]
    assert len(set(codes)) == 10 and not set(codes) & set(member.recovery_codes)

    user.find(marker="gestion-sign-out").click()
    await see(user, "Connexion à la gestion")
    old = StaffLogin(member.id, member.mail, member.name, member.secret, [member.recovery_codes[0]], last_step=10**9)
    fill(user, mail=old.mail, password=old.password, code=old.recovery_codes[0])
    user.find(marker="gestion-sign-in").click()
    await see(user, messages.STAFF_SIGN_IN_FAILED)  # the old codes stopped working
    fill(user, mail=old.mail, password=old.password, code=codes[0])
    user.find(marker="gestion-sign-in").click()
    await see(user, "Se déconnecter")


async def test_the_journal_lists_what_staff_changed_filtered_by_member_object_and_date(user: User):
    platform = test_platform()
    first = staff_member(Role.READ_ONLY, mail="agent@univ.example", platform=platform)
    admin = staff_member(Role.ADMIN, mail="chef@univ.example", last_name="Chef", first_name="Anne", platform=platform)
    platform.staff.update_member(admin.actor(platform), first.id, "agent@univ.example", "Martin", "Clara")
    platform.db.dispose()
    await sign_in_staff(user, admin, then="/gestion/journal")
    rows = await rows_when(user, "journal-table", lambda rows: len(rows) > 5)
    newest = rows[0]
    assert newest["actor"] == "Anne CHEF"
    assert newest["action"] == "Modification d'un membre du personnel"
    assert newest["object"] == "Membre du personnel : Clara MARTIN"
    assert newest["changed"] == "first_name"

    field(user, "journal-member").value = admin.id
    rows = await rows_when(user, "journal-table", lambda rows: {r["actor"] for r in rows} == {"Anne CHEF"})
    assert [r["action"] for r in rows] == ["Modification d'un membre du personnel", "Compte activé"]
    field(user, "journal-member").value = ""
    field(user, "journal-object").value = "staffmember"
    await rows_when(user, "journal-table", lambda rows: len(rows) > 5)

    field(user, "journal-from").value = "2099-01-02"
    await rows_when(user, "journal-table", lambda rows: rows == [])
    field(user, "journal-to").value = "2099-01-01"
    assert field(user, "journal-to").error == messages.JOURNAL_DATES_ORDER
    field(user, "journal-from").value = ""
    field(user, "journal-to").value = ""
    rows = await rows_when(user, "journal-table", lambda rows: len(rows) > 5)

    user.find(marker="journal-table").trigger("action", {"action": "details", "key": rows[0]["id"]})
    await see(user, "Modification d'un membre du personnel — Membre du personnel : Clara MARTIN")
    await user.should_see("Claire")
    await user.should_see("Clara")


async def test_a_session_ended_elsewhere_sends_the_tab_to_sign_in_again(user: User):
    admin = await signed_in_staff(user, Role.ADMIN, then=PERSONNELS)
    await rows_when(user, "staff-table", lambda rows: len(rows) == 2)
    platform = test_platform()
    platform.staff.end_all_sessions(admin.id)  # signed out from another tab, or the 30 idle minutes
    platform.db.dispose()
    user.find(marker="staff-table-search").type("martin")  # the table's next page asks the service
    await see(user, messages.SESSION_EXPIRED)
    await user.should_see(marker="gestion-sign-in")
    await user.should_not_see("Se déconnecter")

    await sign_in_staff(user, admin, then=PERSONNELS)
    manage_id = admin.id
    platform = test_platform()
    platform.staff.end_all_sessions(admin.id)
    platform.db.dispose()
    manage(user, manage_id)  # a row action this time
    await see(user, messages.SESSION_EXPIRED)
    await user.should_see(marker="gestion-sign-in")
