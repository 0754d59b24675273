"""The demo's candidatures (`--demo`, ecandidat_ui/demo_candidatures.py): some 300 candidates whose candidatures
are in every statut and every avis — validated or not, confirmed, withdrawn, liste complémentaire with its ranks —
with their files on disk and their history; the same at every start (a seeded generator)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlmodel import func, select

from ecandidat_ui import demo_candidatures
from ecandidat_ui.lifecycle import prepare
from ecandidat_ui.platform import Platform, build_platform
from ecandidat_ui.services.candidature_table import NOT_TRANSMITTED, shown_status
from ecandidat_ui.services.paging import TableQuery
from ecandidat_ui.services.review import Decision
from ecandidat_ui.settings import load_settings
from models import Account, Candidature, CandidatureEvent, CandidatureTag, PieceState, UploadedFile
from tests.unit.test_candidature_review import actor_of


def summary(platform: Platform) -> list[tuple]:
    with platform.db.session() as session:
        rows = session.exec(
            select(Account.login, Account.last_name, Candidature.formation_id, Candidature.status, Candidature.decision)
            .join(Account, Account.id == Candidature.account_id)
            .order_by(Candidature.id)
        ).all()
    return [tuple(row) for row in rows]


def test_the_demo_has_some_300_candidates_in_every_statut_and_avis(platform: Platform):
    prepare(platform, demo=True)
    with platform.db.session() as session:
        candidates = session.exec(select(func.count()).select_from(Account)).one()
        candidatures = session.exec(select(Candidature)).all()
        files = session.exec(select(UploadedFile)).all()
        transmitted_files = session.exec(select(func.count()).select_from(PieceState)).one()
        events = session.exec(select(func.count()).select_from(CandidatureEvent)).one()
        tagged = session.exec(select(func.count()).select_from(CandidatureTag)).one()
    assert candidates == demo_candidatures.CANDIDATES
    assert 400 <= len(candidatures) <= 600
    statuses = Counter(shown_status(c) for c in candidatures)
    assert set(statuses) == {NOT_TRANSMITTED, "En attente", "Réceptionné", "Incomplet", "Complet"}
    assert all(count >= 20 for count in statuses.values()), statuses
    avis = Counter(c.decision for c in candidatures if c.decision)
    assert set(avis) == {decision.value for decision in Decision}
    assert any(c.decision_validated_at for c in candidatures) and any(
        c.decision and not c.decision_validated_at for c in candidatures
    )
    assert sum(1 for c in candidatures if c.confirmed_at) >= 5
    assert sum(1 for c in candidatures if c.withdrawn_at) >= 3
    assert all(c.decision == "Favorable" and c.decision_validated_at for c in candidatures if c.confirmed_at)
    ranks: dict[int, list[int]] = {}
    for c in candidatures:
        if c.decision == Decision.COMPLEMENTARY_LIST:
            ranks.setdefault(c.formation_id, []).append(c.decision_rank)
    assert ranks and all(sorted(found) == list(range(1, len(found) + 1)) for found in ranks.values())
    assert all(c.decision_type_id for c in candidatures if c.decision)
    assert all(c.decision_motivation_id for c in candidatures if c.decision == Decision.UNFAVORABLE)
    assert files and transmitted_files and events > 2 * len(candidatures) and tagged
    folder = platform.settings.uploads_dir
    assert all((folder / file.stored_name).read_bytes()[:4] in (b"%PDF", b"\x89PNG") for file in files[:50])
    assert demo_candidatures.seed(platform, date.today()) == 0  # once only


def test_the_table_pages_sorts_and_filters_the_demo(platform: Platform):
    prepare(platform, demo=True)
    admin = actor_of(platform, platform.staff.bootstrap_admin("anne.dupont@example.org", "Dupont", "Anne").member.id)
    table = platform.candidature_table
    scopes = [scope for scope in table.scopes(admin) if scope.kind == "centre"]
    total = 0
    for scope in scopes:
        counts = table.counts(admin, scope.key)
        total += counts["Total"]
        for name in ("received", "status_date", "rank", "birth_date", "confirmed_at"):
            page = table.page(admin, scope.key, TableQuery(sort_by=name, descending=True, rows_per_page=100))
            assert page.total == counts["Total"]
        page = table.page(admin, scope.key, TableQuery(filters={"avis": "Liste complémentaire"}, sort_by="rank"))
        shown = [int(row["rank"]) for row in page.rows]
        assert shown == sorted(shown)
    with platform.db.session() as session:
        assert total == session.exec(select(func.count()).select_from(Candidature)).one()


def test_every_start_gives_the_same_demo(platform: Platform, tmp_path, monkeypatch, database_url: str):
    if not database_url.startswith("sqlite"):
        pytest.skip("once is enough")
    prepare(platform, demo=True)
    monkeypatch.setenv("ECANDIDAT_DATABASE_URL", f"sqlite:///{tmp_path / 'again.sqlite3'}")
    again = build_platform(load_settings())
    try:
        prepare(again, demo=True)
        assert summary(again) == summary(platform)
    finally:
        again.db.dispose()
