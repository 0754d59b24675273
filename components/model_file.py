"""The model file of a pièce justificative in its form: its name with a button to download it, a labelled button
to send a new one (PDF, JPG or PNG), another to remove it (components/stored_file.py)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import ui

from components.stored_file import StoredFileBox, StoredFileTexts
from ecandidat_ui import messages
from ecandidat_ui.services.asked_setup import ModelFile


class ModelFileBox(StoredFileBox[ModelFile]):
    texts = StoredFileTexts(
        heading="Modèle",
        marker="model",
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png",
        choose="Choisir un modèle",
        replace="Remplacer le modèle",
        remove="Retirer le modèle",
        hint=messages.PIECE_MODEL_HINT,
        saved=messages.PIECE_MODEL_SAVED,
        removed=messages.PIECE_MODEL_REMOVED,
    )

    def __init__(
        self,
        model: ModelFile | None,
        *,
        editable: bool,
        max_bytes: int,
        on_file: Callable[[str, bytes], Awaitable[ModelFile | None]],
        on_remove: Callable[[], Awaitable[None]],
    ) -> None:
        super().__init__(
            model, editable=editable, max_bytes=max_bytes, on_file=on_file, on_remove=on_remove, marker="model-file"
        )

    def describe(self, model: ModelFile | None) -> None:
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
