"""What each tab accepts, without any browser or database."""

from __future__ import annotations

from datetime import date

import pytest

from ecandidat_ui import messages, refdata
from ecandidat_ui.services import file_rules, ine
from ecandidat_ui.services.errors import InvalidInput

TODAY = date(2026, 11, 23)
FRANCE = refdata.FRANCE_CODE
SPAIN = next(c.code for c in refdata.search_countries("Espagne"))
INE = "1234567890" + ine.bea_key("1234567890")


def errors_of(check, values, *args, **kwargs) -> dict[str, str]:
    with pytest.raises(InvalidInput) as refused:
        check(values, *args, **kwargs)
    return refused.value.errors


PERSONAL = {
    "nationality": FRANCE,
    "ine": INE,
    "civility": "Mme",
    "birth_name": "Baillon",
    "first_name": "Marie",
    "birth_date": "2003-02-14",
    "birth_country": FRANCE,
    "birth_departement": "2A",
    "birth_commune": "2A004",
    "phone": "+33 (0)1 23.45-67/89",
}


def test_a_complete_personal_file_is_cleaned():
    cleaned = file_rules.personal_info(PERSONAL, TODAY)
    assert cleaned["birth_name"] == "BAILLON" and cleaned["birth_date"] == date(2003, 2, 14)
    assert cleaned["birth_city"] == "" and cleaned["birth_commune"] == "2A004"


def test_personal_required_fields():
    errors = errors_of(file_rules.personal_info, {}, TODAY)
    assert errors == {
        "nationality": messages.REQUIRED,
        "civility": messages.REQUIRED,
        "birth_name": messages.REQUIRED,
        "first_name": messages.REQUIRED,
        "birth_date": messages.REQUIRED,
        "birth_country": messages.REQUIRED,
        "birth_city": messages.REQUIRED,
    }


def test_born_abroad_needs_a_city_not_a_commune():
    values = {**PERSONAL, "birth_country": SPAIN, "birth_departement": "", "birth_commune": ""}
    assert errors_of(file_rules.personal_info, values, TODAY) == {"birth_city": messages.REQUIRED}
    cleaned = file_rules.personal_info({**values, "birth_city": "Séville"}, TODAY)
    assert (cleaned["birth_city"], cleaned["birth_commune"]) == ("SÉVILLE", "")


def test_born_in_france_needs_a_commune_of_the_departement():
    values = {**PERSONAL, "birth_departement": "75"}
    assert errors_of(file_rules.personal_info, values, TODAY) == {"birth_commune": messages.UNKNOWN_VALUE}


@pytest.mark.parametrize(
    ("birth_date", "valid"),
    [("2016-11-23", True), ("2016-11-24", False), ("1926-11-23", True), ("1926-11-22", False), ("pas une date", False)],
)
def test_birth_date_between_100_and_10_years_ago(birth_date, valid):
    values = {**PERSONAL, "birth_date": birth_date}
    if valid:
        file_rules.personal_info(values, TODAY)
    else:
        assert errors_of(file_rules.personal_info, values, TODAY) == {"birth_date": messages.BAD_BIRTH_DATE}


def test_ine_and_phones_and_limits():
    values = {**PERSONAL, "ine": "1234567890Z", "mobile": "06 12 34 ab", "usual_name": "X" * 31}
    assert errors_of(file_rules.personal_info, values, TODAY) == {
        "ine": messages.BAD_INE,
        "mobile": messages.BAD_PHONE,
        "usual_name": "Ce champ ne peut pas dépasser 30 caractères",
    }


def test_ine_mandatory_for_french_nationals_when_the_institution_says_so():
    values = {**PERSONAL, "ine": ""}
    file_rules.personal_info(values, TODAY)
    assert errors_of(file_rules.personal_info, values, TODAY, ine_required=True) == {"ine": messages.REQUIRED}
    file_rules.personal_info({**values, "nationality": SPAIN}, TODAY, ine_required=True)


ADDRESS = {"country": FRANCE, "postal_code": "20000", "commune": "2A004", "line1": "1 cours Napoléon"}


def test_address_in_france_takes_a_commune_of_its_postal_code():
    assert file_rules.postal_address(ADDRESS)["commune"] == "2A004"
    assert errors_of(file_rules.postal_address, {**ADDRESS, "commune": "75056"}) == {
        "commune": messages.COMMUNE_NOT_IN_POSTAL_CODE
    }
    assert errors_of(file_rules.postal_address, {**ADDRESS, "postal_code": "2OOOO", "commune": ""}) == {
        "postal_code": messages.BAD_POSTAL_CODE,
        "commune": messages.REQUIRED,
    }
    assert errors_of(file_rules.postal_address, {**ADDRESS, "postal_code": "00000"})["postal_code"] == (
        messages.UNKNOWN_POSTAL_CODE
    )


def test_address_abroad_and_limits():
    values = {"country": SPAIN, "foreign_city": "Madrid", "line1": "Calle Mayor 1", "line2": "x" * 33}
    assert errors_of(file_rules.postal_address, values) == {"line2": "Ce champ ne peut pas dépasser 32 caractères"}
    assert file_rules.postal_address({**values, "line2": ""})["foreign_city"] == "MADRID"


def some_school(departement: str = "75"):
    return refdata.search_lycees("lycee", departement=departement, limit=1)[0]


def bac(year: int, series: str, **more) -> dict:
    school = some_school()
    values = {
        "has_bac": True,
        "year": str(year),
        "series": series,
        "country": FRANCE,
        "departement": "75",
        "commune": school.commune,
        "school": school.uai,
    }
    return {**values, **more}


def test_bac_series_depend_on_the_year():
    assert file_rules.baccalaureate(bac(2019, "S"), TODAY)["series"] == "S"
    assert errors_of(file_rules.baccalaureate, bac(2023, "S"), TODAY) == {"series": messages.UNKNOWN_VALUE}


def test_general_bac_since_2021_takes_two_specialties():
    specialties = [s.code for s in refdata.specialites_for_year(2023)]
    general = refdata.GENERAL_BAC_SINCE_2021
    assert errors_of(file_rules.baccalaureate, bac(2023, general), TODAY) == {"specialties": messages.TWO_SPECIALTIES}
    cleaned = file_rules.baccalaureate(
        bac(2023, general, specialties=specialties[:2], dropped_specialty=specialties[2]), TODAY
    )
    assert cleaned["specialties"] == specialties[:2]


def test_a_specialty_kept_in_terminale_cannot_also_be_the_one_dropped():
    specialties = [s.code for s in refdata.specialites_for_year(2023)]
    values = bac(2023, refdata.GENERAL_BAC_SINCE_2021, specialties=specialties[:2], dropped_specialty=specialties[1])
    assert errors_of(file_rules.baccalaureate, values, TODAY) == {"dropped_specialty": messages.DROPPED_SPECIALTY_KEPT}


def test_no_bac_needs_nothing_else():
    assert file_rules.baccalaureate({"has_bac": False, "year": "abc"}, TODAY)["has_bac"] is False


def test_bac_mentions_of_the_year():
    felicitations = {m.code for m in refdata.mentions_for_year(2023)} - {
        m.code for m in refdata.mentions_for_year(2019)
    }
    assert len(felicitations) == 1
    [code] = felicitations
    assert file_rules.baccalaureate(bac(2023, "STMG", mention=code), TODAY)["mention"] == code
    assert errors_of(file_rules.baccalaureate, bac(2019, "S", mention=code), TODAY) == {
        "mention": messages.UNKNOWN_VALUE
    }


def test_bac_year_bounds():
    assert errors_of(file_rules.baccalaureate, bac(2027, "STMG"), TODAY) == {
        "year": "L'année doit être comprise entre 1900 et 2026"
    }


def test_list_entries():
    diploma = refdata.diploma_types()[0].code
    cursus = {
        "country": SPAIN,
        "school_name": "Universidad de Sevilla",
        "year": "2027",
        "diploma_type": diploma,
        "label": "Grado en Matemáticas",
        "obtained": "E",
    }
    assert file_rules.external_cursus(cursus, TODAY)["year"] == 2027
    assert file_rules.external_cursus(cursus, TODAY)["mention"] == ""  # optional
    assert file_rules.external_cursus({**cursus, "mention": "AB"}, TODAY)["mention"] == "AB"
    assert refdata.CURSUS_MENTIONS["AB"] == "Assez bien"  # no longer cut to « Assez »
    assert errors_of(file_rules.external_cursus, {**cursus, "mention": "Assez bien"}, TODAY) == {
        "mention": messages.UNKNOWN_VALUE
    }
    assert errors_of(file_rules.external_cursus, {**cursus, "year": "2028", "obtained": "Peut-être"}, TODAY) == {
        "year": "L'année doit être comprise entre 1900 et 2027",
        "obtained": messages.UNKNOWN_VALUE,
    }
    internship = {
        "year": "2024",
        "duration": "2 mois",
        "hours_per_week": "35",
        "employer": "Mairie",
        "description": "Accueil du public",
    }
    assert file_rules.internship(internship, TODAY)["hours_per_week"] == 35
    assert errors_of(file_rules.internship, {**internship, "hours_per_week": "200", "description": ""}, TODAY) == {
        "hours_per_week": messages.BAD_HOURS,
        "description": messages.REQUIRED,
    }
    experience = {"year": "2025", "title": "Vendeur", "duration": "6 mois", "employer": "Librairie"}
    assert file_rules.pro_experience(experience, TODAY)["description"] == ""
    assert errors_of(file_rules.pro_experience, {**experience, "title": "x" * 51}, TODAY) == {
        "title": "Ce champ ne peut pas dépasser 50 caractères"
    }
