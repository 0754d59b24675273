"""« Mes candidatures » on the candidate's home: one card per candidature — where it stands, what is missing,
the next date, and the one next step as a link. A few elements per card: a candidate has at most a few dozen."""

from __future__ import annotations

from nicegui import ui

from ecandidat_ui import messages
from ecandidat_ui.services.candidate_dashboard import Card

CSS = """
.candidature-card { border: 1px solid #d1d5db; border-radius: 0.5rem; }
.candidature-card--urgent { border-left: 0.375rem solid #b45309; }
"""


def candidature_cards(cards: list[Card]) -> None:
    ui.add_css(CSS)
    with (
        ui.card()
        .classes("w-full p-4 sm:p-6 gap-3")
        .props('role="region" aria-labelledby="mes-candidatures"')
        .mark("candidature-cards")
    ):
        ui.label(messages.HOME_CARDS_TITLE).classes("text-h6").props(
            'role="heading" aria-level="2" id="mes-candidatures"'
        )
        if not cards:
            ui.label(messages.HOME_CARDS_NONE).classes("text-body1")
            ui.link(messages.HOME_CARDS_FIND, "/offre").classes("text-primary text-body1")
            return
        with ui.element("ul").classes("w-full q-pl-none q-ma-none column gap-3").props('role="list"'):
            for card in cards:
                _card(card)


def _card(card: Card) -> None:
    with (
        ui.element("li").classes("candidature-card w-full p-3 column gap-1").mark(f"card-{card.candidature_id}") as item
    ):
        item.props('role="listitem"')
        if card.urgent:
            item.classes("candidature-card--urgent")
        ui.link(card.formation, card.path).classes("text-primary text-subtitle1 text-weight-bold").props(
            'role="heading" aria-level="3"'
        )
        ui.label(card.status).classes("text-body1").mark("card-status")
        if card.missing:
            ui.label(card.missing).classes("text-body2 text-negative").mark("card-missing")
        if card.deadline:
            deadline = ui.label(card.deadline).classes("text-body2").mark("card-deadline")
            if card.urgent:
                deadline.classes("text-weight-bold")
        if card.action:
            ui.button(card.action, icon="arrow_forward", on_click=lambda path=card.path: ui.navigate.to(path)).props(
                "no-caps unelevated color=primary"
            ).classes("self-start").mark("card-action")
