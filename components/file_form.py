"""A form described by field specs: labels, limits, lists searched on the server as one types, fields shown
only when they apply, errors at their field, and every change reported (to keep a draft)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from nicegui import events, ui

Options = dict[str, str]
Values = dict[str, object]
WIDTHS = {False: "w-full", True: "w-full sm:col-span-2"}  # a wide field takes both columns on larger screens


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: str = "text"  # text, textarea, date, number, select, search, radio, multi
    max_length: int | None = None
    options: Options | Callable[[Values], Options] | None = None
    search: Callable[[str, Values], Options] | None = None  # kind "search": typed text → best matches
    label_of: Callable[[str], str] | None = None  # kind "search": label of a stored code
    visible: Callable[[Values], bool] | None = None
    hint: str = ""
    autocomplete: str = ""
    locked: bool = False
    wide: bool = False
    extra: dict = field(default_factory=dict)


class FileForm:
    def __init__(
        self,
        specs: list[FieldSpec],
        values: Values,
        on_change: Callable[[Values], None] | None = None,
        locked_hint: str = "",
    ) -> None:
        self.specs = {spec.name: spec for spec in specs}
        self.on_change = on_change
        self.elements: dict[str, ui.element] = {}
        self._quiet = True
        with ui.element("div").classes("w-full grid grid-cols-1 sm:grid-cols-2 gap-x-4 gap-y-1"):
            for spec in specs:
                self.elements[spec.name] = self._build(spec, values, locked_hint)
        self._refresh()
        self._quiet = False

    def values(self) -> Values:
        result: Values = {}
        for name, element in self.elements.items():
            if self._visible(self.specs[name]):
                result[name] = element.value
        return result

    def all_values(self) -> Values:
        return {name: element.value for name, element in self.elements.items()}

    def set_values(self, values: Values) -> None:
        self._quiet = True
        for name, value in values.items():
            if name in self.elements:
                self._set(self.specs[name], self.elements[name], value)
        self._refresh()
        self._quiet = False

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, element in self.elements.items():
            if hasattr(element, "error"):
                element.error = errors.get(name)
        first = next(
            (
                self.elements[name]
                for name in self.elements
                if name in errors and not isinstance(self.elements[name], ui.radio)
            ),
            None,
        )  # a radio group has no focus()
        if first is not None:
            first.run_method("focus")

    # --- building ----------------------------------------------------------------------------------

    def _build(self, spec: FieldSpec, values: Values, locked_hint: str) -> ui.element:
        element = self._element(spec, values)
        element.mark(spec.name).classes(WIDTHS[spec.wide])
        if spec.label.endswith("*") and spec.kind not in ("select", "multi"):  # a plain list says it by its *
            element.props('aria-required="true"')
        if spec.hint or (spec.locked and locked_hint):
            element.props["hint"] = locked_hint if spec.locked else spec.hint
        if spec.locked:
            element.props("readonly")
        if spec.autocomplete:
            element.props["autocomplete"] = spec.autocomplete
        element.on_value_change(lambda _, spec=spec: self._changed(spec))
        return element

    def _element(self, spec: FieldSpec, values: Values) -> ui.element:
        """The input of a field; lists that depend on other fields are computed from the initial values."""
        value = values.get(spec.name)
        if spec.kind in {"text", "date", "number", "textarea"}:
            text = "" if value is None else str(value)
            element = (
                ui.textarea(spec.label, value=text) if spec.kind == "textarea" else ui.input(spec.label, value=text)
            )
            element.props("outlined stack-label")
            if spec.kind in {"date", "number"}:
                element.props["type"] = spec.kind
            if spec.max_length:
                element.props("counter")
                element.props["maxlength"] = spec.max_length
            return element
        if spec.kind == "radio":
            with ui.column().classes("gap-0"):
                ui.label(spec.label).classes("text-body2 text-grey-9")
                options = self._options(spec, values)
                radio = ui.radio(options, value=value if value in options else None).props("inline")
            radio.props["aria-label"] = spec.label
            return radio
        if spec.kind == "search":
            code = str(value or "")
            options = {code: spec.label_of(code)} if code and spec.label_of else {}
            element = ui.select(options, label=spec.label, value=code or None, with_input=True)
            element.props('outlined stack-label clearable input-debounce=250 behavior="menu"')
            element.on("input-value", lambda event, spec=spec: self._search(spec, event))
            return element
        multiple = spec.kind == "multi"
        options = self._options(spec, values)
        if multiple:
            value = [item for item in value or [] if item in options]
        elif value not in options:
            value = None  # no longer offered (a list that changed): the candidate chooses again
        element = ui.select(options, label=spec.label, value=value, multiple=multiple)
        element.props("outlined stack-label" + (" use-chips" if multiple else ""))
        return element

    def _options(self, spec: FieldSpec, values: Values) -> Options:
        if callable(spec.options):
            return spec.options(values)
        return dict(spec.options or {})

    def _search(self, spec: FieldSpec, event: events.GenericEventArguments) -> None:
        select = self.elements[spec.name]
        text = str(event.args or "")
        if len(text) < 1:
            return
        found = spec.search(text, self.all_values())
        if select.value and select.value not in found and select.value in select.options:
            found = {select.value: select.options[select.value], **found}
        select.set_options(found, value=select.value)

    @staticmethod
    def _set(spec: FieldSpec, element: ui.element, value: object) -> None:
        if spec.kind == "search" and value and spec.label_of and value not in element.options:
            element.set_options({**element.options, str(value): spec.label_of(str(value))})
        if spec.kind in {"text", "date", "number", "textarea"}:
            value = "" if value is None else str(value)
        element.value = value

    # --- reacting ----------------------------------------------------------------------------------

    def _visible(self, spec: FieldSpec) -> bool:
        return spec.visible is None or spec.visible(self.all_values())

    def _changed(self, spec: FieldSpec) -> None:
        element = self.elements[spec.name]
        if hasattr(element, "error"):
            element.error = None
        if self._quiet:
            return
        self._refresh()
        if self.on_change:
            self.on_change(self.all_values())

    def _refresh(self) -> None:
        values = self.all_values()
        for name, spec in self.specs.items():
            element = self.elements[name]
            target = element.parent_slot.parent if spec.kind == "radio" else element
            target.set_visibility(self._visible(spec))
            if callable(spec.options):
                options = spec.options(values)
                if options != element.options:
                    keep = element.value if spec.kind != "multi" else [v for v in element.value or [] if v in options]
                    if spec.kind != "multi" and keep not in options:
                        keep = None
                    element.set_options(options, value=keep)
