from datetime import date
from itertools import groupby

from nicegui import ui

from ecandidat_ui import messages, web_session
from ecandidat_ui.platform import Platform
from pages.layout import page_frame


def register(platform: Platform) -> None:
    @ui.page("/offre")
    def offer_page() -> None:
        account = web_session.current_account(platform.sessions)
        formations = platform.offer.formations()
        today = date.today()
        with page_frame(platform, "Offre de formation", "/offre", account):
            if not formations:
                with ui.card().classes("w-full p-6 items-center gap-2"):
                    ui.icon("menu_book", size="xl", color="grey-7").props('aria-hidden="true"')
                    ui.label(messages.NO_FORMATION).classes("text-body1").mark("empty-offer")
                return
            for centre, in_centre in groupby(formations, key=lambda f: f.centre):
                ui.label(centre).classes("text-h6 pt-2").props('role="heading" aria-level="2"')
                with ui.list().props("bordered separator").classes("w-full bg-white rounded"):
                    for formation in in_centre:
                        with ui.item().classes("w-full"), ui.item_section():
                            ui.item_label(formation.label).classes("text-body1 text-bold")
                            ui.item_label(
                                f"Du {formation.opens_on:%d/%m/%Y} au {formation.closes_on:%d/%m/%Y} · "
                                + ("dossier dématérialisé" if formation.paperless else "dossier papier")
                            ).props("caption").classes("text-grey-9")
                            state = "Candidatures ouvertes" if formation.is_open(today) else "Candidatures fermées"
                            ui.item_label(state).props("caption").classes(
                                "text-green-9 text-bold" if formation.is_open(today) else "text-grey-8"
                            )
