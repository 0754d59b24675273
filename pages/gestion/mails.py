"""« Mails »: every mail the platform sends, with its purpose; the editor of its text (variables, a preview with a
sample candidate, a test sent to oneself, the default text back)."""

from __future__ import annotations

from nicegui import run, ui

from components.data_table import Column, DataTable, RowAction
from components.mail_editor import MailDraft, MailEditor
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.rights import Action, Actor
from pages.gestion.attempt import attempt
from pages.gestion.shell import Screen, gestion_screen

SCREEN = Screen("/gestion/mails", "Mails", "Contenus", Action.EDIT_MAILS)
COLUMNS = [
    Column("title", "Mail", sortable=True),
    Column("purpose", "Envoyé", wide_only=True),
    Column("subject", "Objet", sortable=True),
    Column("state", "Texte", sortable=True, wide_only=True),
]


def register(platform: Platform) -> None:
    service = platform.mail_texts

    @gestion_screen(platform, SCREEN)
    async def mails(actor: Actor) -> None:
        async def edit(code: str) -> None:
            text = await attempt(run.io_bound(service.text, actor, code))
            if text is None:
                return

            async def save(subject: str, body: str) -> str:
                await run.io_bound(service.update, actor, code, subject, body)
                await table.refresh()
                return messages.MAIL_SAVED

            async def reset() -> tuple[str, str]:
                restored = await run.io_bound(service.reset, actor, code)
                await table.refresh()
                return restored.subject, restored.body

            async def test(subject: str, body: str) -> str:
                address = await run.io_bound(service.send_test, actor, code, subject, body)
                return messages.MAIL_TEST_SENT.format(mail=address)

            with dialogs:
                editor = MailEditor(
                    MailDraft(text.title, text.purpose, text.subject, text.body, text.variables, text.required),
                    on_preview=lambda subject, body: run.io_bound(service.preview, actor, code, subject, body),
                    on_save=save,
                    on_test=test,
                    on_reset=reset,
                )
            await editor.open()

        dialogs = ui.element("div")  # the editors live here, not inside the table
        table = DataTable(
            COLUMNS,
            fetch=lambda query: service.page(actor, query),
            caption="Mails envoyés par la plateforme",
            actions=[RowAction("edit", messages.EDIT, edit, icon="edit")],
            sort_by="title",
            rows_per_page=25,
            marker="mails",
        )
        await table.loaded()
