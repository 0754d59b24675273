"""/galerie: every component of components/ in each of its states, beside the Python that builds it (the entry's
own source, pages/gallery_entries.py). Only with `python main.py --galerie` or ECANDIDAT_GALLERY=true: a tool for
developers, never on by default. An entry is built when its component is opened, to keep the page light."""

from __future__ import annotations

import inspect
import textwrap
from itertools import groupby

from nicegui import ui

from components.frame import PRIMARY
from pages.gallery_entries import ENTRIES, Entry

PATH = "/galerie"

STYLE = """
.gallery-phone .gallery-sample { width: 390px; max-width: 100%; }
.gallery-sample { width: 100%; border: 1px dashed #9ca3af; border-radius: 0.5rem; padding: 0.75rem; }
.gallery-code { width: 100%; }
/* Pygments' colours below 4.5:1 on the code's background, darkened */
.gallery-code .codehilite .nd, .gallery-code .codehilite .ow { color: #7a1fb8; }
.gallery-code .codehilite .se, .gallery-code .codehilite .si { color: #8a4a12; }
"""


def source_of(item: Entry) -> str:
    """The entry's own lines: what the gallery shows is what it ran."""
    return textwrap.dedent(inspect.getsource(item.build)).strip()


def register() -> None:
    by_key = {item.key: item for item in ENTRIES}

    @ui.page(PATH)
    def gallery_page() -> None:
        ui.page_title("Galerie des composants - eCandidat")
        ui.colors(primary=PRIMARY)
        ui.add_css(STYLE)
        with ui.column().classes("w-full max-w-6xl mx-auto p-4 gap-3").props('id="contenu"') as page:
            ui.label("Galerie des composants").classes("text-h5 text-bold").props('role="heading" aria-level="1"')
            ui.label(
                "Chaque composant de components/ dans ses états, avec le code qui le construit "
                "(pages/gallery_entries.py). Ouvrez un composant pour le voir."
            ).classes("text-body1")
            phone = ui.switch("Largeur téléphone (390 px)").mark("gallery-phone")
            phone.on_value_change(
                lambda event: page.classes(add="gallery-phone") if event.value else page.classes(remove="gallery-phone")
            )
            for component, items in groupby(ENTRIES, key=lambda item: item.component):
                _component(component, list(items))

    @ui.page(PATH + "/page/{key}")
    def gallery_whole_page(key: str) -> None:
        item = by_key.get(key)
        if item is None or not item.page:
            ui.label("Pas d'entrée de ce nom.").props('role="heading" aria-level="1"')
            return
        item.build()


def _component(component: str, items: list[Entry]) -> None:
    expansion = ui.expansion(component).classes("w-full border rounded-borders").mark(f"gallery-{component}")
    built = False

    def build(event) -> None:
        nonlocal built
        if not event.value or built:
            return
        built = True
        with expansion:
            for item in items:
                _entry(item)

    expansion.on_value_change(build)


def _entry(item: Entry) -> None:
    with ui.column().classes("w-full gap-2 py-2"):
        ui.label(f"{item.component} — {item.state}").classes("text-subtitle1 text-bold").props(
            'role="heading" aria-level="2"'
        )
        with ui.element("div").classes("w-full grid grid-cols-1 gap-4 lg:grid-cols-2"):
            with ui.column().classes("gallery-sample gap-2 min-w-0").mark(f"sample-{item.key}"):
                if item.page:
                    ui.link(
                        f"Ouvrir la page d'exemple : {item.state}", f"{PATH}/page/{item.key}", new_tab=True
                    ).classes("text-primary text-body1")
                else:
                    item.build()
            _code(item)


def _code(item: Entry) -> None:
    code = ui.code(source_of(item), language="python").classes("gallery-code min-w-0").mark(f"code-{item.key}")
    code.copy_button.props('aria-label="Copier le code"')
    code.markdown.props('role="region" tabindex="0"')  # scrolled by the keyboard too
    code.markdown.props["aria-label"] = f"Code de {item.key}"
    for child in code.default_slot.children:
        if isinstance(child, ui.timer):  # ui.code hides its copy button while scrolled, ten times a second
            child.cancel()
