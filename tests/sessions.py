"""A session for an account, opened directly through the service: the actor a test passes to what changes data."""

from __future__ import annotations

from ecandidat_ui.platform import Platform
from models import Account


def actor(platform: Platform, account: Account | int) -> str:
    return platform.sessions.start(account if isinstance(account, int) else account.id)
