"""The candidate's file read back, tab by tab, as labels and values: the one reading the récapitulatif PDF and the
gestion's candidature window both show (each its own way). Empty values are left out."""

from __future__ import annotations

from dataclasses import dataclass, field

from ecandidat_ui import messages, refdata
from ecandidat_ui.refdata import labels
from ecandidat_ui.services.candidate_file import CandidateFile
from ecandidat_ui.services.file_rules import CIVILITIES
from models import Account

Pairs = list[tuple[str, str]]


@dataclass(frozen=True)
class FileSection:
    title: str
    groups: list[Pairs] = field(default_factory=list)  # one for a single tab, one per entry of a list tab
    none: str = ""  # said when there is no group (« Aucun stage »)


def file_sections(account: Account, file: CandidateFile) -> list[FileSection]:
    """Every tab of « Mon compte » in its order, Cursus interne when the institution sent results."""
    sections = [
        FileSection(messages.SUMMARY_INFORMATIONS_PERSONNELLES, [_personal_pairs(account, file)]),
        FileSection(messages.SUMMARY_ADRESSE, [_address_pairs(file)]),
        FileSection(messages.SUMMARY_BACCALAUREAT, [_bac_pairs(file)]),
    ]
    if file.results:
        sections.append(
            FileSection(messages.SUMMARY_CURSUS_INTERNE, [_result_pairs(result) for result in file.results])
        )
    sections += [
        FileSection(
            messages.SUMMARY_CURSUS_EXTERNE, [_cursus_pairs(entry) for entry in file.external], _no_cursus(file)
        ),
        FileSection(
            messages.SUMMARY_STAGES,
            [_internship_pairs(entry) for entry in file.internships],
            messages.SUMMARY_AUCUN_STAGE,
        ),
        FileSection(
            messages.SUMMARY_EXPERIENCES_PROFESSIONNELLES,
            [_experience_pairs(entry) for entry in file.experiences],
            messages.SUMMARY_AUCUNE_EXPERIENCE_PROFESSIONNELLE,
        ),
    ]
    return [FileSection(s.title, [shown for group in s.groups if (shown := _shown(group))], s.none) for s in sections]


def _shown(pairs: Pairs) -> Pairs:
    return [(label, str(value)) for label, value in pairs if str(value or "").strip()]


def _result_pairs(result) -> Pairs:
    grade = f"{result.grade}/{result.scale}" if result.grade else ""
    return [
        (messages.SUMMARY_ANNEE_UNIVERSITAIRE, result.academic_year),
        (messages.SUMMARY_FORMATION, f"{result.code} {result.label}"),
        (messages.SUMMARY_RESULTAT, result.result),
        (messages.SUMMARY_MENTION, result.mention),
        (messages.SUMMARY_NOTE, grade),
    ]


def _personal_pairs(account: Account, file: CandidateFile) -> list[tuple[str, str]]:
    pairs = [(messages.SUMMARY_ADRESSE_MAIL, account.mail)]
    personal = file.personal
    if personal is None:
        return [(messages.SUMMARY_NOM, account.last_name), (messages.SUMMARY_PRENOM, account.first_name), *pairs]
    return [
        (messages.SUMMARY_CIVILITE, CIVILITIES.get(personal.civility, personal.civility)),
        (messages.SUMMARY_NOM_DE_NAISSANCE, personal.birth_name),
        (messages.SUMMARY_NOM_D_USAGE, personal.usual_name),
        (messages.SUMMARY_PRENOM, personal.first_name),
        (messages.SUMMARY_AUTRE_PRENOM, personal.other_first_name),
        (messages.SUMMARY_DATE_DE_NAISSANCE, f"{personal.birth_date:%d/%m/%Y}" if personal.birth_date else ""),
        (
            messages.SUMMARY_LIEU_DE_NAISSANCE,
            _place(personal.birth_country, personal.birth_commune, personal.birth_city),
        ),
        (messages.SUMMARY_NATIONALITE, labels.nationality(personal.nationality)),
        (messages.SUMMARY_INE, personal.ine),
        (messages.SUMMARY_TELEPHONE_FIXE, personal.phone),
        (messages.SUMMARY_TELEPHONE_PORTABLE, personal.mobile),
        *pairs,
    ]


def _address_pairs(file: CandidateFile) -> list[tuple[str, str]]:
    address = file.address
    if address is None:
        return [(messages.SUMMARY_ADRESSE, messages.SUMMARY_NON_RENSEIGNEE)]
    commune = refdata.commune_by_insee(address.commune)
    town = f"{address.postal_code} {commune.name}" if commune else address.foreign_city
    lines = [address.line1, address.line2, address.line3, town, labels.country(address.country)]
    return [(messages.SUMMARY_ADRESSE, "\n".join(line for line in lines if line))]


def _bac_pairs(file: CandidateFile) -> list[tuple[str, str]]:
    bac = file.bac
    if bac is None:
        return [(messages.SUMMARY_BACCALAUREAT, messages.SUMMARY_NON_RENSEIGNE)]
    if not bac.has_bac:
        return [(messages.SUMMARY_BACCALAUREAT, messages.SUMMARY_JE_N_AI_PAS_LE_BAC)]
    series = refdata.bac_series_by_code(bac.series)
    kept = [refdata.specialite_by_code(code) for code in bac.specialties]
    dropped = refdata.specialite_by_code(bac.dropped_specialty)
    school = refdata.lycee_by_uai(bac.school)
    mention = refdata.mention_by_code(bac.mention)
    return [
        (messages.SUMMARY_ANNEE_D_OBTENTION, str(bac.year or "")),
        (messages.SUMMARY_SERIE, series.label if series else bac.series),
        (messages.SUMMARY_SPECIALITES_DE_TERMINALE, ", ".join(s.label for s in kept if s)),
        (messages.SUMMARY_SPECIALITE_ABANDONNEE_EN_PREMIERE, dropped.label if dropped else ""),
        (messages.SUMMARY_LIEU_D_OBTENTION, _place(bac.country, bac.commune, "")),
        (messages.SUMMARY_LYCEE, school.label if school else ""),
        (messages.SUMMARY_MENTION, mention.label if mention else ""),
    ]


def _cursus_pairs(entry) -> list[tuple[str, str]]:
    diploma = refdata.diploma_type_by_code(entry.diploma_type)
    return [
        (messages.SUMMARY_ANNEE, str(entry.year)),
        (messages.SUMMARY_FORMATION, diploma.label if diploma else entry.diploma_type),
        (messages.SUMMARY_LIBELLE_ET_NIVEAU, entry.label),
        (messages.SUMMARY_ETABLISSEMENT, entry.school_name),
        (messages.SUMMARY_LIEU, _place(entry.country, entry.commune, "")),
        (messages.SUMMARY_OBTENU, messages.OBTAINED_LABELS.get(entry.obtained, entry.obtained)),
        (messages.SUMMARY_MENTION, refdata.CURSUS_MENTIONS.get(entry.mention, entry.mention)),
    ]


def _internship_pairs(entry) -> list[tuple[str, str]]:
    hours = messages.SUMMARY_HOURS.format(hours=entry.hours_per_week) if entry.hours_per_week else ""
    return [
        (messages.SUMMARY_ANNEE, str(entry.year)),
        (messages.SUMMARY_DUREE, ", ".join(part for part in (entry.duration, hours) if part)),
        (messages.SUMMARY_EMPLOYEUR_ORGANISME, entry.employer),
        (messages.SUMMARY_DESCRIPTION, entry.description),
    ]


def _experience_pairs(entry) -> list[tuple[str, str]]:
    return [
        (messages.SUMMARY_ANNEE, str(entry.year)),
        (messages.SUMMARY_FONCTION, entry.title),
        (messages.SUMMARY_DUREE, entry.duration),
        (messages.SUMMARY_EMPLOYEUR, entry.employer),
        (messages.SUMMARY_DESCRIPTION, entry.description),
    ]


def _no_cursus(file: CandidateFile) -> str:
    no_studies = file.flags is not None and file.flags.no_higher_education
    return messages.SUMMARY_JE_N_AI_PAS_SUIVI_D_ETUDES_APRES_LE_BAC if no_studies else messages.SUMMARY_AUCUN_CURSUS


def _place(country_code: str, commune_code: str, city: str) -> str:
    commune = refdata.commune_by_insee(commune_code)
    if commune is not None:
        return commune.label
    return ", ".join(part for part in (city, labels.country(country_code)) if part)
