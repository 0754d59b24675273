"""Markdown written by staff (home and maintenance messages, FAQ answers) turned into HTML that carries no code.

markdown-it-py (CommonMark) with raw HTML disabled in the parser: a `<script>` or `<img onerror=…>` typed by a
person comes out as visible text, never as a tag, so there is no HTML to clean afterwards. Links are kept only
towards web pages, mail addresses and phone numbers, or paths of the platform (an allowlist, where the parser's
own check is a blocklist): `javascript:`, `data:`, `vbscript:`… stay plain text. Images are not rendered (no
tracking pixels, no `data:` images). `refused_links` names the refused links so that the gestion can say so at
the field when the text is saved.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
MAX_REPORTED = 5
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


def allowed_link(url: str) -> bool:
    """A web page, a mail address, a phone number, or a path or anchor of the platform."""
    bare = _INVISIBLE.sub("", url)
    scheme = _SCHEME.match(bare)
    if scheme is None:
        return not bare.startswith("\\")  # « \\host » is a path to another machine in some browsers
    return scheme.group(1).lower() in ALLOWED_SCHEMES


class _SafeMarkdown(MarkdownIt):
    def validateLink(self, url: str) -> bool:
        return allowed_link(url)


class _EveryLink(MarkdownIt):
    """Keeps every link, for `refused_links` to list them."""

    def validateLink(self, url: str) -> bool:
        return True


@lru_cache(maxsize=1)
def _renderer() -> MarkdownIt:
    return _SafeMarkdown("commonmark", {"html": False, "linkify": False, "typographer": False}).disable("image")


@lru_cache(maxsize=1)
def _link_finder() -> MarkdownIt:
    return _EveryLink("commonmark", {"html": False}).disable("image")


def to_html(text: str) -> str:
    """Safe HTML of the Markdown `text`: no raw HTML, links only of the allowed kinds, no image. Headings start
    at level 2: the page has its own title."""
    renderer = _renderer()
    tokens = renderer.parse(text or "")
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + 1, 6)}"
    return renderer.renderer.render(tokens, renderer.options, {})


def refused_links(text: str) -> list[str]:
    """The targets of the links `to_html` would leave as plain text, in order, each once (at most MAX_REPORTED)."""
    refused: list[str] = []
    for token in _link_finder().parse(text or ""):
        for child in token.children or ():
            href = str(child.attrGet("href") or "") if child.type == "link_open" else ""
            if href and not allowed_link(href) and href not in refused:
                refused.append(href)
    return refused[:MAX_REPORTED]
