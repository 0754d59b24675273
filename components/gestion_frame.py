"""The frame of the gestion's pages, made for desktop work: a slim header (institution, the staff member, « Se
déconnecter »), the menu of the sections the member's rights open, always shown on a wide screen (a drawer on
phones), and a content column as wide as the window for dense tables."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from nicegui import ui

from components.frame import PRIMARY
from components.staff_markdown import maintenance_notice

HOME_PATH = "/gestion"


@dataclass(frozen=True)
class MenuLink:
    label: str
    path: str


@dataclass(frozen=True)
class MenuSection:
    title: str
    links: tuple[MenuLink, ...]


@dataclass(frozen=True)
class GestionFrameModel:
    institution: str
    current_path: str
    member_name: str | None = None  # None: nobody signed in (the sign-in and set-up pages)
    sections: Sequence[MenuSection] = field(default_factory=tuple)
    on_sign_out: Callable[[], object] | None = None
    maintenance: str = ""  # the maintenance message candidates see, shown to staff too while it is set


@contextmanager
def gestion_frame(title: str, model: GestionFrameModel) -> Iterator[ui.column]:
    """Builds the frame and yields the content column, which already holds the page's title (h1)."""
    ui.page_title(f"{title} - Gestion - eCandidat - {model.institution}")
    ui.colors(primary=PRIMARY)
    ui.add_head_html(_STYLE)
    ui.link("Aller au contenu", "#contenu").classes("skip-link")
    signed_in = model.member_name is not None
    with ui.header(elevated=True).classes("items-center gap-2 px-3 py-1 bg-primary text-white no-wrap"):
        menu_button = None
        if signed_in:
            menu_button = ui.button(icon="menu").props('flat round dense color=white aria-label="Menu"')
            menu_button.classes("lg:hidden")
        with ui.link(target=HOME_PATH).classes("text-white no-underline column leading-tight min-w-0"):
            ui.label("ESUP eCandidat · Gestion").classes("text-caption")
            ui.label(model.institution).classes("text-subtitle1 text-bold ellipsis").mark("gestion-institution")
        ui.space()
        if signed_in:
            _header_member(model)
    if signed_in:
        with (
            ui.left_drawer(value=False, bordered=True)
            .props("show-if-above breakpoint=1023 width=240")
            .classes("bg-grey-1 p-0") as drawer
        ):
            _menu(model)
        menu_button.on_click(drawer.toggle)
    with ui.column().classes("w-full p-3 sm:p-5 gap-3 min-w-0").props('id="contenu" tabindex="-1"') as content:
        if model.maintenance:
            maintenance_notice(model.maintenance)
        ui.label(title).classes("text-h5 text-bold").props('role="heading" aria-level="1"')
        yield content


def _header_member(model: GestionFrameModel) -> None:
    ui.icon("badge").props('aria-hidden="true"').classes("gt-xs")
    ui.label(model.member_name).classes("text-body2 text-bold ellipsis").mark("gestion-member")
    if model.on_sign_out:
        button = ui.button("Se déconnecter", icon="logout", on_click=model.on_sign_out)
        button.props("flat dense color=white no-caps").mark("gestion-sign-out")


def _menu(model: GestionFrameModel) -> None:
    with ui.element("nav").props('aria-label="Menu de la gestion"').classes("w-full py-2"):
        with ui.element("ul").classes("gestion-menu"):
            _link(MenuLink("Accueil", HOME_PATH), model.current_path)
        for index, section in enumerate(model.sections):
            heading_id = f"menu-section-{index}"
            heading = ui.label(section.title).classes("gestion-section text-grey-9")
            heading.props["id"] = heading_id
            with ui.element("ul").classes("gestion-menu") as links:
                links.props["aria-labelledby"] = heading_id
                for link in section.links:
                    _link(link, model.current_path)


def _link(link: MenuLink, current_path: str) -> None:
    with ui.element("li"):
        anchor = ui.link(link.label, link.path).classes("gestion-link")
        if link.path == current_path:
            anchor.classes("gestion-link-active")
            anchor.props["aria-current"] = "page"


_STYLE = """
<style>
  .skip-link { position: absolute; left: -999px; top: 0; z-index: 9999; background: #fff; color: #1d4f91;
               padding: .5rem 1rem; }
  .skip-link:focus { left: .5rem; top: .5rem; }
  :focus-visible { outline: 3px solid #f59e0b !important; outline-offset: 2px; }
  /* Quasar's no-outline on buttons is !important in an earlier cascade layer: a ring drawn otherwise */
  .q-btn:focus-visible { box-shadow: 0 0 0 3px #f59e0b; }
  .gestion-section { font-weight: 700; font-size: .8rem; text-transform: uppercase; letter-spacing: .03em;
                     padding: .75rem 1rem .25rem; }
  .gestion-menu { list-style: none; margin: 0; padding: 0; }
  .gestion-link { display: block; padding: .4rem 1rem .4rem 1.25rem; color: #1f2937; text-decoration: none;
                  border-radius: 0 999px 999px 0; margin-right: .5rem; }
  .gestion-link:hover { background: #e5edf8; }
  .gestion-link-active { background: #dbe6f5; color: #10325e; font-weight: 700; }
  .q-field--outlined .q-field__label { color: #374151; }
  .q-field--with-bottom { padding-bottom: 0; }
  .q-field__bottom { position: static; transform: none; min-height: 20px; }
</style>
"""
