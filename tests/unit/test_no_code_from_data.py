"""Data never becomes code: every props, classes, style, JavaScript, HTML or Vue template string of the app is
written in the source, so text typed by a person can never reach the browser as code (issue 9.1).

NiceGUI parses a props string into keys and values, and evaluates a key starting with `:` as JavaScript: a
value formatted into `.props(f'aria-label="{title}"')` can close its quotes and add `:title="alert(1)"`.
Values go through `element.props["aria-label"] = title` (a value is never parsed nor evaluated) or element
arguments; only the key is code, so it must be a literal. Classes chosen by a key come from a literal
mapping of the module (`.classes(COLORS[status])`).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCANNED = [ROOT / "components", ROOT / "pages", ROOT / "ecandidat_ui", ROOT / "main.py"]

# Every argument of these methods is code (props, classes, style strings).
STRING_METHODS = {"props", "classes", "style", "default_props", "default_classes", "default_style"}
# The first argument of these is JavaScript, HTML or CSS, whoever calls them.
CODE_CALLS = {"run_javascript", "add_head_html", "add_body_html", "add_css", "add_scss", "add_sass"}
# ui.<name>(content): HTML put in the page as is.
HTML_ELEMENTS = {"html", "markdown"}
# Element properties whose subscript key is a name in the browser (`:name` is evaluated).
KEYED_PROPERTIES = {"props", "_props", "style", "_style"}

# (file, source of the argument): why it is not data a person typed. Keep it short.
ALLOWED = {
    ("components/staff_markdown.py", "markdown.to_html(text)"): (
        "staff Markdown made HTML without raw HTML and with allowed links only (ecandidat_ui/markdown.py)"
    ),
}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    what: str
    source: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what} gets `{self.source}`"


class _Checker(ast.NodeVisitor):
    def __init__(self, path: str, tree: ast.Module) -> None:
        self.path = path
        self.findings: list[Finding] = []
        self.constants = _module_constants(tree)

    # --- what must be literal ----------------------------------------------------------------------

    def visit_Call(self, node: ast.Call) -> None:
        name = _called_name(node.func)
        if name in STRING_METHODS and isinstance(node.func, ast.Attribute):
            for argument in [*node.args, *(k.value for k in node.keywords)]:
                self._literal(argument, f".{name}()")
        elif name in CODE_CALLS and node.args:
            self._literal(node.args[0], f"{name}()")
        elif name in HTML_ELEMENTS and _is_ui_attribute(node.func) and node.args:
            self._literal(node.args[0], f"ui.{name}()")
        elif name == "add_slot" and isinstance(node.func, ast.Attribute):
            template = node.args[1] if len(node.args) > 1 else _keyword(node, "template")
            if template is not None:
                self._literal(template, ".add_slot() template")
        elif name == "on" and isinstance(node.func, ast.Attribute):
            handler = _keyword(node, "js_handler")
            if handler is not None:
                self._literal(handler, ".on(js_handler=)")
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        keyed = isinstance(node.value, ast.Attribute) and node.value.attr in KEYED_PROPERTIES
        if keyed and isinstance(node.ctx, ast.Store | ast.Del):
            key = node.slice
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                self._report(key, f".{node.value.attr}[key] (a key is code)")
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            styled = isinstance(target, ast.Subscript) and isinstance(target.value, ast.Attribute)
            if styled and target.value.attr in {"style", "_style"}:  # a style value can carry more declarations
                self._literal(node.value, f".{target.value.attr}[...] value")
        self.generic_visit(node)

    # --- what counts as literal ----------------------------------------------------------------------

    def _literal(self, node: ast.expr, what: str) -> None:
        if not self._is_literal(node):
            self._report(node, what)

    def _report(self, node: ast.expr, what: str) -> None:
        source = ast.unparse(node)
        if (self.path, source) not in ALLOWED:
            self.findings.append(Finding(self.path, node.lineno, what, source))

    def _is_literal(self, node: ast.expr) -> bool:
        """A string written here: constants, `+` and `a if … else b` of them, module constants, and lookups
        in a literal mapping of the module (`COLORS[status]`, `COLORS.get(status, "")`)."""
        if isinstance(node, ast.Constant):
            return True
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self._is_literal(node.left) and self._is_literal(node.right)
        if isinstance(node, ast.IfExp):
            return self._is_literal(node.body) and self._is_literal(node.orelse)
        if isinstance(node, ast.Name):
            return node.id in self.constants
        if isinstance(node, ast.Subscript):
            return self._is_literal(node.value)  # the key only chooses among literal strings
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
            return self._is_literal(node.func.value) and all(self._is_literal(a) for a in node.args[1:])
        return False


def _module_constants(tree: ast.Module) -> set[str]:
    """UPPER_CASE names bound once, at module level, to literal strings or containers of literal strings."""
    bound: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            bound[node.id] = bound.get(node.id, 0) + 1
    constants = set()
    for statement in tree.body:
        target, value = _single_assignment(statement)
        if target and target.lstrip("_").isupper() and bound.get(target) == 1 and _is_literal_value(value):
            constants.add(target)
    return constants


def _single_assignment(statement: ast.stmt) -> tuple[str | None, ast.expr | None]:
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target, value = statement.targets[0], statement.value
    elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
        target, value = statement.target, statement.value
    else:
        return None, None
    return (target.id, value) if isinstance(target, ast.Name) else (None, None)


def _is_literal_value(node: ast.expr | None) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str | int | float | bool)
    if isinstance(node, ast.Dict):
        return all(_is_literal_value(k) and _is_literal_value(v) for k, v in zip(node.keys, node.values, strict=True))
    if isinstance(node, ast.Tuple | ast.List):
        return all(_is_literal_value(item) for item in node.elts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _is_literal_value(node.left) and _is_literal_value(node.right)
    return False


def _called_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _is_ui_attribute(func: ast.expr) -> bool:
    return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "ui"


def _keyword(node: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in node.keywords if k.arg == name), None)


def findings_in(source: str, path: str = "snippet.py") -> list[Finding]:
    tree = ast.parse(source, filename=path)
    checker = _Checker(path, tree)
    checker.visit(tree)
    return checker.findings


def scanned_files() -> list[Path]:
    files: list[Path] = []
    for place in SCANNED:
        files += sorted(place.rglob("*.py")) if place.is_dir() else [place]
    return [f for f in files if "migrations" not in f.relative_to(ROOT).parts]


def test_no_props_classes_style_or_javascript_is_built_from_data():
    findings = []
    for path in scanned_files():
        findings += findings_in(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())
    assert not findings, (
        "Code built from a value (NiceGUI evaluates a prop named `:…` as JavaScript): write the string as a "
        "literal; pass values with element.props['name'] = value or element arguments; choose classes from a "
        "literal UPPER_CASE mapping of the module (COLORS[key]).\n" + "\n".join(map(str, findings))
    )


def test_the_scan_covers_the_code_of_the_screens():
    names = {path.relative_to(ROOT).as_posix() for path in scanned_files()}
    assert {"main.py", "components/entry_list.py", "pages/account.py", "ecandidat_ui/messages.py"} <= names


def test_every_allowed_exception_still_exists():
    sources = {}
    for path in scanned_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        sources[path.relative_to(ROOT).as_posix()] = {ast.unparse(n) for n in ast.walk(tree) if isinstance(n, ast.expr)}
    stale = [key for key in ALLOWED if key[1] not in sources.get(key[0], set())]
    assert not stale, f"allowed exceptions no longer in the code, remove them: {stale}"


@pytest.mark.parametrize(
    "source",
    [
        "button.props(f'flat aria-label=\"Modifier {title}\"')",
        'button.props("flat aria-label=" + title)',
        "button.props('aria-label=\"{}\"'.format(title))",
        "button.props(add=title)",
        "button.props(remove=name)",
        'row.classes(f"w-full {color}")',
        "row.classes(color)",
        'row.style(f"color: {color}")',
        'ui.run_javascript(f"alert({value})")',
        "ui.run_javascript('x = ' + value)",
        "client.run_javascript(code)",
        "ui.html(text)",
        "ui.markdown(text)",
        "ui.add_head_html(head)",
        "app.add_body_html(body)",
        "table.add_slot('item', template)",
        "table.add_slot('item', template=f'<b>{x}</b>')",
        "field.on('click', js_handler=f'() => {code}')",
        "button.props[key] = value",
        "button.props[f'aria-{name}'] = value",
        "del button.props[name]",
        "row.style['color'] = value",
        "COLORS = {'a': 'x'}\nCOLORS = {}\nrow.classes(COLORS[k])",  # bound twice: not a constant
        "colors = {'a': 'x'}\nrow.classes(colors[k])",  # not UPPER_CASE: may change
        "COLORS = {'a': x}\nrow.classes(COLORS[k])",  # not all literal
        "def f(COLOR):\n    row.classes(COLOR)",
    ],
)
def test_the_scan_finds_code_built_from_data(source: str):
    assert findings_in(source), f"not found: {source}"


@pytest.mark.parametrize(
    "source",
    [
        "button.props('flat round aria-label=\"Fermer\"')",
        "button.props(remove='loading')",
        "button.props['aria-label'] = f'Modifier {title}'",
        "button.props['hint'] = value",
        "row.classes('w-full').classes(add='p-4')",
        "row.classes('a ' + ('b' if current else 'c'))",
        "COLORS = {'a': 'text-red', 'b': 'text-blue'}\nrow.classes(COLORS[status])",
        "COLORS = {'a': 'text-red'}\nrow.classes(COLORS.get(status, ''))",
        "BADGES = {'a': ('icon', 'text-red')}\nrow.classes(BADGES[status][1])",
        "_STYLE = '<style></style>'\nui.add_head_html(_STYLE)",
        "ui.run_javascript('window.onbeforeunload = ' + ('() => 1' if on else 'null'))",
        "table.add_slot('header')",
        "table.add_slot('item', '<q-td>{{ props.row.x }}</q-td>')",
        "field.on('keydown.enter', handler)",
        "ui.label(f'{title}').mark(f'entry-{entry.id}')",
    ],
)
def test_the_scan_accepts_literals_and_literal_mappings(source: str):
    assert not findings_in(source), findings_in(source)


def test_a_finding_names_file_line_and_source():
    (finding,) = findings_in("x = 1\nbutton.props(f'aria-label=\"{title}\"')", "components/entry_list.py")
    assert str(finding) == "components/entry_list.py:2: .props() gets `f'aria-label=\"{title}\"'`"
