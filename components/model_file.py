"""The model file of a pièce justificative in its form: its name with a button to download it, a labelled button
to send a new one (PDF, JPG or PNG, checked by the service by content), another to remove it. The callbacks
raise Refused with the French reason, shown under the buttons."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import events, ui

from ecandidat_ui import messages
from ecandidat_ui.services.asked_setup import ModelFile
from ecandidat_ui.services.errors import Refused


class ModelFileBox:
    def __init__(
        self,
        model: ModelFile | None,
        *,
        editable: bool,
        max_bytes: int,
        on_file: Callable[[str, bytes], Awaitable[ModelFile | None]],
        on_remove: Callable[[], Awaitable[None]],
    ) -> None:
        self.editable, self.max_bytes = editable, max_bytes
        self.on_file, self.on_remove = on_file, on_remove
        with ui.column().classes("w-full gap-2").mark("model-file"):
            ui.label("Modèle").classes("text-subtitle1 text-bold text-primary").props('role="heading" aria-level="3"')
            self.content = ui.column().classes("w-full gap-2")
            self.problem = ui.label().classes("text-negative text-body2").props('role="alert"').mark("model-problem")
            self.problem.set_visibility(False)
        self.show(model)

    def show(self, model: ModelFile | None) -> None:
        self.content.clear()
        with self.content:
            with ui.row().classes("items-center gap-2"):
                ui.icon("description", color="grey-8").props('aria-hidden="true"')
                ui.label(model.name if model else messages.PIECE_MODEL_NONE).classes("text-body2").mark("model-name")
                if model is not None:
                    download = ui.button(
                        icon="download",
                        on_click=lambda: ui.download.content(model.data, model.name, model.content_type),
                    ).props("flat round dense")
                    download.props["aria-label"] = f"{messages.PIECE_MODEL_DOWNLOAD} : {model.name}"
                    download.mark("model-download")
            if not self.editable:
                return
            self.upload = (
                ui.upload(
                    auto_upload=True,
                    max_file_size=self.max_bytes,
                    on_upload=self._received,
                    on_rejected=lambda: self._refused(messages.FILE_TOO_BIG),
                )
                .props('accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"')
                .classes("hidden")  # Quasar's own button has no name: a labelled button opens the file chooser
                .mark("model-upload")
            )
            with ui.row().classes("gap-2"):
                label = "Remplacer le modèle" if model else "Choisir un modèle"
                ui.button(label, icon="upload_file", on_click=lambda: self.upload.run_method("pickFiles")).props(
                    "outline no-caps"
                ).mark("model-choose")
                if model:
                    ui.button("Retirer le modèle", icon="delete", on_click=self._remove).props(
                        "outline no-caps color=negative"
                    ).mark("model-remove")
            ui.label(messages.PIECE_MODEL_HINT).classes("text-caption text-grey-9")

    async def _received(self, event: events.UploadEventArguments) -> None:
        if event.file.size() > self.max_bytes:  # the browser's limit is only a courtesy
            data = b"%" * (self.max_bytes + 1)  # let the service refuse it with its message, unread
        else:
            data = await event.file.read()
        self.upload.reset()
        try:
            model = await self.on_file(event.file.name, data)
        except Refused as refused:
            self._refused(refused.message)
            return
        self.problem.set_visibility(False)
        self.show(model)
        ui.notify(messages.PIECE_MODEL_SAVED, type="positive")

    async def _remove(self) -> None:
        try:
            await self.on_remove()
        except Refused as refused:
            self._refused(refused.message)
            return
        self.problem.set_visibility(False)
        self.show(None)
        ui.notify(messages.PIECE_MODEL_REMOVED, type="positive")

    def _refused(self, text: str) -> None:
        self.problem.set_text(text)
        self.problem.set_visibility(True)
