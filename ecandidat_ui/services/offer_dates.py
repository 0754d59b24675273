"""The order of a formation's dates (BACKOFFICE §2), one rule for the gestion forms, the centres' default
dates, the dates changed on many formations at once, and the offer file.

    début dépôt ≤ fin dépôt ≤ pré-analyse
    fin dépôt ≤ retour ≤ jury ≤ publication ≤ confirmation ≤ confirmation liste complémentaire

A date left empty is skipped: the next one is compared with the latest date before it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from ecandidat_ui import messages

FIELDS = (
    "opens_on",
    "closes_on",
    "preanalysis_on",
    "return_by",
    "jury_on",
    "publication_on",
    "confirm_by",
    "waiting_list_confirm_by",
)
CHAINS = (
    ("opens_on", "closes_on", "preanalysis_on"),
    ("opens_on", "closes_on", "return_by", "jury_on", "publication_on", "confirm_by", "waiting_list_confirm_by"),
)


def order_errors(dates: Mapping[str, date | None], *, prefix: str = "") -> dict[str, str]:
    """Field name (with prefix) → French message, at the later date of each pair out of order."""
    errors: dict[str, str] = {}
    for chain in CHAINS:
        latest: str | None = None
        for name in chain:
            day = dates.get(prefix + name)
            if day is None:
                continue
            if latest is not None and day < dates[prefix + latest]:
                errors.setdefault(
                    prefix + name,
                    messages.DATE_ORDER.format(later=messages.DATE_LABELS[name], earlier=messages.DATE_LABELS[latest]),
                )
                continue
            latest = name
    return errors
