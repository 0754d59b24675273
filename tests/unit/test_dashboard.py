"""« Tableau de bord » and the liste complémentaire on a real database (SQLite, and PostgreSQL when set): the
counts per formation, commission and centre with their totals, narrowed to what each member may see; the XLSX;
the rang réel kept right through withdrawals and promotions; the formation's « Promotion automatique »."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import text
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.dashboard import CENTRE, COMMISSION, COUNTS, FORMATION, TOTAL
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.paging import TableQuery
from ecandidat_ui.services.review import Decision
from ecandidat_ui.services.rights import Actor, Role
from models import Candidature, FileStatus, Formation
from tests.review_world import World, apply_and_transmit, ready_candidate, review_world
from tests.sessions import actor as candidate_session
from tests.unit.test_candidature_review import admin as admin  # the fixture
from tests.unit.test_candidature_review import member
from tests.unit.test_migrations import at_revision

TODAY = date.today()


@pytest.fixture
def world(platform: Platform) -> World:
    return review_world(platform, TODAY)


def lines_by_code(platform: Platform, actor: Actor, level: str = FORMATION):
    return {line.key: line for line in platform.dashboard.dashboard(actor, level).lines}


def decide(platform: Platform, candidature_id: int, decision: Decision, rank: int | None = None) -> None:
    platform.review.record_decision(candidature_id, decision, rank=rank)
    platform.review.validate_decision(candidature_id)


def test_counts_per_formation_with_the_totals_of_each_commission_centre_and_overall(
    platform: Platform, admin: Actor, world: World
):
    c = world.candidatures
    platform.review.set_status(c["lucie"], FileStatus.COMPLETE)
    platform.review.set_status(c["jeanne"], FileStatus.RECEIVED)
    decide(platform, c["marie"], Decision.FAVORABLE)
    platform.candidatures.confirm(candidate_session(platform, world.accounts["marie"]), c["marie"], TODAY)
    platform.review.record_decision(c["lucie"], Decision.UNFAVORABLE)  # not validated
    with platform.db.session() as session:
        session.get(Formation, world.formations["M1-DATA"]).capacity = 30
        session.get(Formation, world.formations["M1-INFO"]).capacity = 20

    dashboard = platform.dashboard.dashboard(admin, FORMATION)
    assert [line.code for line in dashboard.lines] == [
        "L1-LETT",
        "Total",
        "Total",  # UFR Lettres
        "L1-INFO",
        "Total",
        "M1-DATA",
        "M1-INFO",
        "Total",
        "Total",  # UFR Sciences
        "Total",  # overall
    ]
    lines = {line.key: line for line in dashboard.lines}
    data = lines[f"formation-{world.formations['M1-DATA']}"].counts
    assert (data["active"], data[("not_transmitted")], data["complete"], data["waiting"]) == (2, 1, 1, 0)
    assert (data["unfavourable"], data["avis_total"], data["avis_validated"], data["avis_not_validated"]) == (
        1,
        1,
        0,
        1,
    )
    info = lines[f"formation-{world.formations['M1-INFO']}"].counts
    assert (info["favourable"], info["avis_validated"], info["confirmed"], info["waiting"]) == (1, 1, 1, 1)
    masters = lines[f"total-commission-{world.commissions['SCI-MASTERS']}-{world.centres['SCI']}"]
    assert masters.label == messages.DASHBOARD_TOTAL_OF.format(name="Commission SCI-MASTERS")
    assert (masters.counts["active"], masters.counts["capacity"], masters.counts["avis_total"]) == (3, 50, 2)
    sciences = lines[f"total-centre-{world.centres['SCI']}"].counts
    assert (sciences["active"], sciences["received"]) == (4, 1)
    overall = dashboard.total
    assert overall.level == TOTAL and overall.counts["active"] == 5 and overall.counts["capacity"] == 50
    assert (
        sum(overall.counts[name] for name in ("not_transmitted", "waiting", "received", "incomplete", "complete")) == 5
    )

    by_commission = platform.dashboard.dashboard(admin, COMMISSION).lines
    assert [(line.label, line.counts["active"]) for line in by_commission] == [
        ("Commission LSH-LICENCES", 1),
        (messages.DASHBOARD_TOTAL_OF.format(name="UFR Lettres"), 1),
        ("Commission SCI-LICENCES", 1),
        ("Commission SCI-MASTERS", 3),
        (messages.DASHBOARD_TOTAL_OF.format(name="UFR Sciences"), 4),
        (messages.DASHBOARD_TOTAL_ALL, 5),
    ]
    by_centre = platform.dashboard.dashboard(admin, CENTRE).lines
    assert [(line.label, line.counts["active"]) for line in by_centre] == [
        ("UFR Lettres", 1),
        ("UFR Sciences", 4),
        (messages.DASHBOARD_TOTAL_ALL, 5),
    ]
    with pytest.raises(Refused):
        platform.dashboard.dashboard(admin, "n'importe quoi")


def test_each_member_counts_only_what_their_rights_show(platform: Platform, admin: Actor, world: World):
    masters = member(
        platform, admin, "m@example.org", Role.COMMISSION_MEMBER, commission_id=world.commissions["SCI-MASTERS"]
    )
    codes = [line.code for line in platform.dashboard.dashboard(masters, FORMATION).lines if not line.is_total]
    assert codes == ["M1-DATA", "M1-INFO"]
    assert platform.dashboard.dashboard(masters, CENTRE).total.counts["active"] == 3
    manager = member(platform, admin, "g@example.org", Role.CENTRE_MANAGER, centre_id=world.centres["LSH"])
    assert [line.label for line in platform.dashboard.dashboard(manager, CENTRE).lines] == [
        "UFR Lettres",
        messages.DASHBOARD_TOTAL_ALL,
    ]
    limited = member(
        platform,
        admin,
        "l@example.org",
        Role.CENTRE_MANAGER,
        centre_id=world.centres["SCI"],
        commission_ids=[world.commissions["SCI-LICENCES"]],
    )
    codes = [line.code for line in platform.dashboard.dashboard(limited, FORMATION).lines if not line.is_total]
    assert codes == ["L1-INFO"]
    reader = member(platform, admin, "r@example.org", Role.READ_ONLY)
    assert platform.dashboard.dashboard(reader, CENTRE).total.counts["active"] == 5
    nobody = member(platform, admin, "n@example.org", None)
    with pytest.raises(Refused):
        platform.dashboard.dashboard(nobody)


def test_a_withdrawal_is_counted_apart_and_formations_out_of_service_on_demand(
    platform: Platform, admin: Actor, world: World
):
    c = world.candidatures
    decide(platform, c["lucie"], Decision.FAVORABLE)
    platform.candidatures.withdraw(candidate_session(platform, world.accounts["lucie"]), c["lucie"], "", TODAY)
    data = lines_by_code(platform, admin)[f"formation-{world.formations['M1-DATA']}"].counts
    assert (data["active"], data["cancelled"], data["withdrawn"], data["favourable"]) == (1, 1, 1, 0)
    with platform.db.session() as session:
        session.get(Formation, world.formations["L1-LETT"]).active = False
    shown = [line.code for line in platform.dashboard.dashboard(admin, FORMATION).lines]
    assert "L1-LETT" not in shown
    assert "L1-LETT" in [line.code for line in platform.dashboard.dashboard(admin, FORMATION, inactive=True).lines]


def test_the_xlsx_has_one_row_per_line_and_keeps_a_label_as_text(platform: Platform, admin: Actor, world: World):
    with platform.db.session() as session:
        session.get(Formation, world.formations["L1-LETT"]).label = '=HYPERLINK("http://example.org")'
    data = platform.dashboard.workbook(admin, FORMATION)
    sheet = load_workbook(io.BytesIO(data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1] == ("Centre", "Commission", "Code", "Libellé", *COUNTS.values())
    assert len(rows) == 2 + len(platform.dashboard.dashboard(admin, FORMATION).lines)
    lettres = next(row for row in rows if row[2] == "L1-LETT")
    assert lettres[3] == '=HYPERLINK("http://example.org")' and lettres[4] == 1
    cell = next(cell for row in sheet.iter_rows() for cell in row if cell.value == lettres[3])
    assert cell.data_type == "s"
    assert rows[-1][3] == messages.DASHBOARD_TOTAL_ALL and rows[-1][4] == 5


def real_ranks(platform: Platform, admin: Actor, world: World, formation: str = "M1-INFO") -> dict[str, object]:
    key = f"commission-{world.commissions['SCI-MASTERS' if formation.startswith('M1') else 'SCI-LICENCES']}"
    query = TableQuery(sort_by="real_rank", rows_per_page=100, filters={"formation": world.formations[formation]})
    rows = platform.candidature_table.page(admin, key, query).rows
    return {row["first_name"].title(): row["real_rank"] for row in rows}


@pytest.fixture
def waiting_list(platform: Platform, world: World) -> dict[str, int]:
    """Marie admitted to M1-INFO; five more candidates on its liste complémentaire, ranks 1, 2, 2, 3 and 5."""
    decide(platform, world.candidatures["marie"], Decision.FAVORABLE)
    ids = {}
    for number, (first_name, rank) in enumerate([("Ana", 2), ("Bob", 1), ("Cid", 2), ("Dan", 5), ("Eve", 3)]):
        account = ready_candidate(platform, "Liste", first_name, f"{first_name.lower()}@example.org", TODAY)
        world.accounts[first_name.lower()] = account
        ids[first_name] = apply_and_transmit(platform, account, world.formations["M1-INFO"], TODAY, True)
        decide(platform, ids[first_name], Decision.COMPLEMENTARY_LIST, rank=rank)
        assert number == 0 or ids[first_name] > ids["Ana"]
    return ids


def test_the_rang_reel_follows_withdrawals_and_promotions(
    platform: Platform, admin: Actor, world: World, waiting_list: dict[str, int]
):
    assert real_ranks(platform, admin, world) == {"Marie": "", "Bob": 1, "Ana": 2, "Cid": 3, "Eve": 4, "Dan": 5}
    platform.review.record_decision(waiting_list["Eve"], Decision.COMPLEMENTARY_LIST, rank=3)  # not validated again
    assert real_ranks(platform, admin, world) == {"Marie": "", "Bob": 1, "Ana": 2, "Cid": 3, "Eve": "", "Dan": 4}
    decide(platform, waiting_list["Eve"], Decision.COMPLEMENTARY_LIST, rank=3)
    line = lines_by_code(platform, admin)[f"formation-{world.formations['M1-INFO']}"]
    assert (line.counts["complementary_list"], line.counts["on_list"]) == (5, 5)

    platform.candidatures.withdraw(candidate_session(platform, world.accounts["marie"]), world.candidatures["marie"],
                                   "", TODAY)  # fmt: skip
    # Bob, first of the list, is admitted; everyone behind moves up
    with platform.db.session() as session:
        bob = session.get(Candidature, waiting_list["Bob"])
        assert (bob.decision, bob.decision_validated_at is not None) == (Decision.FAVORABLE, True)
    assert real_ranks(platform, admin, world) == {"Marie": "", "Bob": "", "Ana": 1, "Cid": 2, "Eve": 3, "Dan": 4}
    platform.candidatures.withdraw(candidate_session(platform, world.accounts["bob"]), waiting_list["Bob"], "", TODAY)
    assert real_ranks(platform, admin, world) == {"Marie": "", "Bob": "", "Ana": "", "Cid": 1, "Eve": 2, "Dan": 3}
    line = lines_by_code(platform, admin)[f"formation-{world.formations['M1-INFO']}"]
    assert (line.counts["on_list"], line.counts["withdrawn"], line.counts["favourable"]) == (3, 2, 1)


def test_without_automatic_promotion_a_withdrawal_leaves_the_list_as_it_is(
    platform: Platform, admin: Actor, world: World, waiting_list: dict[str, int]
):
    formation = platform.formations.get(admin, world.formations["M1-INFO"]).formation
    assert formation.auto_waiting_list  # on by default, as before the setting existed
    values = {**formation.model_dump(), "return_by": formation.closes_on, "auto_waiting_list": False}
    platform.formations.update(admin, formation.id, values)
    platform.candidatures.withdraw(candidate_session(platform, world.accounts["marie"]), world.candidatures["marie"],
                                   "", TODAY)  # fmt: skip
    assert real_ranks(platform, admin, world) == {"Marie": "", "Bob": 1, "Ana": 2, "Cid": 3, "Eve": 4, "Dan": 5}
    with platform.db.session() as session:
        assert session.get(Candidature, waiting_list["Bob"]).decision == Decision.COMPLEMENTARY_LIST


def test_the_migration_turns_automatic_promotion_on_for_every_formation(empty_database_url: str):
    db = Database(empty_database_url)
    with at_revision(db, empty_database_url, "b3e1c7a4d925") as connection:
        connection.execute(text("INSERT INTO centre (id, code, label) VALUES (1, 'SCI', 'UFR Sciences')"))
        connection.execute(
            text(
                "INSERT INTO formation (id, code, label, centre_id, diploma_type, keywords, url, opens_on, closes_on, "
                "paperless, auto_waiting_list) VALUES (1, 'L1', 'Licence', 1, '', '', '', '2027-03-01', '2027-04-30', "
                "true, false)"
            )
        )
    db.upgrade()
    with db.session() as session:
        assert [f.auto_waiting_list for f in session.exec(select(Formation))] == [True]
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO formation (id, code, label, centre_id, diploma_type, keywords, url, opens_on, closes_on, "
                "paperless) VALUES (2, 'L2', 'Licence 2', 1, '', '', '', '2027-03-01', '2027-04-30', true)"
            )
        )
        assert connection.execute(text("SELECT auto_waiting_list FROM formation WHERE id = 2")).scalar() in (True, 1)
    db.dispose()
