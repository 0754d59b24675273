"""A full disk during an upload (a real 64 KB tmpfs mounted over the uploads folder): the candidate is told in
French, nothing is left behind (no `.part` file), what was sent before is kept, and it works again once there is
room. Needs the right to mount (root, as on the CI machines); skipped otherwise, with the reason."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.offer_import import apply_offer
from tests.sessions import actor
from tests.unit.test_candidatures import PDF, TODAY, formation_id, offer, ready_candidate


@pytest.fixture
def small_uploads(platform: Platform) -> Iterator[Path]:
    folder = platform.settings.uploads_dir
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"a full disk needs a small filesystem, and mount was refused: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_full_disk_is_said_and_leaves_nothing_behind(platform: Platform, small_uploads: Path):
    apply_offer(platform.db, offer(TODAY - timedelta(days=10), TODAY + timedelta(days=10)))
    account = ready_candidate(platform)
    me = actor(platform, account)
    candidature = platform.candidatures.apply(me, formation_id(platform), TODAY)
    cv, identity = [p.piece.id for p in platform.candidatures.view(account.id, candidature.id).pieces][:2]
    platform.candidatures.send_piece(me, candidature.id, identity, "cni.pdf", PDF)  # a small one fits

    big = PDF + b"%" * (200 * 1024)  # more than the disk has left
    with pytest.raises(Refused, match=messages.DISK_FULL.split(" :")[0]):
        platform.candidatures.send_piece(me, candidature.id, cv, "cv.pdf", big)
    assert [path.name for path in small_uploads.iterdir() if path.name.endswith(".part")] == []
    pieces = {p.piece.id: p for p in platform.candidatures.view(account.id, candidature.id).pieces}
    assert pieces[identity].file is not None and pieces[cv].file is None  # kept, and nothing half-recorded
    platform.candidatures.send_piece(me, candidature.id, cv, "cv.pdf", PDF)  # room enough: it works again
