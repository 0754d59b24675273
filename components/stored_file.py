"""A file kept with a set-up row — a commission's signature image, the model of a pièce — in its form: what is
kept now (each kind shows it its own way), a labelled button to send a new one, another to remove it. The
callbacks raise Refused with the French reason, shown under the buttons; the service checks the file by its
content and its size again (the browser's limit is only a courtesy)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from nicegui import events, ui

from ecandidat_ui import messages
from ecandidat_ui.services.errors import Refused

Kept = TypeVar("Kept")


@dataclass(frozen=True)
class StoredFileTexts:
    heading: str
    marker: str  # « signature »: signature-upload, signature-choose, signature-remove, signature-problem
    accept: str  # the file chooser's filter
    choose: str
    replace: str
    remove: str
    hint: str
    saved: str
    removed: str


class StoredFileBox(Generic[Kept]):
    texts: StoredFileTexts

    def __init__(
        self,
        kept: Kept | None,
        *,
        editable: bool,
        max_bytes: int,
        on_file: Callable[[str, bytes], Awaitable[Kept | None]],
        on_remove: Callable[[], Awaitable[None]],
        marker: str,
    ) -> None:
        self.editable, self.max_bytes = editable, max_bytes
        self.on_file, self.on_remove = on_file, on_remove
        with ui.column().classes("w-full gap-2").mark(marker):
            ui.label(self.texts.heading).classes("text-subtitle1 text-bold text-primary").props(
                'role="heading" aria-level="3"'
            )
            self.content = ui.column().classes("w-full gap-2")
            self.problem = ui.label().classes("text-negative text-body2").props('role="alert"')
            self.problem.mark(f"{self.texts.marker}-problem")
            self.problem.set_visibility(False)
        self.show(kept)

    def describe(self, kept: Kept | None) -> None:
        """What is kept now, shown the way of its kind."""
        raise NotImplementedError

    def show(self, kept: Kept | None) -> None:
        self.content.clear()
        with self.content:
            self.describe(kept)
            if self.editable:
                self._controls(kept is not None)

    def _controls(self, kept: bool) -> None:
        texts = self.texts
        self.upload = (
            ui.upload(
                auto_upload=True,
                max_file_size=self.max_bytes,
                on_upload=self._received,
                on_rejected=lambda: self._refused(messages.FILE_TOO_BIG),
            )
            .classes("hidden")  # Quasar's own button has no name: a labelled button opens the file chooser
            .mark(f"{texts.marker}-upload")
        )
        self.upload.props["accept"] = texts.accept
        with ui.row().classes("gap-2"):
            label = texts.replace if kept else texts.choose
            ui.button(label, icon="upload_file", on_click=lambda: self.upload.run_method("pickFiles")).props(
                "outline no-caps"
            ).mark(f"{texts.marker}-choose")
            if kept:
                ui.button(texts.remove, icon="delete", on_click=self._remove).props(
                    "outline no-caps color=negative"
                ).mark(f"{texts.marker}-remove")
        ui.label(texts.hint).classes("text-caption text-grey-9")

    async def _received(self, event: events.UploadEventArguments) -> None:
        if event.file.size() > self.max_bytes:  # the browser's limit is only a courtesy
            data = b"\0" * (self.max_bytes + 1)  # let the service refuse it with its message, unread
        else:
            data = await event.file.read()
        self.upload.reset()
        try:
            kept = await self.on_file(event.file.name, data)
        except Refused as refused:
            self._refused(refused.message)
            return
        self.problem.set_visibility(False)
        self.show(kept)
        ui.notify(self.texts.saved, type="positive")

    async def _remove(self) -> None:
        try:
            await self.on_remove()
        except Refused as refused:
            self._refused(refused.message)
            return
        self.problem.set_visibility(False)
        self.show(None)
        ui.notify(self.texts.removed, type="positive")

    def _refused(self, text: str) -> None:
        self.problem.set_text(text)
        self.problem.set_visibility(True)
