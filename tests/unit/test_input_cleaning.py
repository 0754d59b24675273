"""What a candidate types is stored as they can see it: no control characters, numbers within their field,
drafts no larger than the fields they hold."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import fields, file_rules
from ecandidat_ui.services.candidate_file import DRAFT_BYTES, Tab, draft_key
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.offer_import import apply_offer
from models import Account, Answer, Draft, PostalAddress, Question
from tests.sessions import actor
from tests.unit.test_candidatures import formation_id, offer, ready_candidate
from tests.unit.test_file_rules import ADDRESS

TODAY = date(2026, 11, 23)
INTERNSHIP = {
    "year": "2024",
    "duration": "2 mois",
    "hours_per_week": "35",
    "employer": "Mairie",
    "description": "Accueil",
}


# --- control characters ------------------------------------------------------------------------------


def test_clean_drops_what_no_one_sees_and_keeps_line_breaks_only_where_asked():
    assert fields.clean("Jean\x00ne\x07 \u202eDupont\ud800") == "Jeanne Dupont"
    assert fields.clean("une\tligne\nsur\r\ndeux") == "une ligne sur  deux"
    assert fields.clean("une\tligne\nsur\r\ndeux\x00\x1b[31m", multiline=True) == "une\tligne\nsur\ndeux[31m"
    assert fields.clean("مريم 王 😀 זה‏ ok\u200d") == "مريم 王 😀 זה‏ ok\u200d"  # scripts, marks and joiners stay
    assert fields.clean(None) == "" and fields.clean(2019) == "2019"


def test_names_and_mails_are_cleaned_before_they_are_checked(platform: Platform):
    account = platform.accounts.create("Bail\x00lon", "Ma\x1brie", "marie@exam\x00ple.org", "marie@example.org")
    with platform.db.session() as session:
        stored = session.get(Account, account.id)
    assert (stored.last_name, stored.first_name, stored.mail) == ("BAILLON", "MARIE", "marie@example.org")


def test_a_saved_tab_keeps_no_control_character(platform: Platform):
    account = platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org")
    platform.candidate_file.save_address(
        actor(platform, account), {**ADDRESS, "line1": "1 cours\x00 Napo\x08léon\x7f", "line2": "\x00"}, 0
    )
    with platform.db.session() as session:
        row = session.get(PostalAddress, account.id)
    assert (row.line1, row.line2) == ("1 cours Napoléon", "")


def test_sign_in_with_a_nul_character_is_an_unknown_login_on_every_database(platform: Platform):
    """PostgreSQL refuses NUL in a query: the page got a traceback instead of the field's message."""
    with pytest.raises(InvalidInput) as refused:
        platform.accounts.sign_in("AB\x00CD", "mot de passe", "127.0.0.1")
    assert refused.value.errors == {"login": messages.UNKNOWN_LOGIN}


def test_passwords_and_links_take_any_character(platform: Platform):
    with pytest.raises(InvalidInput):
        platform.accounts.sign_in("marie@example.org", "\ud800 lone surrogate", "127.0.0.1")
    assert platform.accounts.reset_link_state("\udfff\x00")[0].value == "unknown"


def test_answers_keep_their_lines_but_no_control_character(platform: Platform):
    today = date.today()
    apply_offer(platform.db, offer(today - timedelta(days=1), today + timedelta(days=1)))
    account = ready_candidate(platform)
    candidature = platform.candidatures.apply(actor(platform, account), formation_id(platform), today)
    with platform.db.session() as session:
        session.add(Question(code="PROJET", label="Projet", kind="text", position=9, common=True))
    with platform.db.session() as session:
        question = session.exec(select(Question).where(Question.label == "Projet")).one()
    platform.candidatures.answer(
        actor(platform, account), candidature.id, question.id, "  Ligne 1\r\n\tLigne 2\x00\x0c  "
    )
    with platform.db.session() as session:
        assert session.get(Answer, (candidature.id, question.id)).value == "Ligne 1\n\tLigne 2"
    with pytest.raises(Refused) as refused:
        platform.candidatures.answer(actor(platform, account), candidature.id, question.id, "x" * 2001)
    assert refused.value.message == messages.TOO_LONG.format(max=2000)


# --- numbers -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["1e400", "-1e400", "inf", "Infinity", "9" * 400, 1e308 * 10, "1" * 5000])
def test_a_number_too_large_gives_the_fields_message(typed):
    errors = {}
    for name, check in (("year", file_rules.internship), ("hours_per_week", file_rules.internship)):
        with pytest.raises(InvalidInput) as refused:
            check({**INTERNSHIP, name: typed}, TODAY)
        errors[name] = refused.value.errors[name]
    assert errors["year"] in ("L'année doit être comprise entre 1900 et 2027", messages.BAD_NUMBER)
    assert errors["hours_per_week"] in (messages.BAD_HOURS, messages.BAD_NUMBER)


def test_numbers_keep_their_meaning():
    assert file_rules.internship({**INTERNSHIP, "hours_per_week": "35.0"}, TODAY)["hours_per_week"] == 35
    assert file_rules.internship({**INTERNSHIP, "hours_per_week": 35.7}, TODAY)["hours_per_week"] == 35
    assert file_rules.internship({**INTERNSHIP, "hours_per_week": ""}, TODAY)["hours_per_week"] is None
    for typed, message in (("nan", messages.BAD_NUMBER), ("1e400", messages.BAD_HOURS), ("0.5", messages.BAD_HOURS)):
        with pytest.raises(InvalidInput) as refused:
            file_rules.internship({**INTERNSHIP, "hours_per_week": typed}, TODAY)
        assert refused.value.errors == {"hours_per_week": message}


def test_an_infinite_year_is_refused_by_the_service_with_the_fields_message(platform: Platform):
    account = platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org")
    with pytest.raises(InvalidInput) as refused:
        platform.candidate_file.save_entry(
            actor(platform, account), Tab.INTERNSHIPS, None, {**INTERNSHIP, "year": "1e400"}, 0, TODAY
        )
    assert refused.value.errors == {"year": "L'année doit être comprise entre 1900 et 2027"}


# --- drafts ------------------------------------------------------------------------------------------


def stored_draft_size(platform: Platform, account_id: int) -> int:
    with platform.db.session() as session:
        drafts = session.exec(select(Draft).where(Draft.account_id == account_id)).all()
    return sum(len(json.dumps(d.values)) for d in drafts)


def test_a_huge_draft_is_cut_to_the_fields_sizes_and_keeps_every_valid_field(platform: Platform):
    account = platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org")
    service, key = platform.candidate_file, draft_key(Tab.INTERNSHIPS)
    typed = {**INTERNSHIP, "description": "Accueil du public\n" * 50_000, "employer": "Mairie\x00 de Cergy"}
    assert service.save_draft(actor(platform, account), key, typed, 0) is True
    values = service.draft(actor(platform, account), key).values
    assert {name: values[name] for name in ("year", "duration", "hours_per_week")} == {
        "year": "2024",
        "duration": "2 mois",
        "hours_per_week": "35",
    }
    assert values["employer"] == "Mairie de Cergy"
    assert values["description"].startswith("Accueil du public\nAccueil") and len(values["description"]) == 500
    assert stored_draft_size(platform, account.id) < 2000


def test_a_draft_too_large_even_cut_is_not_kept_and_the_previous_one_stays(platform: Platform):
    account = platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org")
    service, key = platform.candidate_file, draft_key(Tab.ADDRESS)
    assert service.save_draft(actor(platform, account), key, ADDRESS, 0) is True
    junk = {f"champ{n}": "😀" * 500 for n in range(40)}
    assert service.save_draft(actor(platform, account), key, junk, 0) is False
    assert service.draft(actor(platform, account), key).values == ADDRESS
    assert service.save_draft(actor(platform, account), key, {"line1": [[1e400, {"a": 1}], 10**5000]}, 0) is True
    assert service.save_draft(actor(platform, account), "../" * 20, ADDRESS, 0) is False
    assert service.save_draft(actor(platform, account), "x" * 10_000, ADDRESS, 0) is False


def test_a_draft_stored_before_the_limits_is_not_sent_back_whole(platform: Platform):
    account = platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org")
    key = draft_key(Tab.ADDRESS)
    with platform.db.session() as session:
        session.add(Draft(account_id=account.id, tab=key, values={**ADDRESS, "line3": "x" * 900_000}))
    values = platform.candidate_file.draft(actor(platform, account), key).values
    assert values["line1"] == ADDRESS["line1"] and len(values["line3"]) == 500
    assert len(json.dumps(values).encode()) < DRAFT_BYTES


def test_a_stored_draft_too_large_even_cut_is_not_restored(platform: Platform):
    account = platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org")
    key = draft_key(Tab.ADDRESS)
    with platform.db.session() as session:
        session.add(Draft(account_id=account.id, tab=key, values={f"champ{n}": "😀" * 900 for n in range(40)}))
    assert platform.candidate_file.draft(actor(platform, account), key) is None
