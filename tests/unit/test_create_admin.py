"""`python -m ecandidat_ui create-admin` in its own process, with its mail read from a real SMTP server."""

from __future__ import annotations

import os
import subprocess
import sys
from email import message_from_bytes, policy
from pathlib import Path

from sqlmodel import select

from ecandidat_ui.db import Database
from models import StaffGrant, StaffMember, StaffSetupToken
from tests.mailbox import Mailbox

ROOT = Path(__file__).resolve().parents[2]


def create_admin(*arguments: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}  # this worktree's code, run from the test's folder
    return subprocess.run(
        [sys.executable, "-m", "ecandidat_ui", "create-admin", *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        check=False,
    )


def printed_link(output: str) -> str:
    return next(line.split(" : ", 1)[1] for line in output.splitlines() if line.startswith("Lien d'activation"))


def test_the_command_creates_the_first_administrator_and_mails_the_link(database_url: str, mailbox: Mailbox):
    done = create_admin("--mail", "anne.dupont@example.org", "--nom", "Dupont", "--prenom", "Anne")
    assert done.returncode == 0, done.stderr
    assert "Administrateur créé : Anne DUPONT <anne.dupont@example.org>" in done.stdout
    link = printed_link(done.stdout)
    assert link.startswith("http://ecandidat.test/gestion/activation/")
    assert "Le lien a aussi été envoyé à anne.dupont@example.org." in done.stdout
    mail = mailbox.wait_for_sync("anne.dupont@example.org")
    assert mail.subject == "Votre accès à la gestion eCandidat" and mail.link() == link

    again = create_admin("--mail", "Anne.Dupont@example.org", "--nom", "Dupont", "--prenom", "Anne")
    assert again.returncode == 0, again.stderr
    assert "Administrateur existant, nouveau lien d'activation" in again.stdout
    assert mailbox.wait_for_sync("anne.dupont@example.org", 2).link() == printed_link(again.stdout) != link
    db = Database(database_url)
    with db.session() as session:
        assert len(session.exec(select(StaffMember)).all()) == 1
        assert [grant.role for grant in session.exec(select(StaffGrant))] == ["admin"]
        tokens = session.exec(select(StaffSetupToken).order_by(StaffSetupToken.id)).all()
    assert [token.revoked_at is not None for token in tokens] == [True, False]
    db.dispose()


def test_the_command_names_a_wrong_value(database_url: str, mailbox: Mailbox):
    done = create_admin("--mail", "pas-une-adresse", "--nom", "Dupont", "--prenom", "Anne")
    assert done.returncode == 1
    assert done.stderr.strip() == "--mail : Adresse mail invalide"
    assert mailbox.mails == []


def test_without_smtp_the_link_is_printed_and_the_mail_written(monkeypatch, tmp_path: Path):
    monkeypatch.delenv("ECANDIDAT_SMTP_HOST")  # and the default SQLite file of the data folder
    done = create_admin("--mail", "anne.dupont@example.org", "--nom", "Dupont", "--prenom", "Anne")
    assert done.returncode == 0, done.stderr
    [written] = (tmp_path / "data" / "outbox").iterdir()
    message = message_from_bytes(written.read_bytes(), policy=policy.default)
    assert printed_link(done.stdout) in message.get_body(("plain",)).get_content()
    assert "Aucun serveur SMTP n'est réglé" in done.stdout
