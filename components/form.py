"""A group of labelled inputs that shows each server-side error at its field and keeps what was typed."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TypeVar

from nicegui import ui

from ecandidat_ui.services.errors import InvalidInput, Refused

T = TypeVar("T")


class FormFields:
    def __init__(self) -> None:
        self.inputs: dict[str, ui.input] = {}
        self.problem: ui.label | None = None

    def text(
        self,
        name: str,
        label: str,
        *,
        max_length: int | None = None,
        autocomplete: str = "",
        kind: str = "text",
        value: str = "",
    ) -> ui.input:
        secret = kind == "password"
        field = ui.input(label, value=value, password=secret, password_toggle_button=secret)
        if not secret:
            field.props["type"] = kind
        if autocomplete:
            field.props["autocomplete"] = autocomplete
        return self._add(name, field, label, max_length)

    def textarea(self, name: str, label: str, *, max_length: int | None = None, value: str = "") -> ui.textarea:
        """A text of several lines, growing with what is typed."""
        field = ui.textarea(label, value=value).props("autogrow")
        return self._add(name, field, label, max_length)

    def _add(self, name: str, field: ui.input, label: str, max_length: int | None) -> ui.input:
        field.props("outlined stack-label").classes("w-full")
        field.props["for"] = f"champ-{name}"
        if max_length:
            field.props["maxlength"] = max_length
        if label.endswith("*"):
            field.props('aria-required="true"')
        field.mark(name)
        field.on_value_change(lambda: setattr(field, "error", None))
        self.inputs[name] = field
        return field

    def password(self, name: str, label: str, *, autocomplete: str = "current-password") -> ui.input:
        return self.text(name, label, autocomplete=autocomplete, kind="password")

    def values(self) -> dict[str, str]:
        return {name: (field.value or "") for name, field in self.inputs.items()}

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, field in self.inputs.items():
            field.error = errors.get(name)
        first = next((field for name, field in self.inputs.items() if name in errors), None)
        if first is not None:
            first.run_method("focus")

    def clear_errors(self) -> None:
        self.show_errors({})

    def problem_line(self, *, marker: str = "") -> ui.label:
        """Where a refusal that belongs to no field is said (an ended link, a wrong code), announced at once."""
        self.problem = ui.label().classes("text-negative text-body1").props('role="alert"')
        if marker:
            self.problem.mark(marker)
        self.problem.set_visibility(False)
        return self.problem

    async def submit(self, work: Awaitable[T]) -> T | None:
        """The result of the service call `work`; None once its errors are shown at their fields (InvalidInput)
        or on the problem line (Refused). What was typed stays."""
        self.clear_errors()
        if self.problem is not None:
            self.problem.set_visibility(False)
        try:
            return await work
        except InvalidInput as error:
            self.show_errors(error.errors)
        except Refused as error:
            if self.problem is None:
                raise
            self.problem.set_text(error.message)
            self.problem.set_visibility(True)
        return None
