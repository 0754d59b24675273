"""Each French text of messages.py is named once: a second assignment (two features merged with the same name)
would silently change the first one's screen."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import ecandidat_ui.messages

SOURCE = Path(ecandidat_ui.messages.__file__)


def test_no_message_is_named_twice():
    names = [
        target.id
        for node in ast.parse(SOURCE.read_text(encoding="utf-8")).body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    ]
    twice = sorted(name for name, count in Counter(names).items() if count > 1)
    assert not twice, f"named twice in messages.py: {twice}"
