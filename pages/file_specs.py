"""The fields of each tab of « Mon compte », with their lists taken from the reference data."""

from __future__ import annotations

from datetime import date

from components.file_form import FieldSpec, Options, Values
from ecandidat_ui import messages, refdata
from ecandidat_ui.services.file_rules import CIVILITIES, FRANCE, OBTAINED

LIMIT = 20


def _countries(text: str, _values: Values) -> Options:
    return {c.code: c.name for c in refdata.search_countries(text, limit=LIMIT)}


def _nationalities(text: str, _values: Values) -> Options:
    return {c.code: f"{c.nationality} ({c.name})" for c in refdata.search_countries(text, limit=LIMIT)}


def _country_label(code: str) -> str:
    country = refdata.country_by_code(code)
    return country.name if country else code


def _nationality_label(code: str) -> str:
    country = refdata.country_by_code(code)
    return f"{country.nationality} ({country.name})" if country else code


def _departements(_values: Values) -> Options:
    return {d.code: f"{d.code} - {d.name}" for d in refdata.departements()}


def _communes(departement_field: str, *, former: bool = False):
    """Communes of the chosen département; `former` also finds those merged since (places of birth)."""

    def search(text: str, values: Values) -> Options:
        departement = values.get(departement_field) or None
        found = refdata.search_communes(text, departement=departement, limit=LIMIT, include_former=former)
        return {c.insee: c.label for c in found}

    return search


def _commune_label(code: str) -> str:
    commune = refdata.commune_by_insee(code)
    return commune.label if commune else code


def _communes_of_postal_code(values: Values) -> Options:
    code = str(values.get("postal_code") or "").strip()
    return {c.insee: c.name for c in refdata.communes_for_postal_code(code)} if len(code) == 5 else {}


def _schools(text: str, values: Values) -> Options:
    commune = refdata.commune_by_insee(str(values.get("commune") or ""))
    town = (commune.parent or commune.insee) if commune and commune.kind == "arrondissement" else values.get("commune")
    found = refdata.search_lycees(
        text, departement=values.get("departement") or None, commune=town or None, limit=LIMIT
    )
    return {s.uai: s.label for s in found}


def _school_label(code: str) -> str:
    school = refdata.lycee_by_uai(code)
    return school.label if school else code


def _in_france(field: str):
    return lambda values: values.get(field) == FRANCE


def _abroad(field: str):
    return lambda values: bool(values.get(field)) and values.get(field) != FRANCE


def _year_of(values: Values) -> int | None:
    try:
        return int(str(values.get("year") or ""))
    except ValueError:
        return None


def _series(values: Values) -> Options:
    year = _year_of(values)
    return {s.code: s.label for s in refdata.bac_series_for_year(year)} if year else {}


def _specialties(values: Values) -> Options:
    year = _year_of(values)
    return {s.code: s.label for s in refdata.specialites_for_year(year)} if year else {}


def _with_specialties(values: Values) -> bool:
    return (
        bool(values.get("has_bac"))
        and values.get("series") == refdata.GENERAL_BAC_SINCE_2021
        and bool(_specialties(values))
    )


def _mentions(values: Values) -> Options:
    year = _year_of(values)
    return {m.code: m.label for m in refdata.mentions_for_year(year)} if year else {}


def _has_bac(values: Values) -> bool:
    return bool(values.get("has_bac"))


def personal_specs(locked: set[str]) -> list[FieldSpec]:
    return [
        FieldSpec("nationality", "Nationalité *", "search", search=_nationalities, label_of=_nationality_label),
        FieldSpec("ine", "INE", max_length=11, hint=messages.INE_HINT, locked="ine" in locked),
        FieldSpec("civility", "Civilité *", "radio", options=CIVILITIES, locked="civility" in locked),
        FieldSpec(
            "birth_name", "Nom patronymique *", max_length=30, autocomplete="family-name", locked="birth_name" in locked
        ),
        FieldSpec("usual_name", "Nom usuel", max_length=30),
        FieldSpec("first_name", "Prénom *", max_length=20, autocomplete="given-name", locked="first_name" in locked),
        FieldSpec("other_first_name", "Autre prénom", max_length=20),
        FieldSpec("birth_date", "Date de naissance *", "date", autocomplete="bday", locked="birth_date" in locked),
        FieldSpec("birth_country", "Pays de naissance *", "search", search=_countries, label_of=_country_label),
        FieldSpec(
            "birth_departement",
            "Département de naissance *",
            "select",
            options=_departements,
            visible=_in_france("birth_country"),
        ),
        FieldSpec(
            "birth_commune",
            "Commune de naissance *",
            "search",
            search=_communes("birth_departement", former=True),
            label_of=_commune_label,
            visible=_in_france("birth_country"),
        ),
        FieldSpec("birth_city", "Ville de naissance *", max_length=30, visible=_abroad("birth_country")),
        FieldSpec("phone", "Téléphone", max_length=20, autocomplete="tel"),
        FieldSpec("mobile", "Téléphone portable", max_length=20, autocomplete="tel"),
    ]


def address_specs() -> list[FieldSpec]:
    return [
        FieldSpec("country", "Pays *", "search", search=_countries, label_of=_country_label),
        FieldSpec(
            "postal_code", "Code postal *", max_length=5, autocomplete="postal-code", visible=_in_france("country")
        ),
        FieldSpec("commune", "Commune *", "select", options=_communes_of_postal_code, visible=_in_france("country")),
        FieldSpec("foreign_city", "Commune étrangère *", max_length=32, visible=_abroad("country")),
        FieldSpec("line1", "Adresse *", max_length=32, autocomplete="address-line1"),
        FieldSpec("line2", "Complément d'adresse 1", max_length=32, autocomplete="address-line2"),
        FieldSpec("line3", "Complément d'adresse 2", max_length=32, autocomplete="address-line3"),
    ]


def bac_specs(today: date) -> list[FieldSpec]:
    years = {str(year): str(year) for year in range(today.year, 1949, -1)}
    return [
        FieldSpec(
            "has_bac",
            "Avez-vous le baccalauréat ? *",
            "radio",
            options={True: "J'ai le bac ou une équivalence", False: "Je n'ai pas le bac"},
            wide=True,
        ),
        FieldSpec("year", "Année d'obtention *", "select", options=years, visible=_has_bac),
        FieldSpec("series", "Série du bac ou équivalence *", "select", options=_series, visible=_has_bac),
        FieldSpec(
            "specialties",
            "Spécialités suivies en Terminale *",
            "multi",
            options=_specialties,
            visible=_with_specialties,
        ),
        FieldSpec(
            "dropped_specialty",
            "Spécialité abandonnée en Première",
            "select",
            options=_specialties,
            visible=_with_specialties,
        ),
        FieldSpec(
            "country", "Pays d'obtention *", "search", search=_countries, label_of=_country_label, visible=_has_bac
        ),
        FieldSpec(
            "departement",
            "Département *",
            "select",
            options=_departements,
            visible=lambda v: _has_bac(v) and _in_france("country")(v),
        ),
        FieldSpec(
            "commune",
            "Commune *",
            "search",
            search=_communes("departement"),
            label_of=_commune_label,
            visible=lambda v: _has_bac(v) and _in_france("country")(v),
        ),
        FieldSpec(
            "school",
            "Établissement *",
            "search",
            search=_schools,
            label_of=_school_label,
            visible=lambda v: _has_bac(v) and _in_france("country")(v),
            hint=messages.SCHOOL_SEARCH_HINT,
        ),
        FieldSpec("mention", "Mention", "select", options=_mentions, visible=_has_bac),
    ]


def external_specs(today: date) -> list[FieldSpec]:
    years = {str(year): str(year) for year in range(today.year + 1, 1949, -1)}
    return [
        FieldSpec("country", "Pays *", "search", search=_countries, label_of=_country_label),
        FieldSpec("departement", "Département *", "select", options=_departements, visible=_in_france("country")),
        FieldSpec(
            "commune",
            "Commune *",
            "search",
            search=_communes("departement"),
            label_of=_commune_label,
            visible=_in_france("country"),
        ),
        FieldSpec("school_name", "Établissement *", max_length=120),
        FieldSpec("year", "Année d'obtention *", "select", options=years),
        FieldSpec("diploma_type", "Formation *", "select", options={d.code: d.label for d in refdata.diploma_types()}),
        FieldSpec("label", "Libellé et niveau *", "textarea", max_length=255, wide=True),
        FieldSpec("obtained", "Obtenu *", "radio", options=OBTAINED),
        FieldSpec("mention", "Mention", "select", options=refdata.CURSUS_MENTIONS),
    ]


def internship_specs(today: date) -> list[FieldSpec]:
    years = {str(year): str(year) for year in range(today.year + 1, 1949, -1)}
    return [
        FieldSpec("year", "Année *", "select", options=years),
        FieldSpec("duration", "Durée *", max_length=20, hint="Par exemple : 2 mois"),
        FieldSpec("hours_per_week", "Nombre d'heures/semaine", "number"),
        FieldSpec("employer", "Employeur / organisme *", max_length=50),
        FieldSpec("description", "Descriptif *", "textarea", max_length=500, wide=True),
    ]


def experience_specs(today: date) -> list[FieldSpec]:
    years = {str(year): str(year) for year in range(today.year + 1, 1949, -1)}
    return [
        FieldSpec("year", "Année *", "select", options=years),
        FieldSpec("title", "Intitulé *", max_length=50),
        FieldSpec("duration", "Durée *", max_length=20, hint="Par exemple : 6 mois"),
        FieldSpec("employer", "Employeur / organisme *", max_length=50),
        FieldSpec("description", "Descriptif", "textarea", max_length=500, wide=True),
    ]
