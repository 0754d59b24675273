import pytest

from ecandidat_ui.services import ine


@pytest.mark.parametrize(
    "value",
    [
        "1234567890" + ine.bea_key("1234567890"),  # INE-BEA
        "0123456789" + ine.bea_key("0123456789"),
        "0A0BC12345" + ine.base36_key("0A0BC12345"),  # INE base 36
        "1234567890" + ine.base36_key("1234567890"),
        "123456789AB",  # INE-RNIE
        "2021A12345K",  # apprentice
        " 1234567890" + ine.bea_key("1234567890").lower(),  # spaces and case are forgiven
    ],
)
def test_valid_ine(value):
    assert ine.is_valid(value)


def test_bea_key_follows_mod_23():
    assert ine.bea_key("0000000023") == "A"
    assert ine.bea_key("0000000001") == "B"
    assert ine.bea_key("0000000022") == "Z"


def test_base36_key_follows_the_formula():
    # 6 × (0+10+0+11+12+1+2+3+4) + 5 = 6 × 43 + 5 = 263 → 3
    assert ine.base36_key("0A0BC12345") == "3"


@pytest.mark.parametrize(
    "value",
    [
        "",
        "1234567890",  # no key
        "1234567890" + ("A" if ine.bea_key("1234567890") != "A" else "B"),  # wrong BEA key
        "1111111111" + ine.bea_key("1111111111"),  # ten identical digits
        "0A0BC123454",  # wrong base-36 key
        "1234567890I",  # I is not a key letter
        "12345-67890A",
        "ABCDEFGHIJKL",
    ],
)
def test_invalid_ine(value):
    assert not ine.is_valid(value)
