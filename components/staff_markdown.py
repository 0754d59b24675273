"""Markdown written by staff (home and maintenance messages, FAQ answers), shown safely: the one place where HTML
made from data enters a page. `ecandidat_ui.markdown.to_html` makes it without raw HTML and with allowed links
only; DOMPurify (NiceGUI's `sanitize=True`) cleans it again in the browser."""

from __future__ import annotations

import weakref

from nicegui import ui

from ecandidat_ui import markdown, messages

_CSS = """
.staff-markdown h2 { font-size: 1.375rem; line-height: 1.75rem; margin: 0 0 .5rem; font-weight: 700; }
.staff-markdown h3 { font-size: 1.2rem; line-height: 1.6rem; margin: 0 0 .5rem; font-weight: 700; }
.staff-markdown h4, .staff-markdown h5, .staff-markdown h6 { font-size: 1rem; margin: 0 0 .25rem; font-weight: 700; }
.staff-markdown p + *, .staff-markdown ul + *, .staff-markdown ol + * { margin-top: .75rem; }
.staff-markdown a { color: #1d4f91; }
.staff-markdown a:visited { color: #5b2a86; }
.maintenance-notice .staff-markdown a, .maintenance-notice .staff-markdown a:visited { color: inherit; }
"""
_styled: weakref.WeakSet = weakref.WeakSet()  # the pages already given _CSS


def staff_markdown(text: str) -> ui.html:
    """The Markdown `text` as a block of the page."""
    client = ui.context.client
    if client not in _styled:
        ui.add_css(_CSS)
        _styled.add(client)
    return ui.html(markdown.to_html(text), sanitize=True).classes("nicegui-markdown staff-markdown text-body1")


def maintenance_notice(text: str) -> None:
    """The maintenance message across the top of the content, for everyone, announced once to screen readers."""
    with (
        ui.row()
        .classes("maintenance-notice w-full items-start gap-3 p-4 rounded no-wrap bg-amber-2 text-brown-10")
        .props('role="note"')
        .mark("maintenance") as row
    ):
        row.props["aria-label"] = messages.MAINTENANCE_LABEL
        ui.icon("engineering", size="sm").props('aria-hidden="true"')
        staff_markdown(text)
