"""Exports of the gestion's candidatures (BACKOFFICE §3): « Exporter » the table as an XLSX, « Dossiers (ZIP) »
of the rows ticked, « Télécharger le dossier » of one candidature.

The work runs off the event loop (services/candidature_export.py, services/dossiers.py) with its progress shown
in a dialog; the file made is then downloaded from /gestion/fichiers/exports/<token>/<name>, which gives it only
to the staff member who made it, signed in. A dossier is made at each request of
/gestion/fichiers/dossier/<candidature>/dossier.pdf, for a staff session with the right on that candidature.
Anyone else gets 404, as for the pièces' files (candidature_window.py).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace

from fastapi import HTTPException, Request
from fastapi.responses import FileResponse
from nicegui import app, run, ui
from nicegui.elements.mixins.text_element import TextElement
from starlette.background import BackgroundTask

from components.progress_dialog import ProgressDialog
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.candidature_export import DEFAULT_GROUPS, GROUPS
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.export_files import ExportFile
from ecandidat_ui.services.rights import Actor
from ecandidat_ui.services.staff import StaffSessionEnded
from pages.private_files import private_file

log = logging.getLogger(__name__)

EXPORTS_PATH = "/gestion/fichiers/exports"
DOSSIER_PATH = "/gestion/fichiers/dossier"
PDF_TYPE = "application/pdf"


def register(platform: Platform) -> None:
    @app.get(EXPORTS_PATH + "/{token}/{filename}")
    def export_file(request: Request, token: str, filename: str) -> FileResponse:
        """An export, for the staff member who made it, signed in; 404 for anyone else."""
        actor = _staff_of(platform, request)
        try:
            found: ExportFile = platform.export_files.claim(actor.id, token)
        except Refused:
            raise HTTPException(status_code=404) from None
        return private_file(found.path, found.media_type, found.filename)

    @app.get(DOSSIER_PATH + "/{candidature_id}/dossier.pdf")
    def dossier_file(request: Request, candidature_id: str) -> FileResponse:
        """The dossier of a candidature as one PDF, for a staff member who may see it; 404 for anyone else.
        Made in a private temporary file (FastAPI runs this in a thread), removed once sent."""
        actor = _staff_of(platform, request)
        path = platform.export_files.new_path(".pdf")
        try:
            with path.open("wb") as out:
                name = platform.dossiers.dossier(actor, candidature_id, out)
        except Refused:
            path.unlink(missing_ok=True)
            raise HTTPException(status_code=404) from None
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return private_file(path, PDF_TYPE, name, background=BackgroundTask(path.unlink, missing_ok=True))


def _staff_of(platform: Platform, request: Request) -> Actor:
    found = platform.staff_cookie.of_request(request)
    if found is None:
        raise HTTPException(status_code=404)
    try:
        return platform.staff.actor_for(found.session_id)
    except (Refused, StaffSessionEnded):
        raise HTTPException(status_code=404) from None


def dossier_link(candidature_id: int) -> None:
    """« Télécharger le dossier » of the candidature window: a link the browser downloads (the route checks)."""
    link = ui.link(messages.DOSSIER_DOWNLOAD, f"{DOSSIER_PATH}/{int(candidature_id)}/dossier.pdf")
    link.classes("text-primary text-body1").mark("dossier-download")
    link.props["download"] = True


class _Progress:
    """How far the work in a thread got, read by the page's timer on the event loop."""

    def __init__(self) -> None:
        self.done, self.total = 0, 0

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total


async def _run_with_progress(dialog: ProgressDialog, text: str, work: Callable[[_Progress], object]) -> object:
    """`work(progress)` off the event loop, the dialog's bar following it; the result, or None once a refusal or
    a failure was said in the dialog."""
    progress = _Progress()
    dialog.running()
    timer = ui.timer(0.3, lambda: dialog.progress(progress.done, progress.total, text.format(**vars(progress))))
    try:
        return await run.io_bound(work, progress)
    except Refused as refused:
        dialog.failed(refused.message)
    except InvalidInput as invalid:
        dialog.failed(next(iter(invalid.errors.values())))
    except asyncio.CancelledError:
        raise
    except Exception:
        log.exception("an export failed")
        dialog.failed(messages.EXPORT_FAILED)
    finally:
        timer.cancel()
    return None


async def open_export(platform: Platform, actor: Actor, scope: str, query, container: ui.element) -> None:
    """« Exporter »: the column groups to tick, then the XLSX of the table's rows (every page) for `query`. The
    dialog is made in `container` (emptied first)."""
    query = replace(query, page=1)
    try:
        count = await run.io_bound(platform.candidature_export.count, actor, scope, query)
    except Refused as refused:
        ui.notify(refused.message, type="negative")
        return
    ticked = {group: group in DEFAULT_GROUPS for group in GROUPS}
    container.clear()

    async def start() -> None:
        chosen = [group for group, on in ticked.items() if on]
        none_ticked.set_visibility(not chosen)
        if not chosen:
            return
        result = await _run_with_progress(
            dialog,
            messages.EXPORT_PROGRESS,
            lambda progress: platform.candidature_export.xlsx(actor, scope, query, chosen, progress),
        )
        if result is not None:
            url = f"{EXPORTS_PATH}/{result.token}/{result.filename}"
            dialog.finished(messages.EXPORT_READY.format(count=result.count), url, messages.EXPORT_DOWNLOAD)
            ui.download.from_url(url)

    with container:
        dialog = ProgressDialog(
            messages.EXPORT_TITLE,
            messages.EXPORT_INTRO.format(count=count),
            start_label=messages.EXPORT_START,
            on_start=start,
            close_label=messages.EXPORT_CLOSE,
            marker="export",
        )
    with dialog.options:
        with ui.element("fieldset").classes("export-groups"):
            TextElement(tag="legend", text=messages.EXPORT_GROUPS).classes("text-subtitle2")
            with ui.row().classes("gap-x-4 gap-y-0"):
                for group, label in messages.EXPORT_GROUP_LABELS.items():
                    box = ui.checkbox(label, value=ticked[group]).mark(f"export-group-{group}")
                    box.on_value_change(lambda event, g=group: ticked.__setitem__(g, bool(event.value)))
            none_ticked = ui.label(messages.EXPORT_NO_GROUP).classes("text-negative text-body2")
            none_ticked.props('role="alert"')
            none_ticked.mark("export-no-group")
            none_ticked.set_visibility(False)
    ui.add_css(EXPORT_CSS)
    dialog.open()


async def open_zip(platform: Platform, actor: Actor, selected: list[int], container: ui.element) -> None:
    """« Dossiers (ZIP) » of the rows ticked: one PDF per candidature, in a ZIP made off the event loop."""
    if not selected:
        ui.notify(messages.REVIEW_NOTHING_SELECTED, type="warning")
        return
    container.clear()

    async def start() -> None:
        result = await _run_with_progress(
            dialog,
            messages.DOSSIER_ZIP_PROGRESS,
            lambda progress: platform.dossiers.zip(actor, selected, progress),
        )
        if result is not None:
            url = f"{EXPORTS_PATH}/{result.token}/{result.filename}"
            text = messages.DOSSIER_ZIP_READY.format(count=result.count)
            if result.skipped:
                text += " " + messages.DOSSIER_ZIP_SKIPPED.format(count=len(result.skipped))
            dialog.finished(text, url, messages.EXPORT_DOWNLOAD)
            ui.download.from_url(url)

    with container:
        dialog = ProgressDialog(
            messages.DOSSIER_ZIP_TITLE,
            messages.DOSSIER_ZIP_INTRO.format(count=len(selected)),
            start_label=messages.DOSSIER_ZIP_START,
            on_start=start,
            close_label=messages.EXPORT_CLOSE,
            marker="zip",
        )
    dialog.open()


EXPORT_CSS = """
.export-groups { border: 1px solid #d1d5db; border-radius: 0.5rem; padding: 0.25rem 0.75rem 0.5rem; }
"""
