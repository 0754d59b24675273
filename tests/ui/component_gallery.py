"""A page with every component of components/, each text given by `?value=…`: the main file of the page tests
that feed hostile text through every component (tests/ui/test_hostile_text.py)."""

from __future__ import annotations

from nicegui import ui

from components.account_dialogs import account_dialog, mail_dialog, password_dialog
from components.banner import banner
from components.confirm import confirm
from components.entry_list import EntryView, entry_list
from components.file_form import FieldSpec, FileForm
from components.file_progress import TabLink, badge, tab_strip
from components.form import FormFields
from components.frame import FrameModel, MenuEntry, apply_theme, frame
from components.login_card import LoginCard, student_card
from components.password_fields import new_password_fields
from components.piece_upload import piece_card
from components.progress_dialog import ProgressDialog


def gallery(value: str) -> None:
    """Every component of components/, with `value` wherever a candidate's or staff member's text goes."""

    async def nothing(*_args) -> None:
        return None

    model = FrameModel(
        institution=value,
        current_path="/compte/un",
        menu=[MenuEntry(value, "/un", "home"), MenuEntry(value, "/compte/un", "work", status="complete")],
        account_menu=[MenuEntry(value, "/compte/deux", "work", status="to_complete")],
        user_name=value,
        on_sign_out=lambda: None,
    )
    with frame(value, model):
        banner(value, "warning", marker="gallery-banner")
        entry_list(
            [EntryView(1, value, [value])],
            add_label=value,
            empty_text=value,
            on_add=lambda: None,
            on_edit=lambda _: None,
            on_delete=lambda _: None,
        )
        entry_list([], add_label=value, empty_text=value, on_add=lambda: None, on_edit=print, on_delete=print)
        tab_strip([TabLink(value, "/compte/un", "complete"), TabLink(value, "/compte/deux", "optional")], "/compte/un")
        badge("to_complete")
        FileForm(
            [
                FieldSpec("text", value, max_length=200, hint=value, autocomplete="organization"),
                FieldSpec("locked", value, locked=True),
                FieldSpec("area", value, "textarea", max_length=500),
                FieldSpec("date", value, "date"),
                FieldSpec("radio", value, "radio", options={"a": value}),
                FieldSpec("select", value, "select", options={"a": value}),
                FieldSpec("multi", value, "multi", options={"a": value}),
                FieldSpec("search", value, "search", search=lambda *_: {"a": value}, label_of=lambda _: value),
            ],
            {"text": value, "locked": value, "area": value, "select": "a", "multi": ["a"], "search": "a"},
            locked_hint=value,
        )
        for status in ("Transmise", value):
            piece_card(
                piece_id=1,
                label=value,
                status=status,
                file_name=value,
                file_url="/fichier",
                common=True,
                conditional=True,
                not_concerned=False,
                editable=True,
                hint=value,
                max_bytes=1000,
                on_file=nothing,
                on_not_concerned=nothing,
            )
        student_card(value, "/cas")
        LoginCard(value, nothing, lambda: None, lambda: None, lambda: None)
        form = FormFields()
        form.text("field", value, max_length=100, autocomplete="name", value=value)
        new_password_fields(form, lambda _: 2)
        account_dialog(value, nothing, values={"last_name": value, "first_name": value, "mail": value}).open()
        mail_dialog(value, value, nothing).open()
        password_dialog(nothing, lambda _: 1).open()
        progress = ProgressDialog(value, value, start_label=value, on_start=nothing, close_label=value)
        progress.progress(1, 2, value)
        progress.finished(value, "/fichier", value)
        progress.open()
        ui.timer(0, lambda: confirm(value, yes=value, no=value, marker="gallery"), once=True)


@ui.page("/")
def gallery_page(value: str = "") -> None:
    gallery(value)


apply_theme()

if __name__ in {"__main__", "__mp_main__"}:
    ui.run(storage_secret="galerie", reload=False, show=False)
