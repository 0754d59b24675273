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
from ecandidat_ui.services.offer import OfferedCentre, OfferedFormation
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
                today, search = date.today(), query.strip()
                if search:  # the matching formations, their centres open
                    centres, load = _found(await run.io_bound(platform.offer.formations, search), today)
                else:  # the centres, counted by the database; a centre's formations read when it is opened
                    centres = await run.io_bound(platform.offer.centres, today)

                    async def load(centre: OfferedCentre) -> list[OfferedFormation]:
                        return await run.io_bound(platform.offer.formations, "", centre.id)

                if results.is_deleted:  # the tab left meanwhile
                    return
                results.clear()
                with results:
                    listing = Listing(today, applied, apply)
                    await _offer_tree(centres, load, listing, search=search, on_clear=clear_search)

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


Load = Callable[[OfferedCentre], Awaitable[list[OfferedFormation]]]  # a centre's formations


def _found(formations: list[OfferedFormation], today: date) -> tuple[list[OfferedCentre], Load]:
    """The centres of a search's formations, counted, and the loader of each one's formations among them."""
    by_centre: dict[int, list[OfferedFormation]] = {}
    for formation in formations:
        by_centre.setdefault(formation.centre_id, []).append(formation)
    centres = [
        OfferedCentre(centre_id, found[0].centre, len(found), sum(f.is_open(today) for f in found))
        for centre_id, found in by_centre.items()
    ]

    async def load(centre: OfferedCentre) -> list[OfferedFormation]:
        return by_centre[centre.id]

    return centres, load


async def _offer_tree(
    centres: list[OfferedCentre], load: Load, listing: Listing, *, search: str, on_clear: Callable[[], None]
) -> None:
    with ui.element("div").classes("w-full").props('aria-live="polite"'):
        count = sum(centre.formations for centre in centres)
        ui.label(_formations(count)).classes("text-body2 text-grey-9").mark("offer-count")
    if not centres:
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
    for centre in centres:
        summary = _count(centre.formations, centre.open_now)
        with ui.expansion(value=bool(search)).classes("w-full bg-white rounded-borders shadow-1").mark("centre") as box:
            box.props["toggle-aria-label"] = f"{centre.label} {summary}"
            with box.add_slot("header"), ui.row().classes("w-full items-center no-wrap gap-3"):
                ui.icon("account_balance", color="primary").props('aria-hidden="true"')
                with ui.column().classes("gap-0"):
                    ui.label(f"{centre.label} ").classes("text-subtitle1 text-bold")  # the space: name = visible text
                    ui.label(summary).classes("text-caption text-grey-9")
        await _lazy(box, centre, load, listing)


async def _lazy(box: ui.expansion, centre: OfferedCentre, load: Load, listing: Listing) -> None:
    """Read and build the formations of a centre when it is first opened, so a large offer stays light."""
    built = False

    async def ensure(_=None) -> None:
        nonlocal built
        if box.value and not built:
            built = True
            try:
                formations = await load(centre)
            except BaseException:
                built = False  # the next opening tries again
                raise
            if not box.is_deleted:
                with box:
                    _centre_content(formations, listing)

    box.on_value_change(ensure)
    await ensure()


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
