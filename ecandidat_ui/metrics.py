"""What the platform tells Prometheus (prometheus-client): counters the services move, histograms the web layer
fills (pages/metrics.py), and the outbox read from the database at scrape time.

Everything lives in prometheus-client's default registry, beside its process metrics (memory, CPU, open files)
and the collector's (gc): each process exposes its own figures, Prometheus adds the processes up.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from prometheus_client import REGISTRY, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import func
from sqlmodel import col, select

from ecandidat_ui.db import Database
from models import OutboxMail
from models.clock import utcnow

log = logging.getLogger(__name__)

CANDIDATE = "candidat"
STAFF = "gestion"

SIGN_IN_FAILURES = Counter(
    "ecandidat_sign_in_failures",
    "Sign-ins refused: an unknown login, a wrong password or code (wrong), or too many tries (throttled)",
    ["space", "reason"],
)
MAIL_FAILURES = Counter("ecandidat_mail_send_failures", "Tries to send a mail that the mail server refused or missed")
PAGE_SECONDS = Histogram(
    "ecandidat_page_build_seconds",
    "Time from a page's request to its response, by the page's route (its template, never ids)",
    ["route"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
EVENT_SECONDS = Histogram(
    "ecandidat_event_handling_seconds",
    "Time the event loop spends dispatching one browser event (an async handler's awaited work not included)",
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0),
)


def sign_in_failed(space: str, reason: str = "wrong") -> None:
    SIGN_IN_FAILURES.labels(space=space, reason=reason).inc()


class OutboxCollector(Collector):
    """The mails waiting to leave, read with one query on the unsent rows (sent_at is indexed) at each scrape."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def collect(self) -> Iterator[GaugeMetricFamily]:
        up = GaugeMetricFamily("ecandidat_database_up", "1 when this process could read the outbox at this scrape")
        try:
            waiting, oldest, failing = self._read()
        except Exception as error:  # the database away: say so, and keep the other metrics
            log.warning("metrics: the outbox could not be read (%s)", type(error).__name__)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield GaugeMetricFamily("ecandidat_outbox_waiting", "Mails not sent yet", value=waiting)
        yield GaugeMetricFamily(
            "ecandidat_outbox_waiting_after_failure", "Mails not sent yet whose last try failed", value=failing
        )
        age = (utcnow() - oldest).total_seconds() if oldest is not None else 0.0
        yield GaugeMetricFamily(
            "ecandidat_outbox_oldest_waiting_seconds", "Age of the oldest mail not sent yet (0: none)", value=age
        )

    def _read(self):
        with self.db.session() as session:
            return session.exec(
                select(func.count(), func.min(OutboxMail.created_at), func.count(OutboxMail.last_error)).where(
                    col(OutboxMail.sent_at).is_(None)
                )
            ).one()


_outbox: OutboxCollector | None = None


def watch_outbox(db: Database) -> None:
    """Read this database's outbox at each scrape (once per process: a second call replaces the first)."""
    global _outbox
    if _outbox is not None:
        REGISTRY.unregister(_outbox)
    _outbox = OutboxCollector(db)
    REGISTRY.register(_outbox)
