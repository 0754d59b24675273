"""« Questions » (Offre de formation): the questions complémentaires of every centre (scolarité) and of the
member's centres, « Oui/Non » or « Texte », with the same flags as the pièces justificatives."""

from __future__ import annotations

from typing import Any

from components.data_table import Column
from components.setup_form import Field, Section
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.asked_setup import QUESTION_KINDS
from ecandidat_ui.services.rights import Action, Actor
from pages.gestion.asked_screen import AskedScreen, Texts
from pages.gestion.setup_screen import asked_id
from pages.gestion.shell import Screen, gestion_screen

SCREEN = Screen("/gestion/questions", "Questions", "Offre de formation", Action.VIEW_SETUP)
COLUMNS = [
    Column("position", "Ordre", sortable=True, align="right", wide_only=True),
    Column("code", "Code", sortable=True, nowrap=True),
    Column("label", "Libellé", sortable=True),
    Column("kind", "Type", wide_only=True),
    Column("centre", "Centre", sortable=True, wide_only=True),
    Column("active", "En service", sortable=True, wide_only=True),
    Column("common", "Commune", sortable=True, wide_only=True),
    Column("required", "Obligatoire", wide_only=True),
    Column("formations", "Formations", sortable=True, align="right", wide_only=True),
]
TEXTS = Texts(
    caption="Questions",
    new="Nouvelle question",
    edit="Edition de question",
    what="la question",
    empty=messages.QUESTION_NONE,
    marker="question",
)


def sections(centres: dict[Any, str]) -> list[Section]:
    return [
        Section(
            "Question",
            [
                Field("code", "Code *", max_length=20),
                Field("position", "Ordre", "number"),
                Field("label", "Libellé *", "textarea", max_length=500),
                Field("kind", "Type *", "select", options=QUESTION_KINDS),
                Field("centre_id", "Centre *", "select", options=centres, hint=messages.PIECE_REACH_HINT),
                Field("active", "En service", "checkbox"),
                Field("common", "Commune", "checkbox"),
                Field("required", "Obligatoire (sinon : conditionnelle)", "checkbox"),
            ],
            intro=messages.PIECE_COMMON_HINT,
        )
    ]


def register(platform: Platform) -> None:
    @gestion_screen(platform, SCREEN)
    async def questions(actor: Actor) -> None:
        screen = AskedScreen(platform, actor, platform.questions, COLUMNS, sections, TEXTS)
        await screen.load_centres()
        if (question_id := asked_id()) is not None:
            await screen.edit(question_id)
