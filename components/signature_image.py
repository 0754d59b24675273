"""A commission's signature image in its form: the image shown, a labelled button to choose a new one (PNG or
JPG), another to remove it (components/stored_file.py)."""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable

from nicegui import ui

from components.stored_file import StoredFileBox, StoredFileTexts
from ecandidat_ui import messages

IMAGE_TYPES = {"image/png": "image/png", "image/jpeg": "image/jpeg"}  # the only data URLs ever built

OnFile = Callable[[str, bytes], Awaitable[tuple[bytes, str] | None]]


class SignatureImage(StoredFileBox[tuple[bytes, str]]):
    texts = StoredFileTexts(
        heading="Image de signature",
        marker="signature",
        accept=".png,.jpg,.jpeg,image/png,image/jpeg",
        choose="Choisir une image",
        replace="Remplacer l'image",
        remove="Retirer l'image",
        hint=messages.SIGNATURE_HINT,
        saved=messages.SIGNATURE_SAVED,
        removed=messages.SIGNATURE_REMOVED,
    )

    def __init__(
        self,
        image: tuple[bytes, str] | None,
        *,
        editable: bool,
        max_bytes: int,
        on_file: OnFile,
        on_remove: Callable[[], Awaitable[None]],
    ) -> None:
        super().__init__(
            image, editable=editable, max_bytes=max_bytes, on_file=on_file, on_remove=on_remove, marker="signature"
        )

    def describe(self, image: tuple[bytes, str] | None) -> None:
        if image is None or image[1] not in IMAGE_TYPES:
            ui.label(messages.SIGNATURE_NONE).classes("text-body2 text-grey-9").mark("signature-none")
            return
        data, content_type = image
        source = f"data:{IMAGE_TYPES[content_type]};base64,{base64.b64encode(data).decode()}"
        shown = ui.image(source).classes("max-w-[16rem] border rounded-borders").mark("signature-image")
        shown.props["alt"] = "Image de signature de la commission"
