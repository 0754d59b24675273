"""The rules on the days that break date arithmetic: 29 February (2028 is in a campaign season) and 31 December."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import file_rules
from ecandidat_ui.services.candidate_file import Tab, TabStatus, missing_required
from ecandidat_ui.services.dates import add_years
from ecandidat_ui.services.errors import InvalidInput
from ecandidat_ui.services.offer_import import apply_offer
from tests.sessions import actor
from tests.unit.test_candidatures import formation_id, offer
from tests.unit.test_file_rules import ADDRESS, PERSONAL, bac

LEAP_DAY = date(2028, 2, 29)
NEW_YEARS_EVE = date(2027, 12, 31)


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (LEAP_DAY, -10, date(2018, 2, 28)),
        (LEAP_DAY, -100, date(1928, 2, 29)),  # 1928 is a leap year too
        (LEAP_DAY, 1, date(2029, 2, 28)),
        (LEAP_DAY, 4, date(2032, 2, 29)),
        (NEW_YEARS_EVE, -10, date(2017, 12, 31)),
        (date(2027, 3, 1), -1, date(2026, 3, 1)),
    ],
)
def test_add_years_keeps_the_day_or_takes_28_february(day, years, expected):
    assert add_years(day, years) == expected


@pytest.mark.parametrize(
    ("today", "birth_date", "valid"),
    [
        (LEAP_DAY, "2018-02-28", True),  # ten years old on the 28th, 2018 having no 29th
        (LEAP_DAY, "2018-03-01", False),
        (LEAP_DAY, "1928-02-29", True),
        (LEAP_DAY, "1928-02-28", False),
        (NEW_YEARS_EVE, "2017-12-31", True),
        (NEW_YEARS_EVE, "2018-01-01", False),
        (NEW_YEARS_EVE, "1927-12-31", True),
        (NEW_YEARS_EVE, "1927-12-30", False),
        (date(2029, 2, 28), "2019-02-28", True),
        (date(2029, 2, 28), "2019-03-01", False),
    ],
)
def test_birth_date_bounds_on_29_february_and_31_december(today, birth_date, valid):
    values = {**PERSONAL, "birth_date": birth_date}
    if valid:
        assert file_rules.personal_info(values, today)["birth_date"] == date.fromisoformat(birth_date)
    else:
        with pytest.raises(InvalidInput) as refused:
            file_rules.personal_info(values, today)
        assert refused.value.errors == {"birth_date": messages.BAD_BIRTH_DATE}


@pytest.mark.parametrize("today", [LEAP_DAY, NEW_YEARS_EVE])
def test_every_tab_rule_on_the_edge_days(today):
    assert file_rules.is_valid(file_rules.personal_info, PERSONAL, today)
    assert file_rules.is_valid(file_rules.baccalaureate, bac(today.year, "STMG"), today)
    assert not file_rules.is_valid(file_rules.baccalaureate, bac(today.year + 1, "STMG"), today)
    entry = {"year": str(today.year + 1), "duration": "2 mois", "employer": "Mairie", "description": "Accueil"}
    assert file_rules.internship(entry, today)["year"] == today.year + 1


@pytest.mark.parametrize("today", [LEAP_DAY, NEW_YEARS_EVE])
def test_the_file_and_applying_work_on_the_edge_days(platform: Platform, today):
    """29/02 used to crash « Mon compte », the home page and applying (statuses check the birth date)."""
    apply_offer(platform.db, offer(today - timedelta(days=10), today + timedelta(days=10)))
    account = platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org")
    service = platform.candidate_file
    service.save_personal(actor(platform, account), {**PERSONAL, "ine": ""}, 0, today)
    service.save_address(actor(platform, account), ADDRESS, 0)
    service.save_bac(actor(platform, account), bac(2019, "S"), 0, today)
    service.set_no_higher_education(actor(platform, account), True)
    statuses = service.statuses(account.id, today)
    assert missing_required(statuses) == [] and statuses[Tab.PERSONAL] is TabStatus.COMPLETE
    candidature = platform.candidatures.apply(actor(platform, account), formation_id(platform), today)
    assert candidature.status == "En attente"
