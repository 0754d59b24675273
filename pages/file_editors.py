"""Editors of the tabs of « Mon compte »: a single form, or a list of entries edited in dialogs.

Whatever is typed is kept as a server-side draft until saved or discarded, so a reload or a dropped
connection loses nothing; a save from an outdated page shows both versions instead of overwriting.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from nicegui import background_tasks, run, ui

from components.file_form import FieldSpec, FileForm, Values
from components.modal import Modal
from ecandidat_ui import messages
from ecandidat_ui.services.candidate_file import CandidateFileService, Conflict
from ecandidat_ui.services.errors import InvalidInput, Refused

SaveCall = Callable[[Values, int], Any]  # (values, expected version) → saved row


class DraftWriter:
    """Writes the newest typed values off the event loop, one write at a time, skipping outdated ones."""

    def __init__(self, service: CandidateFileService, actor: str, key: str) -> None:
        self.service, self.actor, self.key = service, actor, key
        self.pending: tuple[Values, int] | None = None
        self.writing = False

    def push(self, values: Values, base_version: int) -> None:
        self.pending = (values, base_version)
        if not self.writing:
            self.writing = True
            # in the client's context, so that a session ended meanwhile sends the tab to sign in again
            background_tasks.create(self._write(), name="draft", context=ui.context.client)

    async def settle(self) -> None:
        """Drop what is not written yet and wait for the write under way: the save itself ends the draft."""
        self.pending = None
        while self.writing:
            await asyncio.sleep(0.01)

    async def _write(self) -> None:
        try:
            while self.pending is not None:
                (values, version), self.pending = self.pending, None
                await run.io_bound(self.service.save_draft, self.actor, self.key, values, version)
        finally:
            self.writing = False


class SingleTabEditor:
    def __init__(
        self,
        service: CandidateFileService,
        actor: str,
        key: str,
        specs: list[FieldSpec],
        saved: Values,
        version: int,
        save: SaveCall,
        on_saved: Callable[[], None],
        *,
        locked_hint: str = "",
    ) -> None:
        self.service, self.actor, self.key, self.specs, self.save_call = service, actor, key, specs, save
        self.on_saved = on_saved
        self.drafts = DraftWriter(service, actor, key)
        self.version = version
        self.dirty = False
        draft = service.draft(actor, key)
        values = dict(saved)
        if draft is not None:
            values.update(draft.values)
            self.version, self.dirty = draft.base_version, True
            with (
                ui.row()
                .classes("w-full items-center gap-3 p-3 rounded bg-blue-1 text-blue-10 no-wrap")
                .props('role="status"') as self.draft_banner
            ):
                ui.icon("restore").props('aria-hidden="true"')
                ui.label(messages.DRAFT_RESTORED).classes("text-body2 grow").mark("draft-restored")
                ui.button(messages.FILE_ABANDONNER_MA_SAISIE, on_click=self.discard).props("flat").mark("discard-draft")
        self.conflict_box = ui.column().classes("w-full")
        with ui.card().classes("w-full p-4 sm:p-6"):
            self.form = FileForm(specs, values, on_change=self.changed, locked_hint=locked_hint)
            with ui.row().classes("w-full justify-end pt-2"):
                self.save_button = ui.button(messages.EDITOR_SAVE, icon="save", on_click=self.save).mark("save-tab")

    def changed(self, values: Values) -> None:
        self.dirty = True
        warn_before_leaving(True)
        self.drafts.push(_jsonable(values), self.version)

    async def save(self, *, version: int | None = None) -> bool:
        self.form.show_errors({})
        self.save_button.props("loading")
        await self.drafts.settle()
        try:
            row = await run.io_bound(self.save_call, self.form.values(), self.version if version is None else version)
        except InvalidInput as error:
            self.form.show_errors(error.errors)
            ui.notify(messages.FILE_CERTAINS_CHAMPS_SONT_A_CORRIGER, type="warning")
            return False
        except Conflict as conflict:
            self._show_conflict(conflict)
            return False
        except Refused as refused:
            ui.notify(refused.message, type="negative", multi_line=True)
            return False
        finally:
            self.save_button.props(remove="loading")
        self.version, self.dirty = row.version, False
        warn_before_leaving(False)
        self.on_saved()
        return True

    async def discard(self) -> None:
        await run.io_bound(self.service.discard_draft, self.actor, self.key)
        warn_before_leaving(False)
        ui.navigate.reload()

    def _show_conflict(self, conflict: Conflict) -> None:
        self.conflict_box.clear()
        with self.conflict_box, ui.card().classes("w-full p-4 bg-amber-1").props('role="alert"').mark("conflict"):
            ui.label(conflict.message).classes("text-body1 text-bold")
            ui.label(messages.FILE_VERSION_ENREGISTREE).classes("text-body2 text-bold pt-2")
            for spec in self.specs:
                if conflict.saved and conflict.saved.get(spec.name) not in (None, "", []):
                    ui.label(f"{spec.label.rstrip(' *')} : {_shown(spec, conflict.saved[spec.name])}").classes(
                        "text-body2"
                    )
            with ui.row().classes("gap-2 pt-2"):
                saved_version = int((conflict.saved or {}).get("version") or 0)
                ui.button(
                    messages.FILE_GARDER_MA_SAISIE, icon="edit", on_click=lambda: self.save(version=saved_version)
                ).mark("keep-mine")
                ui.button(messages.FILE_REPRENDRE_LA_VERSION_ENREGISTREE, icon="history", on_click=self.discard).props(
                    "outline"
                ).mark("take-saved")


def _shown(spec: FieldSpec, value: object) -> str:
    if spec.kind == "search" and spec.label_of:
        return spec.label_of(str(value))
    if isinstance(spec.options, dict):
        return str(spec.options.get(value, value))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _jsonable(values: Values) -> Values:
    return {
        key: (value if isinstance(value, (str, int, float, bool, list, type(None))) else str(value))
        for key, value in values.items()
    }


# With unsaved changes, a reload or closing the tab makes the browser ask; a link of this site (the menu, the tab
# chips, the header) is held and sent to the page as the event « ecandidat_leave », which asks in our words
# (LeaveGuard in pages/account.py) as « Précédent » and « Suivant » do.
UNSAVED_ON = """
window.onbeforeunload = (e) => { e.preventDefault(); e.returnValue = ''; };
window.ecandidatUnsaved = true;
if (!window.ecandidatLeaveGuard) {
  window.ecandidatLeaveGuard = true;
  document.addEventListener('click', (e) => {
    if (!window.ecandidatUnsaved || e.defaultPrevented || e.button !== 0) return;
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    const link = e.target.closest('a[href]');
    if (!link || link.target === '_blank' || link.origin !== location.origin) return;
    if (link.getAttribute('href').startsWith('#')) return;
    e.preventDefault();
    e.stopPropagation();
    emitEvent('ecandidat_leave', link.pathname + link.search);
  }, true);
}
"""
UNSAVED_OFF = "window.onbeforeunload = null; window.ecandidatUnsaved = false;"


def warn_before_leaving(on: bool) -> None:
    """Whether leaving the page asks first (see UNSAVED_ON)."""
    ui.run_javascript(UNSAVED_ON if on else UNSAVED_OFF)


class EntryDialog:
    """Add or change one entry of a list tab, in a dialog, with its own draft."""

    def __init__(
        self,
        service: CandidateFileService,
        actor: str,
        key: str,
        title: str,
        specs: list[FieldSpec],
        saved: Values,
        version: int,
        save: SaveCall,
        on_saved: Callable[[], None],
    ) -> None:
        self.service, self.actor, self.key, self.save_call = service, actor, key, save
        self.version, self.on_saved = version, on_saved
        self.drafts = DraftWriter(service, actor, key)
        draft = service.draft(actor, key)
        values = {**saved, **(draft.values if draft else {})}
        self.dialog = Modal().props("persistent")
        self.dialog.props["aria-labelledby"] = f"titre-{key}"
        with self.dialog, ui.card().classes("w-[44rem] max-w-full p-4 sm:p-6 gap-3"):
            heading = ui.label(title).classes("text-h6").props('role="heading" aria-level="2"')
            heading.props["id"] = f"titre-{key}"
            if draft is not None:
                ui.label(messages.DRAFT_RESTORED).classes("text-body2 text-blue-10").props('role="status"').mark(
                    "draft-restored"
                )
            self.conflict = ui.label().classes("text-body2 text-negative").props('role="alert"')
            self.conflict.set_visibility(False)
            self.form = FileForm(specs, values, on_change=self.changed)
            with ui.row().classes("w-full justify-end gap-2"):
                ui.button(messages.EDITOR_CANCEL, icon="close", on_click=self.cancel).props("flat").mark("cancel")
                self.save_button = ui.button(messages.EDITOR_SAVE, icon="check", on_click=self.save).mark("save-entry")
        self.dialog.open()

    def changed(self, values: Values) -> None:
        self.drafts.push(_jsonable(values), self.version)

    async def cancel(self) -> None:
        await run.io_bound(self.service.discard_draft, self.actor, self.key)
        self.dialog.close()

    async def save(self) -> None:
        self.form.show_errors({})
        self.conflict.set_visibility(False)
        self.save_button.props("loading")
        await self.drafts.settle()
        try:
            await run.io_bound(self.save_call, self.form.values(), self.version)
        except InvalidInput as error:
            self.form.show_errors(error.errors)
            return
        except Refused as refused:
            self.conflict.set_text(refused.message)
            self.conflict.set_visibility(True)
            return
        finally:
            self.save_button.props(remove="loading")
        self.on_saved()  # before closing: the closed dialog is deleted, with the slot navigation would use
        self.dialog.close()
