"""Limits on repeated actions, counted in the database so that every process of the platform counts the same.

Two kinds of rule, each counting events under a key during a window:

- `Backoff`, for failed sign-ins: after a few free failures, the next try waits, twice as long after each new
  failure, never longer than a cap. Counted per (account, address) pair, so that someone else's failures never
  keep the rightful owner out from their own address, and per address, so that one address cannot try many
  accounts fast. Nothing is ever blocked for good: waiting is always enough.
- `Quota`, for the mails of « J'ai oublié mes identifiants » and « J'ai perdu mon code d'activation »: at most
  so many per mail address and kind, and per client address, in an hour.

`reserve` counts an action against all its keys, or against none when one of them says to wait. It records the
action before it looks at the counts, so that two processes (or threads) never both take the last place. A
sign-in is reserved as *pending*: it counts as a failure until `succeeded` takes it back or `failed` makes it
one, so that a burst of guesses sent at once gets no more tries than guesses sent one by one.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, delete, select, update

from ecandidat_ui import messages
from models import ThrottleEvent
from models.clock import utcnow

NO_WAIT = timedelta(0)


@dataclass(frozen=True)
class Backoff:
    """After `free` events within `window`, wait first_wait × 2^(events − free) after the last one, at most the
    longest wait. Tries under way count as failures, except that up to `in_flight` of them may run at once
    while there are fewer than `free` failures (many people behind one address signing in at the same time)."""

    free: int
    first_wait: timedelta
    longest_wait: timedelta
    window: timedelta
    in_flight: int = 0

    @property
    def depth(self) -> int:
        """How many past events decide the wait (past these, the longest wait is reached anyway)."""
        return self.free + max(32, self.in_flight)

    def wait(self, failures: Sequence[datetime], pending: Sequence[datetime], now: datetime) -> timedelta:
        count = len(failures) + len(pending)
        if count < self.free or (len(failures) < self.free and len(pending) < self.in_flight):
            return NO_WAIT
        latest = max([*failures[:1], *pending[:1]])
        doublings = min(count - self.free, 30)
        return max(NO_WAIT, latest + min(self.longest_wait, self.first_wait * 2**doublings) - now)


@dataclass(frozen=True)
class Quota:
    """At most `limit` events within `window`."""

    limit: int
    window: timedelta

    @property
    def depth(self) -> int:
        return self.limit

    def wait(self, events: Sequence[datetime], pending: Sequence[datetime], now: datetime) -> timedelta:
        if len(events) < self.limit:
            return NO_WAIT
        return max(NO_WAIT, events[self.limit - 1] + self.window - now)


Rule = Backoff | Quota

# A guesser of one account from one address gets about ten tries an hour; its owner elsewhere is never slowed.
SIGN_IN_PAIR = Backoff(
    free=3, first_wait=timedelta(seconds=5), longest_wait=timedelta(minutes=15), window=timedelta(hours=1)
)
# One address (maybe many people behind it) waits at most a minute: about sixty failures an hour at most.
SIGN_IN_ADDRESS = Backoff(
    free=10,
    first_wait=timedelta(seconds=2),
    longest_wait=timedelta(minutes=1),
    window=timedelta(minutes=15),
    in_flight=30,
)
MAIL_WINDOW = timedelta(hours=1)
MAILS_PER_ADDRESS = Quota(limit=3, window=MAIL_WINDOW)  # per mail address and kind of mail
MAILS_PER_CLIENT = Quota(limit=10, window=MAIL_WINDOW)  # per client address, both kinds together
RULES: tuple[Rule, ...] = (SIGN_IN_PAIR, SIGN_IN_ADDRESS, MAILS_PER_ADDRESS, MAILS_PER_CLIENT)


@dataclass(frozen=True)
class Reservation:
    """The outcome of `reserve`: how long to wait (nothing was recorded), or the events recorded (id, key)."""

    wait: timedelta = NO_WAIT
    events: tuple[tuple[int, str], ...] = field(default=())

    @property
    def allowed(self) -> bool:
        return self.wait <= NO_WAIT


PENDING = "pending:"
ADDRESS_MAX = 45  # the longest IPv6 address, as text


def _address(address: str) -> str:
    """The client's address as part of a key: printable characters only (PostgreSQL refuses a NUL in a text, and
    a forwarded header may carry anything), within an IPv6 address's length."""
    printable = "".join(character for character in address if character.isprintable())[:ADDRESS_MAX]
    return printable or "inconnue"


def sign_in_checks(account_id: int | None, address: str, realm: str = "sign-in") -> list[tuple[str, Rule]]:
    """Keys of a sign-in try; `realm` keeps the staff's accounts apart from the candidates' of the same number."""
    checks: list[tuple[str, Rule]] = [(f"sign-in@{_address(address)}", SIGN_IN_ADDRESS)]
    if account_id is not None:
        checks.append((f"{_account_prefix(account_id, realm)}{_address(address)}", SIGN_IN_PAIR))
    return checks


def mail_checks(kind: str, mail_key: str, address: str) -> list[tuple[str, Rule]]:
    """Keys of a mail asked for; the mail address is stored only as a digest."""
    digest = hashlib.sha256(mail_key.encode()).hexdigest()
    return [(f"mail@{_address(address)}", MAILS_PER_CLIENT), (f"mail:{kind}:{digest}", MAILS_PER_ADDRESS)]


def reserve(session: Session, checks: Sequence[tuple[str, Rule]], *, pending: bool = False) -> Reservation:
    """Count one action against every key, unless one of them says to wait (then nothing is counted).

    `pending`: the outcome is not known yet; `failed` or `succeeded` settles it."""
    _serialize(session, sorted({key for key, _ in checks}))
    events = [ThrottleEvent(key=f"{PENDING}{key}" if pending else key) for key, _ in checks]
    session.add_all(events)
    session.flush()  # the first write: on SQLite, other writers now wait for this transaction
    now = utcnow()
    own = [event.id for event in events]
    wait = max(
        rule.wait(_history(session, key, rule, own), _history(session, f"{PENDING}{key}", rule, own), now)
        for key, rule in checks
    )
    if wait > NO_WAIT:
        for event in events:
            session.delete(event)
        return Reservation(wait=wait)
    return Reservation(events=tuple((event.id, key) for event, (key, _) in zip(events, checks, strict=True)))


def wait_message(wait: timedelta) -> str:
    """« Trop de tentatives… » with the wait in seconds, or in whole minutes past one."""
    seconds = max(2, math.ceil(wait.total_seconds()))  # never « 1 secondes »
    if seconds < 60:
        return messages.TOO_MANY_ATTEMPTS_SECONDS.format(seconds=seconds)
    minutes = math.ceil(seconds / 60)
    return messages.TOO_MANY_ATTEMPTS_ONE if minutes == 1 else messages.TOO_MANY_ATTEMPTS.format(minutes=minutes)


def failed(session: Session, reservation: Reservation) -> None:
    """The pending action failed: a failure from now on (its wait starts when the answer is given)."""
    now = utcnow()
    for event_id, key in reservation.events:
        session.exec(update(ThrottleEvent).where(ThrottleEvent.id == event_id).values(key=key, at=now))


def succeeded(session: Session, reservation: Reservation) -> None:
    """The pending action was no failure: it no longer counts."""
    ids = [event_id for event_id, _ in reservation.events]
    if ids:
        session.exec(delete(ThrottleEvent).where(col(ThrottleEvent.id).in_(ids)))


def forget_sign_in_failures(
    session: Session, account_id: int, address: str | None = None, realm: str = "sign-in"
) -> None:
    """Forget the failures against an account: from one address, or from all (its password was just set)."""
    prefix = _account_prefix(account_id, realm)
    if address is not None:
        condition = ThrottleEvent.key == f"{prefix}{_address(address)}"
    else:
        condition = col(ThrottleEvent.key).startswith(prefix, autoescape=True)
    session.exec(delete(ThrottleEvent).where(condition))


def forget_old(session: Session) -> None:
    longest = max(rule.window for rule in RULES)
    session.exec(delete(ThrottleEvent).where(ThrottleEvent.at < utcnow() - longest))


def _account_prefix(account_id: int, realm: str = "sign-in") -> str:
    return f"{realm}:{account_id}@"


def _history(session: Session, key: str, rule: Rule, own: list[int]) -> list[datetime]:
    """When the latest events under the key happened, newest first (not counting those just recorded)."""
    return list(
        session.exec(
            select(ThrottleEvent.at)
            .where(ThrottleEvent.key == key, col(ThrottleEvent.id).not_in(own))
            .where(ThrottleEvent.at > utcnow() - rule.window)
            .order_by(col(ThrottleEvent.at).desc())
            .limit(rule.depth)
        ).all()
    )


def _serialize(session: Session, keys: list[str]) -> None:
    """On PostgreSQL, one transaction at a time per key (until it ends); SQLite has one writer at a time anyway."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for key in keys:  # always in the same order: no deadlock between two transactions
        lock = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
        session.exec(select(func.pg_advisory_xact_lock(lock)))
