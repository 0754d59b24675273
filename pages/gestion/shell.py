"""The staff side's shell: every gestion screen is registered with `@gestion_screen(platform, SCREEN)`, which
answers a browser with no staff session with the staff sign-in, an actor without the screen's right with a French
refusal, and anyone else with the gestion frame (header, the menu of the screens their rights open) around the
screen's own `build(actor)`.

    SCREEN = Screen("/gestion/formations", "Formations", "Offre de formation", Action.VIEW_SETUP)

    def register(platform: Platform) -> None:
        @gestion_screen(platform, SCREEN)
        async def formations(actor: Actor) -> None:
            ...   # built inside the content column, under the title
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import quote

from nicegui import run, ui

from components.banner import banner
from components.gestion_frame import GestionFrameModel, MenuLink, MenuSection, gestion_frame
from components.staff_login_card import StaffLoginCard, cas_card
from ecandidat_ui import gestion_session, messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import cas, rights
from ecandidat_ui.services.rights import Action, Actor
from ecandidat_ui.services.staff import SIGN_IN_PATH
from pages.layout import maintenance_message

CAS_RETURN_PATH = "/gestion/cas"
# Sections in the menu's order; a screen of another section comes after them, in the order registered.
SECTIONS = ("Offre de formation", "Candidatures", "Contenus", "Administration", "Mon compte")


@dataclass(frozen=True)
class Screen:
    path: str  # "/gestion/formations"
    title: str  # "Formations" (the original's French label)
    section: str  # menu section, e.g. "Offre de formation", "Contenus", "Administration"
    action: Action | None  # in the menu, and opens, when the actor has this right somewhere; None: every member


_screens: dict[str, Screen] = {}  # by path, in the order registered (registering again replaces)

Build = Callable[[Actor], Awaitable[None] | None]


def gestion_screen(platform: Platform, screen: Screen) -> Callable[[Build], Build]:
    """Registers the page at screen.path: signed-out → the staff sign-in; no right → a French refusal; else the
    gestion frame and then `build(actor)` (sync or async) inside the content column."""
    _screens[screen.path] = screen

    def decorator(build: Build) -> Build:
        @ui.page(screen.path)
        async def page() -> None:
            actor = await gestion_session.current_actor(platform)
            if actor is None:
                sign_in_page(platform, then=asked_address(screen), required=True)
                return
            with frame(platform, actor, screen.title, screen.path):
                if not may_open(actor, screen):
                    refusal(actor, screen)
                    return
                built = build(actor)
                if inspect.isawaitable(built):
                    await built

        return build

    return decorator


def asked_address(screen: Screen) -> str:
    """The screen's address as typed, query included (`/gestion/formations?ouvrir=12`): where sign-in leads."""
    request = ui.context.client.request
    query = request.url.query if request is not None else ""
    return f"{screen.path}?{query}" if query else screen.path


def screens() -> list[Screen]:
    return list(_screens.values())


def may_open(actor: Actor, screen: Screen) -> bool:
    """The actor has the screen's right for at least one centre or commission (or the whole institution)."""
    return screen.action is None or not rights.visible(actor, screen.action).nothing


def menu_for(actor: Actor) -> list[MenuSection]:
    sections: dict[str, list[MenuLink]] = {}
    for screen in _screens.values():
        if may_open(actor, screen):
            sections.setdefault(screen.section, []).append(MenuLink(screen.title, screen.path))
    order = {title: index for index, title in enumerate(SECTIONS)}
    titles = sorted(sections, key=lambda title: order.get(title, len(SECTIONS)))
    return [MenuSection(title, tuple(sections[title])) for title in titles]


@contextmanager
def frame(platform: Platform, actor: Actor, title: str, path: str) -> Iterator[ui.column]:
    """The gestion frame for a signed-in member; yields the content column."""
    model = GestionFrameModel(
        institution=platform.settings.institution_name,
        current_path=path,
        member_name=actor.name,
        sections=menu_for(actor),
        on_sign_out=lambda: gestion_session.sign_out(platform),
        maintenance=maintenance_message(platform),
    )
    with gestion_frame(title, model) as content:
        yield content


def refusal(actor: Actor, screen: Screen) -> None:
    text = rights.refusal(actor, screen.action) if screen.action else messages.RIGHT_REFUSED
    banner(text or messages.STAFF_SCREEN_REFUSED, "error", marker="gestion-refused")


def sign_in_page(
    platform: Platform, *, then: str = SIGN_IN_PATH, required: bool = False, info: str = "", problem: str = ""
) -> None:
    """The staff sign-in, at the address asked for: signed in, the browser goes on to `then`."""
    settings = platform.settings
    model = GestionFrameModel(institution=settings.institution_name, current_path=SIGN_IN_PATH)
    with gestion_frame("Connexion à la gestion", model):
        if problem:
            banner(problem, "error", marker="cas-problem")
        elif info == gestion_session.EXPIRED:
            banner(messages.SESSION_EXPIRED, "warning", marker="gestion-info")
        elif required:
            banner(messages.STAFF_SIGN_IN_REQUIRED, "info", marker="gestion-info")

        async def sign_in(mail: str, password: str, code: str) -> None:
            address = ui.context.client.ip or ""
            handover = await run.io_bound(platform.staff.sign_in, mail, password, code, address)
            gestion_session.signed_in(platform, handover, then)

        with ui.column().classes("w-full max-w-md gap-4"):
            if settings.cas_enabled:
                service = settings.link(f"{CAS_RETURN_PATH}?suite={quote(then)}")
                cas_card(lambda: ui.navigate.to(cas.login_url(settings.cas_url, service)))
            StaffLoginCard(sign_in)
