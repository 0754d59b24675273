"""The editor of a mail's text: subject and body, the variables the mail may use, a preview filled with a sample
candidate as the text is typed, « M'envoyer un test » and « Revenir au texte par défaut »."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from nicegui import ui

from components.confirm import confirm
from components.editor_dialog import EditorDialog
from ecandidat_ui import messages
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.mail_texts import BODY_MAX, SUBJECT_MAX, MailPreview

PREVIEW_PAUSE_MS = 400  # the preview follows a pause in typing, not each key


@dataclass(frozen=True)
class MailDraft:
    title: str
    purpose: str
    subject: str
    body: str
    variables: Sequence[tuple[str, str]]  # (name, what it holds)
    required: Sequence[str] = ()


class MailEditor:
    """`on_preview(subject, body)` gives the preview (or the errors keeping it back); `on_save(subject, body)` and
    `on_test(subject, body)` return the message to show or raise InvalidInput / Refused; `on_reset()` returns the
    default (subject, body) once it is saved."""

    def __init__(
        self,
        draft: MailDraft,
        *,
        on_preview: Callable[[str, str], Awaitable[MailPreview]],
        on_save: Callable[[str, str], Awaitable[str | None]],
        on_test: Callable[[str, str], Awaitable[str]],
        on_reset: Callable[[], Awaitable[tuple[str, str]]],
    ) -> None:
        self._on_preview = on_preview
        self._asked = 0
        self.dialog = EditorDialog(
            draft.title,
            lambda values: on_save(str(values["subject"]), str(values["body"])),
            intro=draft.purpose,
            wide=True,
        )
        form = self.dialog.form
        with self.dialog.body:
            self.subject = form.text(
                "subject", messages.MAIL_SUBJECT_LABEL, max_length=SUBJECT_MAX, value=draft.subject
            )
            self.body = form.textarea("body", messages.MAIL_BODY_LABEL, max_length=BODY_MAX, value=draft.body)
            self.body.props('input-style="min-height: 12rem"')
            ui.label(messages.MAIL_SIGNATURE_NOTE).classes("text-caption text-grey-9")
            _variables(draft)
        for field in (self.subject, self.body):
            field.props["debounce"] = PREVIEW_PAUSE_MS
            field.on_value_change(self.refresh)
        with self.dialog.aside, ui.card().props("flat bordered").classes("w-full gap-2 bg-grey-1"):
            ui.label(messages.MAIL_PREVIEW_TITLE).classes("text-subtitle1 text-bold").props(
                'role="heading" aria-level="3"'
            )
            self.preview_subject = ui.label().classes("text-body1 text-bold").mark("preview-subject")
            self.preview_text = ui.label().classes("text-body2 whitespace-pre-wrap break-words").mark("preview-text")
        with self.dialog.extra:
            test = ui.button(messages.MAIL_SEND_TEST, icon="send").props("outline").mark("send-test")
            test.on_click(lambda: self.dialog.run(lambda: on_test(self.subject.value, self.body.value), test))
            reset = ui.button(messages.MAIL_RESET, icon="restore").props("flat").mark("reset")
            reset.on_click(lambda: self._reset(on_reset, reset))

    async def open(self) -> None:
        self.dialog.open()
        await self.refresh()

    async def refresh(self) -> None:
        """Show the preview of what is typed now; an answer overtaken by newer typing is dropped."""
        self._asked += 1
        asked = self._asked
        try:
            preview = await self._on_preview(self.subject.value or "", self.body.value or "")
        except Refused as refused:
            self.dialog.say_problem(refused.message)
            return
        if preview is None or asked != self._asked or self.preview_text.is_deleted:  # None: the app is stopping
            return
        for name, field in self.dialog.form.inputs.items():  # no focus moved while one types
            field.error = (preview.errors or {}).get(name)
        self.preview_subject.set_text(preview.subject)
        self.preview_text.set_text(preview.text if not preview.errors else messages.MAIL_PREVIEW_BLOCKED)

    async def _reset(self, on_reset: Callable[[], Awaitable[tuple[str, str]]], button: ui.button) -> None:
        if not await confirm(messages.MAIL_RESET_CONFIRM, yes=messages.MAIL_RESET, no="Annuler", marker="reset"):
            return

        async def reset() -> str:
            self.subject.value, self.body.value = await on_reset()
            return messages.MAIL_RESET_DONE

        await self.dialog.run(reset, button)


def _variables(draft: MailDraft) -> None:
    with ui.column().classes("w-full gap-1").props('role="region" aria-label="Variables utilisables"'):
        ui.label(messages.MAIL_VARIABLES_TITLE).classes("text-subtitle2 text-bold").props(
            'role="heading" aria-level="3"'
        )
        ui.label(messages.MAIL_VARIABLES_HINT).classes("text-caption text-grey-9")
        with ui.element("dl").classes("w-full grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-body2").mark("variables"):
            for name, description in draft.variables:
                with ui.element("dt"):
                    ui.label("{" + name + "}").classes("font-mono text-bold").mark(f"variable-{name}")
                with ui.element("dd"):
                    required = f" {messages.MAIL_REQUIRED_MARK}" if name in draft.required else ""
                    ui.label(description + required)
