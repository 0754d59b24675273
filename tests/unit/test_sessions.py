"""Sessions: the hand-over of a sign-in, what the database keeps, and every change on behalf of a candidate refused
once the candidate's session has ended, whatever ended it, with nothing written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import func
from sqlmodel import select

from ecandidat_ui import security
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.candidate_file import Tab, draft_key
from ecandidat_ui.services.review import Decision
from ecandidat_ui.services.sessions import SessionEnded
from models import (
    Answer,
    Candidature,
    CandidatureEvent,
    Draft,
    ExternalCursus,
    FileFlags,
    Internship,
    OutboxMail,
    PersonalInfo,
    PieceState,
    PostalAddress,
    TokenPurpose,
    UploadedFile,
    UserSession,
)
from models.clock import utcnow
from tests.mailbox import Mailbox
from tests.unit.test_accounts import MAIL, PASSWORD, delivered, session_of, token_of, validated_account
from tests.unit.test_candidatures import PDF, TODAY, formation_id, open_offer  # noqa: F401  (a fixture)
from tests.unit.test_file_rules import ADDRESS, PERSONAL, bac

INTERNSHIP = {"year": "2024", "duration": "2 mois", "employer": "Mairie", "description": "Accueil"}


def test_a_sign_in_is_handed_over_once_and_within_seconds(platform: Platform, mailbox: Mailbox):
    account = validated_account(platform, mailbox)
    handover = platform.accounts.sign_in(account.login, PASSWORD, "127.0.0.1")
    assert platform.sessions.account_for(handover) is None  # a hand-over token opens nothing by itself
    session_id = platform.sessions.take_handover(handover)
    assert platform.sessions.account_for(session_id).id == account.id
    assert platform.sessions.take_handover(handover) is None  # single use

    late = platform.accounts.sign_in(account.login, PASSWORD, "127.0.0.1")
    with platform.db.session() as session:
        session.get(UserSession, security.token_digest(late)).handover_until = utcnow() - timedelta(seconds=1)
    assert platform.sessions.take_handover(late) is None
    platform.sessions.delete_expired()
    with platform.db.session() as session:
        assert session.get(UserSession, security.token_digest(late)) is None


def test_the_database_keeps_no_session_id(platform: Platform, mailbox: Mailbox):
    account = validated_account(platform, mailbox)
    session_id = session_of(platform, account.login)
    with platform.db.session() as session:
        stored = [row.id for row in session.exec(select(UserSession)).all()]
    assert session_id not in stored and stored == [security.token_digest(session_id)]


def _sign_out(platform: Platform, session_id: str, mailbox: Mailbox) -> None:
    platform.sessions.close(session_id)


def _password_reset(platform: Platform, session_id: str, mailbox: Mailbox) -> None:
    platform.mail_sender.send_due()
    sent = len(mailbox.for_address(MAIL))
    platform.accounts.send_reset_link(MAIL, "127.0.0.1")
    token = token_of(delivered(platform, mailbox, count=sent + 1).link())
    platform.accounts.set_password_from_link(
        token, TokenPurpose.PASSWORD_RESET, "un tout autre secret", "un tout autre secret"
    )


def _idle(platform: Platform, session_id: str, mailbox: Mailbox) -> None:
    with platform.db.session() as session:
        session.get(UserSession, security.token_digest(session_id)).last_seen_at -= timedelta(minutes=31)


def _twelve_hours(platform: Platform, session_id: str, mailbox: Mailbox) -> None:
    with platform.db.session() as session:
        row = session.get(UserSession, security.token_digest(session_id))
        row.created_at -= timedelta(hours=12, seconds=1)
        row.last_seen_at = utcnow()  # active all along


ENDINGS = {"sign-out": _sign_out, "password reset": _password_reset, "idle": _idle, "12 hours": _twelve_hours}
WRITTEN = (
    PersonalInfo,
    PostalAddress,
    FileFlags,
    ExternalCursus,
    Internship,
    Draft,
    Candidature,
    CandidatureEvent,
    Answer,
    PieceState,
    UploadedFile,
    OutboxMail,
)


def _counts(platform: Platform) -> dict[str, int]:
    with platform.db.session() as session:
        return {model.__name__: session.exec(select(func.count()).select_from(model)).one() for model in WRITTEN}


@pytest.mark.usefixtures("open_offer")
@pytest.mark.parametrize("ending", ENDINGS.values(), ids=ENDINGS.keys())
def test_every_change_is_refused_once_the_session_ended(
    platform: Platform, mailbox: Mailbox, ending: Callable[[Platform, str, Mailbox], None]
):
    account = validated_account(platform, mailbox)
    me = session_of(platform, account.login)
    files, candidatures = platform.candidate_file, platform.candidatures
    files.save_personal(me, {**PERSONAL, "ine": ""}, 0, TODAY)
    files.save_address(me, ADDRESS, 0)
    files.save_bac(me, bac(2019, "S"), 0, TODAY)
    files.set_no_higher_education(me, True)
    entry = files.save_entry(me, Tab.INTERNSHIPS, None, INTERNSHIP, 0, TODAY)
    files.save_draft(me, draft_key(Tab.ADDRESS), {**ADDRESS, "line1": "brouillon"}, 1)
    candidature = candidatures.apply(me, formation_id(platform), TODAY)
    favourable = candidatures.apply(me, formation_id(platform, "M1-DATA"), TODAY)
    _decide(platform, favourable.id)
    view = candidatures.view(account.id, candidature.id)
    pieces = {p.piece.label: p.piece.id for p in view.pieces}
    [(question, _)] = view.questions

    ending(platform, me, mailbox)
    platform.mail_sender.send_due()
    before = _counts(platform)
    changes: dict[str, Callable[[], object]] = {
        "save_personal": lambda: files.save_personal(me, PERSONAL, 1, TODAY),
        "save_address": lambda: files.save_address(me, ADDRESS, 1),
        "save_bac": lambda: files.save_bac(me, bac(2020, "S"), 1, TODAY),
        "set_no_higher_education": lambda: files.set_no_higher_education(me, False),
        "save_entry": lambda: files.save_entry(me, Tab.INTERNSHIPS, None, INTERNSHIP, 0, TODAY),
        "delete_entry": lambda: files.delete_entry(me, Tab.INTERNSHIPS, entry.id),
        "save_draft": lambda: files.save_draft(me, draft_key(Tab.BAC), {"year": "2020"}, 1),
        "discard_draft": lambda: files.discard_draft(me, draft_key(Tab.ADDRESS)),
        "draft": lambda: files.draft(me, draft_key(Tab.ADDRESS)),
        "apply": lambda: candidatures.apply(me, formation_id(platform, "M1-DATA"), TODAY),
        "answer": lambda: candidatures.answer(me, candidature.id, question.id, "Oui"),
        "send_piece": lambda: candidatures.send_piece(me, candidature.id, pieces["Curriculum vitae"], "cv.pdf", PDF),
        "set_not_concerned": lambda: candidatures.set_not_concerned(
            me, candidature.id, pieces["Notification MDPH"], True
        ),
        "transmit": lambda: candidatures.transmit(me, candidature.id, TODAY),
        "cancel": lambda: candidatures.cancel(me, candidature.id),
        "confirm": lambda: candidatures.confirm(me, favourable.id, TODAY),
        "withdraw": lambda: candidatures.withdraw(me, favourable.id, "", TODAY),
        "update_identity": lambda: platform.accounts.update_identity(
            me, "Autre", "Nom", "x@example.org", "x@example.org"
        ),
        "change_password": lambda: platform.accounts.change_password(
            me, PASSWORD, "une phrase toute neuve", "une phrase toute neuve"
        ),
    }
    for name, change in changes.items():
        with pytest.raises(SessionEnded):
            change()
            pytest.fail(f"{name} was done")
    assert _counts(platform) == before
    assert not platform.settings.uploads_dir.exists() or list(platform.settings.uploads_dir.iterdir()) == []
    with platform.db.session() as session:
        assert session.get(type(entry), entry.id) is not None
        assert session.get(PersonalInfo, account.id).version == 1


def _decide(platform: Platform, candidature_id: int) -> None:
    """A favourable decision, validated, as the staff would give it."""
    platform.review.record_decision(candidature_id, Decision.FAVORABLE)
    platform.review.validate_decision(candidature_id)
