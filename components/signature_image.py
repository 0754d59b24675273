"""A commission's signature image in its form: the image shown, a labelled button to choose a new one (PNG or
JPG), another to remove it. The callbacks raise Refused with the French reason, shown next to the image."""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable

from nicegui import events, ui

from ecandidat_ui import messages
from ecandidat_ui.services.errors import Refused

IMAGE_TYPES = {"image/png": "image/png", "image/jpeg": "image/jpeg"}  # the only data URLs ever built

OnFile = Callable[[str, bytes], Awaitable[tuple[bytes, str] | None]]


class SignatureImage:
    def __init__(
        self,
        image: tuple[bytes, str] | None,
        *,
        editable: bool,
        max_bytes: int,
        on_file: OnFile,
        on_remove: Callable[[], Awaitable[None]],
    ) -> None:
        self.editable = editable
        self.max_bytes = max_bytes
        self.on_file = on_file
        self.on_remove = on_remove
        with ui.column().classes("w-full gap-2").mark("signature") as self.container:
            ui.label("Image de signature").classes("text-subtitle1 text-bold text-primary").props(
                'role="heading" aria-level="3"'
            )
            self.content = ui.column().classes("w-full gap-2")
            self.problem = (
                ui.label().classes("text-negative text-body2").props('role="alert"').mark("signature-problem")
            )
            self.problem.set_visibility(False)
        self.show(image)

    def show(self, image: tuple[bytes, str] | None) -> None:
        self.content.clear()
        with self.content:
            if image is None or image[1] not in IMAGE_TYPES:
                ui.label(messages.SIGNATURE_NONE).classes("text-body2 text-grey-9").mark("signature-none")
            else:
                data, content_type = image
                source = f"data:{IMAGE_TYPES[content_type]};base64,{base64.b64encode(data).decode()}"
                shown = ui.image(source).classes("max-w-[16rem] border rounded-borders").mark("signature-image")
                shown.props["alt"] = "Image de signature de la commission"
            if not self.editable:
                return
            upload = (
                ui.upload(
                    auto_upload=True,
                    max_file_size=self.max_bytes,
                    on_upload=self._received,
                    on_rejected=lambda: self._refused(messages.FILE_TOO_BIG),
                )
                .props('accept=".png,.jpg,.jpeg,image/png,image/jpeg"')
                .classes("hidden")  # Quasar's own button has no name: a labelled button opens the file chooser
                .mark("signature-upload")
            )
            self.upload = upload
            with ui.row().classes("gap-2"):
                label = "Remplacer l'image" if image else "Choisir une image"
                ui.button(label, icon="upload_file", on_click=lambda: upload.run_method("pickFiles")).props(
                    "outline no-caps"
                ).mark("signature-choose")
                if image:
                    ui.button("Retirer l'image", icon="delete", on_click=self._remove).props(
                        "outline no-caps color=negative"
                    ).mark("signature-remove")
            ui.label(messages.SIGNATURE_HINT).classes("text-caption text-grey-9")

    async def _received(self, event: events.UploadEventArguments) -> None:
        if event.file.size() > self.max_bytes:  # the browser's limit is only a courtesy
            data = b"\0" * (self.max_bytes + 1)  # let the service refuse it with its message, unread
        else:
            data = await event.file.read()
        self.upload.reset()
        try:
            image = await self.on_file(event.file.name, data)
        except Refused as refused:
            self._refused(refused.message)
            return
        self.problem.set_visibility(False)
        self.show(image)
        ui.notify(messages.SIGNATURE_SAVED, type="positive")

    async def _remove(self) -> None:
        try:
            await self.on_remove()
        except Refused as refused:
            self._refused(refused.message)
            return
        self.problem.set_visibility(False)
        self.show(None)
        ui.notify(messages.SIGNATURE_REMOVED, type="positive")

    def _refused(self, message: str) -> None:
        self.problem.set_text(message)
        self.problem.set_visibility(True)
