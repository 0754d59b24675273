"""`/sante`: what a reverse proxy asks every few seconds — is this process up and does its database answer?

Cheap on purpose: one `SELECT 1` off the event loop, no page, no session, nothing written. 200 « ok », or 503
with a French reason (never the database's own error, which names its host and port).
"""

from __future__ import annotations

import logging

from fastapi.responses import JSONResponse
from nicegui import app, run
from sqlalchemy import text

from ecandidat_ui.platform import Platform

log = logging.getLogger(__name__)
PATH = "/sante"


def register(platform: Platform) -> None:
    @app.get(PATH, include_in_schema=False)
    async def health() -> JSONResponse:
        try:
            await run.io_bound(_database_answers, platform)
        except Exception:
            log.warning("health check: the database does not answer", exc_info=True)
            return _answer(503, "indisponible", "la base de données ne répond pas")
        return _answer(200, "ok", "")


def _database_answers(platform: Platform) -> None:
    with platform.db.engine.connect() as connection:
        connection.execute(text("SELECT 1"))


def _answer(status: int, state: str, reason: str) -> JSONResponse:
    body = {"etat": state} | ({"raison": reason} if reason else {})
    return JSONResponse(body, status_code=status, headers={"Cache-Control": "no-store"})
