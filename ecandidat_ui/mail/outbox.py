"""Mails are rows written in the transaction that causes them; whoever sends them is woken after commit."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import event
from sqlmodel import Session

from ecandidat_ui.mail.templates import RenderedMail
from models import OutboxMail

_wakers: list[Callable[[], None]] = []


def enqueue(session: Session, to: str, mail: RenderedMail, *, attachment: str = "") -> OutboxMail:
    """`attachment` names a file the sender builds when the mail leaves (services/letters.py), not its bytes:
    the transaction that decides stays light, and a letter is never stored twice."""
    row = OutboxMail(
        to=to, subject=mail.subject, text=mail.text, html=mail.html, template=mail.template, attachment=attachment
    )
    session.add(row)
    session.info["outbox_written"] = True
    return row


def on_new_mail(waker: Callable[[], None]) -> Callable[[], None]:
    """Call waker after each commit that wrote mails; returns a function that stops it."""
    _wakers.append(waker)
    return lambda: _wakers.remove(waker) if waker in _wakers else None


@event.listens_for(Session, "after_commit")
def _wake_senders(session: Session) -> None:
    if session.info.pop("outbox_written", False):
        for waker in list(_wakers):
            waker()
