"""The mail texts edited in the gestion: every mail listed with its purpose and variables, a text checked at save
(unknown variable named, lone brace, the link a mail cannot lose), the preview and the test mail of the sample
candidate, the default text back — and the next candidate receiving what was saved (real SMTP server)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.mail.templates import CATALOGUE, DEFAULTS, VARIABLES
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import mail_texts
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.paging import TableQuery
from models import JournalEntry, MailTemplate, OutboxMail
from tests.mailbox import Mailbox

ROOT = Path(__file__).resolve().parents[2]
MAIL = "marie.baillon@example.org"


def test_every_mail_the_platform_sends_is_listed_with_its_purpose_and_variables():
    sent = set()
    for path in (ROOT / "ecandidat_ui").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        sent |= set(
            re.findall(
                r"""(?:_mail|render|mail|_send_validation_link)\(\s*(?:session,\s*)?(?:[\w.]+,\s*){0,3}"([a-z_]+)\"""",
                source,
            )
        )
    assert sent, "the scan found no mail"
    assert sent <= set(CATALOGUE), sent - set(CATALOGUE)
    assert set(CATALOGUE) == set(DEFAULTS)
    for code, kind in CATALOGUE.items():
        assert kind.title and kind.purpose.endswith("."), code
        assert set(kind.variables) <= set(VARIABLES) and set(kind.required) <= set(kind.variables), code
        assert mail_texts.check(code, *DEFAULTS[code]) == DEFAULTS[code]  # the defaults pass their own check


def test_the_list_of_mails_is_searched_and_says_which_were_edited(platform: Platform, staff_actors):
    admin = staff_actors["admin"]
    page = platform.mail_texts.page(admin, TableQuery(rows_per_page=50, sort_by="title"))
    assert page.total == len(CATALOGUE) and page.rows[0]["title"] == "Accès à la gestion"
    assert {row["state"] for row in page.rows} == {messages.MAIL_DEFAULT}
    platform.mail_texts.update(admin, "password_reset", "Vos identifiants", DEFAULTS["password_reset"][1])
    page = platform.mail_texts.page(admin, TableQuery(search="identifiants oublies"))
    assert [(row["id"], row["subject"], row["state"]) for row in page.rows] == [
        ("password_reset", "Vos identifiants", messages.MAIL_EDITED)
    ]
    text = platform.mail_texts.text(admin, "account_created")
    assert ("lien", "Le lien de validation du compte") in text.variables
    assert text.required == ("lien",) and text.is_default


@pytest.mark.parametrize(
    ("subject", "body", "errors"),
    [
        ("Bienvenue {prenom_nom}", "{lien}", {"subject": messages.MAIL_UNKNOWN_VARIABLE.format(name="prenom_nom")}),
        (
            "Bienvenue",
            "Bonjour {civilite} {prénom}, {lien}",
            {"body": messages.MAIL_UNKNOWN_VARIABLES.format(names="{civilite}, {prénom}")},
        ),
        (
            "Bienvenue",
            "Votre formation : {formation} {lien}",
            {"body": messages.MAIL_UNKNOWN_VARIABLE.format(name="formation")},
        ),
        ("Bienvenue", "Bonjour {prenom, {lien}", {"body": messages.MAIL_BRACES}),
        ("Bienvenue", "Bonjour prenom}, {lien}", {"body": messages.MAIL_BRACES}),
        ("Bienvenue", "Bonjour {prenom!r} {lien}", {"body": messages.MAIL_VARIABLE_FORM.format(text="{prenom!r}")}),
        (
            "Bienvenue",
            "Bonjour {lien.__class__}",
            {"body": messages.MAIL_VARIABLE_FORM.format(text="{lien.__class__}")},
        ),
        ("Bienvenue", "Bonjour {} {lien}", {"body": messages.MAIL_VARIABLE_FORM.format(text="{}")}),
        (
            "Bienvenue",
            "Bonjour {prenom}, votre login est {login}.",
            {"body": messages.MAIL_MISSING_VARIABLE.format(name="lien")},
        ),
        ("", "", {"subject": messages.REQUIRED, "body": messages.REQUIRED}),
        ("Bien\nvenue", "{lien}", {"subject": messages.MAIL_ONE_LINE}),
        ("x" * 201, "{lien}", {"subject": messages.TOO_LONG.format(max=200)}),
    ],
)
def test_a_text_is_refused_at_its_field_with_the_variable_named(
    platform: Platform, staff_actors, subject: str, body: str, errors: dict
):
    with pytest.raises(InvalidInput) as refused:
        platform.mail_texts.update(staff_actors["admin"], "account_created", subject, body)
    assert refused.value.errors == errors
    with platform.db.session() as session:
        row = session.get(MailTemplate, "account_created")
        assert (row.subject, row.body) == DEFAULTS["account_created"]
        assert session.exec(select(JournalEntry).where(JournalEntry.action.startswith("mail."))).all() == []


def test_an_edited_account_creation_mail_is_what_the_next_candidate_receives(
    platform: Platform, staff_actors, mailbox: Mailbox
):
    admin = staff_actors["admin"]
    platform.mail_texts.update(
        admin,
        "account_created",
        "Bienvenue {prenom} !",
        "Bonjour {prenom},\r\n\r\nvotre dossier {login} vous attend : {lien}\n\n{{ accolades }} gardées.",
    )
    account = platform.accounts.create("Baillon", "Marie", MAIL, MAIL)
    platform.mail_sender.send_due()
    mail = mailbox.wait_for_sync(MAIL)
    assert mail.subject == "Bienvenue MARIE !"
    assert mail.text.startswith(f"Bonjour MARIE,\n\nvotre dossier {account.login} vous attend : http://ecandidat.test/")
    assert "{ accolades } gardées." in mail.text and "Le service de scolarité de l'Université Esup" in mail.text
    assert platform.accounts.follow_validation_link(mail.link().rsplit("/", 1)[1]).message == messages.VALIDATED
    with platform.db.session() as session:
        line = session.exec(select(JournalEntry).where(JournalEntry.action == "mail.update")).one()
    assert (line.object_type, line.object_id, line.object_label) == (
        "mailtemplate",
        "account_created",
        "Création de compte",
    )
    assert line.before == dict(zip(("subject", "body"), DEFAULTS["account_created"], strict=True))
    assert line.after["subject"] == "Bienvenue {prenom} !" and "\r" not in line.after["body"]

    text = platform.mail_texts.reset(admin, "account_created")
    assert text.is_default
    platform.accounts.create("Martin", "Paul", "paul.martin@example.org", "paul.martin@example.org")
    platform.mail_sender.send_due()
    assert mailbox.wait_for_sync("paul.martin@example.org").subject == DEFAULTS["account_created"][0]


def test_the_preview_fills_the_text_being_typed_with_a_sample_candidate(platform: Platform, staff_actors):
    admin = staff_actors["admin"]
    preview = platform.mail_texts.preview(
        admin,
        "candidature_created",
        "Candidature {formation}",
        "Bonjour {prenom} {nom} ({login}), avant le {date_retour} : {lien}",
    )
    assert preview.errors is None and preview.subject == "Candidature Master Informatique"
    assert re.match(
        r"Bonjour CAMILLE MARTIN \([0-9A-Z]{8}\), avant le \d\d/\d\d/\d{4} : http://ecandidat.test/compte/candidatures",
        preview.text,
    )
    assert preview.text.endswith("merci de ne pas y répondre.")
    broken = platform.mail_texts.preview(admin, "candidature_created", "Candidature", "Bonjour {prenom")
    assert broken.errors == {"body": messages.MAIL_BRACES} and broken.text == ""
    with platform.db.session() as session:  # nothing saved by a preview
        assert session.get(MailTemplate, "candidature_created").subject == DEFAULTS["candidature_created"][0]


def test_a_test_mail_goes_to_the_staff_member_through_the_outbox(platform: Platform, staff_actors, mailbox: Mailbox):
    scolarite = staff_actors["scolarite"]
    to = platform.mail_texts.send_test(scolarite, "password_reset", "Vos identifiants {login}", "Choisissez : {lien}")
    assert to == "sophie.colin@example.org"
    platform.mail_sender.send_due()
    mail = mailbox.wait_for_sync(to, 2)  # after the mail of her gestion account
    assert re.fullmatch(r"\[Test\] Vos identifiants [0-9A-Z]{8}", mail.subject)
    assert mail.text.startswith("Choisissez : http://ecandidat.test/compte/mot-de-passe/exemple")
    with platform.db.session() as session:
        assert session.get(MailTemplate, "password_reset").subject == DEFAULTS["password_reset"][0]  # not saved
        sent = session.exec(select(OutboxMail.template).where(OutboxMail.to == to)).all()
        assert sent == ["staff_setup", "password_reset"]
        line = session.exec(select(JournalEntry).where(JournalEntry.action == "mail.test")).one()
    assert line.after == {"to": to} and line.staff_id == scolarite.id
    with pytest.raises(InvalidInput) as refused:
        platform.mail_texts.send_test(scolarite, "password_reset", "Test", "Sans le lien")
    assert refused.value.errors == {"body": messages.MAIL_MISSING_VARIABLE.format(name="lien")}


def test_only_administrators_and_the_scolarite_edit_the_mails(platform: Platform, staff_actors, mailbox: Mailbox):
    subject, body = DEFAULTS["account_created"]
    platform.mail_texts.update(staff_actors["scolarite"], "account_created", "Par la scolarité", body)
    for name in ("gestionnaire", "lecture"):
        actor = staff_actors[name]
        for attempt in (
            lambda a=actor: platform.mail_texts.page(a, TableQuery()),
            lambda a=actor: platform.mail_texts.text(a, "account_created"),
            lambda a=actor: platform.mail_texts.preview(a, "account_created", subject, body),
            lambda a=actor: platform.mail_texts.update(a, "account_created", subject, body),
            lambda a=actor: platform.mail_texts.reset(a, "account_created"),
            lambda a=actor: platform.mail_texts.send_test(a, "account_created", subject, body),
        ):
            with pytest.raises(Refused) as refused:
                attempt()
            assert refused.value.message == "Vous n'avez pas le droit de modifier les mails."
    with platform.db.session() as session:
        assert session.get(MailTemplate, "account_created").subject == "Par la scolarité"
    with pytest.raises(Refused, match=messages.MAIL_UNKNOWN):
        platform.mail_texts.update(staff_actors["admin"], "newsletter", subject, body)
