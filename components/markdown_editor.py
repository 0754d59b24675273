"""The editor of a text in Markdown (a site message, a FAQ question and its answer), with its preview as visitors
will see it, redrawn after each pause in typing."""

from __future__ import annotations

from nicegui import ui

from components.editor_dialog import EditorDialog, OnSave
from components.staff_markdown import staff_markdown
from ecandidat_ui import messages

PREVIEW_PAUSE_MS = 300


def markdown_editor(
    title: str,
    on_save: OnSave,
    *,
    name: str,
    label: str,
    text: str,
    max_length: int,
    intro: str = "",
    question: str | None = None,
    question_max: int = 300,
) -> EditorDialog:
    """`on_save(values)` receives {name: text} (and {"question": …} when a question is asked)."""
    dialog = EditorDialog(title, on_save, intro=intro, wide=True)
    with dialog.body:
        if question is not None:
            dialog.form.text("question", messages.FAQ_QUESTION_LABEL, max_length=question_max, value=question)
        area = dialog.form.textarea(name, label, max_length=max_length, value=text)
        area.props["debounce"] = PREVIEW_PAUSE_MS
        area.props('input-style="min-height: 9rem"')
        hint = ui.label(messages.MARKDOWN_HINT).classes("text-caption text-grey-9")
        hint.props["id"] = f"aide-{name}"
        area.props["aria-describedby"] = f"aide-{name}"
    with dialog.aside, ui.card().props("flat bordered").classes("w-full gap-2 bg-white"):
        ui.label(messages.PREVIEW_TITLE).classes("text-subtitle1 text-bold").props('role="heading" aria-level="3"')
        shown = ui.column().classes("w-full").mark("preview")

    def redraw() -> None:
        if shown.is_deleted:
            return
        shown.clear()
        with shown:
            staff_markdown(area.value or "")

    area.on_value_change(redraw)
    redraw()
    return dialog
