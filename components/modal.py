"""A dialog built when it opens and gone, entirely, when it closes.

NiceGUI's ui.dialog puts, where it is created, a hidden « canary » element whose finalizer deletes the dialog
with its parent; that finalizer holds the dialog, and the canary lives as long as the page: each dialog opened
and closed stayed in memory until the page went (~280 objects for a bare dialog, ~500 for the account creation's
— benchmarks/objects_per_page.py). A Modal keeps its canary in a hidden holder of its own and deletes both.
"""

from __future__ import annotations

from nicegui import ui

from ecandidat_ui import collector


class Modal(ui.dialog):
    """`aria-modal`, deleted with its canary once closed — or, with `delete_on_close=False`, when the caller says
    (`delete()`: e.g. once Quasar's « hide » has come, after the closing transition)."""

    def __init__(self, *, delete_on_close: bool = True) -> None:
        self._canary_holder = ui.element()
        self._canary_holder.visible = False
        with self._canary_holder:  # the dialog itself goes to the page's layout; only the canary lands here
            super().__init__()
        self.props('aria-modal="true"')
        if delete_on_close:
            self.on_value_change(lambda event: None if event.value else self.delete())

    def delete(self) -> None:
        if not self.is_deleted:  # what NiceGUI would leave in cycles, freed at once (ecandidat_ui/collector.py)
            collector.release(
                [*self.descendants(include_self=True), *self._canary_holder.descendants(include_self=True)]
            )
        if _attached(self._canary_holder):  # not when the page around it is going (or the process exiting)
            self._canary_holder.delete()  # its finalizer may delete the dialog at once: hence the check below
        if not self.is_deleted:
            super().delete()


def _attached(element: ui.element) -> bool:
    if element.is_deleted:
        return False
    try:
        return element.parent_slot is not None
    except RuntimeError:  # NiceGUI: « the parent slot … has been deleted »
        return False
