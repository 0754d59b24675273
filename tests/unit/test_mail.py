"""The outbox: mails are kept until a real SMTP server accepts them, or written as .eml files offline."""

from __future__ import annotations

import asyncio
from email import message_from_bytes, policy

import pytest
from sqlmodel import select

from ecandidat_ui.lifecycle import prepare
from ecandidat_ui.mail.templates import render
from ecandidat_ui.platform import build_platform
from ecandidat_ui.settings import Settings, load_settings
from models import OutboxMail
from tests.mailbox import Mailbox, free_port


def outbox(platform) -> list[OutboxMail]:
    with platform.db.session() as session:
        return list(session.exec(select(OutboxMail)).all())


def test_html_part_escapes_values_and_links_urls():
    mail = render(
        "account_created",
        prenom="<b>MARIE</b>",
        nom="X",
        login="21EG9U1F",
        etablissement="Université Esup",
        de_etablissement="de l'Université Esup",
        lien="http://ecandidat.test/v/abc",
        jours=5,
    )
    assert "Votre compte eCandidat de l'Université Esup a été créé." in mail.text
    assert "Le service de scolarité de l'Université Esup\n" in mail.text
    assert "<b>MARIE</b>" in mail.text
    assert "&lt;b&gt;MARIE&lt;/b&gt;" in mail.html
    assert '<a href="http://ecandidat.test/v/abc">' in mail.html


def test_an_smtp_outage_loses_nothing_and_the_mail_goes_once_the_server_is_back(tmp_path, monkeypatch):
    port = free_port()
    monkeypatch.setenv("ECANDIDAT_DATABASE_URL", f"sqlite:///{tmp_path / 'outage.sqlite3'}")
    monkeypatch.setenv("ECANDIDAT_SMTP_PORT", str(port))
    platform = build_platform(load_settings(), mail_retry_base_delay=0.2)
    prepare(platform)
    platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org")

    assert platform.mail_sender.send_due() == 0  # nobody listens on that port
    [mail] = outbox(platform)
    assert (mail.attempts, mail.sent_at) == (1, None)
    assert "ConnectionRefusedError" in mail.last_error
    assert platform.mail_sender.send_due() == 0  # not due again before its back-off

    server = Mailbox()
    server.port = port
    server.controller = type(server.controller)(server, hostname="127.0.0.1", port=port)
    server.controller.start()
    try:

        async def wait_for_retry() -> None:
            task = asyncio.create_task(platform.mail_sender.run(poll_seconds=0.1))
            try:
                await server.wait_for("marie@example.org", timeout=10)
            finally:
                task.cancel()

        asyncio.run(wait_for_retry())
    finally:
        server.controller.stop()
    [mail] = outbox(platform)
    assert mail.sent_at is not None and mail.attempts == 2
    assert server.mails[0].subject == "Création de votre compte eCandidat"


def test_without_smtp_host_mails_are_written_as_eml_files(tmp_path, monkeypatch, caplog):
    monkeypatch.delenv("ECANDIDAT_SMTP_HOST")
    caplog.set_level("INFO", logger="ecandidat_ui.mail.sender")
    platform = build_platform(load_settings())
    prepare(platform)
    account = platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org")
    assert platform.mail_sender.send_due() == 1
    [path] = (tmp_path / "data" / "outbox").glob("*.eml")
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert message["To"] == "marie@example.org"
    assert account.login in message.get_body(("plain",)).get_content()
    assert outbox(platform)[0].sent_at is not None
    [link] = [line.split("; links: ")[1] for line in caplog.messages if "; links: " in line]
    assert "/compte/validation/" in link  # the .eml is base64: the log says where the validation link goes


def test_a_mail_claimed_by_another_process_is_not_sent_twice(tmp_path, monkeypatch, mailbox: Mailbox):
    platform = build_platform(load_settings())
    prepare(platform)
    platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org")
    other_process = build_platform(load_settings())
    claimed = other_process.mail_sender._claim_due()
    assert len(claimed) == 1
    assert platform.mail_sender.send_due() == 0
    assert other_process.mail_sender._send_one(claimed[0])
    mailbox.wait_for_sync("marie@example.org")
    assert len(mailbox.for_address("marie@example.org")) == 1


@pytest.mark.parametrize("setting", [("ECANDIDAT_PORT", "beaucoup"), ("ECANDIDAT_PUBLIC_URL", "ftp://x")])
def test_bad_settings_stop_the_start_with_one_clear_line(monkeypatch, setting):
    from ecandidat_ui.settings import SettingsError

    monkeypatch.setenv(*setting)
    with pytest.raises(SettingsError) as error:
        load_settings()
    assert str(error.value).startswith(f"Paramètre invalide {setting[0]}")
    assert "\n" not in str(error.value)


def test_mail_texts_live_in_the_database_and_the_institution_can_change_them(tmp_path, mailbox: Mailbox):
    from models import MailTemplate

    platform = build_platform(load_settings())
    prepare(platform)
    with platform.db.session() as session:
        assert session.get(MailTemplate, "account_created").subject == "Création de votre compte eCandidat"
        row = session.get(MailTemplate, "account_created")
        row.subject = "Bienvenue à l'Université Esup & co"
        row.body = "Bonjour {prenom},\nvotre numéro de dossier : {login}.\nLien : {lien}\n{variable_inconnue}"
    platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org")
    platform.mail_sender.send_due()
    mail = mailbox.wait_for_sync("marie@example.org")
    assert mail.subject == "Bienvenue à l'Université Esup & co"
    assert "votre numéro de dossier" in mail.text and "{variable_inconnue}" in mail.text
    assert "Esup &amp; co" in mail.html and f'href="{mail.link()}"' in mail.html
    prepare(platform)  # a restart keeps the institution's text
    with platform.db.session() as session:
        assert session.get(MailTemplate, "account_created").subject.startswith("Bienvenue")


@pytest.mark.parametrize(
    ("article", "name", "expected"),
    [
        ("l'", "Université Esup", "de l'Université Esup"),
        ("la ", "Faculté libre", "de la Faculté libre"),
        ("le ", "Conservatoire national", "du Conservatoire national"),
        ("les ", "Écoles réunies", "des Écoles réunies"),
        ("", "Sciences Po", "de Sciences Po"),
    ],
)
def test_the_institution_after_de_takes_its_article_as_french_does(article: str, name: str, expected: str):
    settings = Settings(institution_article=article, institution_name=name)
    assert settings.institution_values == {"etablissement": name, "de_etablissement": expected}
