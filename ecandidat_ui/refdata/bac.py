"""Baccalauréat: the series (or equivalences) valid for a year, the spécialités of the general bac since 2021,
and the mentions.

Codes: the special codes (0000 sans bac, 0021/0022 bac professionnel, 0030–0037, DAEA/DAEB) are those of the
SISE / Apogée « bac ou équivalence » nomenclature; the series codes are their usual letters (S, ES, L, STMG…);
GEN (general bac since 2021) and the spécialité codes are this project's own. An institution whose
Apogée / Pégase referential differs maps them at export. Years are bac sessions (the year the bac was passed).
"""

from __future__ import annotations

from dataclasses import dataclass

FIRST_YEAR_OF_REFORM = 2021  # first session of the bac with spécialités (réforme du lycée, « bac 2021 »)
GENERAL_BAC_SINCE_2021 = "GEN"
SANS_BAC = "0000"
LAST_YEAR = 9999

GENERAL = "general"
TECHNOLOGICAL = "technologique"
PROFESSIONAL = "professionnel"
EQUIVALENCE = "equivalence"
NONE = "sans bac"


@dataclass(frozen=True, slots=True)
class BacSeries:
    code: str
    label: str
    kind: str  # general, technologique, professionnel, equivalence, sans bac
    first_year: int
    last_year: int = LAST_YEAR

    def valid_in(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year


@dataclass(frozen=True, slots=True)
class Specialite:
    code: str
    label: str
    first_year: int = FIRST_YEAR_OF_REFORM
    last_year: int = LAST_YEAR

    def valid_in(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year


@dataclass(frozen=True, slots=True)
class Mention:
    code: str
    label: str
    min_grade: int  # lowest average out of 20
    first_year: int = 0

    def valid_in(self, year: int) -> bool:
        return year >= self.first_year


BAC_SERIES: tuple[BacSeries, ...] = (
    # general bac since the reform: no series, spécialités instead
    BacSeries(GENERAL_BAC_SINCE_2021, "Baccalauréat général", GENERAL, FIRST_YEAR_OF_REFORM),
    # general series 1995–2020
    BacSeries("S", "S - Scientifique", GENERAL, 1995, 2020),
    BacSeries("ES", "ES - Économique et social", GENERAL, 1995, 2020),
    BacSeries("L", "L - Littéraire", GENERAL, 1995, 2020),
    # technological series
    BacSeries("STMG", "STMG - Sciences et technologies du management et de la gestion", TECHNOLOGICAL, 2014),
    BacSeries(
        "STI2D", "STI2D - Sciences et technologies de l'industrie et du développement durable", TECHNOLOGICAL, 2013
    ),
    BacSeries("STL", "STL - Sciences et technologies de laboratoire", TECHNOLOGICAL, 1995),
    BacSeries("ST2S", "ST2S - Sciences et technologies de la santé et du social", TECHNOLOGICAL, 2008),
    BacSeries("STAV", "STAV - Sciences et technologies de l'agronomie et du vivant", TECHNOLOGICAL, 2007),
    BacSeries("STD2A", "STD2A - Sciences et technologies du design et des arts appliqués", TECHNOLOGICAL, 2013),
    BacSeries("STHR", "STHR - Sciences et technologies de l'hôtellerie et de la restauration", TECHNOLOGICAL, 2018),
    BacSeries(
        "S2TMD",
        "S2TMD - Sciences et techniques du théâtre, de la musique et de la danse",
        TECHNOLOGICAL,
        FIRST_YEAR_OF_REFORM,
    ),
    BacSeries("TMD", "TMD - Techniques de la musique et de la danse", TECHNOLOGICAL, 1995, 2020),
    BacSeries("HOT", "Hôtellerie (bac technologique)", TECHNOLOGICAL, 1995, 2017),
    BacSeries("STG", "STG - Sciences et technologies de la gestion", TECHNOLOGICAL, 2007, 2013),
    BacSeries("STI", "STI - Sciences et technologies industrielles", TECHNOLOGICAL, 1995, 2012),
    BacSeries("STT", "STT - Sciences et technologies tertiaires", TECHNOLOGICAL, 1995, 2006),
    BacSeries("SMS", "SMS - Sciences médico-sociales", TECHNOLOGICAL, 1995, 2008),
    BacSeries(
        "STAE", "STAE - Sciences et technologies de l'agronomie et de l'environnement", TECHNOLOGICAL, 1995, 2007
    ),
    BacSeries("STPA", "STPA - Sciences et technologies du produit agroalimentaire", TECHNOLOGICAL, 1995, 2007),
    # professional bac (since 1987)
    BacSeries("0021", "Bac professionnel - secteur de la production (industriel, agricole)", PROFESSIONAL, 1987),
    BacSeries("0022", "Bac professionnel - secteur des services (tertiaire)", PROFESSIONAL, 1987),
    # series before 1995
    BacSeries("A", "A - Philosophie-lettres (A1 à A8)", GENERAL, 1969, 1994),
    BacSeries("B", "B - Économique et social", GENERAL, 1969, 1994),
    BacSeries("C", "C - Mathématiques et sciences physiques", GENERAL, 1969, 1994),
    BacSeries("D", "D - Mathématiques et sciences de la nature", GENERAL, 1969, 1994),
    BacSeries("DP", "D' - Sciences agronomiques et techniques", GENERAL, 1969, 1994),
    BacSeries("E", "E - Mathématiques et techniques", GENERAL, 1969, 1994),
    BacSeries(
        "F",
        "F - Techniques industrielles, de laboratoire, médico-sociales, musique (F1 à F12)",
        TECHNOLOGICAL,
        1969,
        1994,
    ),
    BacSeries("G", "G - Techniques économiques et de gestion (G1 à G3)", TECHNOLOGICAL, 1969, 1994),
    BacSeries("H", "H - Techniques informatiques", TECHNOLOGICAL, 1969, 1994),
    # equivalences and other access routes (all years)
    BacSeries("0031", "Titre étranger admis en équivalence", EQUIVALENCE, 0),
    BacSeries("DAEA", "DAEU A (littéraire)", EQUIVALENCE, 1995),
    BacSeries("DAEB", "DAEU B (scientifique)", EQUIVALENCE, 1995),
    BacSeries("0033", "ESEU A (examen spécial d'entrée à l'université, littéraire)", EQUIVALENCE, 0, 1995),
    BacSeries("0034", "ESEU B (examen spécial d'entrée à l'université, scientifique)", EQUIVALENCE, 0, 1995),
    BacSeries("0030", "Capacité en droit", EQUIVALENCE, 0),
    BacSeries("0032", "Titre français admis en dispense", EQUIVALENCE, 0),
    BacSeries("0036", "Validation d'études, d'expériences professionnelles ou d'acquis personnels", EQUIVALENCE, 0),
    BacSeries("0035", "Promotion sociale", EQUIVALENCE, 0),
    BacSeries("0037", "Autres cas de non-bacheliers", EQUIVALENCE, 0),
    BacSeries(SANS_BAC, "Sans bac", NONE, 0),
)

SPECIALITES: tuple[Specialite, ...] = (
    Specialite("MATHS", "Mathématiques"),
    Specialite("PC", "Physique-chimie"),
    Specialite("SVT", "Sciences de la vie et de la Terre"),
    Specialite("SES", "Sciences économiques et sociales"),
    Specialite("HGGSP", "Histoire-géographie, géopolitique et sciences politiques"),
    Specialite("HLP", "Humanités, littérature et philosophie"),
    Specialite("NSI", "Numérique et sciences informatiques"),
    Specialite("SI", "Sciences de l'ingénieur"),
    Specialite("BIOECO", "Biologie-écologie"),
    Specialite("EPPCS", "Éducation physique, pratiques et cultures sportives", 2023),
    Specialite("LLCA-LAT", "Littérature et langues et cultures de l'Antiquité : latin"),
    Specialite("LLCA-GRC", "Littérature et langues et cultures de l'Antiquité : grec"),
    Specialite("LLCER-ANG", "Langues, littératures et cultures étrangères et régionales : anglais"),
    Specialite("LLCER-AMC", "Langues, littératures et cultures étrangères et régionales : anglais, monde contemporain"),
    Specialite("LLCER-ALL", "Langues, littératures et cultures étrangères et régionales : allemand"),
    Specialite("LLCER-ESP", "Langues, littératures et cultures étrangères et régionales : espagnol"),
    Specialite("LLCER-ITA", "Langues, littératures et cultures étrangères et régionales : italien"),
    Specialite("LLCER-POR", "Langues, littératures et cultures étrangères et régionales : portugais"),
    Specialite("LLCER-ARA", "Langues, littératures et cultures étrangères et régionales : arabe"),
    Specialite("LLCER-CHI", "Langues, littératures et cultures étrangères et régionales : chinois"),
    Specialite("LLCER-HEB", "Langues, littératures et cultures étrangères et régionales : hébreu"),
    Specialite("LLCER-RUS", "Langues, littératures et cultures étrangères et régionales : russe"),
    Specialite("LLCER-BAS", "Langues, littératures et cultures étrangères et régionales : basque"),
    Specialite("LLCER-BRE", "Langues, littératures et cultures étrangères et régionales : breton"),
    Specialite("LLCER-CAT", "Langues, littératures et cultures étrangères et régionales : catalan"),
    Specialite("LLCER-COR", "Langues, littératures et cultures étrangères et régionales : corse"),
    Specialite("LLCER-CRE", "Langues, littératures et cultures étrangères et régionales : créole"),
    Specialite("LLCER-OCC", "Langues, littératures et cultures étrangères et régionales : occitan-langue d'oc"),
    Specialite("ARTS-PLA", "Arts : arts plastiques"),
    Specialite("ARTS-CIN", "Arts : cinéma-audiovisuel"),
    Specialite("ARTS-DAN", "Arts : danse"),
    Specialite("ARTS-HDA", "Arts : histoire des arts"),
    Specialite("ARTS-MUS", "Arts : musique"),
    Specialite("ARTS-THE", "Arts : théâtre"),
    Specialite("ARTS-CIR", "Arts du cirque"),
)

MENTIONS: tuple[Mention, ...] = (
    Mention("P", "Passable", 10),
    Mention("AB", "Assez bien", 12),
    Mention("B", "Bien", 14),
    Mention("TB", "Très bien", 16),
    Mention("TBF", "Très bien avec félicitations du jury", 18, FIRST_YEAR_OF_REFORM),
)

_SERIES_BY_CODE = {series.code: series for series in BAC_SERIES}
_SPECIALITES_BY_CODE = {specialite.code: specialite for specialite in SPECIALITES}
_MENTIONS_BY_CODE = {mention.code: mention for mention in MENTIONS}


def _year(year: int | str | None) -> int | None:
    try:
        return int(str(year).strip()) if year is not None else None
    except ValueError:
        return None


def bac_series_for_year(year: int | str | None, include_sans_bac: bool = False) -> tuple[BacSeries, ...]:
    """The series and equivalences one could obtain in `year`: before 2021 S, ES, L and the technological series;
    from 2021 the general bac (GEN, with spécialités) and the technological series; the professional bac and the
    equivalences every year. « Sans bac » (0000) only when asked, the form having its own « Je n'ai pas le bac »."""
    found = _year(year)
    if found is None:
        return ()
    return tuple(s for s in BAC_SERIES if s.valid_in(found) and (include_sans_bac or s.code != SANS_BAC))


def bac_series_by_code(code: str | None) -> BacSeries | None:
    return _SERIES_BY_CODE.get(str(code or "").strip().upper())


def specialites_for_year(year: int | str | None) -> tuple[Specialite, ...]:
    """The enseignements de spécialité of the general bac for `year` (none before 2021): two are kept in
    Terminale, one is dropped at the end of Première."""
    found = _year(year)
    return () if found is None else tuple(s for s in SPECIALITES if s.valid_in(found))


def specialite_by_code(code: str | None) -> Specialite | None:
    return _SPECIALITES_BY_CODE.get(str(code or "").strip().upper())


def mentions_for_year(year: int | str | None) -> tuple[Mention, ...]:
    """Passable, Assez bien, Bien, Très bien — and Très bien avec félicitations du jury from 2021."""
    found = _year(year)
    return () if found is None else tuple(m for m in MENTIONS if m.valid_in(found))


# The mention of a diploma after the bac (Cursus Externe), the same every year; « Sans mention » for those
# whose diploma gives none.
CURSUS_MENTIONS: dict[str, str] = {
    **{mention.code: mention.label for mention in MENTIONS},
    "SM": "Sans mention",
}


def mention_by_code(code: str | None) -> Mention | None:
    return _MENTIONS_BY_CODE.get(str(code or "").strip().upper())
