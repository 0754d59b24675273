"""A dialog for a long piece of work (an export): its options, then a progress bar while it runs, then a download
link — the page runs the work off the event loop and tells the dialog how far it got.

    dialog = ProgressDialog("Exporter", intro, start_label="Exporter", on_start=start, marker="export")
    with dialog.options:
        ui.checkbox(...)
    dialog.open()
    ...  # in `start`: dialog.running(); dialog.progress(done, total, text) ...; dialog.finished(text, url, label)

The progress bar has its accessible name and value; what happens is said in a `role="status"` region.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import ui
from nicegui.elements.mixins.disableable_element import DisableableElement


class ProgressDialog:
    def __init__(
        self,
        title: str,
        intro: str,
        *,
        start_label: str,
        on_start: Callable[[], Awaitable[None] | None],
        close_label: str = "Fermer",
        marker: str = "progress",
    ) -> None:
        self.marker = marker
        title_id = f"{marker}-title"
        with ui.dialog().props('aria-modal="true"') as self.dialog, ui.card().classes("w-[36rem] max-w-full gap-3"):
            self.dialog.props["aria-labelledby"] = title_id
            heading = ui.label(title).classes("text-h6").props('role="heading" aria-level="2"')
            heading.props["id"] = title_id
            ui.label(intro).classes("text-body2").mark(f"{marker}-intro")
            self.options = ui.column().classes("w-full gap-1").mark(f"{marker}-options")
            self.bar = ui.linear_progress(value=0, show_value=False, size="12px").classes("w-full")
            self.bar.props["aria-label"] = title
            self.bar.props["instant-feedback"] = True
            self.bar.mark(f"{marker}-bar")
            self.bar.set_visibility(False)
            self.status = ui.label("").classes("text-body2").props('role="status" aria-live="polite"')
            self.status.mark(f"{marker}-status")
            self.link = ui.link("", "#").classes("text-primary text-body1").mark(f"{marker}-download")
            self.link.props["download"] = True
            self.link.set_visibility(False)
            with ui.row().classes("w-full justify-end gap-2"):
                self.close_button = ui.button(close_label, on_click=self.close).props("flat no-caps")
                self.close_button.mark(f"{marker}-close")
                self.start_button = ui.button(start_label, on_click=on_start).props("no-caps")
                self.start_button.mark(f"{marker}-start")

    def open(self) -> None:
        self.dialog.open()

    def close(self) -> None:
        self.dialog.close()

    def running(self) -> None:
        """The work started: options and start button disabled, the bar shown at 0."""
        self._enable_options(False)
        self.start_button.disable()
        self.link.set_visibility(False)
        self.bar.set_visibility(True)
        self.bar.set_value(0)

    def _enable_options(self, enabled: bool) -> None:
        for element in self.options.descendants():
            if isinstance(element, DisableableElement):
                element.set_enabled(enabled)

    def progress(self, done: int, total: int, text: str) -> None:
        self.bar.set_value(done / total if total else 0)
        self.status.text = text

    def finished(self, text: str, url: str, link_label: str) -> None:
        """Done: the bar full, what was made said, and its download link."""
        self.bar.set_value(1)
        self.status.text = text
        self.link.props["href"] = url
        self.link.text = link_label
        self.link.set_visibility(True)

    def failed(self, text: str) -> None:
        """The work failed or was refused: said, options and start button back."""
        self.bar.set_visibility(False)
        self.status.text = text
        self._enable_options(True)
        self.start_button.enable()
