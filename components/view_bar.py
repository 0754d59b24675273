"""The saved views of a table: a « Vue » select (« Vue par défaut » and the views by name), « Enregistrer la vue »
(asks a name, the current view's by default) and « Supprimer la vue » (asks to confirm).

    bar = ViewBar(
        {3: "Mes favorables"}, current=3,
        on_choose=choose,     # async (view id, or None for « Vue par défaut »)
        on_save=save,         # async (name) -> the message to show; raises InvalidInput / Refused to show them
        on_delete=delete,     # async (view id)
    )
    bar.set_views({3: "Mes favorables", 4: "Par date"}, current=4)   # without calling on_choose

Values only: the caller reads and writes the views through its service.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from nicegui import ui

from components.confirm import confirm
from components.setup_form import Field, Section, SetupDialog
from ecandidat_ui import messages
from ecandidat_ui.services.table_views import MAX_NAME_LENGTH

DEFAULT = 0  # the select's value for « Vue par défaut »


class ViewBar:
    def __init__(
        self,
        views: Mapping[int, str],
        *,
        current: int | None,
        on_choose: Callable[[int | None], Awaitable[None]],
        on_save: Callable[[str], Awaitable[str]],
        on_delete: Callable[[int], Awaitable[None]],
        marker: str = "views",
    ) -> None:
        self._on_choose = on_choose
        self._on_save = on_save
        self._on_delete = on_delete
        self._marker = marker
        self._views: dict[int, str] = {}
        self._current = DEFAULT
        self.dialogs = ui.element("div")
        self.select = (
            ui.select({DEFAULT: messages.VIEWS_DEFAULT}, label=messages.VIEWS_FIELD, value=DEFAULT)
            .props("outlined dense")
            .classes("min-w-[12rem]")
            .mark(f"{marker}-select")
        )
        self.save_button = (
            ui.button(messages.VIEWS_SAVE, icon="bookmark_add", on_click=self._ask_name)
            .props("no-caps outline")
            .mark(f"{marker}-save")
        )
        self.delete_button = (
            ui.button(messages.VIEWS_DELETE, icon="bookmark_remove", on_click=self._ask_delete)
            .props("no-caps flat")
            .mark(f"{marker}-delete")
        )
        self.set_views(views, current)
        self.select.on_value_change(self._chosen)

    @property
    def current(self) -> int | None:
        return self._current or None

    def set_views(self, views: Mapping[int, str], current: int | None) -> None:
        """The views offered and the one shown as chosen; on_choose is not called."""
        self._views = dict(views)
        self._current = current if current in self._views else DEFAULT
        self.select.set_options({DEFAULT: messages.VIEWS_DEFAULT, **self._views}, value=self._current)
        self.delete_button.set_enabled(self._current != DEFAULT)

    async def _chosen(self) -> None:
        value = self.select.value if self.select.value in self._views else DEFAULT
        if value == self._current:  # set by set_views, or chosen again
            return
        self._current = value
        self.delete_button.set_enabled(value != DEFAULT)
        await self._on_choose(value or None)

    def _ask_name(self) -> None:
        async def save(values: dict[str, Any]) -> str:
            return await self._on_save(str(values.get("name") or ""))

        name = Field("name", messages.VIEWS_NAME_FIELD, "text", max_length=MAX_NAME_LENGTH)
        with self.dialogs:
            SetupDialog(
                messages.VIEWS_SAVE,
                [Section(messages.VIEWS_FIELD, [name])],
                {"name": self._views.get(self._current, "")},
                save,
                intro=messages.VIEWS_SAVE_INTRO,
                marker=f"{self._marker}-save-dialog",
            ).open()

    async def _ask_delete(self) -> None:
        view_id = self._current
        if view_id == DEFAULT:
            ui.notify(messages.VIEWS_NOTHING_CHOSEN, type="warning")
            return
        question = messages.VIEWS_DELETE_QUESTION.format(name=self._views.get(view_id, ""))
        with self.dialogs:
            if await confirm(question, yes=messages.VIEWS_DELETE, danger=True, marker=f"{self._marker}-delete"):
                await self._on_delete(view_id)
