"""« FAQ »: the questions and answers of the public Assistance page — written, ordered, deleted."""

from __future__ import annotations

from nicegui import run, ui

from components.confirm import confirm
from components.data_table import Column, DataTable, RowAction
from components.markdown_editor import markdown_editor
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.faq import ANSWER_MAX, QUESTION_MAX
from ecandidat_ui.services.rights import Action, Actor
from pages.gestion.attempt import attempt
from pages.gestion.shell import Screen, gestion_screen

SCREEN = Screen("/gestion/faq", "FAQ", "Contenus", Action.EDIT_FAQ)
COLUMNS = [Column("position", "Ordre", sortable=True, align="right"), Column("question", "Question", sortable=True)]


def register(platform: Platform) -> None:
    service = platform.faq

    @gestion_screen(platform, SCREEN)
    async def faq(actor: Actor) -> None:
        def editor(title: str, question: str, answer: str, write) -> None:
            async def save(values: dict[str, object]) -> str:
                await run.io_bound(write, str(values["question"]), str(values["answer"]))
                await table.refresh()
                return messages.FAQ_SAVED

            with dialogs:
                markdown_editor(
                    title,
                    save,
                    name="answer",
                    label=messages.FAQ_ANSWER_LABEL,
                    text=answer,
                    max_length=ANSWER_MAX,
                    question=question,
                    question_max=QUESTION_MAX,
                ).open()

        def create() -> None:
            editor(messages.FAQ_NEW, "", "", lambda q, a: service.create(actor, q, a))

        async def edit(entry_id: int) -> None:
            item = await attempt(run.io_bound(service.item, actor, entry_id))
            if item:
                editor(messages.EDIT, item.question, item.answer, lambda q, a: service.update(actor, entry_id, q, a))

        async def move(entry_id: int, step: int) -> None:
            await attempt(run.io_bound(service.move, actor, entry_id, step))
            await table.refresh()

        async def delete(entry_id: int) -> None:
            row = next(row for row in table.rows if row["id"] == entry_id)
            question = messages.FAQ_DELETE_CONFIRM.format(question=row["question"])
            with dialogs:
                sure = await confirm(question, yes=messages.FAQ_DELETE, no="Annuler", marker="delete", danger=True)
            if not sure:
                return
            await attempt(run.io_bound(service.delete, actor, entry_id), messages.FAQ_DELETED)
            await table.refresh()

        dialogs = ui.element("div")  # the dialogs live here, not inside the table
        table = DataTable(
            COLUMNS,
            fetch=lambda query: service.page(actor, query),
            caption="Questions de la page Assistance",
            actions=[
                RowAction("up", messages.FAQ_UP, lambda key: move(key, -1), icon="arrow_upward"),
                RowAction("down", messages.FAQ_DOWN, lambda key: move(key, 1), icon="arrow_downward"),
                RowAction("edit", messages.EDIT, edit, icon="edit"),
                RowAction("delete", messages.FAQ_DELETE, delete, icon="delete"),
            ],
            row_label="question",
            sort_by="position",
            empty_text=messages.FAQ_EMPTY,
            marker="faq",
        )
        with table.toolbar:
            ui.button(messages.FAQ_NEW, icon="add", on_click=create).mark("faq-new")
        await table.loaded()
