"""A real SMTP server on loopback (aiosmtpd) that keeps every mail it accepts, for tests to read."""

from __future__ import annotations

import asyncio
import re
import socket
import time
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller


@dataclass
class ReceivedMail:
    to: list[str]
    message: EmailMessage

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    @property
    def text(self) -> str:
        return self.message.get_body(("plain",)).get_content()

    @property
    def html(self) -> str:
        return self.message.get_body(("html",)).get_content()

    def attachments(self) -> list[tuple[str, bytes]]:
        """(file name, bytes) of each attached file."""
        return [(part.get_filename(), part.get_content()) for part in self.message.iter_attachments()]

    def link(self) -> str:
        return re.search(r"https?://\S+", self.text).group(0)

    def login(self) -> str:
        return re.search(r"login[^:]*: ([0-9A-Z]{8})", self.text).group(1)


class Mailbox:
    def __init__(self) -> None:
        self.mails: list[ReceivedMail] = []
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope) -> str:
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        self.mails.append(ReceivedMail(list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def for_address(self, address: str) -> list[ReceivedMail]:
        return [mail for mail in self.mails if address.lower() in (to.lower() for to in mail.to)]

    async def wait_for(self, address: str, count: int = 1, timeout: float = 10.0) -> ReceivedMail:
        """The count-th mail to this address, waiting for it to arrive."""
        deadline = time.monotonic() + timeout
        while len(self.for_address(address)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"no mail #{count} for {address}; got {[m.subject for m in self.mails]}")
            await asyncio.sleep(0.05)
        return self.for_address(address)[count - 1]

    def wait_for_sync(self, address: str, count: int = 1, timeout: float = 15.0) -> ReceivedMail:
        deadline = time.monotonic() + timeout
        while len(self.for_address(address)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"no mail #{count} for {address}; got {[m.subject for m in self.mails]}")
            time.sleep(0.05)
        return self.for_address(address)[count - 1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
