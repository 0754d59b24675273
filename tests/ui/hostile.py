"""Text typed by a candidate or a staff member that tries to become code, and the checks that it never does.

NiceGUI evaluates a prop whose name starts with `:` as JavaScript; Vue binds `@…`/`v-…`; a browser runs an
`on…` attribute. Such a prop can only come from a props string built from data, so none may ever appear
on an element built from these values (literal ones of our own code, like the table's `:grid`, are named).
"""

from __future__ import annotations

from collections.abc import Iterable

from nicegui import Client, ui

# The example (23 characters: it fits every field of the file, the shortest holds 20).
SHORT = 'Stage" :title="alert(1)'
# Every way out of a props string, markup and Vue interpolation, in one value.
LONG = (
    'Stage" :title="alert(1)" :onclick=\'alert(2)\' onclick="alert(3)" v-html="\'x\'" data-pwned=1 '
    "<script>window.__pwned=1</script> <img src=x onerror=alert(4)> {{ 7*7 }}"
)
# A value that starts as a JavaScript prop would, and one that is a whole props string.
BOUND = ':title="alert(1)"'
PROPS_STRING = 'x" :class="alert(1)" @click="alert(2)" v-bind:id="alert(3)'
VALUES = [SHORT, LONG, BOUND, PROPS_STRING]

# Props our own code sets with a literal (never data): the only bound ones allowed.
LITERAL_BOUND_PROPS = {":grid", ":rows-per-page-options"}
INJECTED_KEYS = {"title", "onclick", "data-pwned", "class", "click", "v-html", "v-bind:id"}


def bad_props(elements: Iterable[ui.element]) -> list[str]:
    """Props that data could have introduced: bound (`:`, `@`, `v-`), event attributes (`on…`), or keys of the
    hostile values. Returns `Element key=value` lines, empty when every element is clean."""
    found = []
    for element in elements:
        for key, value in element.props.items():
            bound = key.startswith((":", "@", "v-")) and key not in LITERAL_BOUND_PROPS
            if bound or key.lower().startswith("on") or key in INJECTED_KEYS:
                found.append(f"{type(element).__name__} {key}={value!r}")
    return found


def shown_texts(elements: Iterable[ui.element]) -> list[str]:
    """Everything an element shows or says: its text and the props read by people and screen readers."""
    texts = []
    for element in elements:
        if isinstance(element, ui.label | ui.link | ui.item_label | ui.item_section) and element.text:
            texts.append(element.text)
        for key in ("label", "aria-label", "hint", "toggle-aria-label", "title"):
            value = element.props.get(key)
            if isinstance(value, str):
                texts.append(value)
        if isinstance(element, ui.table):  # rows shown by a template ({{ }}), e.g. the offer's lines
            texts.extend(value for row in element.rows for value in row.values() if isinstance(value, str))
        options = getattr(element, "options", None)
        if isinstance(options, dict):
            texts.extend(str(label) for label in options.values())
    return texts


def all_elements(client: Client) -> list[ui.element]:
    return list(client.elements.values())


def assert_clean(client: Client) -> None:
    found = bad_props(all_elements(client))
    assert not found, "props injected from data:\n" + "\n".join(found)


def assert_shown_literally(client: Client, value: str, *, at_least: int = 1) -> list[str]:
    """The value appears, unchanged, in at least `at_least` texts; returns those texts."""
    texts = [text for text in shown_texts(all_elements(client)) if value in text]
    assert len(texts) >= at_least, f"{value!r} shown {len(texts)} time(s), expected {at_least}: {texts}"
    return texts
