"""The dossier of a candidature as one PDF — its récapitulatif, then every pièce sent (a PDF's pages appended, a
PNG or JPEG on a page of its own) — and a ZIP of the dossiers of a selection (BACKOFFICE §3 « dossiers »).

Each is for a staff member who may see the candidature (VIEW_CANDIDATURES on its commission), checked here at
each call. A pièce that cannot be joined (damaged, encrypted, not what its type says) gets a page saying so,
instead of failing the whole dossier. The ZIP is written to a file one dossier at a time: at most one dossier is
in memory, whatever the selection (≤ BULK_MAX).
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PIL import Image
from pypdf import PdfReader, PdfWriter

from ecandidat_ui import messages, pdf
from ecandidat_ui.services.candidature_table import CandidatureTableService, StaffCandidature
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.export_files import ExportFiles
from ecandidat_ui.services.review import BULK_MAX
from ecandidat_ui.services.rights import Actor
from ecandidat_ui.settings import Settings

log = logging.getLogger(__name__)

ZIP_TYPE = "application/zip"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ZipResult:
    token: str
    filename: str
    count: int
    skipped: list[int] = field(default_factory=list)  # ids unknown or out of the actor's rights


def dossier_name(data: StaffCandidature) -> str:
    """« dossier-<N° dossier>-<code formation>.pdf », with only safe characters."""
    code = _UNSAFE.sub("_", data.view.formation.code).strip("_") or "formation"
    return f"dossier-{_UNSAFE.sub('_', data.account.login)}-{code}.pdf"


class DossierService:
    def __init__(self, settings: Settings, table: CandidatureTableService, files: ExportFiles) -> None:
        self.settings = settings
        self.table = table
        self.files = files

    def dossier(self, actor: Actor | int, candidature_id: object, out: io.IOBase) -> str:
        """Write the dossier's PDF to `out` and return its file name; Refused for who may not see it."""
        data = self.table.candidature(actor, candidature_id)
        self._write(data, out)
        return dossier_name(data)

    def zip(self, actor: Actor, candidature_ids: Iterable[object], progress: Progress | None = None) -> ZipResult:
        """A ZIP of the dossiers of the candidatures ticked (≤ BULK_MAX), kept for the actor to download; those
        unknown or out of the actor's rights are left out and listed."""
        ids = list(dict.fromkeys(candidature_ids))
        if not ids:
            raise Refused(messages.REVIEW_NOTHING_SELECTED)
        if len(ids) > BULK_MAX:
            raise Refused(messages.DOSSIER_TOO_MANY.format(max=BULK_MAX))
        progress = progress or (lambda done, total: None)
        path = self.files.new_path(".zip")
        skipped: list[int] = []
        names: set[str] = set()
        try:
            with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as archive:
                progress(0, len(ids))
                for done, candidature_id in enumerate(ids, start=1):
                    try:
                        data = self.table.candidature(actor, candidature_id)
                    except Refused:
                        skipped.append(candidature_id)
                    else:
                        name = _unique(dossier_name(data), names)
                        with archive.open(name, "w", force_zip64=True) as entry:
                            self._write(data, entry)
                    progress(done, len(ids))
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        filename = f"dossiers-{datetime.now():%Y%m%d-%H%M}.zip"
        count = len(ids) - len(skipped)
        return ZipResult(self.files.register(actor.id, path, filename, ZIP_TYPE), filename, count, skipped)

    def _write(self, data: StaffCandidature, out) -> None:
        view, account = data.view, data.account
        writer = PdfWriter()
        recap = pdf.recapitulatif(self.settings.institution_name, account, data.file, view)
        writer.append(PdfReader(io.BytesIO(recap)))
        writer.add_outline_item(title="Récapitulatif", page_number=0)
        for piece in view.pieces:
            if piece.file is None:
                continue
            first_page = len(writer.pages)
            self._append_piece(writer, piece.piece.label, piece.file)
            writer.add_outline_item(title=piece.piece.label, page_number=first_page)
        writer.add_metadata({"/Title": f"Dossier {account.login} - {view.formation.code}"})
        if out.seekable():
            writer.write(out)
        else:  # a ZIP entry cannot seek: pypdf writes to memory first (one dossier at a time)
            buffer = io.BytesIO()
            writer.write(buffer)
            out.write(buffer.getbuffer())

    def _append_piece(self, writer: PdfWriter, label: str, file) -> None:
        title = messages.DOSSIER_PIECE_TITLE.format(label=label)
        subtitle = messages.DOSSIER_PIECE_FILE.format(name=file.original_name)
        path = self.settings.uploads_dir / file.stored_name
        try:
            if file.content_type == "application/pdf":
                reader = PdfReader(path)
                if reader.is_encrypted or not reader.pages:
                    raise ValueError("encrypted or empty")
                pages_before = len(writer.pages)
                try:
                    writer.append(reader)
                except Exception:
                    while len(writer.pages) > pages_before:  # no half-joined file
                        writer.remove_page(len(writer.pages) - 1)
                    raise
                return
            if file.content_type in ("image/png", "image/jpeg"):
                with Image.open(path) as image:
                    image.verify()
                page = pdf.piece_page(title, subtitle, image=path)
                writer.append(PdfReader(io.BytesIO(page)))
                return
        except Exception:  # a file the candidate sent: damaged or hostile, never a failed dossier
            log.info("a pièce (%s) could not be joined to a dossier", file.stored_name, exc_info=True)
        page = pdf.piece_page(title, subtitle, note=messages.DOSSIER_PIECE_UNREADABLE)
        writer.append(PdfReader(io.BytesIO(page)))


def _unique(name: str, taken: set[str]) -> str:
    stem, suffix = Path(name).stem, Path(name).suffix
    found, number = name, 1
    while found in taken:
        number += 1
        found = f"{stem}-{number}{suffix}"
    taken.add(found)
    return found
