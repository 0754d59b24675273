"""The candidate's copy of their data and the erasure of their account (RGPD), on real files and databases."""

from __future__ import annotations

import json
import zipfile
from datetime import timedelta

import pytest
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.errors import InvalidInput
from ecandidat_ui.services.sessions import SessionEnded
from models import Account, Campaign, Candidature, IssuedLogin, PersonalInfo, Piece, UploadedFile
from models.clock import utcnow
from tests.mailbox import Mailbox
from tests.parameters import set_parameter
from tests.sessions import actor
from tests.unit.test_candidatures import (
    PDF,
    TODAY,
    formation_id,
    open_offer,  # noqa: F401  (a fixture)
    ready_candidate,
)

pytestmark = pytest.mark.usefixtures("open_offer")


def _applied_with_a_piece(platform: Platform) -> tuple[Account, str, Candidature]:
    account = ready_candidate(platform)
    me = actor(platform, account)
    candidature = platform.candidatures.apply(me, formation_id(platform), TODAY)
    with platform.db.session() as session:
        cv = session.exec(select(Piece.id).where(Piece.code == "CV")).one()
    platform.candidatures.send_piece(me, candidature.id, cv, "mon cv.pdf", PDF)
    return account, me, candidature


def test_the_copy_holds_every_field_and_the_pieces_but_no_secret(platform: Platform, tmp_path):
    account, me, _ = _applied_with_a_piece(platform)
    target = tmp_path / "copie.zip"
    name = platform.personal_data.write_copy(me, target)
    assert name == f"mes-donnees-{account.login}.zip"
    with zipfile.ZipFile(target) as archive:
        data = json.loads(archive.read("donnees.json"))
        [piece_name] = [entry for entry in archive.namelist() if entry.startswith("pieces/")]
        assert piece_name.endswith("-CV-mon cv.pdf")
        assert archive.read(piece_name) == PDF
    assert data["compte"]["login"] == account.login and data["compte"]["mail"] == "marie@example.org"
    assert "password_hash" not in data["compte"] and "mail_key" not in data["compte"]
    assert data["informations_perso"]["birth_date"]  # the tabs, every field
    assert data["adresse"] and data["baccalaureat"]
    [shown] = data["candidatures"]
    assert shown["formation"] == {"code": "M1-INFO", "libelle": "Master Informatique"}
    assert shown["status"] == "En attente" and shown["historique"]
    assert "decision" not in shown  # an avis not validated is not the candidate's yet
    assert [question["question"] for question in shown["reponses"]] in ([], ["Avez-vous un stage ?"])
    assert data["pieces_envoyees"][0]["original_name"] == "mon cv.pdf"
    assert "stored_name" not in data["pieces_envoyees"][0]


def test_a_copy_needs_a_live_session(platform: Platform, tmp_path):
    account = ready_candidate(platform)
    me = actor(platform, account)
    platform.sessions.close(me)
    with pytest.raises(SessionEnded):
        platform.personal_data.write_copy(me, tmp_path / "copie.zip")


def test_deleting_an_account_with_nothing_transmitted_removes_everything(platform: Platform, mailbox: Mailbox):
    account, me, _ = _applied_with_a_piece(platform)
    with platform.db.session() as session:
        stored = session.exec(select(UploadedFile.stored_name)).one()
    assert (platform.settings.uploads_dir / stored).is_file()
    assert platform.personal_data.erasure(me).allowed

    with pytest.raises(InvalidInput) as wrong:
        platform.personal_data.delete_account(me, "ZZ999")
    assert wrong.value.errors == {"login": messages.ERASURE_BAD_LOGIN}

    platform.personal_data.delete_account(me, account.login.lower())
    with platform.db.session() as session:
        assert session.get(Account, account.id) is None
        assert session.get(PersonalInfo, account.id) is None
        assert session.exec(select(Candidature)).all() == []
        assert session.exec(select(UploadedFile)).all() == []
        assert session.get(IssuedLogin, account.login) is not None  # a numéro de dossier is never given again
    assert not (platform.settings.uploads_dir / stored).exists()
    with pytest.raises(SessionEnded):  # the sessions went with the account
        platform.personal_data.erasure(me)
    platform.mail_sender.send_due()
    [told] = [mail for mail in mailbox.mails if "Suppression de votre compte" in mail.subject]
    assert account.login in told.text and told.to == ["marie@example.org"]


@pytest.mark.parametrize("how", ["transmitted", "handed back"])
def test_a_transmitted_file_is_kept_until_the_retention_ends(platform: Platform, how: str):
    account, me, candidature = _applied_with_a_piece(platform)
    set_parameter(platform, "retention_years", 2)
    with platform.db.session() as session:
        row = session.get(Candidature, candidature.id)
        if how == "transmitted":
            row.transmitted_at = utcnow()
        else:  # Incomplet: transmitted once, back with the candidate
            row.status = "Incomplet"
        session.add(row)
        campaign = session.get(Campaign, row.campaign_id)
        ends_on = campaign.ends_on
    erasure = platform.personal_data.erasure(me)
    assert not erasure.allowed
    assert erasure.kept_until == ends_on.replace(year=ends_on.year + 2)
    with pytest.raises(InvalidInput) as kept:
        platform.personal_data.delete_account(me, account.login)
    assert kept.value.errors["login"] == messages.ERASURE_KEPT.format(date=f"{erasure.kept_until:%d/%m/%Y}")
    with platform.db.session() as session:
        assert session.get(Account, account.id) is not None


def test_housekeeping_deletes_the_files_whose_retention_ran_out(platform: Platform):
    kept, _, candidature = _applied_with_a_piece(platform)
    with platform.db.session() as session:
        row = session.get(Candidature, candidature.id)
        row.transmitted_at = utcnow()
        session.add(row)
        ends_on = session.get(Campaign, row.campaign_id).ends_on
    never_sent = ready_candidate(platform, "paul@example.org")  # nothing transmitted: not the purge's business
    retention_end = ends_on.replace(year=ends_on.year + 1)
    assert platform.personal_data.purge_expired(retention_end) == 0  # the last day of the retention: kept
    assert platform.personal_data.purge_expired(retention_end + timedelta(days=1)) == 1
    with platform.db.session() as session:
        assert session.get(Account, kept.id) is None
        assert session.exec(select(UploadedFile)).all() == []
        assert session.get(Account, never_sent.id) is not None
    assert list(platform.settings.uploads_dir.iterdir()) == []
