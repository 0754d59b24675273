from __future__ import annotations

from collections.abc import Iterator

import pytest

from ecandidat_ui.lifecycle import prepare
from ecandidat_ui.platform import Platform, build_platform
from ecandidat_ui.settings import load_settings


@pytest.fixture
def platform(database_url: str) -> Iterator[Platform]:
    """The whole platform without any page, on a fresh database."""
    built = build_platform(load_settings(), mail_retry_base_delay=0.1)
    prepare(built)
    yield built
    built.db.dispose()
