from __future__ import annotations

from collections.abc import Iterator

import pytest

from ecandidat_ui.lifecycle import prepare
from ecandidat_ui.platform import Platform, build_platform
from ecandidat_ui.services import rights
from ecandidat_ui.services.rights import Actor, Role
from ecandidat_ui.settings import load_settings
from models import Centre


@pytest.fixture
def platform(database_url: str) -> Iterator[Platform]:
    """The whole platform without any page, on a fresh database."""
    built = build_platform(load_settings(), mail_retry_base_delay=0.1)
    prepare(built)
    yield built
    built.db.dispose()


@pytest.fixture
def staff_actors(platform: Platform) -> dict[str, Actor]:
    """One staff member per kind of right, as their services see them: admin, scolarite, gestionnaire (of a
    centre), lecture (read-only everywhere)."""
    admin_id = platform.staff.bootstrap_admin("anne.dupont@example.org", "Dupont", "Anne").member.id
    with platform.db.session() as session:
        admin = rights.load_actor(session, admin_id)
        centre = Centre(code="SCI", label="UFR Sciences")
        session.add(centre)
        session.flush()
        centre_id = centre.id
    people = {
        "scolarite": ("sophie.colin@example.org", Role.SCOLARITE, None),
        "gestionnaire": ("gaston.roux@example.org", Role.CENTRE_MANAGER, centre_id),
        "lecture": ("lea.petit@example.org", Role.READ_ONLY, None),
    }
    actors = {"admin": admin}
    for name, (mail, role, centre) in people.items():
        member = platform.staff.create_member(admin, mail, name.capitalize(), "Test").member
        platform.staff.grant(admin, member.id, role, centre_id=centre)
        with platform.db.session() as session:
            actors[name] = rights.load_actor(session, member.id)
    return actors
