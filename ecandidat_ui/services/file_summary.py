"""The candidate's file read back, tab by tab, as labels and values: the one reading the récapitulatif PDF and the
gestion's candidature window both show (each its own way). Empty values are left out."""

from __future__ import annotations

from dataclasses import dataclass, field

from ecandidat_ui import refdata
from ecandidat_ui.services.candidate_file import CandidateFile
from ecandidat_ui.services.file_rules import CIVILITIES, OBTAINED
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
        FileSection("Informations personnelles", [_personal_pairs(account, file)]),
        FileSection("Adresse", [_address_pairs(file)]),
        FileSection("Baccalauréat", [_bac_pairs(file)]),
    ]
    if file.results:
        sections.append(FileSection("Cursus interne", [_result_pairs(result) for result in file.results]))
    sections += [
        FileSection("Cursus externe", [_cursus_pairs(entry) for entry in file.external], _no_cursus(file)),
        FileSection("Stages", [_internship_pairs(entry) for entry in file.internships], "Aucun stage"),
        FileSection(
            "Expériences professionnelles",
            [_experience_pairs(entry) for entry in file.experiences],
            "Aucune expérience professionnelle",
        ),
    ]
    return [FileSection(s.title, [shown for group in s.groups if (shown := _shown(group))], s.none) for s in sections]


def _shown(pairs: Pairs) -> Pairs:
    return [(label, str(value)) for label, value in pairs if str(value or "").strip()]


def _result_pairs(result) -> Pairs:
    grade = f"{result.grade}/{result.scale}" if result.grade else ""
    return [
        ("Année universitaire", result.academic_year),
        ("Formation", f"{result.code} {result.label}"),
        ("Résultat", result.result),
        ("Mention", result.mention),
        ("Note", grade),
    ]


def _personal_pairs(account: Account, file: CandidateFile) -> list[tuple[str, str]]:
    pairs = [("Adresse mail", account.mail)]
    personal = file.personal
    if personal is None:
        return [("Nom", account.last_name), ("Prénom", account.first_name), *pairs]
    nationality = refdata.country_by_code(personal.nationality)
    return [
        ("Civilité", CIVILITIES.get(personal.civility, personal.civility)),
        ("Nom de naissance", personal.birth_name),
        ("Nom d'usage", personal.usual_name),
        ("Prénom", personal.first_name),
        ("Autre prénom", personal.other_first_name),
        ("Date de naissance", f"{personal.birth_date:%d/%m/%Y}" if personal.birth_date else ""),
        ("Lieu de naissance", _place(personal.birth_country, personal.birth_commune, personal.birth_city)),
        ("Nationalité", nationality.nationality if nationality else ""),
        ("INE", personal.ine),
        ("Téléphone fixe", personal.phone),
        ("Téléphone portable", personal.mobile),
        *pairs,
    ]


def _address_pairs(file: CandidateFile) -> list[tuple[str, str]]:
    address = file.address
    if address is None:
        return [("Adresse", "non renseignée")]
    commune = refdata.commune_by_insee(address.commune)
    town = f"{address.postal_code} {commune.name}" if commune else address.foreign_city
    country = refdata.country_by_code(address.country)
    lines = [address.line1, address.line2, address.line3, town, country.name if country else ""]
    return [("Adresse", "\n".join(line for line in lines if line))]


def _bac_pairs(file: CandidateFile) -> list[tuple[str, str]]:
    bac = file.bac
    if bac is None:
        return [("Baccalauréat", "non renseigné")]
    if not bac.has_bac:
        return [("Baccalauréat", "Je n'ai pas le bac")]
    series = refdata.bac_series_by_code(bac.series)
    kept = [refdata.specialite_by_code(code) for code in bac.specialties]
    dropped = refdata.specialite_by_code(bac.dropped_specialty)
    school = refdata.lycee_by_uai(bac.school)
    mention = refdata.mention_by_code(bac.mention)
    return [
        ("Année d'obtention", str(bac.year or "")),
        ("Série", series.label if series else bac.series),
        ("Spécialités de Terminale", ", ".join(s.label for s in kept if s)),
        ("Spécialité abandonnée en Première", dropped.label if dropped else ""),
        ("Lieu d'obtention", _place(bac.country, bac.commune, "")),
        ("Lycée", school.label if school else ""),
        ("Mention", mention.label if mention else ""),
    ]


def _cursus_pairs(entry) -> list[tuple[str, str]]:
    diploma = refdata.diploma_type_by_code(entry.diploma_type)
    return [
        ("Année", str(entry.year)),
        ("Formation", diploma.label if diploma else entry.diploma_type),
        ("Libellé et niveau", entry.label),
        ("Établissement", entry.school_name),
        ("Lieu", _place(entry.country, entry.commune, "")),
        ("Obtenu", OBTAINED.get(entry.obtained, entry.obtained)),
        ("Mention", refdata.CURSUS_MENTIONS.get(entry.mention, entry.mention)),
    ]


def _internship_pairs(entry) -> list[tuple[str, str]]:
    hours = f"{entry.hours_per_week} h/semaine" if entry.hours_per_week else ""
    return [
        ("Année", str(entry.year)),
        ("Durée", ", ".join(part for part in (entry.duration, hours) if part)),
        ("Employeur / organisme", entry.employer),
        ("Description", entry.description),
    ]


def _experience_pairs(entry) -> list[tuple[str, str]]:
    return [
        ("Année", str(entry.year)),
        ("Fonction", entry.title),
        ("Durée", entry.duration),
        ("Employeur", entry.employer),
        ("Description", entry.description),
    ]


def _no_cursus(file: CandidateFile) -> str:
    no_studies = file.flags is not None and file.flags.no_higher_education
    return "Je n'ai pas suivi d'études après le bac" if no_studies else "Aucun cursus"


def _place(country_code: str, commune_code: str, city: str) -> str:
    commune = refdata.commune_by_insee(commune_code)
    if commune is not None:
        return commune.label
    country = refdata.country_by_code(country_code)
    return ", ".join(part for part in (city, country.name if country else "") if part)
