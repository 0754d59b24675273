"""The schema is kept by Alembic: a database made by an older version upgrades with its data, and the
models and the migrations describe the same schema."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, text
from sqlmodel import SQLModel

from ecandidat_ui.db import Database, alembic_config

FIRST = "444fd667a521"


@contextmanager
def at_revision(db: Database, url: str, revision: str) -> Iterator[Connection]:
    """The database upgraded to an older revision, in a transaction, to put the data of that time in."""
    with db.engine.begin() as connection:
        config = alembic_config(url)
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        yield connection


def test_an_old_database_upgrades_with_its_data(empty_database_url: str):
    db = Database(empty_database_url)
    with at_revision(db, empty_database_url, FIRST) as connection:
        connection.execute(text("INSERT INTO centre (id, code, label) VALUES (1, 'SCI', 'UFR Sciences')"))
        connection.execute(
            text(
                "INSERT INTO formation (id, code, label, centre_id, diploma_type, keywords, url, opens_on, closes_on, "
                "paperless) VALUES (1, 'L1', 'Licence', 1, '', '', '', '2027-03-01', '2027-04-30', true)"
            )
        )
    db.upgrade()
    with db.engine.connect() as connection:
        row = connection.execute(text("SELECT label, commission_id, active FROM formation")).one()
    assert tuple(row) == ("Licence", None, True)
    db.dispose()


BEFORE_OFFER_SETUP = "ee6188f23f3e"
NOW = "2027-01-10 10:00:00"


def test_commissions_of_the_formations_become_rows_and_candidatures_keep_their_pieces(empty_database_url: str):
    """The formation's commission texts become Commission rows of its centre (one per label, an existing one
    reused); the candidature table is copied on SQLite to change its unique key: nothing pointing at it is lost."""
    db = Database(empty_database_url)
    with at_revision(db, empty_database_url, BEFORE_OFFER_SETUP) as connection:
        for statement in (
            "INSERT INTO centre (id, code, label) VALUES (1, 'SCI', 'UFR Sciences'), (2, 'LSH', 'UFR Lettres')",
            "INSERT INTO commission (id, code, label, centre_id) VALUES (7, 'SCI-M', 'Commission des masters', 1)",
            "INSERT INTO formation (id, code, label, centre_id, diploma_type, keywords, url, opens_on, closes_on, "
            "paperless, commission_label, commission_mail, commission_address) VALUES "
            "(1, 'M1', 'Master 1', 1, '', '', '', '2027-03-01', '2027-04-30', true, 'Commission des masters', "
            "'m@example.org', ''), "
            "(2, 'L1', 'Licence 1', 1, '', '', '', '2027-03-01', '2027-04-30', true, 'Commission des licences', "
            "'l@example.org', '1 rue des Écoles'), "
            "(3, 'L2', 'Licence 2', 1, '', '', '', '2027-03-01', '2027-04-30', true, 'Commission des licences', "
            "'', ''), "
            "(4, 'L1-LET', 'Licence Lettres', 2, '', '', '', '2027-03-01', '2027-04-30', true, "
            "'Commission des licences', '', ''), "
            "(5, 'DU', 'DU', 2, '', '', '', '2027-03-01', '2027-04-30', true, '', '', '')",
            "INSERT INTO piece (id, code, label, common, conditional, template) VALUES (1, 'CV', 'CV', false, "
            "false, '')",
            "INSERT INTO formationpiece (formation_id, piece_id) VALUES (2, 1)",
            "INSERT INTO question (id, formation_id, position, label, kind, required) VALUES (1, 2, 0, 'Projet ?', "
            "'text', true)",
            "INSERT INTO campaign (id, code, label, starts_on, ends_on, candidates_end_on, is_active) VALUES "
            "(1, '2026', 'Campagne 2026', '2026-09-01', '2027-08-31', '2027-08-31', true)",
            f"INSERT INTO account (id, login, last_name, first_name, mail, mail_key, created_at, mail_confirmed) "
            f"VALUES (1, 'AB12CD34', 'DURAND', 'Marie', 'm@example.org', 'm@example.org', '{NOW}', true)",
            f"INSERT INTO candidature (id, account_id, formation_id, campaign_id, created_at, status, decision, "
            f"decision_comment, withdrawal_reason, version) VALUES (1, 1, 2, 1, '{NOW}', 'En attente', '', '', "
            f"'', 1)",
            f"INSERT INTO candidatureevent (id, candidature_id, at, text) VALUES (1, 1, '{NOW}', 'Candidature créée')",
            "INSERT INTO answer (candidature_id, question_id, value) VALUES (1, 1, 'Devenir chercheuse')",
        ):
            connection.execute(text(statement))
    db.upgrade()
    with db.engine.begin() as connection:
        commissions = connection.execute(
            text("SELECT centre_id, code, label, mail, address FROM commission ORDER BY centre_id, code")
        ).all()
        links = dict(connection.execute(text("SELECT code, commission_id FROM formation")).all())
        kept = [
            connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("candidature", "candidatureevent", "answer", "formationpiece", "question")
        ]
        campaign = connection.execute(text("SELECT activated_at, archived_at FROM campaign")).one()
        connection.execute(
            text(
                "INSERT INTO campaign (id, code, label, starts_on, ends_on, candidates_end_on, "
                "is_active) VALUES (2, '2027', 'Campagne 2027', '2027-09-01', '2028-08-31', "
                "'2028-08-31', false)"
            )
        )
        connection.execute(
            text(
                f"INSERT INTO candidature (id, account_id, formation_id, campaign_id, created_at, status, decision, "
                f"decision_comment, withdrawal_reason, version) VALUES (2, 1, 2, 2, '{NOW}', 'En attente', '', '', "
                f"'', 1)"
            )
        )
    assert [tuple(row) for row in commissions] == [
        (1, "SCI-C1", "Commission des licences", "l@example.org", "1 rue des Écoles"),
        (1, "SCI-M", "Commission des masters", "", ""),
        (2, "LSH-C1", "Commission des licences", "", ""),
    ]
    sci_licences = links["L1"]
    assert links == {"M1": 7, "L1": sci_licences, "L2": sci_licences, "L1-LET": links["L1-LET"], "DU": None}
    assert links["L1-LET"] not in (7, sci_licences)
    assert kept == [1, 1, 1, 1, 1]
    assert campaign[0] is not None and campaign[1] is None
    db.dispose()


def test_the_migrations_match_the_models(empty_database_url: str):
    db = Database(empty_database_url)
    db.upgrade()
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []
    db.dispose()


def test_old_cursus_mentions_typed_as_text_become_codes_of_the_list(empty_database_url: str):
    db = Database(empty_database_url)
    with at_revision(db, empty_database_url, "a7fc2fcddd1c") as connection:
        connection.execute(
            text(
                "INSERT INTO account (id, login, last_name, first_name, mail, mail_key, created_at, mail_confirmed) "
                "VALUES (1, 'A1', 'Baillon', 'Marie', 'm@example.org', 'm@example.org', :now, true)"
            ),
            {"now": NOW},
        )
        for index, mention in enumerate(["Assez", "très ", "TB", "Bien", "", "Honor"], start=1):
            connection.execute(
                text(
                    "INSERT INTO externalcursus (id, account_id, version, country, departement, commune, school, "
                    "school_name, year, diploma_type, label, obtained, mention) VALUES "
                    "(:id, 1, 1, '100', '', '', '', 'Université', 2024, 'L', 'Licence', 'O', :mention)"
                ),
                {"id": index, "mention": mention},
            )
    db.upgrade()
    with db.engine.connect() as connection:
        mentions = connection.execute(text("SELECT mention FROM externalcursus ORDER BY id")).scalars().all()
    assert mentions == ["AB", "TB", "TB", "B", "", "Honor"]  # an unknown text stays, for the candidate to choose
    db.dispose()


def test_stored_mail_texts_name_the_institution_with_its_article(empty_database_url: str):
    db = Database(empty_database_url)
    with at_revision(db, empty_database_url, "d2f0a9d3eb75") as connection:
        connection.execute(text("DELETE FROM mailtemplate"))
        connection.execute(
            text("INSERT INTO mailtemplate (code, subject, body, updated_at) VALUES ('account_created', :s, :b, :t)"),
            {"s": "Compte de {etablissement}", "b": "Votre compte eCandidat de {etablissement} est prêt.", "t": NOW},
        )
    db.upgrade()
    with db.engine.connect() as connection:
        row = connection.execute(text("SELECT subject, body FROM mailtemplate")).one()
    assert tuple(row) == ("Compte {de_etablissement}", "Votre compte eCandidat {de_etablissement} est prêt.")
    db.dispose()


BEFORE_PIECES_SETUP = "7c1e0b5a9f3d"


def test_questions_become_objects_linked_to_formations_and_answers_follow(empty_database_url: str):
    """The same question asked by formations of one centre becomes one question of that centre, linked to each;
    answers point at it; a formation asking the same text twice keeps two; a common pièce keeps its one file."""
    db = Database(empty_database_url)
    with db.engine.begin() as connection:
        config = alembic_config(empty_database_url)
        config.attributes["connection"] = connection
        command.upgrade(config, BEFORE_PIECES_SETUP)
        formations = ", ".join(
            f"({n}, 'F{n}', 'Formation {n}', {centre}, '', '', '', '2027-03-01', '2027-04-30', true)"
            for n, centre in ((1, 1), (2, 1), (3, 2))
        )
        for statement in (
            "INSERT INTO centre (id, code, label) VALUES (1, 'SCI', 'UFR Sciences'), (2, 'LSH', 'UFR Lettres')",
            "INSERT INTO formation (id, code, label, centre_id, diploma_type, keywords, url, opens_on, closes_on, "
            f"paperless) VALUES {formations}",
            "INSERT INTO piece (id, code, label, common, conditional, template) VALUES (1, 'CNI', 'Identité', true, "
            "false, ''), (2, 'CV', 'CV', false, false, '')",
            "INSERT INTO question (id, formation_id, position, label, kind, required) VALUES "
            "(1, 1, 0, 'Projet ?', 'text', true), (2, 2, 0, 'Projet ?', 'text', true), "
            "(3, 3, 0, 'Projet ?', 'text', true), (4, 1, 1, 'Projet ?', 'text', true), "
            "(5, 2, 1, 'Stage ?', 'yes_no', false)",
            "INSERT INTO campaign (id, code, label, starts_on, ends_on, candidates_end_on, is_active) VALUES "
            "(1, '2026', 'Campagne 2026', '2026-09-01', '2027-08-31', '2027-08-31', true)",
            f"INSERT INTO account (id, login, last_name, first_name, mail, mail_key, created_at, mail_confirmed) "
            f"VALUES (1, 'AB12CD34', 'DURAND', 'Marie', 'm@example.org', 'm@example.org', '{NOW}', true)",
            f"INSERT INTO candidature (id, account_id, formation_id, campaign_id, created_at, status, decision, "
            f"decision_comment, withdrawal_reason, version) VALUES (1, 1, 2, 1, '{NOW}', 'En attente', '', '', "
            f"'', 1), (2, 1, 1, 1, '{NOW}', 'En attente', '', '', '', 1)",
            "INSERT INTO answer (candidature_id, question_id, value) VALUES (1, 2, 'Chercheuse'), (1, 5, 'Oui'), "
            "(2, 1, 'Ingénieure'), (2, 4, 'Encore')",
        ):
            connection.execute(text(statement))
    db.upgrade()
    with db.engine.connect() as connection:
        questions = connection.execute(
            text("SELECT id, code, centre_id, label, kind, required, active, common FROM question ORDER BY id")
        ).all()
        links = connection.execute(
            text("SELECT formation_id, question_id FROM formationquestion ORDER BY formation_id, question_id")
        ).all()
        answers = connection.execute(
            text("SELECT candidature_id, question_id, value FROM answer ORDER BY candidature_id, question_id")
        ).all()
        pieces = connection.execute(text("SELECT code, common, unique_file, active FROM piece ORDER BY id")).all()
    assert [tuple(row) for row in questions] == [
        (1, "Q1", 1, "Projet ?", "text", True, True, False),
        (3, "Q3", 2, "Projet ?", "text", True, True, False),
        (4, "Q4", 1, "Projet ?", "text", True, True, False),
        (5, "Q5", 1, "Stage ?", "yes_no", False, True, False),
    ]
    assert [tuple(row) for row in links] == [(1, 1), (1, 4), (2, 1), (2, 5), (3, 3)]
    assert [tuple(row) for row in answers] == [
        (1, 1, "Chercheuse"),
        (1, 5, "Oui"),
        (2, 1, "Ingénieure"),
        (2, 4, "Encore"),
    ]
    assert [tuple(row) for row in pieces] == [("CNI", True, True, True), ("CV", False, False, True)]
    db.dispose()
