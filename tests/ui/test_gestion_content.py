"""« Mails », « Messages », « FAQ » and « Paramètres » as the user fixture sees them, signed in through the real
sign-in page: each table, an editor with an error at its field (what was typed kept), a save the candidate side
follows at once, and a member whose rights do not open the screen."""

from __future__ import annotations

import re
from typing import Any

from nicegui import ui
from nicegui.testing import User

from ecandidat_ui import messages
from ecandidat_ui.mail.templates import CATALOGUE, DEFAULTS
from ecandidat_ui.services.parameters import DEFINITIONS
from ecandidat_ui.services.rights import Role
from models import Centre, MailTemplate
from tests.mailbox import Mailbox
from tests.ui.gestion_helpers import signed_in_staff, test_platform
from tests.ui.helpers import create_account, error_of, field, fill, see, until


def table_rows(user: User, marker: str) -> list[dict[str, Any]]:
    return user.find(marker=marker).elements.pop().props["rows"]


async def rows_when(user: User, marker: str, condition) -> list[dict[str, Any]]:
    await until(lambda: condition(table_rows(user, marker)))
    return table_rows(user, marker)


async def act(user: User, table: str, action: str, key: object) -> None:
    """A row's button, once the editor of the previous one is gone."""
    await user.should_not_see(marker="editor", retries=50)
    user.find(marker=table).trigger("action", {"action": action, "key": key})


async def refused(user: User, path: str, role: Role, **scope: object) -> None:
    """A member of this role signs in on the screen and meets a French refusal, not the screen."""
    await signed_in_staff(user, role, then=path, **scope)
    await user.should_see(marker="gestion-refused")
    await user.should_not_see(marker="editor")


def a_centre() -> int:
    platform = test_platform()
    with platform.db.session() as session:
        centre = Centre(code="SCI", label="UFR Sciences")
        session.add(centre)
        session.flush()
        centre_id = centre.id
    platform.db.dispose()
    return centre_id


# --- Mails -------------------------------------------------------------------------------------------------


async def test_mails_an_edited_account_creation_mail_is_what_the_next_candidate_receives(user: User, mailbox: Mailbox):
    admin = await signed_in_staff(user, Role.ADMIN, then="/gestion/mails")
    rows = await rows_when(user, "mails", lambda rows: len(rows) == len(CATALOGUE))
    assert {row["state"] for row in rows} == {messages.MAIL_DEFAULT}
    await act(user, "mails", "edit", "account_created")
    await user.should_see(marker="variable-lien")
    await until(lambda: "MARTIN" in user.find(marker="preview-text").elements.pop().text)  # the sample candidate

    fill(user, body="Bonjour {prenom}, dossier {login} ({nom_complet}) : {lien}")
    user.find(marker="save").click()
    assert await error_of(user, "body") == messages.MAIL_UNKNOWN_VARIABLE.format(name="nom_complet")
    assert field(user, "body").value == "Bonjour {prenom}, dossier {login} ({nom_complet}) : {lien}"
    fill(user, subject="Bienvenue {prenom}", body="Bonjour {prenom}, dossier {login} : {lien}")
    user.find(marker="send-test").click()
    await until(lambda: any(mail.subject.startswith("[Test]") for mail in mailbox.for_address(admin.mail)), 10)
    assert [m.subject for m in mailbox.for_address(admin.mail) if m.subject.startswith("[Test]")] == [
        "[Test] Bienvenue CAMILLE"
    ]
    user.find(marker="save").click()
    await see(user, messages.MAIL_SAVED)
    rows = await rows_when(user, "mails", lambda rows: messages.MAIL_EDITED in {row["state"] for row in rows})
    assert [row["id"] for row in rows if row["state"] == messages.MAIL_EDITED] == ["account_created"]

    await create_account(user, mailbox, "marie.baillon@example.org", "Baillon", "Marie")
    mail = await mailbox.wait_for("marie.baillon@example.org")
    assert mail.subject == "Bienvenue MARIE"
    assert re.match(r"Bonjour MARIE, dossier [0-9A-Z]{8} : http://ecandidat.test/compte/validation/", mail.text)


async def test_mails_back_to_the_default_text(user: User):
    platform = test_platform()
    await signed_in_staff(user, Role.SCOLARITE, then="/gestion/mails")
    await act(user, "mails", "edit", "password_reset")
    await user.should_see(marker="reset")
    fill(user, subject="Vos identifiants")
    user.find(marker="save").click()
    await see(user, messages.MAIL_SAVED)
    await act(user, "mails", "edit", "password_reset")
    await user.should_see(marker="subject", retries=50)
    assert field(user, "subject").value == "Vos identifiants"
    user.find(marker="reset").click()
    await user.should_see(marker="reset-yes", retries=50)
    user.find(marker="reset-yes").click()
    await see(user, messages.MAIL_RESET_DONE)
    assert field(user, "subject").value == DEFAULTS["password_reset"][0]
    with platform.db.session() as session:
        assert session.get(MailTemplate, "password_reset").subject == DEFAULTS["password_reset"][0]
    platform.db.dispose()


async def test_mails_are_not_for_a_centre_manager(user: User):
    await refused(user, "/gestion/mails", Role.CENTRE_MANAGER, centre_id=a_centre())


# --- Messages ----------------------------------------------------------------------------------------------


async def test_messages_the_maintenance_message_is_checked_then_shown_to_candidates(user: User):
    await signed_in_staff(user, Role.SCOLARITE, then="/gestion/messages")
    rows = await rows_when(user, "site-messages", lambda rows: len(rows) == 2)
    assert [row["title"] for row in rows] == ["Message d'accueil", "Message de maintenance"]
    await act(user, "site-messages", "edit", "maintenance")
    await user.should_see(marker="text")
    fill(user, text="Coupure ce soir, voir [ici](javascript:alert(1))")
    user.find(marker="save").click()
    error = await error_of(user, "text")
    assert error == messages.MARKDOWN_REFUSED_LINK.format(links="javascript:alert(1)")
    assert field(user, "text").value == "Coupure ce soir, voir [ici](javascript:alert(1))"
    fill(user, text="**Coupure** ce soir de 23 h à 1 h.")
    await until(lambda: any("<strong>Coupure</strong>" in e.content for e in user.find(ui.html).elements))
    user.find(marker="save").click()
    await see(user, messages.SITE_MESSAGE_SAVED)
    await user.open("/")
    await user.should_see(marker="maintenance")
    await user.should_see("Coupure")


async def test_messages_are_not_for_a_read_only_member(user: User):
    await refused(user, "/gestion/messages", Role.READ_ONLY)


# --- FAQ ---------------------------------------------------------------------------------------------------


async def test_faq_a_question_is_added_moved_and_deleted(user: User):
    await signed_in_staff(user, Role.ADMIN, then="/gestion/faq")
    rows = await rows_when(user, "faq", lambda rows: len(rows) == 4)
    assert rows[0]["question"] == "Je n'ai pas reçu le mail de validation de mon compte"
    user.find(marker="faq-new").click()
    await user.should_see(marker="question")
    fill(user, answer="Le **1er mars**.")
    user.find(marker="save").click()
    assert await error_of(user, "question") == messages.REQUIRED
    assert field(user, "answer").value == "Le **1er mars**."
    fill(user, question="Quand ouvre la campagne ?")
    user.find(marker="save").click()
    await see(user, messages.FAQ_SAVED)
    rows = await rows_when(user, "faq", lambda rows: len(rows) == 5)
    added = rows[-1]
    assert added["question"] == "Quand ouvre la campagne ?"

    await act(user, "faq", "up", added["id"])
    rows = await rows_when(user, "faq", lambda rows: rows[3]["id"] == added["id"])
    await act(user, "faq", "delete", rows[0]["id"])
    await user.should_see(marker="delete-yes", retries=50)
    user.find(marker="delete-yes").click()
    rows = await rows_when(user, "faq", lambda rows: len(rows) == 4)
    await user.open("/assistance")
    await user.should_see("Quand ouvre la campagne ?")
    await user.should_not_see("Je n'ai pas reçu le mail de validation de mon compte")


async def test_faq_is_not_for_a_centre_manager(user: User):
    await refused(user, "/gestion/faq", Role.CENTRE_MANAGER, centre_id=a_centre())


# --- Paramètres --------------------------------------------------------------------------------------------


async def test_parameters_a_bad_value_is_said_at_its_field_and_a_good_one_applies_at_once(user: User):
    await signed_in_staff(user, Role.ADMIN, then="/gestion/parametres")
    rows = await rows_when(user, "parameters", lambda rows: len(rows) == len(DEFINITIONS))
    assert {row["id"]: row["value"] for row in rows}["upload_max_mb"] == "2"
    await act(user, "parameters", "edit", "upload_max_mb")
    await user.should_see(marker="upload_max_mb")
    await user.should_see(messages.PARAMETER_DEFAULT_IS.format(value="2"))
    fill(user, upload_max_mb="80")
    user.find(marker="save").click()
    assert await error_of(user, "upload_max_mb") == messages.PARAMETER_BETWEEN.format(min=1, max=50)
    assert field(user, "upload_max_mb").value == "80"
    fill(user, upload_max_mb="5")
    user.find(marker="save").click()
    await see(user, messages.PARAMETER_SAVED)
    rows = await rows_when(user, "parameters", lambda rows: any(row["value"] == "5" for row in rows))
    assert test_platform().parameters.current().upload_max_mb == 5

    await act(user, "parameters", "edit", "ine_required")
    await user.should_see(marker="ine_required")
    field(user, "ine_required").value = True
    user.find(marker="save").click()
    await see(user, messages.PARAMETER_SAVED)
    await rows_when(user, "parameters", lambda rows: {r["id"]: r["value"] for r in rows}["ine_required"] == "Oui")
    await act(user, "parameters", "edit", "upload_max_mb")
    await user.should_see(marker="reset")
    user.find(marker="reset").click()
    await see(user, messages.PARAMETER_RESET_DONE)
    assert field(user, "upload_max_mb").value == "2"


async def test_parameters_are_for_administrators_only(user: User):
    await refused(user, "/gestion/parametres", Role.SCOLARITE)
