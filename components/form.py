"""A group of labelled inputs that shows each server-side error at its field and keeps what was typed."""

from __future__ import annotations

from nicegui import ui


class FormFields:
    def __init__(self) -> None:
        self.inputs: dict[str, ui.input] = {}

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
