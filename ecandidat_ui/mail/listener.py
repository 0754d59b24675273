"""On PostgreSQL, wakes this process's mail sender when any process commits a mail (outbox.CHANNEL's NOTIFY),
instead of leaving the mail to the sender's next poll.

One dedicated connection per process, outside the engine's pool (a pooled connection would be handed to others
and lose its LISTEN), driven by psycopg's asyncio API so that waiting never blocks the event loop. A heartbeat
query every HEARTBEAT seconds finds a connection that died silently; when the connection is lost (PostgreSQL
restarted, the backend terminated, the network cut), it reconnects with a growing wait and wakes the sender once
it listens again: a mail committed meanwhile sent no notification anyone heard.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import psycopg
from sqlalchemy import URL

from ecandidat_ui.mail.outbox import CHANNEL

log = logging.getLogger(__name__)
APPLICATION_NAME = "ecandidat outbox listener"  # how the connection shows in pg_stat_activity
HEARTBEAT = 30.0  # seconds without a notification before the connection is checked
RECONNECT_WAITS = (0.5, 1.0, 2.0, 5.0, 10.0, 30.0)  # seconds, after 1, 2, 3… failed connections in a row


def connection_arguments(url: URL) -> dict[str, object]:
    """psycopg's keywords for the engine's URL (its query, e.g. sslmode, included)."""
    arguments = url.translate_connect_args(username="user", database="dbname")
    arguments.update({name: value for name, value in url.query.items() if isinstance(value, str)})
    return arguments


class OutboxListener:
    def __init__(self, url: URL, wake: Callable[[], None], *, heartbeat: float = HEARTBEAT) -> None:
        self.arguments = connection_arguments(url)
        self.wake = wake
        self.heartbeat = heartbeat

    async def run(self) -> None:
        """Listen for ever (until cancelled), reconnecting after any failure."""
        failures = 0
        while True:
            try:
                async with await psycopg.AsyncConnection.connect(
                    **self.arguments, autocommit=True, application_name=APPLICATION_NAME, connect_timeout=10
                ) as connection:
                    await connection.execute(f"LISTEN {CHANNEL}")
                    if failures:
                        log.info("the outbox listener listens again after %s failed tries", failures)
                    failures = 0
                    self.wake()  # what was committed while nobody listened
                    await self._listen(connection)
            except (psycopg.Error, OSError) as error:
                wait = RECONNECT_WAITS[min(failures, len(RECONNECT_WAITS) - 1)]
                failures += 1
                # one line; the error names the server, never a password: psycopg leaves it out of its messages
                reason = " ".join(str(error).split())
                log.warning("the outbox listener lost PostgreSQL (%s); trying again in %.1f s", reason, wait)
                await asyncio.sleep(wait)
            except Exception:  # a bug: logged, and listening goes on
                log.exception("the outbox listener failed; trying again in 30 s")
                await asyncio.sleep(RECONNECT_WAITS[-1])

    async def _listen(self, connection: psycopg.AsyncConnection) -> None:
        while True:
            async for _notification in connection.notifies(timeout=self.heartbeat):
                self.wake()
            await connection.execute("SELECT 1")  # raises when the connection is gone
