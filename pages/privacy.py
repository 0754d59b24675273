"""« Données personnelles »: the notice the CNIL asks for (controller, purposes, recipients, retention, rights,
the DPO's address), and for a signed-in candidate their rights at hand: a copy of their data, the erasure of
their account (services/personal_data.py)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from fastapi import HTTPException, Request
from fastapi.responses import FileResponse
from nicegui import app, run, ui
from starlette.background import BackgroundTask

from components.account_dialogs import deletion_dialog
from components.banner import banner
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.personal_data import kept_message
from ecandidat_ui.services.sessions import SessionEnded
from ecandidat_ui.web_session import SignedIn
from pages.layout import file_statuses, page_frame
from pages.private_files import private_file

PATH = "/donnees-personnelles"
COPY_PATH = "/compte/mes-donnees.zip"


def register(platform: Platform) -> None:
    @ui.page(PATH)
    async def privacy_page() -> None:
        values = await run.io_bound(platform.parameters.current)
        me = platform.session_cookie.signed_in()
        account = me.account if me else None
        statuses = await file_statuses(platform, account)
        erasure = await run.io_bound(platform.personal_data.erasure, me.session_id) if me else None
        with page_frame(platform, messages.PRIVACY_TITLE, PATH, account, statuses=statuses):
            _notice(platform, values)
            if me is not None:
                _my_data(platform, me, erasure)

    @app.get(COPY_PATH)
    def copy(request: Request) -> FileResponse:
        """The signed-in candidate's data as a ZIP, written to a temporary file removed once sent."""
        me = platform.session_cookie.of_request(request)
        if me is None:
            raise HTTPException(status_code=404)
        descriptor, name = tempfile.mkstemp(prefix="ecandidat-copie-", suffix=".zip")  # private (0600)
        os.close(descriptor)
        target = Path(name)
        try:
            filename = platform.personal_data.write_copy(me.session_id, target)
        except BaseException as error:
            target.unlink(missing_ok=True)
            if isinstance(error, SessionEnded):
                raise HTTPException(status_code=404) from None
            raise
        return private_file(target, "application/zip", filename, background=BackgroundTask(target.unlink))


def _notice(platform: Platform, values) -> None:
    settings = platform.settings
    filled = {
        **settings.institution_values,
        "unvalidated_days": values.unvalidated_account_days,
        "retention_years": values.retention_years,
        "dpo": values.dpo_mail,
    }
    with ui.card().classes("w-full p-4 sm:p-6 gap-2").props('role="region"') as notice:
        notice.props["aria-label"] = messages.DATA_PROTECTION_SHORT
        for title, text in messages.PRIVACY_SECTIONS:
            ui.label(title).classes("text-h6").props('role="heading" aria-level="2"')
            ui.label(text.format(**filled)).classes("text-body1").mark("privacy-section")
        ui.link(values.dpo_mail, f"mailto:{values.dpo_mail}").classes("text-primary text-body1").mark("privacy-dpo")


def _my_data(platform: Platform, me: SignedIn, erasure) -> None:
    with ui.card().classes("w-full p-4 sm:p-6 gap-3").props('role="region" aria-labelledby="mes-donnees"'):
        ui.label(messages.PRIVACY_MY_DATA).classes("text-h6").props('role="heading" aria-level="2" id="mes-donnees"')
        ui.label(messages.PRIVACY_MY_DATA_INTRO).classes("text-body1")
        with ui.row().classes("gap-2"):
            ui.button(
                messages.PRIVACY_DOWNLOAD,
                icon="download",
                on_click=lambda: ui.download.from_url(COPY_PATH),
            ).props("outline no-caps").mark("privacy-download")
            if erasure.allowed:
                ui.button(
                    messages.PRIVACY_DELETE,
                    icon="delete_forever",
                    on_click=lambda: _ask_deletion(platform, me),
                ).props("outline no-caps color=negative").mark("privacy-delete")
        if not erasure.allowed:
            banner(kept_message(erasure), "info", marker="privacy-kept")


def _ask_deletion(platform: Platform, me: SignedIn) -> None:
    async def delete(values: dict[str, str]) -> None:
        await run.io_bound(platform.personal_data.delete_account, me.session_id, values["login"])
        platform.session_cookie.sign_out("/?info=account_deleted")

    deletion_dialog(me.account.login, delete).open()
