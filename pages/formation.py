"""A formation's own page, before applying: what it is, its dates, what it will ask (pièces, questions), whom
to contact, a link to its programme — at a stable address to share: /formation/<code>."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from urllib.parse import quote

from fastapi import HTTPException, Path
from nicegui import run, ui

from components.offer_list import window_label
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.offer import FormationDetails
from pages.candidatures import apply_to
from pages.layout import file_statuses, page_frame, sign_in_address

FormationCode = Annotated[str, Path(min_length=1, max_length=20, pattern=r"^[A-Za-z0-9_.\-]+$")]


def address_of(code: str) -> str:
    return f"/formation/{quote(code, safe='')}"


def register(platform: Platform) -> None:
    @ui.page("/formation/{code}")
    async def formation_page(code: FormationCode) -> None:
        details = await run.io_bound(platform.offer.details, code)
        if details is None:
            raise HTTPException(404)  # out of service or unknown: the French page « Page introuvable »
        me = platform.session_cookie.signed_in()
        account = me.account if me else None
        statuses = await file_statuses(platform, account)
        applied = await run.io_bound(platform.candidatures.applied, account.id) if account else {}
        formation = details.offered
        with page_frame(platform, formation.label, "/offre", account, statuses=statuses):
            ui.link(messages.FORMATION_BACK_TO_OFFER, "/offre").classes("text-primary")

            async def apply() -> None:
                if me is None:
                    ui.navigate.to(sign_in_address(address_of(formation.code)))
                    return
                await apply_to(platform, me.session_id, formation.id, formation.label)

            _summary(details, date.today(), applied.get(formation.id), apply)
            _asked(details)
            _contact(details)


def _summary(details: FormationDetails, today: date, candidature_id: int | None, apply) -> None:
    formation = details.offered
    with ui.card().classes("w-full p-4 sm:p-6 gap-2").mark("formation-summary"):
        ui.label(f"{formation.centre} · {formation.diploma_type}").classes("text-body2 text-grey-9")
        window_label(ui.label, formation.window_state(today)).classes("text-body1")
        mode = messages.FORMATION_PAPERLESS if formation.paperless else messages.FORMATION_PAPER
        _line(messages.FORMATION_MODE, mode)
        if details.capacity:
            _line(messages.FORMATION_CAPACITY, str(details.capacity))
        if formation.keywords:
            _line(messages.FORMATION_KEYWORDS, formation.keywords)
        if details.info:
            ui.label(details.info).classes("text-body1 whitespace-pre-line").mark("formation-info")
        if formation.url.startswith(("https://", "http://")):
            link = ui.link(messages.FORMATION_PROGRAMME, formation.url, new_tab=True).classes("text-primary")
            link.props["rel"] = "noopener noreferrer"
        ui.label(messages.FORMATION_DATES).classes("text-subtitle1 text-bold q-mt-sm").props(
            'role="heading" aria-level="2"'
        )
        with ui.element("ul").classes("list-disc q-pl-lg text-body1"):
            for label, day in details.dates:
                with ui.element("li"):
                    ui.label(f"{label} : {day:%d/%m/%Y}")
        with ui.row().classes("gap-2 q-mt-sm"):
            if candidature_id is not None:
                seen = ui.link(messages.OFFER_ALREADY_APPLIED, f"/compte/candidatures/{candidature_id}")
                seen.classes("text-bold text-primary").mark("formation-applied")
                seen.props["aria-label"] = messages.OFFER_SEE_CANDIDATURE.format(label=formation.label)
            elif formation.is_open(today):
                button = ui.button(messages.APPLY, icon="how_to_reg", on_click=apply).mark("formation-apply")
                button.props["aria-label"] = messages.APPLY_TO.format(formation=formation.label)


def _asked(details: FormationDetails) -> None:
    if not details.pieces and not details.questions:
        return
    with ui.card().classes("w-full p-4 sm:p-6 gap-2").mark("formation-asked"):
        ui.label(messages.FORMATION_WILL_ASK).classes("text-h6").props('role="heading" aria-level="2"')
        if details.pieces:
            ui.label(messages.FORMATION_PIECES).classes("text-subtitle1 text-bold")
            with ui.element("ul").classes("list-disc q-pl-lg text-body1"):
                for label, conditional in details.pieces:
                    with ui.element("li"):
                        ui.label(label + (messages.PAPER_IF_CONCERNED if conditional else ""))
        if details.questions:
            ui.label(messages.FORMATION_QUESTIONS).classes("text-subtitle1 text-bold")
            with ui.element("ul").classes("list-disc q-pl-lg text-body1"):
                for question in details.questions:
                    with ui.element("li"):
                        ui.label(question)


def _contact(details: FormationDetails) -> None:
    if not details.commission:
        return
    with ui.card().classes("w-full p-4 sm:p-6 gap-1").mark("formation-contact"):
        ui.label(messages.FORMATION_CONTACT).classes("text-h6").props('role="heading" aria-level="2"')
        ui.label(details.commission).classes("text-body1 text-bold")
        for line in details.contact:
            ui.label(line).classes("text-body1")


def _line(label: str, value: str) -> None:
    with ui.row().classes("gap-2 items-baseline"):
        ui.label(f"{label} :").classes("text-body2 text-grey-9")
        ui.label(value).classes("text-body1")
