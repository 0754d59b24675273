"""Sends the outbox: through SMTP with `emails` when a host is set, else as .eml files in the data folder.

A mail is claimed before sending so that several processes never send it twice (a conditional UPDATE that
also checks it was not sent meanwhile; on PostgreSQL the due rows are first locked with SKIP LOCKED so that two
senders never wait on each other), marked sent once the server accepted it, and tried again with an
exponential back-off when it failed. While mails wait on a long back-off, the oldest is tried every minute
(PROBE): once the server answers again, every waiting mail is due at once, not after an hour. The sender
itself survives anything (a database outage, a bug): it logs, waits and goes on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Callable
from datetime import timedelta
from urllib.parse import urlsplit

import emails
from emails.backend.smtp import SMTPBackend
from sqlmodel import col, or_, select, update

from ecandidat_ui import data_folder, metrics
from ecandidat_ui.db import Database
from ecandidat_ui.mail import outbox
from ecandidat_ui.mail.listener import OutboxListener
from ecandidat_ui.settings import Settings
from models import OutboxMail
from models.clock import utcnow

log = logging.getLogger(__name__)
LINK = re.compile(r"https?://[^\s<>\"']+")
CLAIM = timedelta(minutes=5)
BATCH = 20
PROBE = timedelta(minutes=1)
FAULT_WAITS = (1.0, 2.0, 5.0, 10.0, 30.0)  # seconds, after the sender's own loop failed 1, 2, 3… times


class MailSender:
    def __init__(
        self,
        db: Database,
        settings: Settings,
        *,
        retry_base_delay: float = 30.0,
        probe_every: timedelta = PROBE,
        attachments: Callable[[str], tuple[str, bytes] | None] = lambda _reference: None,
    ) -> None:
        self.db = db
        self.settings = settings
        self.attachments = attachments  # an OutboxMail.attachment → (file name, PDF bytes), or None
        self.retry_base_delay = retry_base_delay
        self.probe_every = probe_every
        self._claims: dict[int, object] = {}  # mail id → the claim this sender holds on it
        self._wake = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._unsubscribe = lambda: None
        self._last_probe = utcnow()

    async def run(self, poll_seconds: float = 30.0) -> None:
        """Send what is due, then sleep until a new mail is committed (in this process, or in any process on
        PostgreSQL: mail/listener.py) or the next retry is due; a failure of the loop itself (the database down…)
        is logged and the loop goes on after a short wait, for ever."""
        self._loop = asyncio.get_running_loop()
        self._unsubscribe = outbox.on_new_mail(self.wake, self.db.engine)
        listening = None
        if self.db.engine.dialect.name == "postgresql":
            listening = asyncio.create_task(OutboxListener(self.db.engine.url, self.wake).run(), name="outbox listener")
        faults = 0
        try:
            while True:
                self._wake.clear()
                try:
                    await asyncio.to_thread(self.send_due)
                    delay = await asyncio.to_thread(self._seconds_to_next_due, poll_seconds)
                    faults = 0
                except Exception:
                    delay = FAULT_WAITS[min(faults, len(FAULT_WAITS) - 1)]
                    faults += 1
                    log.exception("the mail sender failed (%s in a row); trying again in %.0f s", faults, delay)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=delay)
        finally:
            self._unsubscribe()
            if listening is not None:
                listening.cancel()

    def wake(self) -> None:
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._wake.set)

    def send_due(self) -> int:
        """Send every mail that is due now (and, once a minute, the oldest one waiting on its back-off: the
        probe); returns how many were accepted."""
        sent = 0
        claimed = self._claim_due()
        probing = not claimed and utcnow() - self._last_probe >= self.probe_every
        if probing:
            self._last_probe = utcnow()
            claimed = self._claim_due(probe=True)
        for mail in claimed:
            sent += self._send_one(mail)
        if probing and sent:
            self._server_is_back()
        return sent

    def _claim_due(self, *, probe: bool = False) -> list[OutboxMail]:
        """The mails due now, claimed for this sender; `probe`: the one waiting longest on its back-off."""
        now = utcnow()
        free = or_(col(OutboxMail.claimed_until).is_(None), col(OutboxMail.claimed_until) < now)
        with self.db.session() as session:
            query = select(OutboxMail).where(col(OutboxMail.sent_at).is_(None), free)
            if probe:
                query = query.order_by(col(OutboxMail.next_attempt_at)).limit(1)
            else:
                query = query.where(OutboxMail.next_attempt_at <= now).order_by(col(OutboxMail.id)).limit(BATCH)
            if self.db.engine.dialect.name == "postgresql":
                query = query.with_for_update(skip_locked=True)  # another sender's rows: skipped, not waited for
            claimed = []
            for mail in session.exec(query).all():
                result = session.exec(
                    update(OutboxMail)
                    .where(col(OutboxMail.id) == mail.id, col(OutboxMail.sent_at).is_(None), free)
                    .values(claimed_until=now + CLAIM)
                )
                if result.rowcount == 1:
                    claimed.append(mail)
                    self._claims[mail.id] = now + CLAIM
            return claimed

    def _still_mine(self, mail: OutboxMail) -> bool:
        """Right before sending: not sent meanwhile, and the claim is still this sender's (a sender stalled past
        its claim finds another one took the mail over, and does not send it a second time)."""
        claim = self._claims.pop(mail.id, None)
        with self.db.session() as session:
            result = session.exec(
                update(OutboxMail)
                .where(
                    col(OutboxMail.id) == mail.id,
                    col(OutboxMail.sent_at).is_(None),
                    col(OutboxMail.claimed_until) == claim,
                )
                .values(claimed_until=utcnow() + CLAIM)
            )
            return result.rowcount == 1

    def _server_is_back(self) -> None:
        """The probe went through: every mail waiting on a back-off is due now."""
        with self.db.session() as session:
            session.exec(
                update(OutboxMail)
                .where(col(OutboxMail.sent_at).is_(None), OutboxMail.next_attempt_at > utcnow())
                .values(next_attempt_at=utcnow())
            )
        log.info("the mail server answers again: the mails waiting are sent now")
        self.wake()

    def _send_one(self, mail: OutboxMail) -> bool:
        if not self._still_mine(mail):
            log.info("mail %s was taken over by another sender: not sent from here", mail.id)
            return False
        try:
            self._deliver(mail)
        except Exception as error:  # any failure of the transport: keep the mail and try again later
            self._failed(mail, error)
            return False
        with self.db.session() as session:
            row = session.get(OutboxMail, mail.id)
            row.sent_at, row.claimed_until, row.attempts = utcnow(), None, row.attempts + 1
        return True

    def _failed(self, mail: OutboxMail, error: Exception) -> None:
        metrics.MAIL_FAILURES.inc()
        with self.db.session() as session:
            row = session.get(OutboxMail, mail.id)
            row.attempts += 1
            wait = min(self.retry_base_delay * 2 ** (row.attempts - 1), self.settings.mail_retry_max_delay)
            row.next_attempt_at = utcnow() + timedelta(seconds=wait)
            row.claimed_until = None
            row.last_error = f"{type(error).__name__}: {error}"[:500]
        log.warning(
            "mail %s to %s not sent (try %s), next try in %.0f s: %s",
            mail.id,
            mail.to,
            row.attempts,
            wait,
            error,
        )

    def _deliver(self, mail: OutboxMail) -> None:
        message = emails.Message(
            subject=mail.subject,
            text=mail.text,
            html=mail.html,
            mail_from=(self.settings.institution_name, self.settings.mail_from),
            mail_to=mail.to,
        )
        if mail.attachment and (attached := self.attachments(mail.attachment)) is not None:
            name, data = attached
            message.attach(data=data, filename=name, content_disposition="attachment", mime_type="application/pdf")
        if not self.settings.smtp_host:
            path = self.settings.outbox_dir / f"{mail.id:06d}-{mail.template}.eml"
            data_folder.make_folder(path.parent)
            data_folder.write_private(path, message.as_string().encode("utf-8"))
            # The .eml is MIME (base64): its links are logged so that a newcomer without SMTP can follow the
            # validation link. Only here: with an SMTP host, a link carrying a token never reaches the log.
            links = " ".join(dict.fromkeys(LINK.findall(mail.text))) or "aucun"
            log.info(
                "no SMTP host: mail %s « %s » to %s written to %s; links: %s",
                mail.id,
                mail.subject,
                mail.to,
                path,
                links,
            )
            return
        backend = SMTPBackend(
            host=self.settings.smtp_host,
            port=self.settings.smtp_port,
            tls=self.settings.smtp_tls,
            ssl=self.settings.smtp_ssl,
            user=self.settings.smtp_user or None,
            password=self.settings.smtp_password or None,
            timeout=self.settings.smtp_timeout,
            fail_silently=False,
            local_hostname=urlsplit(self.settings.public_url).hostname or "localhost",
        )
        try:
            response = message.send(to=mail.to, smtp=backend)
        finally:
            backend.close()
        if response is None or response.status_code not in (250, 251):
            raise RuntimeError(
                getattr(response, "error", None) or f"SMTP status {getattr(response, 'status_code', None)}"
            )

    def _seconds_to_next_due(self, poll_seconds: float) -> float:
        with self.db.session() as session:
            next_at = session.exec(
                select(OutboxMail.next_attempt_at)
                .where(col(OutboxMail.sent_at).is_(None))
                .order_by(col(OutboxMail.next_attempt_at))
                .limit(1)
            ).first()
        if next_at is None:
            return poll_seconds
        # mails waiting on a back-off: wake for the probe
        until_probe = (self._last_probe + self.probe_every - utcnow()).total_seconds()
        return max(0.05, min(poll_seconds, (next_at - utcnow()).total_seconds(), max(until_probe, 1.0)))
