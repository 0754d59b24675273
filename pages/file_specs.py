"""The fields of each tab of « Mon compte », with their lists taken from the reference data."""

from __future__ import annotations

from datetime import date

from components.file_form import FieldSpec, Options, Values
from ecandidat_ui import messages, refdata
from ecandidat_ui.refdata import labels
from ecandidat_ui.services.file_rules import CIVILITIES, FRANCE

LIMIT = 20


def _countries(text: str, _values: Values) -> Options:
    return {c.code: labels.country(c.code) for c in labels.matching_countries(text, LIMIT)}


def _nationalities(text: str, _values: Values) -> Options:
    return {c.code: labels.nationality_choice(c.code) for c in labels.matching_countries(text, LIMIT)}


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
        FieldSpec(
            "nationality",
            messages.FILE_NATIONALITE,
            "search",
            search=_nationalities,
            label_of=labels.nationality_choice,
        ),
        FieldSpec("ine", messages.REVIEW_COLUMN_INE, max_length=11, hint=messages.INE_HINT, locked="ine" in locked),
        FieldSpec("civility", messages.FILE_CIVILITE, "radio", options=CIVILITIES, locked="civility" in locked),
        FieldSpec(
            "birth_name",
            messages.FILE_NOM_PATRONYMIQUE,
            max_length=30,
            autocomplete="family-name",
            locked="birth_name" in locked,
        ),
        FieldSpec("usual_name", messages.FILE_NOM_USUEL, max_length=30),
        FieldSpec(
            "first_name",
            messages.FIRST_NAME_FIELD,
            max_length=20,
            autocomplete="given-name",
            locked="first_name" in locked,
        ),
        FieldSpec("other_first_name", messages.SUMMARY_AUTRE_PRENOM, max_length=20),
        FieldSpec(
            "birth_date", messages.FILE_DATE_DE_NAISSANCE, "date", autocomplete="bday", locked="birth_date" in locked
        ),
        FieldSpec(
            "birth_country", messages.FILE_PAYS_DE_NAISSANCE, "search", search=_countries, label_of=labels.country
        ),
        FieldSpec(
            "birth_departement",
            messages.FILE_DEPARTEMENT_DE_NAISSANCE,
            "select",
            options=_departements,
            visible=_in_france("birth_country"),
        ),
        FieldSpec(
            "birth_commune",
            messages.FILE_COMMUNE_DE_NAISSANCE,
            "search",
            search=_communes("birth_departement", former=True),
            label_of=_commune_label,
            visible=_in_france("birth_country"),
        ),
        FieldSpec("birth_city", messages.FILE_VILLE_DE_NAISSANCE, max_length=30, visible=_abroad("birth_country")),
        FieldSpec("phone", messages.REVIEW_COLUMN_PHONE, max_length=20, autocomplete="tel"),
        FieldSpec("mobile", messages.SUMMARY_TELEPHONE_PORTABLE, max_length=20, autocomplete="tel"),
    ]


def address_specs() -> list[FieldSpec]:
    return [
        FieldSpec("country", messages.FILE_PAYS, "search", search=_countries, label_of=labels.country),
        FieldSpec(
            "postal_code",
            messages.FILE_CODE_POSTAL,
            max_length=5,
            autocomplete="postal-code",
            visible=_in_france("country"),
        ),
        FieldSpec(
            "commune", messages.FILE_COMMUNE, "select", options=_communes_of_postal_code, visible=_in_france("country")
        ),
        FieldSpec("foreign_city", messages.FILE_COMMUNE_ETRANGERE, max_length=32, visible=_abroad("country")),
        FieldSpec("line1", messages.FILE_ADRESSE, max_length=32, autocomplete="address-line1"),
        FieldSpec("line2", messages.FILE_COMPLEMENT_D_ADRESSE_1, max_length=32, autocomplete="address-line2"),
        FieldSpec("line3", messages.FILE_COMPLEMENT_D_ADRESSE_2, max_length=32, autocomplete="address-line3"),
    ]


def bac_specs(today: date) -> list[FieldSpec]:
    years = {str(year): str(year) for year in range(today.year, 1949, -1)}
    return [
        FieldSpec(
            "has_bac",
            messages.FILE_AVEZ_VOUS_LE_BACCALAUREAT,
            "radio",
            options={True: messages.FILE_J_AI_LE_BAC_OU_UNE_EQUIVALENCE, False: messages.SUMMARY_JE_N_AI_PAS_LE_BAC},
            wide=True,
        ),
        FieldSpec("year", messages.FILE_ANNEE_D_OBTENTION, "select", options=years, visible=_has_bac),
        FieldSpec("series", messages.FILE_SERIE_DU_BAC_OU_EQUIVALENCE, "select", options=_series, visible=_has_bac),
        FieldSpec(
            "specialties",
            messages.FILE_SPECIALITES_SUIVIES_EN_TERMINALE,
            "multi",
            options=_specialties,
            visible=_with_specialties,
        ),
        FieldSpec(
            "dropped_specialty",
            messages.SUMMARY_SPECIALITE_ABANDONNEE_EN_PREMIERE,
            "select",
            options=_specialties,
            visible=_with_specialties,
        ),
        FieldSpec(
            "country",
            messages.FILE_PAYS_D_OBTENTION,
            "search",
            search=_countries,
            label_of=labels.country,
            visible=_has_bac,
        ),
        FieldSpec(
            "departement",
            messages.FILE_DEPARTEMENT,
            "select",
            options=_departements,
            visible=lambda v: _has_bac(v) and _in_france("country")(v),
        ),
        FieldSpec(
            "commune",
            messages.FILE_COMMUNE,
            "search",
            search=_communes("departement"),
            label_of=_commune_label,
            visible=lambda v: _has_bac(v) and _in_france("country")(v),
        ),
        FieldSpec(
            "school",
            messages.FILE_ETABLISSEMENT,
            "search",
            search=_schools,
            label_of=_school_label,
            visible=lambda v: _has_bac(v) and _in_france("country")(v),
            hint=messages.SCHOOL_SEARCH_HINT,
        ),
        FieldSpec("mention", messages.SUMMARY_MENTION, "select", options=_mentions, visible=_has_bac),
    ]


def external_specs(today: date) -> list[FieldSpec]:
    years = {str(year): str(year) for year in range(today.year + 1, 1949, -1)}
    return [
        FieldSpec("country", messages.FILE_PAYS, "search", search=_countries, label_of=labels.country),
        FieldSpec(
            "departement", messages.FILE_DEPARTEMENT, "select", options=_departements, visible=_in_france("country")
        ),
        FieldSpec(
            "commune",
            messages.FILE_COMMUNE,
            "search",
            search=_communes("departement"),
            label_of=_commune_label,
            visible=_in_france("country"),
        ),
        FieldSpec("school_name", messages.FILE_ETABLISSEMENT, max_length=120),
        FieldSpec("year", messages.FILE_ANNEE_D_OBTENTION, "select", options=years),
        FieldSpec(
            "diploma_type",
            messages.FILE_FORMATION,
            "select",
            options={d.code: d.label for d in refdata.diploma_types()},
        ),
        FieldSpec("label", messages.FILE_LIBELLE_ET_NIVEAU, "textarea", max_length=255, wide=True),
        FieldSpec("obtained", messages.FILE_OBTENU, "radio", options=messages.OBTAINED_LABELS),
        FieldSpec("mention", messages.SUMMARY_MENTION, "select", options=refdata.CURSUS_MENTIONS),
    ]


def internship_specs(today: date) -> list[FieldSpec]:
    years = {str(year): str(year) for year in range(today.year + 1, 1949, -1)}
    return [
        FieldSpec("year", messages.FILE_ANNEE, "select", options=years),
        FieldSpec("duration", messages.FILE_DUREE, max_length=20, hint=messages.FILE_PAR_EXEMPLE_2_MOIS),
        FieldSpec("hours_per_week", messages.FILE_NOMBRE_D_HEURES_SEMAINE, "number"),
        FieldSpec("employer", messages.FILE_EMPLOYEUR_ORGANISME, max_length=50),
        FieldSpec("description", messages.FILE_DESCRIPTIF, "textarea", max_length=500, wide=True),
    ]


def experience_specs(today: date) -> list[FieldSpec]:
    years = {str(year): str(year) for year in range(today.year + 1, 1949, -1)}
    return [
        FieldSpec("year", messages.FILE_ANNEE, "select", options=years),
        FieldSpec("title", messages.FILE_INTITULE, max_length=50),
        FieldSpec("duration", messages.FILE_DUREE, max_length=20, hint=messages.FILE_PAR_EXEMPLE_6_MOIS),
        FieldSpec("employer", messages.FILE_EMPLOYEUR_ORGANISME, max_length=50),
        FieldSpec("description", messages.FILE_DESCRIPTIF_OPTIONAL, "textarea", max_length=500, wide=True),
    ]
