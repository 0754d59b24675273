"""French reference data for the candidate's file, shipped offline and searched as the candidate types.

Countries (INSEE codes and nationalities), départements, communes with all their postal codes, lycées (UAI),
bac series / spécialités / mentions, diploma types. Each dataset is read once, on first use, and searches are
accent- and case-insensitive: exact name first, then names starting with the text, then a word starting with
it, then the text anywhere. Plain Python, no UI or database import: see SOURCES.md for where the data comes from.
"""

from .bac import (
    BAC_SERIES,
    CURSUS_MENTIONS,
    FIRST_YEAR_OF_REFORM,
    GENERAL_BAC_SINCE_2021,
    MENTIONS,
    SANS_BAC,
    SPECIALITES,
    BacSeries,
    Mention,
    Specialite,
    bac_series_by_code,
    bac_series_for_year,
    mention_by_code,
    mentions_for_year,
    specialite_by_code,
    specialites_for_year,
)
from .countries import FRANCE_CODE, Country, countries, country_by_code, country_by_iso2, search_countries
from .diplomas import (
    DIPLOMA_TYPES,
    OBTAINED_STATUSES,
    DiplomaType,
    ObtainedStatus,
    diploma_type_by_code,
    diploma_types,
    obtained_statuses,
)
from .geo import (
    Commune,
    Departement,
    commune_by_insee,
    communes_for_postal_code,
    departement_by_code,
    departements,
    is_valid_postal_code,
    search_communes,
)
from .lycees import Lycee, lycee_by_uai, search_lycees

__all__ = [
    "BAC_SERIES",
    "CURSUS_MENTIONS",
    "DIPLOMA_TYPES",
    "FIRST_YEAR_OF_REFORM",
    "FRANCE_CODE",
    "GENERAL_BAC_SINCE_2021",
    "MENTIONS",
    "OBTAINED_STATUSES",
    "SANS_BAC",
    "SPECIALITES",
    "BacSeries",
    "Commune",
    "Country",
    "Departement",
    "DiplomaType",
    "Lycee",
    "Mention",
    "ObtainedStatus",
    "Specialite",
    "bac_series_by_code",
    "bac_series_for_year",
    "commune_by_insee",
    "communes_for_postal_code",
    "countries",
    "country_by_code",
    "country_by_iso2",
    "departement_by_code",
    "departements",
    "diploma_type_by_code",
    "diploma_types",
    "is_valid_postal_code",
    "lycee_by_uai",
    "mention_by_code",
    "mentions_for_year",
    "obtained_statuses",
    "search_communes",
    "search_countries",
    "search_lycees",
    "specialite_by_code",
    "specialites_for_year",
]
