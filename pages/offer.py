"""« Offre de formation »: every formation, by centre and type of diploma, with a search; no account needed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from urllib.parse import quote, urlencode

from nicegui import run, ui

from components.offer_list import OfferLine, offer_list
from ecandidat_ui import messages
from ecandidat_ui.event_limits import LatestWins
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.offer import OfferedFormation
from pages.candidatures import apply_to
from pages.layout import file_statuses, page_frame, sign_in_address


def register(platform: Platform) -> None:
    @ui.page("/offre")
    async def offer_page(recherche: str = "") -> None:
        me = platform.session_cookie.signed_in()
        account = me.account if me else None
        statuses = await file_statuses(platform, account)
        with page_frame(platform, messages.OFFER_TITLE, "/offre", account, statuses=statuses):
            search = (
                ui.input(messages.OFFER_SEARCH, value=recherche)
                .props('outlined clearable debounce=300 type=search aria-describedby="aide-recherche"')
                .classes("w-full")
                .mark("search")
            )
            with search.add_slot("prepend"):
                ui.icon("search").props('aria-hidden="true"')
            ui.label(messages.OFFER_SEARCH_HINT).classes("text-caption text-grey-9").props('id="aide-recherche"')

            async def apply(formation: OfferedFormation) -> None:
                if me is None:  # back to this formation in the offer once signed in
                    ui.navigate.to(sign_in_address(f"/offre?{urlencode({'recherche': formation.label})}"))
                    return
                await apply_to(platform, me.session_id, formation.id, formation.label)

            results = ui.column().classes("w-full gap-4")
            applied = await run.io_bound(platform.candidatures.applied, me.account.id) if me else {}

            def clear_search() -> None:
                search.value = ""
                search.run_method("focus")

            async def show(query: str) -> None:
                formations = await run.io_bound(platform.offer.formations, query)
                if results.is_deleted:  # the tab left meanwhile
                    return
                results.clear()
                with results:
                    listing = Listing(date.today(), applied, apply)
                    _offer_tree(formations, listing, search=query.strip(), on_clear=clear_search)

            # one search at a time for this tab, for the latest value: a flood of values costs two searches
            searches = LatestWins(show)
            await show(search.value or "")
            search.on_value_change(lambda event: searches.submit(event.value or ""))


@dataclass(frozen=True)
class Listing:
    """What each formation's line needs: today, the candidate's candidatures by formation, « Candidater »."""

    today: date
    applied: dict[int, int]  # formation id → the candidate's candidature
    on_apply: Callable[[OfferedFormation], Awaitable[None]]


def _offer_tree(formations: list[OfferedFormation], listing: Listing, *, search: str, on_clear) -> None:
    with ui.element("div").classes("w-full").props('aria-live="polite"'):
        count = len(formations)
        ui.label(_formations(count)).classes("text-body2 text-grey-9").mark("offer-count")
    if not formations:
        with ui.card().classes("w-full p-4 sm:p-6 items-center gap-2"):
            ui.icon("menu_book", size="xl", color="grey-7").props('aria-hidden="true"')
            if search:  # nothing matches: say so, and offer the whole offer back
                ui.label(messages.OFFER_NO_MATCH.format(search=search)).classes("text-body1").mark("empty-offer")
                ui.button(messages.OFFER_CLEAR_SEARCH, icon="backspace", on_click=on_clear).props(
                    "outline no-caps"
                ).mark("clear-search")
            else:
                ui.label(messages.NO_FORMATION).classes("text-body1").mark("empty-offer")
        return
    today = listing.today
    for centre, in_centre in groupby(formations, key=lambda f: f.centre):
        in_centre = list(in_centre)
        open_now = sum(f.is_open(today) for f in in_centre)
        summary = _count(len(in_centre), open_now)
        with ui.expansion(value=bool(search)).classes("w-full bg-white rounded-borders shadow-1").mark("centre") as box:
            box.props["toggle-aria-label"] = f"{centre} {summary}"
            with box.add_slot("header"), ui.row().classes("w-full items-center no-wrap gap-3"):
                ui.icon("account_balance", color="primary").props('aria-hidden="true"')
                with ui.column().classes("gap-0"):
                    ui.label(f"{centre} ").classes("text-subtitle1 text-bold")  # the space: name = visible text
                    ui.label(summary).classes("text-caption text-grey-9")
            _lazy(box, lambda in_centre=in_centre: _centre_content(in_centre, listing))


def _lazy(box: ui.expansion, build) -> None:
    """Build the content of a centre when it is first opened, so a large offer stays light."""
    built = False

    def ensure(_=None) -> None:
        nonlocal built
        if box.value and not built:
            built = True
            with box:
                build()

    box.on_value_change(ensure)
    ensure()


def _centre_content(formations: list[OfferedFormation], listing: Listing) -> None:
    by_id = {formation.id: formation for formation in formations}

    async def apply(formation_id: int) -> None:
        await listing.on_apply(by_id[formation_id])

    groups = [
        (diploma, [_line(formation, listing) for formation in of_type])
        for diploma, of_type in groupby(formations, key=lambda f: f.diploma_type)
    ]
    offer_list(groups, apply).mark("offer-list")


def _line(formation: OfferedFormation, listing: Listing) -> OfferLine:
    candidature_id = listing.applied.get(formation.id)
    mode = messages.PAPERLESS_FILE if formation.paperless else messages.PAPER_FILE
    return OfferLine(
        id=formation.id,
        label=formation.label,
        page=f"/formation/{quote(formation.code, safe='')}",
        dates=messages.OFFER_DATES.format(
            opens=f"{formation.opens_on:%d/%m/%Y}", closes=f"{formation.closes_on:%d/%m/%Y}", mode=mode
        ),
        window=formation.window_state(listing.today),
        open=formation.is_open(listing.today),
        candidature=f"/compte/candidatures/{candidature_id}" if candidature_id is not None else "",
    )


def _formations(count: int) -> str:
    return (messages.FORMATIONS_MANY if count > 1 else messages.FORMATIONS_ONE).format(count=count)


def _count(total: int, open_now: int) -> str:
    said = messages.FORMATIONS_OPEN_MANY if open_now > 1 else messages.FORMATIONS_OPEN_ONE
    return said.format(formations=_formations(total), count=open_now)
