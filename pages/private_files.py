"""A file the platform keeps (a pièce, a model) answered to the one person allowed to see it: never cached,
never sniffed into another type, shown in the browser or downloaded under its original name."""

from __future__ import annotations

from pathlib import Path

from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from models import UploadedFile

HEADERS = {"X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store"}


def private_file(
    path: Path, media_type: str, filename: str, *, inline: bool = False, background: BackgroundTask | None = None
) -> FileResponse:
    """`background`: what to do once sent (remove a file made for this answer)."""
    disposition = "inline" if inline else "attachment"
    return FileResponse(
        path,
        media_type=media_type,
        filename=filename,
        content_disposition_type=disposition,
        headers=HEADERS,
        background=background,
    )


def uploaded_file(folder: Path, row: UploadedFile) -> FileResponse:
    """A candidate's pièce, opened in the browser (PDF viewer, image)."""
    return private_file(folder / row.stored_name, row.content_type, row.original_name, inline=True)
