"""Reference data of the candidate's file: countries, départements, communes and postal codes, lycées, bac."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import time

import pytest

from ecandidat_ui import refdata
from ecandidat_ui.refdata._text import RankedIndex, fold, fold_query, tie_break_order


def names(found) -> list[str]:
    return [item.name for item in found]


# --- text folding and ranking --------------------------------------------------------------------------------


def test_folding_ignores_accents_case_hyphens_and_apostrophes():
    assert fold("L'Haÿ-les-Roses") == "l hay les roses"
    assert fold("SAINT-ÉTIENNE") == fold("saint étienne") == "saint etienne"
    assert fold("Œuilly") == "oeuilly"
    assert fold_query("st etienne") == "saint etienne"
    assert fold_query("st") == "st", "the word being typed is not expanded: « st » may become « strasbourg »"


def test_exact_then_prefix_then_word_prefix_then_substring():
    texts = ["la ville sur mer", "ville", "villeneuve", "belleville", "grande ville"]
    index = RankedIndex([[fold(t)] for t in texts], tie_break_order(texts))
    assert [texts[i] for i in index.search("ville", 10)] == [
        "ville",
        "villeneuve",
        "grande ville",
        "la ville sur mer",
        "belleville",
    ]


# --- countries ------------------------------------------------------------------------------------------------


def test_france_is_99100_and_comes_first():
    assert refdata.FRANCE_CODE == "99100"
    france = refdata.country_by_code("99100")
    assert france is not None and france.name == "France" and france.nationality == "française"
    assert refdata.countries()[0] == france
    assert refdata.search_countries("")[0] == france


def test_country_search_by_name_and_nationality():
    spain = refdata.search_countries("espa")[0]
    assert (spain.code, spain.name, spain.nationality) == ("99134", "Espagne", "espagnole")
    assert refdata.search_countries("ESPAGNOLE")[0] == spain
    assert refdata.search_countries("allemande")[0].code == "99109"
    assert refdata.search_countries("etats unis")[0].code == "99404"
    assert refdata.search_countries("angleterre")[0].name == "Royaume-Uni"
    assert refdata.search_countries("cote d'ivoire")[0].code == "99326"


def test_countries_are_the_sovereign_states_with_cog_codes():
    every = refdata.countries()
    states = refdata.countries(states_only=True)
    assert len(states) >= 195
    assert all(len(c.code) == 5 and c.code.startswith("99") and c.code.isdigit() for c in every)
    assert len({c.code for c in every}) == len(every)
    assert all(c.nationality and c.nationality == c.nationality.lower() for c in every)
    expected = {
        "99109": "Allemagne",
        "99127": "Italie",
        "99132": "Royaume-Uni",
        "99350": "Maroc",
        "99352": "Algérie",
        "99351": "Tunisie",
        "99216": "Chine",
        "99404": "États-Unis",
        "99401": "Canada",
        "99131": "Belgique",
    }
    assert {code: refdata.country_by_code(code).name for code in expected} == expected
    assert refdata.country_by_code("12345") is None
    assert refdata.country_by_iso2("es").code == "99134"


# --- départements and communes ----------------------------------------------------------------------------------


def test_departements_include_corsica_and_overseas():
    codes = [d.code for d in refdata.departements()]
    assert codes[:3] == ["01", "02", "03"]
    assert {"2A", "2B", "971", "972", "973", "974", "976"} <= set(codes)
    assert "20" not in codes
    assert codes.index("19") < codes.index("2A") < codes.index("2B") < codes.index("21")
    assert len(refdata.departements(include_com=False)) == 101
    assert refdata.departement_by_code("2a").name == "Corse-du-Sud"
    assert refdata.departement_by_code("974").name == "La Réunion"
    assert refdata.departement_by_code("99") is None


def test_paris_75001():
    found = refdata.communes_for_postal_code("75001")
    assert [(c.insee, c.name) for c in found] == [("75056", "Paris"), ("75101", "Paris 1er Arrondissement")]
    assert all(c.departement == "75" for c in found)
    assert found[1].parent == "75056" and found[1].kind == "arrondissement"
    assert "75001" in refdata.commune_by_insee("75056").postal_codes


def test_corsica_ajaccio_20000():
    found = refdata.communes_for_postal_code("20000")
    assert [(c.insee, c.name, c.departement) for c in found] == [("2A004", "Ajaccio", "2A")]
    bastia = refdata.search_communes("bastia")[0]
    assert (bastia.insee, bastia.departement) == ("2B033", "2B")
    assert refdata.search_communes("ajac", departement="2A")[0].insee == "2A004"
    assert refdata.search_communes("ajac", departement="2B") == ()


def test_overseas_communes():
    reunion = refdata.communes_for_postal_code("97400")
    assert [(c.insee, c.name, c.departement) for c in reunion] == [("97411", "Saint-Denis", "974")]
    assert refdata.search_communes("mamoudzou")[0].departement == "976"
    assert refdata.search_communes("pointe a pitre")[0].insee == "97120"
    labels = [c.label for c in refdata.search_communes("saint-denis")[:2]]
    assert sorted(labels) == ["Saint-Denis (93)", "Saint-Denis (974)"]


def test_postal_code_with_many_communes():
    found = refdata.communes_for_postal_code("51300")
    assert len(found) == 46
    assert all(c.departement == "51" and "51300" in c.postal_codes for c in found)
    assert len({c.insee for c in found}) == 46
    assert names(found) == sorted(names(found), key=fold)


def test_commune_with_several_postal_codes():
    marseille = refdata.commune_by_insee("13055")
    assert len(marseille.postal_codes) == 16
    assert marseille in refdata.communes_for_postal_code("13008")


def test_postal_code_validity():
    assert refdata.is_valid_postal_code("75001")
    assert refdata.is_valid_postal_code(" 20000 ")
    assert not refdata.is_valid_postal_code("75000")
    assert not refdata.is_valid_postal_code("7500")
    assert not refdata.is_valid_postal_code("abcde")
    assert not refdata.is_valid_postal_code(None)
    assert refdata.communes_for_postal_code("99999") == ()


def test_accent_and_case_insensitive_commune_search():
    for text in ("saint etienne", "SAINT-ÉTIENNE", "st etienne", "Saint Etienne"):
        first = refdata.search_communes(text)[0]
        assert (first.insee, first.name) == ("42218", "Saint-Étienne"), text
    assert "Saint-Étienne-du-Rouvray" in names(refdata.search_communes("rouvray"))
    found = refdata.search_communes("saint", departement="42", limit=50)
    assert len(found) == 50 and all(c.departement == "42" for c in found)
    assert found[0].name == "Saint-Étienne", "the most populated first"


def test_commune_search_by_code_and_former_names():
    assert [c.insee for c in refdata.search_communes("20000")] == ["2A004"]
    assert refdata.search_communes("42218")[0].name == "Saint-Étienne"
    assert refdata.search_communes("cherbourg octeville", include_former=True)[0].insee == "50129"
    (vieux,) = refdata.search_communes("annecy le vieux", include_former=True)
    assert (vieux.insee, vieux.kind, vieux.parent, vieux.postal_codes) == ("74011", "deleguee", "74010", ())
    assert refdata.commune_by_insee("74011") == vieux and refdata.commune_by_insee("74010").name == "Annecy"
    assert refdata.search_communes("annecy le vieux") == (), "former communes only when asked (place of birth)"
    assert all(c.is_current for c in refdata.search_communes("a", limit=500))


def test_commune_search_limits_and_empty_text():
    assert len(refdata.search_communes("sa", limit=20)) == 20
    assert refdata.search_communes("") == ()
    biggest = refdata.search_communes("", departement="13", limit=3)
    assert biggest[0].name == "Marseille" and len(biggest) == 3
    assert refdata.search_communes("zzzzzz") == ()


# --- lycées ------------------------------------------------------------------------------------------------------


def test_lycee_by_uai_and_search():
    henri_iv = refdata.lycee_by_uai("0750654d")
    assert henri_iv is not None and "HENRI IV" in henri_iv.name
    assert (henri_iv.commune, henri_iv.commune_name, henri_iv.departement) == ("75056", "Paris", "75")
    assert henri_iv in refdata.search_lycees("henri iv")
    assert refdata.search_lycees("henri iv", commune="75105")[0] == henri_iv, "an arrondissement means Paris"
    assert refdata.search_lycees("0750654D") == (henri_iv,)
    in_corsica = refdata.search_lycees("", departement="2A", limit=100)
    assert in_corsica and all(ly.departement == "2A" for ly in in_corsica)
    found = refdata.search_lycees("lycee hugo besancon")
    assert found and all(ly.commune_name == "Besançon" for ly in found)


def test_every_lycee_lies_in_a_known_commune():
    lycees = refdata.search_lycees("lycee", limit=10_000)
    assert len(lycees) > 4000
    for lycee in lycees:
        commune = refdata.commune_by_insee(lycee.commune)
        assert commune is not None and commune.departement == lycee.departement, lycee


# --- bac, mentions, diplomas ---------------------------------------------------------------------------------------


def codes(found) -> list[str]:
    return [item.code for item in found]


def test_bac_series_2019_have_s_es_l():
    series = codes(refdata.bac_series_for_year(2019))
    assert {"S", "ES", "L", "STMG", "STI2D", "STL", "ST2S", "STAV", "STD2A", "STHR", "TMD"} <= set(series)
    assert refdata.GENERAL_BAC_SINCE_2021 not in series and "S2TMD" not in series
    assert {"0021", "0022", "0031", "DAEA", "DAEB", "0030", "0036"} <= set(series)
    assert refdata.SANS_BAC not in series
    assert refdata.SANS_BAC in codes(refdata.bac_series_for_year(2019, include_sans_bac=True))


def test_bac_series_2023_have_the_general_bac_without_series():
    series = codes(refdata.bac_series_for_year(2023))
    assert refdata.GENERAL_BAC_SINCE_2021 in series
    assert not {"S", "ES", "L", "TMD"} & set(series)
    assert {"STMG", "STI2D", "STL", "ST2S", "STAV", "STD2A", "STHR", "S2TMD", "0031", "DAEA", "DAEB"} <= set(series)
    assert refdata.bac_series_for_year("2023") == refdata.bac_series_for_year(2023)
    assert refdata.bac_series_for_year(None) == () == refdata.bac_series_for_year("x")
    assert {"C", "D"} <= set(codes(refdata.bac_series_for_year(1990)))


def test_specialites_since_2021():
    assert refdata.specialites_for_year(2019) == ()
    specialites_2023 = {s.code: s.label for s in refdata.specialites_for_year(2023)}
    assert specialites_2023["MATHS"] == "Mathématiques"
    assert {"PC", "SVT", "SES", "HGGSP", "HLP", "NSI", "SI", "EPPCS", "LLCER-ANG", "ARTS-PLA"} <= set(specialites_2023)
    assert "EPPCS" not in codes(refdata.specialites_for_year(2021))


def test_mentions():
    assert [m.label for m in refdata.mentions_for_year(2019)] == ["Passable", "Assez bien", "Bien", "Très bien"]
    mentions_2023 = refdata.mentions_for_year(2023)
    assert mentions_2023[-1].label == "Très bien avec félicitations du jury"
    assert [m.min_grade for m in mentions_2023] == [10, 12, 14, 16, 18]
    assert refdata.mentions_for_year(None) == ()


def test_diploma_types_and_obtained_statuses():
    labels = [d.label for d in refdata.diploma_types()]
    for expected in ("Licence", "Licence professionnelle", "Master", "Doctorat", "Diplôme d'ingénieur", "Autre"):
        assert expected in labels
    assert any(label.startswith(prefix) for prefix in ("BUT", "DUT", "BTS", "CPGE", "DAEU") for label in labels)
    assert len(set(codes(refdata.diploma_types()))) == len(labels)
    assert [(s.code, s.label) for s in refdata.obtained_statuses()] == [("O", "Oui"), ("N", "Non"), ("E", "En cours")]


# --- shape ------------------------------------------------------------------------------------------------------


def test_records_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        refdata.country_by_code("99100").name = "X"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        refdata.commune_by_insee("75056").name = "X"  # type: ignore[misc]


def test_no_ui_or_database_import():
    code = (
        "import sys, ecandidat_ui.refdata as r; r.search_communes('paris'); r.search_lycees('hugo'); "
        "print(','.join(m for m in ('nicegui', 'sqlmodel', 'sqlalchemy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_searches_are_fast():
    refdata.search_communes.cache_clear()
    refdata.search_lycees.cache_clear()
    refdata.search_communes("x")  # load once
    refdata.search_lycees("x")
    queries = [word[:n] for word in ("bordeaux", "villeneuve", "saint etienne", "montpellier") for n in range(2, 9)]
    start = time.process_time()  # CPU time: a busy machine does not make it fail
    for query in queries:
        refdata.search_communes(query)
        refdata.search_lycees(query)
        refdata.search_lycees(query, departement="75")
    per_search = (time.process_time() - start) / (3 * len(queries))
    assert per_search < 0.02, f"{per_search * 1e6:.0f} µs per search"
