"""Setting a business parameter in a test, as the gestion's Paramètres screen stores it."""

from __future__ import annotations

from typing import Any

from ecandidat_ui.platform import Platform
from ecandidat_ui.services import parameters


def set_parameter(platform: Platform, code: str, value: Any) -> None:
    checked = parameters.parse(parameters.DEFINITIONS[code], value)
    with platform.db.session() as session:
        parameters.store(session, code, checked)
