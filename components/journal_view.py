"""The journal's pieces: the filters above its table, and the dialog of one line's values before and after."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from nicegui import ui

from components.modal import Modal
from ecandidat_ui import messages

ANY = ""  # the option « Tous » of a filter


class JournalFilters:
    """« Membre », « Objet », « Identifiant », « Du », « Au »: `on_change(values)` after each change with
    {staff_id, object_type, object_id, from_day, to_day} (None when not filtered), unless the dates are wrong,
    which is then said at the field."""

    def __init__(
        self,
        members: Sequence[tuple[int, str]],
        object_types: dict[str, str],
        on_change: Callable[[dict[str, object]], None],
    ) -> None:
        self.on_change = on_change
        with ui.row().classes("w-full items-start gap-2"):
            self.member = (
                ui.select({ANY: "Tous", **dict(members)}, value=ANY, label="Membre", with_input=True)
                .props("outlined dense")
                .classes("min-w-[14rem]")
                .mark("journal-member")
            )
            self.object_type = (
                ui.select({ANY: "Tous", **object_types}, value=ANY, label="Objet")
                .props("outlined dense")
                .classes("min-w-[12rem]")
                .mark("journal-object")
            )
            self.object_id = ui.input("Identifiant de l'objet").props("outlined dense clearable").classes("w-40")
            self.object_id.props["debounce"] = 400
            self.object_id.mark("journal-object-id")
            self.from_day = ui.input("Du").without_auto_validation()
            self.from_day.props("outlined dense stack-label type=date").classes("w-44")
            self.from_day.mark("journal-from")
            self.to_day = ui.input("Au").without_auto_validation()
            self.to_day.props("outlined dense stack-label type=date").classes("w-44")
            self.to_day.mark("journal-to")
        for element in (self.member, self.object_type, self.object_id, self.from_day, self.to_day):
            element.on_value_change(self._changed)

    def _changed(self) -> None:
        self.from_day.error = self.to_day.error = None
        from_day, to_day = _day(self.from_day.value), _day(self.to_day.value)
        if self.from_day.value and from_day is None:
            self.from_day.error = messages.JOURNAL_BAD_DATE
            return
        if self.to_day.value and to_day is None:
            self.to_day.error = messages.JOURNAL_BAD_DATE
            return
        if from_day and to_day and to_day < from_day:
            self.to_day.error = messages.JOURNAL_DATES_ORDER
            return
        self.on_change(
            {
                "staff_id": self.member.value if self.member.value != ANY else None,
                "object_type": self.object_type.value or None,
                "object_id": (self.object_id.value or "").strip() or None,
                "from_day": from_day,
                "to_day": to_day,
            }
        )


def changes_dialog(title: str, lines: Sequence[tuple[str, str, str]]) -> None:
    """Each value of the line: (name, before, after), as text."""
    title_id = f"titre-journal-{id(lines)}"
    with Modal() as dialog, ui.card().classes("w-[48rem] max-w-full gap-3 p-4"):
        dialog.props["aria-labelledby"] = title_id
        with ui.row().classes("w-full items-center justify-between no-wrap"):
            heading = ui.label(title).classes("text-h6").props('role="heading" aria-level="2"')
            heading.props["id"] = title_id
            ui.button(icon="close", on_click=dialog.close).props('flat round aria-label="Fermer"')
        if not lines:
            ui.label(messages.JOURNAL_NO_VALUES).classes("text-body1")
        else:
            with ui.element("table").classes("journal-changes w-full").mark("journal-changes"):
                with ui.element("thead"), ui.element("tr"):
                    for heading_text in ("Valeur", "Avant", "Après"):
                        with ui.element("th").props('scope="col"'):
                            ui.label(heading_text)
                with ui.element("tbody"):
                    for name, before, after in lines:
                        with ui.element("tr"):
                            with ui.element("th").props('scope="row"'):
                                ui.label(name)
                            with ui.element("td"):
                                ui.label(before)
                            with ui.element("td"):
                                ui.label(after)
    ui.add_css(_CSS)
    dialog.open()


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


_CSS = """
.journal-changes { border-collapse: collapse; }
.journal-changes th, .journal-changes td { border: 1px solid #d1d5db; padding: .25rem .5rem; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; }
.journal-changes thead th { background: #f3f4f6; }
"""
