"""The schema is kept by Alembic: a database made by an older version upgrades with its data, and the
models and the migrations describe the same schema."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import SQLModel

from ecandidat_ui.db import Database, alembic_config

FIRST = "444fd667a521"


def test_an_old_database_upgrades_with_its_data(database_url: str):
    db = Database(database_url)
    with db.engine.begin() as connection:
        config = alembic_config(database_url)
        config.attributes["connection"] = connection
        command.upgrade(config, FIRST)
        connection.execute(text("INSERT INTO centre (id, code, label) VALUES (1, 'SCI', 'UFR Sciences')"))
        connection.execute(
            text(
                "INSERT INTO formation (id, code, label, centre_id, diploma_type, keywords, url, opens_on, closes_on, "
                "paperless) VALUES (1, 'L1', 'Licence', 1, '', '', '', '2027-03-01', '2027-04-30', true)"
            )
        )
    db.upgrade()
    with db.engine.connect() as connection:
        row = connection.execute(text("SELECT label, commission_label FROM formation")).one()
    assert tuple(row) == ("Licence", "")
    db.dispose()


def test_the_migrations_match_the_models(database_url: str):
    db = Database(database_url)
    db.upgrade()
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []
    db.dispose()
