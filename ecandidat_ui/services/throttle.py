"""Slows down password guessing: too many failures for an account or an address make further tries wait.

Nothing is ever locked for good: a failure counts only during WINDOW, so waiting is always enough.
"""

from __future__ import annotations

import math
from datetime import timedelta

from sqlmodel import Session, col, delete, select

from models import LoginFailure
from models.clock import utcnow

WINDOW = timedelta(minutes=15)
LIMITS = {"account": 5, "ip": 20}


def account_key(account_id: int) -> str:
    return f"account:{account_id}"


def ip_key(address: str) -> str:
    return f"ip:{address or 'inconnue'}"


def minutes_to_wait(session: Session, *keys: str) -> int:
    """0 when a try is allowed now, else the whole minutes until it is."""
    now = utcnow()
    longest = 0.0
    for key in keys:
        limit = LIMITS[key.split(":", 1)[0]]
        recent = session.exec(
            select(LoginFailure.at)
            .where(LoginFailure.key == key, LoginFailure.at > now - WINDOW)
            .order_by(col(LoginFailure.at).desc())
            .limit(limit)
        ).all()
        if len(recent) >= limit:
            longest = max(longest, (recent[-1] + WINDOW - now).total_seconds())
    return math.ceil(longest / 60) if longest > 0 else 0


def record_failure(session: Session, *keys: str) -> None:
    for key in keys:
        session.add(LoginFailure(key=key))


def forget(session: Session, key: str) -> None:
    session.exec(delete(LoginFailure).where(LoginFailure.key == key))


def forget_old(session: Session) -> None:
    session.exec(delete(LoginFailure).where(LoginFailure.at < utcnow() - WINDOW))
