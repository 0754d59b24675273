"""Each colour a tag may take is shown with a text colour passing WCAG AA, by the one style sheet of the palette."""

from __future__ import annotations

import pytest

from components.tag_chip import CLASSES, CSS, PALETTE
from ecandidat_ui import messages
from models import TagColour


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(one: str, other: str) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_palette_is_the_enum_with_a_french_name_each():
    assert set(PALETTE) == set(CLASSES) == {colour.value for colour in TagColour} == set(messages.TAG_COLOURS)


@pytest.mark.parametrize("name", sorted(PALETTE))
def test_each_colour_passes_wcag_aa_and_is_the_one_of_the_style_sheet(name: str):
    background, text = PALETTE[name]
    assert contrast(background, text) >= 4.5
    assert f".tag-{name}{{background:{background};color:{text}}}" in CSS
    assert CLASSES[name] == f"tag-chip tag-{name}"


def test_the_contrast_formula_knows_black_on_white():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
