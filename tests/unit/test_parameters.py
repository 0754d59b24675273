"""The business parameters in the database: their defaults, the environment's values kept at the upgrade, the
administrator's changes (checked, journaled, refused to others), and the candidate side following them at once."""

from __future__ import annotations

import logging
from dataclasses import fields
from datetime import timedelta

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlmodel import select, update

from ecandidat_ui import messages
from ecandidat_ui.db import Database, alembic_config
from ecandidat_ui.lifecycle import housekeep, prepare
from ecandidat_ui.platform import Platform, build_platform
from ecandidat_ui.services import parameters
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.offer_import import apply_offer
from ecandidat_ui.services.paging import TableQuery
from ecandidat_ui.services.parameters import DEFAULTS, DEFINITIONS, Parameters
from ecandidat_ui.services.rights import Actor
from ecandidat_ui.settings import load_settings
from models import Account, JournalEntry, Parameter
from models.clock import utcnow
from tests.mailbox import Mailbox
from tests.sessions import actor
from tests.unit.test_candidatures import TODAY, formation_id, offer, ready_candidate

PARAMETERS_MIGRATION = "a7fc2fcddd1c"


def before_parameters(url: str) -> str:
    """The revision before the one adding the parameters (whatever migrations are chained before it)."""
    return ScriptDirectory.from_config(alembic_config(url)).get_revision(PARAMETERS_MIGRATION).down_revision


def journal(platform: Platform, prefix: str = "parameter.") -> list[JournalEntry]:
    with platform.db.session() as session:
        rows = session.exec(select(JournalEntry).order_by(JournalEntry.id)).all()
        return [row for row in rows if row.action.startswith(prefix)]


def test_every_parameter_has_a_definition_a_french_label_and_an_explanation():
    assert set(DEFINITIONS) == {field.name for field in fields(Parameters)}
    for definition in DEFINITIONS.values():
        assert definition.label and definition.explanation.endswith("."), definition.code
        assert parameters.parse(definition, parameters.stored_text(definition.default)) == definition.default


def test_a_fresh_install_has_every_parameter_at_its_default(platform: Platform):
    with platform.db.session() as session:
        rows = {row.code: row.value for row in session.exec(select(Parameter))}
    assert set(rows) == set(DEFINITIONS)
    assert rows["max_candidatures"] == "20" and rows["ine_required"] == "false" and rows["login_prefix"] == ""
    assert platform.parameters.current() == DEFAULTS


def test_the_first_start_after_the_upgrade_keeps_the_values_set_in_the_environment(
    empty_database_url: str, monkeypatch, tmp_path, caplog
):
    db = Database(empty_database_url)
    with db.engine.begin() as connection:  # a database of the previous version
        config = alembic_config(empty_database_url)
        config.attributes["connection"] = connection
        command.upgrade(config, before_parameters(empty_database_url))
    db.dispose()
    monkeypatch.setenv("ECANDIDAT_MAX_CANDIDATURES", "7")
    monkeypatch.setenv("ECANDIDAT_INE_REQUIRED", "true")
    monkeypatch.setenv("ECANDIDAT_CONTACT_MAIL", "scolarite@univ.example.org")
    monkeypatch.setenv("ECANDIDAT_UPLOAD_MAX_MB", "500")  # beyond the bounds: the default, and a warning
    monkeypatch.setenv("ECANDIDAT_HOME_MESSAGE", "**Bienvenue** à l'université")
    (tmp_path / ".env").write_text("ECANDIDAT_LOGIN_PREFIX=ab\n")
    platform = build_platform(load_settings())
    with caplog.at_level(logging.INFO):
        prepare(platform)
    values = platform.parameters.current()
    assert (values.max_candidatures, values.ine_required, values.login_prefix) == (7, True, "AB")
    assert values.contact_mail == "scolarite@univ.example.org"
    assert values.upload_max_mb == DEFAULTS.upload_max_mb
    assert "ECANDIDAT_UPLOAD_MAX_MB='500' refusé" in caplog.text
    assert platform.site_messages.home() == "**Bienvenue** à l'université"
    platform.db.dispose()

    monkeypatch.setenv("ECANDIDAT_MAX_CANDIDATURES", "9")  # read once: the database keeps what was seeded
    caplog.clear()
    platform = build_platform(load_settings())
    with caplog.at_level(logging.WARNING):
        prepare(platform)
    assert platform.parameters.current().max_candidatures == 7
    assert "ECANDIDAT_MAX_CANDIDATURES n'est plus lu" in caplog.text
    platform.db.dispose()


def test_an_administrator_changes_a_parameter_and_the_journal_keeps_it(platform: Platform, staff_actors):
    admin = staff_actors["admin"]
    view = platform.parameters.update(admin, "max_candidatures", " 3 ")
    assert (view.value, view.default, view.is_default) == (3, 20, False)
    assert platform.parameters.current().max_candidatures == 3
    platform.parameters.update(admin, "max_candidatures", "3")  # no change, no line
    platform.parameters.update(admin, "ine_required", True)
    platform.parameters.update(admin, "login_prefix", "z9")
    assert platform.parameters.current().login_prefix == "Z9"
    view = platform.parameters.reset(admin, "max_candidatures")
    assert view.is_default and platform.parameters.current().max_candidatures == 20
    lines = [(line.action, line.object_id, line.before, line.after, line.actor_name) for line in journal(platform)]
    assert lines == [
        ("parameter.update", "max_candidatures", {"value": 20}, {"value": 3}, "Anne DUPONT"),
        ("parameter.update", "ine_required", {"value": False}, {"value": True}, "Anne DUPONT"),
        ("parameter.update", "login_prefix", {"value": ""}, {"value": "Z9"}, "Anne DUPONT"),
        ("parameter.reset", "max_candidatures", {"value": 3}, {"value": 20}, "Anne DUPONT"),
    ]


@pytest.mark.parametrize(
    ("code", "typed", "message"),
    [
        ("max_candidatures", "", messages.REQUIRED),
        ("max_candidatures", "douze", messages.PARAMETER_NOT_INTEGER),
        ("max_candidatures", "2.5", messages.PARAMETER_NOT_INTEGER),
        ("max_candidatures", "0", messages.PARAMETER_BETWEEN.format(min=1, max=500)),
        ("max_candidatures_per_centre", "-1", messages.PARAMETER_BETWEEN.format(min=0, max=500)),
        ("upload_max_mb", "51", messages.PARAMETER_BETWEEN.format(min=1, max=50)),
        ("unvalidated_account_days", "99999999999", messages.PARAMETER_NOT_INTEGER),
        ("ine_required", "peut-être", messages.PARAMETER_NOT_BOOLEAN),
        ("login_prefix", "ABC", messages.PARAMETER_BAD_PREFIX),
        ("login_prefix", "é", messages.PARAMETER_BAD_PREFIX),
        ("contact_mail", "scolarite", messages.BAD_MAIL),
        ("contact_mail", "", messages.REQUIRED),
        ("faq_url", "javascript:alert(1)", messages.PARAMETER_BAD_URL),
        ("documentation_url", "ftp://docs.example.org", messages.PARAMETER_BAD_URL),
    ],
)
def test_a_bad_value_is_refused_at_its_field(platform: Platform, staff_actors, code: str, typed: str, message: str):
    with pytest.raises(InvalidInput) as refused:
        platform.parameters.update(staff_actors["admin"], code, typed)
    assert refused.value.errors == {code: message}
    assert platform.parameters.current() == DEFAULTS
    assert journal(platform) == []


def test_only_administrators_see_or_change_the_parameters(platform: Platform, staff_actors: dict[str, Actor]):
    for name in ("scolarite", "gestionnaire", "lecture"):
        actor = staff_actors[name]
        for attempt in (
            lambda a=actor: platform.parameters.update(a, "max_candidatures", "3"),
            lambda a=actor: platform.parameters.reset(a, "max_candidatures"),
            lambda a=actor: platform.parameters.views(a),
            lambda a=actor: platform.parameters.page(a, TableQuery()),
        ):
            with pytest.raises(Refused) as refused:
                attempt()
            assert refused.value.message == "Vous n'avez pas le droit de modifier les paramètres."
    assert platform.parameters.current() == DEFAULTS
    with pytest.raises(Refused, match=messages.PARAMETER_UNKNOWN):
        platform.parameters.update(staff_actors["admin"], "debug", "1")


def test_the_table_of_parameters_is_searched_and_sorted(platform: Platform, staff_actors):
    admin = staff_actors["admin"]
    platform.parameters.update(admin, "upload_max_mb", "5")
    page = platform.parameters.page(admin, TableQuery(search="piece"))
    assert [row["id"] for row in page.rows] == ["upload_max_mb"] and page.total == 1
    assert page.rows[0]["value"] == "5" and page.rows[0]["default"] == "2" and page.rows[0]["modified"] == "Oui"
    page = platform.parameters.page(admin, TableQuery(sort_by="label"))
    labels = [row["label"] for row in page.rows]
    assert labels[0] == "Adresse d'une FAQ externe" and len(labels) == len(DEFINITIONS)
    assert platform.parameters.page(admin, TableQuery(search="inconnu")).total == 0


# --- the candidate side follows at once --------------------------------------------------------------------


def new_account(platform: Platform, mail: str) -> Account:
    return platform.accounts.create("Baillon", "Marie", mail, mail)


def test_a_new_login_prefix_and_account_delay_apply_to_the_next_account(
    platform: Platform, staff_actors, mailbox: Mailbox
):
    admin = staff_actors["admin"]
    platform.parameters.update(admin, "login_prefix", "27")
    platform.parameters.update(admin, "unvalidated_account_days", "9")
    account = new_account(platform, "marie.baillon@example.org")
    assert account.login.startswith("27") and len(account.login) == 8
    platform.mail_sender.send_due()
    assert "valable 9 jours" in mailbox.wait_for_sync("marie.baillon@example.org").text
    with platform.db.session() as session:  # created 8 days ago: kept with 9 days, deleted with 7
        session.exec(update(Account).values(created_at=utcnow() - timedelta(days=8)))
    housekeep(platform)
    assert platform.accounts.account(account.id) is not None
    platform.parameters.update(admin, "unvalidated_account_days", "7")
    housekeep(platform)
    assert platform.accounts.account(account.id) is None


def test_the_largest_piece_and_the_candidature_limit_follow_the_parameters(platform: Platform, staff_actors):
    admin = staff_actors["admin"]
    apply_offer(platform.db, offer(TODAY - timedelta(days=10), TODAY + timedelta(days=10)))
    account = ready_candidate(platform)
    me = actor(platform, account)
    candidature = platform.candidatures.apply(me, formation_id(platform), TODAY)
    piece = next(view.piece for view in platform.candidatures.view(account.id, candidature.id).pieces)
    big = b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024)
    with pytest.raises(Refused, match=messages.FILE_TOO_BIG):
        platform.candidatures.send_piece(me, candidature.id, piece.id, "releve.pdf", big)
    platform.parameters.update(admin, "upload_max_mb", "3")
    assert platform.candidatures.send_piece(me, candidature.id, piece.id, "releve.pdf", big).size == len(big)

    platform.parameters.update(admin, "max_candidatures", "1")
    with pytest.raises(Refused) as refused:
        platform.candidatures.apply(me, formation_id(platform, "M1-DATA"), TODAY)
    assert refused.value.message == messages.TOO_MANY_CANDIDATURES.format(max=1)
    platform.parameters.update(admin, "max_candidatures", "2")
    platform.candidatures.apply(me, formation_id(platform, "M1-DATA"), TODAY)
