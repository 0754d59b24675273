"""The staff's second factor on screen: the QR code to scan with the secret as text beside it, and the ten
recovery codes shown once, with ways to keep them (copy, download, print)."""

from __future__ import annotations

import base64

from nicegui import ui

from components.form import FormFields
from ecandidat_ui import messages

RECOVERY_FILE = "codes-de-secours-ecandidat.txt"


def qr_data_uri(svg: str) -> str:
    """The SVG as an image address: shown by an <img>, it is never part of the page's HTML."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def totp_enrolment(form: FormFields, qr_svg: str, secret: str) -> ui.input:
    """QR code, secret as text, and the field of the first code (named `code` in the form)."""
    ui.label(messages.TOTP_SCAN).classes("text-body1")
    with ui.row().classes("w-full items-center gap-6"):
        image = ui.element("img").classes("totp-qr").mark("totp-qr")
        image.props["src"] = qr_data_uri(qr_svg)
        image.props["alt"] = messages.TOTP_QR_TITLE
        image.props["width"] = 200
        image.props["height"] = 200
        with ui.column().classes("gap-1 min-w-0"):
            ui.label(messages.TOTP_CANNOT_SCAN).classes("text-body2")
            ui.label(grouped(secret)).classes("text-h6 text-mono totp-secret").mark("totp-secret")
            ui.button(messages.TOTP_COPY_SECRET, icon="content_copy", on_click=lambda: _copy(secret)).props(
                "flat dense no-caps"
            ).mark("copy-secret")
    code = form.text("code", "Code à 6 chiffres de l'application *", autocomplete="one-time-code", max_length=10)
    code.props["inputmode"] = "numeric"
    code.props["hint"] = messages.TOTP_FIRST_CODE_HINT
    return code


def grouped(secret: str) -> str:
    """« ABCD EFGH … »: easier to read and type into a phone."""
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


def recovery_codes(codes: list[str]) -> None:
    """The codes as a list, with « Copier », « Télécharger » and « Imprimer »."""
    with ui.card().classes("w-full max-w-xl p-4 gap-3 recovery-codes").mark("recovery-codes"):
        ui.label(messages.RECOVERY_CODES_TITLE).classes("text-h6").props('role="heading" aria-level="2"')
        ui.label(messages.RECOVERY_CODES_ONCE).classes("text-body1")
        with ui.element("ol").classes("recovery-list"):
            for code in codes:
                with ui.element("li"):
                    ui.label(code).classes("text-mono text-body1").mark("recovery-code")
        text = "\n".join(codes) + "\n"
        with ui.row().classes("gap-2 no-print"):
            ui.button(messages.RECOVERY_COPY, icon="content_copy", on_click=lambda: _copy(text)).props(
                "outline no-caps"
            ).mark("copy-codes")
            ui.button(
                messages.RECOVERY_DOWNLOAD,
                icon="download",
                on_click=lambda: ui.download.content(text, RECOVERY_FILE, "text/plain"),
            ).props("outline no-caps").mark("download-codes")
            ui.button(
                messages.RECOVERY_PRINT, icon="print", on_click=lambda: ui.run_javascript("window.print()")
            ).props("outline no-caps").mark("print-codes")
    ui.add_head_html(_STYLE)


def _copy(text: str) -> None:
    ui.clipboard.write(text)
    ui.notify(messages.COPIED, type="positive")


_STYLE = """
<style>
  .text-mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; letter-spacing: .05em; }
  .totp-secret { overflow-wrap: anywhere; }
  .recovery-list { columns: 2; column-gap: 2rem; margin: 0; padding-left: 1.5rem; }
  @media (max-width: 420px) { .recovery-list { columns: 1; } }
  @media print {
    .q-header, .q-drawer, .no-print, .skip-link { display: none !important; }
    .q-page-container { padding: 0 !important; }
  }
</style>
"""
