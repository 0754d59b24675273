"""« Grilles d'évaluation » (issue 8, item 7): a formation's criteria — label, coefficient, note maximale — for
who may edit the formation. The members score them from the « Candidatures » table (« Évaluer »), which shows the
mean of their notes and their spread (services/evaluation.py).

One row of three fields per criterion (a grid has MAX_CRITERIA at most): each field labelled « … (critère 2) »
for screen readers, its error shown at it; « Retirer » names the criterion it removes.
"""

from __future__ import annotations

from typing import Any

from nicegui import run, ui

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.evaluation import LABEL_MAX, MAX_CRITERIA
from ecandidat_ui.services.rights import Action, Actor
from pages.gestion.attempt import attempt, failed
from pages.gestion.shell import Screen, gestion_screen

WIDTHS = {"label": "grow min-w-[14rem]", "weight": "w-40", "maximum": "w-40"}
SCREEN = Screen("/gestion/grilles", messages.GRID_SCREEN, "Offre de formation", Action.EDIT_FORMATION)


def register(platform: Platform) -> None:
    @gestion_screen(platform, SCREEN)
    async def grids(actor: Actor) -> None:
        await GridsScreen(platform, actor).load()


class GridsScreen:
    def __init__(self, platform: Platform, actor: Actor) -> None:
        self.service = platform.evaluation
        self.actor = actor
        self.rows: list[dict[str, Any]] = []
        self.inputs: dict[str, ui.input] = {}

    async def load(self) -> None:
        try:
            formations = await run.io_bound(self.service.formations, self.actor)
        except Refused as refused:
            failed(refused)
            return
        if not formations:
            ui.label(messages.GRID_NO_FORMATION).classes("text-body1").mark("grid-no-formation")
            return
        ui.add_css(GRID_CSS)
        ui.label(messages.GRID_INTRO).classes("text-body2 text-grey-9 max-w-3xl")
        self.formation = (
            ui.select(formations, label=messages.GRID_FORMATION, value=next(iter(formations)), with_input=True)
            .props("outlined dense")
            .classes("min-w-[18rem] max-w-full")
            .mark("grid-formation")
        )
        self.editor = ui.column().classes("w-full gap-2 max-w-4xl").mark("grid-editor")
        with ui.row().classes("gap-2"):
            self.add_button = (
                ui.button(messages.GRID_ADD, icon="add", on_click=self.add).props("no-caps outline").mark("grid-add")
            )
            ui.button(messages.GRID_SAVE, icon="check", on_click=self.save).props("no-caps").mark("grid-save")
        self.formation.on_value_change(self.show)
        await self.show()

    async def show(self) -> None:
        criteria = await attempt(run.io_bound(self.service.criteria, self.actor, self.formation.value))
        if criteria is None:
            return
        self.rows = [
            {"id": c.id, "label": c.label, "weight": str(c.weight), "maximum": str(c.maximum)} for c in criteria
        ]
        self.render()

    def render(self) -> None:
        self.editor.clear()
        self.inputs = {}
        with self.editor:
            if not self.rows:
                ui.label(messages.GRID_EMPTY).classes("text-body2 text-grey-9").mark("grid-empty")
            for index, row in enumerate(self.rows):
                number = index + 1
                with ui.element("fieldset").classes("grid-criterion w-full").mark(f"grid-criterion-{index}"):
                    with ui.element("legend"):
                        ui.label(messages.GRID_CRITERION.format(number=number)).classes("text-subtitle2")
                    with ui.row().classes("w-full items-start gap-2"):
                        self._row(row, index, number)
        self.add_button.set_enabled(len(self.rows) < MAX_CRITERIA)

    def _row(self, row: dict[str, Any], index: int, number: int) -> None:
        self._input(row, "label", index, messages.GRID_LABEL_FIELD, LABEL_MAX)
        self._input(row, "weight", index, messages.GRID_WEIGHT_FIELD, 3)
        self._input(row, "maximum", index, messages.GRID_MAXIMUM_FIELD, 3)
        remove = messages.GRID_REMOVE.format(number=number)
        button = ui.button(icon="delete", on_click=lambda index=index: self.remove(index))
        button.props("flat round color=negative").mark(f"grid-remove-{index}")
        button.props["aria-label"] = remove
        button.props["title"] = remove

    def _input(self, row: dict[str, Any], name: str, index: int, label: str, length: int) -> None:
        element = ui.input(label, value=row[name]).props("outlined dense stack-label").classes(WIDTHS[name])
        element.props["maxlength"] = length
        element.props["aria-required"] = "true"
        if name != "label":
            element.props["inputmode"] = "numeric"
        element.on_value_change(lambda event, row=row, name=name: row.__setitem__(name, event.value))
        element.on_value_change(lambda: setattr(element, "error", None))
        self.inputs[f"{name}-{index}"] = element.mark(f"grid-{name}-{index}")

    def add(self) -> None:
        if len(self.rows) < MAX_CRITERIA:
            self.rows.append({"id": None, "label": "", "weight": "1", "maximum": "20"})
            self.render()
            self.inputs[f"label-{len(self.rows) - 1}"].run_method("focus")

    def remove(self, index: int) -> None:
        del self.rows[index]
        self.render()

    async def save(self) -> None:
        rows = [dict(row) for row in self.rows]
        try:
            await run.io_bound(self.service.set_criteria, self.actor, self.formation.value, rows)
        except InvalidInput as invalid:
            first = None
            for name, text in invalid.errors.items():
                element = self.inputs.get(name)
                if element is not None:
                    element.error = text
                    first = first or element
                else:
                    ui.notify(text, type="negative")
            if first is not None:
                first.run_method("focus")
            return
        except Refused as refused:
            failed(refused)
            return
        ui.notify(messages.GRID_SAVED, type="positive")
        await self.show()


GRID_CSS = """
.grid-criterion { border: 1px solid #d1d5db; border-radius: 0.5rem; padding: 0.25rem 0.75rem 0.5rem; margin: 0; }
.grid-criterion legend { padding: 0 0.25rem; }
"""
