"""Markdown written by staff becomes HTML without code: no raw HTML, links only to web pages, mail addresses,
phone numbers and the platform's own paths, no image."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from ecandidat_ui import markdown

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "[clic](javascript:alert(1))",
    "[clic](JaVaScRiPt:alert(1))",
    "[clic](&#106;avascript:alert(1))",
    "[clic](java%0ascript:alert(1))",
    "[clic](<javascript:alert(1)>)",
    "<javascript:alert(1)>",
    "[clic](vbscript:msgbox(1))",
    "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![pixel](https://tracker.example/p.gif)",
    "[clic](file:///etc/passwd)",
    '<div style="position:fixed">x</div>',
    "<iframe src=https://example.org></iframe>",
    "[a]: javascript:alert(1)\n\n[clic][a]",
]


SAFE_TAGS = {"p", "a", "strong", "em", "code", "pre", "ul", "ol", "li", "blockquote", "h2", "h3", "h4", "h5", "h6"}
SAFE_TAGS |= {"br", "hr"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.found.append((tag, attrs))


def tags_of(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.found


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_markdown_carries_no_code(text: str):
    for tag, attrs in tags_of(markdown.to_html(text)):
        assert tag in SAFE_TAGS, (text, tag)
        for name, value in attrs:
            assert name == "href" and tag == "a", (text, name)
            scheme = re.match(r"^([a-z][a-z0-9+.-]*):", value, re.IGNORECASE)  # a browser's reading of it
            assert scheme is None or scheme.group(1).lower() in {"http", "https", "mailto", "tel"}, (text, value)


def test_ordinary_markdown_keeps_its_shape_and_headings_start_at_level_two():
    html = markdown.to_html(
        "# Bienvenue\n\nAvant toute **candidature** :\n\n- consultez [l'offre](/offre)\n"
        "- écrivez à [la scolarité](mailto:scol@univ.example.org)\n\nVoir <https://univ.example.org/guide>."
    )
    assert html.startswith("<h2>Bienvenue</h2>")
    assert "<strong>candidature</strong>" in html and '<a href="/offre">' in html
    assert '<a href="mailto:scol@univ.example.org">' in html
    assert '<a href="https://univ.example.org/guide">https://univ.example.org/guide</a>' in html


def test_the_refused_links_are_named_for_the_message_at_the_field():
    text = "[a](javascript:alert(1)) [b](https://ok.example) <data:text/html,x> [a2](javascript:alert(1))"
    assert markdown.refused_links(text) == ["javascript:alert(1)", "data:text/html,x"]
    assert markdown.refused_links("[ok](https://univ.example) [tel](tel:+33102030405) [p](/assistance#faq)") == []


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://univ.example", True),
        ("http://univ.example", True),
        ("mailto:a@b.example", True),
        ("tel:+33102030405", True),
        ("/offre", True),
        ("#faq", True),
        ("javascript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("\u200bjavascript:alert(1)", False),
        ("data:text/html,x", False),
        ("\\\\serveur\\partage", False),
    ],
)
def test_allowed_links(url: str, allowed: bool):
    assert markdown.allowed_link(url) is allowed
