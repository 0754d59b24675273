"""The layout shared by every page: header, menu (a drawer on phones) and the content column."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from nicegui import app, ui

from components.app_menu import AppMenu, MenuEntry
from components.staff_markdown import maintenance_notice
from ecandidat_ui import messages

PRIMARY = "#1d4f91"


@dataclass(frozen=True)
class FrameModel:
    institution: str
    current_path: str
    menu: list[MenuEntry]
    account_menu: list[MenuEntry] = field(default_factory=list)
    user_name: str | None = None
    on_sign_in: Callable[[], None] | None = None
    on_create_account: Callable[[], None] | None = None
    on_sign_out: Callable[[], None] | None = None
    maintenance: str = ""  # the institution's maintenance message (Markdown), shown atop the content while set
    switch_language: tuple[str, str] | None = None  # (the other language's code, the link that switches to it)


def apply_theme() -> None:
    """Once per app: colours and button style shared by every page."""
    ui.button.default_props("no-caps")
    app.config.quasar_config.setdefault("loadingBar", {})["aria-label"] = "Chargement en cours"


@contextmanager
def frame(title: str, model: FrameModel) -> Iterator[ui.column]:
    ui.page_title(f"{title} - eCandidat - {model.institution}")
    ui.colors(primary=PRIMARY)
    ui.add_head_html(_STYLE)
    ui.add_body_html(_SCRIPT)
    ui.link(messages.SKIP_TO_CONTENT, "#contenu").classes("skip-link")
    # one line on a phone too: the name gives way (ellipsis), never the sign-out button
    with ui.header(elevated=True).classes("items-center no-wrap gap-2 px-3 py-2 bg-primary text-white"):
        menu_button = ui.button(icon="menu").props("flat round color=white").classes("lg:hidden")
        menu_button.props["aria-label"] = messages.MENU
        with ui.link(target="/").classes("text-white no-underline column leading-tight"):
            ui.label("ESUP eCandidat").classes("text-caption")
            ui.label(model.institution).classes("text-subtitle1 text-bold")
        ui.space()
        _language_link(model)
        _header_account(model)
    with (
        ui.left_drawer(value=False, bordered=True)
        .props("show-if-above breakpoint=1023 width=250")
        .classes("bg-grey-1 p-0") as drawer
    ):
        AppMenu(
            model.menu,
            model.current_path,
            account_entries=model.account_menu,
            on_sign_out=model.on_sign_out if model.user_name else None,
        ).mark("menu")
    menu_button.on_click(drawer.toggle)
    with (
        ui.column().classes("w-full max-w-5xl mx-auto p-4 sm:p-6 gap-4").props('id="contenu" tabindex="-1"') as content
    ):
        if model.maintenance:
            maintenance_notice(model.maintenance)
        ui.label(title).classes("text-h5 text-bold").props('role="heading" aria-level="1"')
        yield content


def _header_account(model: FrameModel) -> None:
    if model.user_name:
        ui.label(model.user_name).classes("text-body2 text-bold ellipsis min-w-0").mark("user-name")
        if model.on_sign_out:
            # one button: on phones its icon alone (header-phone-icon), leaving stays one tap away
            sign_out = ui.button(messages.SIGN_OUT, icon="logout", on_click=model.on_sign_out)
            sign_out.props("flat color=white no-caps").classes("header-phone-icon").mark("header-sign-out")
            sign_out.props["aria-label"] = messages.SIGN_OUT
        return
    ui.label(messages.NOT_SIGNED_IN).classes("text-body2").mark("user-name")
    if model.on_sign_in:
        ui.button(messages.SIGN_IN, icon="login", on_click=model.on_sign_in).props("flat color=white no-caps").classes(
            "gt-xs"
        ).mark("header-sign-in")
    if model.on_create_account:
        ui.button(messages.CREATE_ACCOUNT, icon="person_add", on_click=model.on_create_account).props(
            "outline color=white no-caps"
        ).classes("gt-xs").mark("header-create-account")


def _language_link(model: FrameModel) -> None:
    """« English » on a French page, « Français » on an English one: a link, in the language it leads to (on phones
    its icon alone, drawn by the style sheet: one element either way)."""
    if model.switch_language is None:
        return
    code, address = model.switch_language
    link = ui.link(messages.LANGUAGE_SWITCH, address).classes("language-switch text-white text-body2 px-2")
    link.mark("language-switch")
    link.props["lang"] = code
    link.props["hreflang"] = code
    link.props["aria-label"] = messages.LANGUAGE_SWITCH_LABEL


# Quasar gives the list of an open select a focusable wrapper inside its listbox, which screen readers
# (and axe's aria-required-children) take for a stray child: the options are the only things to reach.
_SCRIPT = """
<script>
  new MutationObserver(() => document.querySelectorAll('[role="listbox"] .q-virtual-scroll__content[tabindex]')
    .forEach((e) => e.removeAttribute('tabindex'))).observe(document.body, { childList: true, subtree: true });
</script>
"""

_STYLE = """
<style>
  .skip-link { position: absolute; left: -999px; top: 0; z-index: 9999; background: #fff; color: #1d4f91;
               padding: .5rem 1rem; }
  .skip-link:focus { left: .5rem; top: .5rem; }
  .menu-active { background: #dbe6f5; color: #10325e; font-weight: 700; }
  :focus-visible { outline: 3px solid #f59e0b !important; outline-offset: 2px; }
  /* Quasar's no-outline on buttons is !important in an earlier cascade layer: a ring drawn otherwise */
  .q-btn:focus-visible { box-shadow: 0 0 0 3px #f59e0b; }
  .q-field--outlined .q-field__label { color: #374151; }
  .q-field--with-bottom { padding-bottom: 0; }
  .q-field__bottom { position: static; transform: none; min-height: 20px; }
  /* the header on phones: the language link and « Déconnexion » as their icons alone (named by aria-label) */
  .language-switch::before { font-family: "Material Icons"; content: "translate"; font-size: 24px;
                             line-height: 1; display: none; font-feature-settings: "liga"; }
  @media (max-width: 599.98px) {
    .language-switch { font-size: 0; padding: 8px; }
    .language-switch::before { display: inline-block; }
    /* hidden as sr-only does it: Quasar's .block is display:block !important in an earlier cascade layer */
    .header-phone-icon .q-btn__content > .block { position: absolute; width: 1px; height: 1px; overflow: hidden;
                                                  clip: rect(0 0 0 0); white-space: nowrap; }
    .header-phone-icon .q-btn__content > .q-icon { margin: 0; }
  }
</style>
"""
