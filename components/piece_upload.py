"""One pièce justificative of a candidature: its status, the file sent, a button to send or replace it,
and for a conditional piece the « non concerné » declaration."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import events, ui

from ecandidat_ui import messages

STATUS_COLORS = {  # by the status as computed, in French (messages.PIECE_STATUS_LABELS says it)
    "En attente": "text-deep-orange-10",
    "Déposée": "text-blue-grey-9",
    "Transmise": "text-blue-10",
    "Validée": "text-green-9",
    "Refusée": "text-red-10",
    "Non concerné": "text-grey-8",
}


def piece_card(
    *,
    piece_id: int,
    label: str,
    status: str,
    file_name: str | None,
    file_url: str | None,
    common: bool,
    conditional: bool,
    model_url: str | None = None,
    form_url: str | None = None,
    not_concerned: bool,
    editable: bool,
    hint: str,
    max_bytes: int,
    on_file: Callable[[str, bytes], Awaitable[None]],
    on_not_concerned: Callable[[bool], Awaitable[None]],
    review_comment: str = "",
) -> None:
    with ui.card().classes("w-full p-4 gap-2").mark(f"piece-{piece_id}") as card:
        card.props["id"] = f"piece-{piece_id}"  # « what is missing » links here
        with ui.row().classes("w-full items-start justify-between gap-2"):
            with ui.column().classes("gap-0"):
                ui.label(label).classes("text-subtitle1 text-bold").props('role="heading" aria-level="3"')
                if common:
                    ui.label(messages.PIECE_COMMON).classes("text-caption text-grey-9")
            ui.label(messages.PIECE_STATUS_LABELS.get(status, status)).classes("text-body2 text-bold").classes(
                STATUS_COLORS.get(status, "")
            ).mark(f"piece-status-{piece_id}")
        if review_comment:  # why the commission refused it: what to send instead
            ui.label(messages.PIECE_REVIEW_COMMENT.format(comment=review_comment)).classes(
                "text-body2 text-red-10 whitespace-pre-line"
            ).mark(f"piece-comment-{piece_id}")
        if model_url or form_url:
            with ui.row().classes("items-center gap-4"):
                if model_url:
                    ui.link(messages.PIECE_MODEL_TO_FILL, model_url).classes("text-primary").mark(
                        f"piece-model-{piece_id}"
                    )
                if form_url:
                    ui.link(messages.PIECE_ONLINE_FORM, form_url, new_tab=True).classes("text-primary")
        if file_name and file_url:
            with ui.row().classes("items-center gap-1"):
                ui.icon("description", color="grey-8").props('aria-hidden="true"')
                ui.link(messages.PIECE_OPEN_FILE.format(name=file_name), file_url, new_tab=True).classes("text-primary")
        if not editable:
            return
        if conditional:
            ui.checkbox(
                messages.NOT_CONCERNED,
                value=not_concerned,
                on_change=lambda e: on_not_concerned(bool(e.value)),
            ).mark(f"not-concerned-{piece_id}")
        if not not_concerned:

            async def received(event: events.UploadEventArguments) -> None:
                if event.file.size() > max_bytes:  # the browser's limit is only a courtesy
                    data = b"%" * (max_bytes + 1)  # let the service refuse it with its message, unread
                else:
                    data = await event.file.read()
                upload.reset()
                await on_file(event.file.name, data)  # may redraw the card, this uploader included

            action = messages.PIECE_REPLACE if file_name else messages.PIECE_SEND
            upload = (
                ui.upload(
                    label=action,
                    auto_upload=True,
                    max_file_size=max_bytes,
                    on_upload=received,
                    on_rejected=lambda: ui.notify(messages.FILE_TOO_BIG, type="negative"),
                )
                .props('accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"')
                .classes("hidden")  # Quasar's own button has no name: a labelled button opens its file chooser
                .mark(f"upload-{piece_id}")
            )
            choose = ui.button(action, icon="upload_file", on_click=lambda: upload.run_method("pickFiles"))
            choose.props("outline").mark(f"choose-file-{piece_id}")
            choose.props["aria-label"] = messages.PIECE_ACTION_FOR.format(action=action, label=label)
            ui.label(hint).classes("text-caption text-grey-9")
