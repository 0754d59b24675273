"""« Colonnes »: a button opening a menu of checkboxes, one per column of a table, to show or hide it.

    chooser = ColumnChooser(
        [("login", "N° dossier"), ("mail", "Mail")],
        visible=["login"],
        on_change=lambda names: table.set_visible(names),   # the names ticked, in the columns' order
        defaults=["login"],                                   # what « Colonnes par défaut » ticks again
    )
    chooser.set_visible(["login", "mail"])                    # a saved view chosen: no on_change

The menu is Quasar's, as a non-modal dialog (role="dialog": a role="menu" may only hold menu items): it takes
the focus when opened (Tab goes from box to box, Space ticks, Échap closes and
gives the focus back to the button). The checkboxes form a group named by the menu's title. At least one
column stays ticked: unticking the last one is undone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from nicegui import ui

from ecandidat_ui import messages


class ColumnChooser:
    def __init__(
        self,
        columns: Sequence[tuple[str, str]],
        *,
        visible: Sequence[str],
        on_change: Callable[[list[str]], None],
        defaults: Sequence[str] | None = None,
        marker: str = "columns",
    ) -> None:
        self._names = [name for name, _ in columns]
        self._defaults = list(defaults if defaults is not None else self._names)
        self._on_change = on_change
        self._quiet = False
        self.button = ui.button(messages.COLUMNS_BUTTON, icon="view_column").props("no-caps outline").mark(marker)
        self.button.props["aria-haspopup"] = "dialog"
        with self.button, ui.menu().props("max-height=70vh").mark(f"{marker}-menu") as self.menu:
            # not Quasar's role="menu", whose children may only be menu items: a small non-modal dialog of boxes
            self.menu.props["role"] = "dialog"
            self.menu.props["aria-label"] = messages.COLUMNS_TITLE
            with ui.column().classes("gap-0 p-3").props('role="group"') as group:
                group.props["aria-label"] = messages.COLUMNS_TITLE
                ui.label(messages.COLUMNS_TITLE).classes("text-subtitle2 q-mb-xs").props('aria-hidden="true"')
                self.boxes = {
                    name: ui.checkbox(label, value=name in visible, on_change=self._changed)
                    .props("dense")
                    .classes("q-py-xs")
                    .mark(f"{marker}-{name}")
                    for name, label in columns
                }
                ui.button(messages.COLUMNS_DEFAULT, on_click=self._defaults_chosen).props("flat dense no-caps").classes(
                    "q-mt-sm"
                ).mark(f"{marker}-default")
        self._last = self.visible
        self.menu.on_value_change(lambda event: self._expanded(bool(event.value)))
        self._expanded(False)

    @property
    def visible(self) -> list[str]:
        return [name for name in self._names if self.boxes[name].value]

    def set_visible(self, names: Sequence[str]) -> None:
        """Tick these columns only, without calling on_change (the table is told by the caller)."""
        wanted = set(names)
        self._quiet = True
        try:
            for name, box in self.boxes.items():
                box.value = name in wanted
        finally:
            self._quiet = False

    def _changed(self) -> None:
        if self._quiet:
            return
        if not self.visible:  # the table keeps at least one column
            self.set_visible(self._last)
            return
        self._last = self.visible
        self._on_change(self.visible)

    def _defaults_chosen(self) -> None:
        self.set_visible(self._defaults)
        self._last = self.visible
        self._on_change(self.visible)

    def _expanded(self, expanded: bool) -> None:
        self._last = self.visible
        self.button.props["aria-expanded"] = "true" if expanded else "false"
