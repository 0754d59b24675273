"""A tag as staff see it: its label on its colour. The colours are a fixed palette (`models.TagColour`), each a
background with the text colour that passes WCAG AA on it (contrast ≥ 4.5, tests/unit/test_tag_palette.py); a
tag's colour only chooses one of these classes, it never becomes a style."""

from __future__ import annotations

from nicegui import ui

# name → (background, text)
PALETTE = {
    "bleu": ("#1d4ed8", "#ffffff"),
    "vert": ("#15803d", "#ffffff"),
    "rouge": ("#b91c1c", "#ffffff"),
    "orange": ("#c2410c", "#ffffff"),
    "violet": ("#6d28d9", "#ffffff"),
    "rose": ("#be185d", "#ffffff"),
    "turquoise": ("#0f766e", "#ffffff"),
    "marron": ("#92400e", "#ffffff"),
    "gris": ("#4b5563", "#ffffff"),
    "jaune": ("#fde047", "#1f2937"),
}
CLASSES = {
    "bleu": "tag-chip tag-bleu",
    "vert": "tag-chip tag-vert",
    "rouge": "tag-chip tag-rouge",
    "orange": "tag-chip tag-orange",
    "violet": "tag-chip tag-violet",
    "rose": "tag-chip tag-rose",
    "turquoise": "tag-chip tag-turquoise",
    "marron": "tag-chip tag-marron",
    "gris": "tag-chip tag-gris",
    "jaune": "tag-chip tag-jaune",
}
CSS = """
.tag-chip{display:inline-block;padding:0.1rem 0.6rem;border-radius:0.75rem;font-weight:500;line-height:1.5}
.tag-bleu{background:#1d4ed8;color:#ffffff}
.tag-vert{background:#15803d;color:#ffffff}
.tag-rouge{background:#b91c1c;color:#ffffff}
.tag-orange{background:#c2410c;color:#ffffff}
.tag-violet{background:#6d28d9;color:#ffffff}
.tag-rose{background:#be185d;color:#ffffff}
.tag-turquoise{background:#0f766e;color:#ffffff}
.tag-marron{background:#92400e;color:#ffffff}
.tag-gris{background:#4b5563;color:#ffffff}
.tag-jaune{background:#fde047;color:#1f2937}
"""


def add_styles() -> None:
    ui.add_css(CSS)


def tag_chip(label: str, colour: str) -> ui.label:
    """The chip of a tag; an unknown colour shows grey."""
    add_styles()
    chip = ui.label(label)
    chip.classes(CLASSES.get(colour, "tag-chip tag-gris"))
    return chip


def recolour(chip: ui.label, colour: str) -> None:
    chip.classes(replace=CLASSES.get(colour, "tag-chip tag-gris"))
