"""Mails are rows written in the transaction that causes them; whoever sends them is woken after commit.

In this process, the senders of the same database are called after the commit. On PostgreSQL the transaction
also sends a NOTIFY on CHANNEL, delivered when it commits (never if it rolls back): the other processes' senders
listen to it (mail/listener.py) instead of waiting for their next poll.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, event, text
from sqlmodel import Session

from ecandidat_ui.mail.templates import RenderedMail
from models import OutboxMail

CHANNEL = "ecandidat_outbox"
_wakers: list[tuple[Callable[[], None], Engine | None]] = []


def enqueue(session: Session, to: str, mail: RenderedMail, *, attachment: str = "") -> OutboxMail:
    """`attachment` names a file the sender builds when the mail leaves (services/letters.py), not its bytes:
    the transaction that decides stays light, and a letter is never stored twice."""
    row = OutboxMail(
        to=to, subject=mail.subject, text=mail.text, html=mail.html, template=mail.template, attachment=attachment
    )
    session.add(row)
    session.info["outbox_written"] = True
    return row


def on_new_mail(waker: Callable[[], None], engine: Engine | None = None) -> Callable[[], None]:
    """Call waker after each commit in this process that wrote mails (to `engine`'s database only, when given);
    returns a function that stops it."""
    entry = (waker, engine)
    _wakers.append(entry)
    return lambda: _wakers.remove(entry) if entry in _wakers else None


@event.listens_for(Session, "before_commit")
def _notify_other_processes(session: Session) -> None:
    """PostgreSQL delivers the notification at commit, to every listening connection (this process's too)."""
    if session.info.get("outbox_written") and session.get_bind().dialect.name == "postgresql":
        session.execute(text(f"NOTIFY {CHANNEL}"))


@event.listens_for(Session, "after_commit")
def _wake_senders(session: Session) -> None:
    if session.info.pop("outbox_written", False):
        for waker, engine in list(_wakers):
            if engine is None or engine is session.bind:
                waker()
