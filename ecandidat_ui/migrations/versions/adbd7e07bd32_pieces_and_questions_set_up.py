"""pièces and questions set up by staff: order, in service, reach (every centre or one), model file; questions
become objects of their own linked to formations

Revision ID: adbd7e07bd32
Revises: 7c1e0b5a9f3d
Create Date: 2026-12-06 12:55:00

A pièce marked « commune » was one whose file serves every candidature: it keeps that (unique_file) and, being
common, is now asked in every formation. Each question belonged to one formation: questions with the same label,
type and « obligatoire » asked by formations of the same centre become one question of that centre (code Q<id>),
linked to those formations; the candidates' answers follow (a formation asking twice the same text keeps two).
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "adbd7e07bd32"
down_revision: str | None = "7c1e0b5a9f3d"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TEXT = sqlmodel.sql.sqltypes.AutoString
PIECE_CENTRE = "fk_piece_centre_id_centre"
QUESTION_CENTRE = "fk_question_centre_id_centre"
QUESTION_CODE = "uq_question_code"


def upgrade() -> None:
    with op.batch_alter_table("piece", schema=None) as batch_op:
        batch_op.add_column(sa.Column("position", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("active", sa.Boolean(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("centre_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("unique_file", sa.Boolean(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("template_file", TEXT(length=80), nullable=True))
        batch_op.add_column(sa.Column("template_name", TEXT(length=120), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("template_type", TEXT(length=40), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_piece_centre_id"), ["centre_id"], unique=False)
        batch_op.create_foreign_key(PIECE_CENTRE, "centre", ["centre_id"], ["id"])
    op.execute("UPDATE piece SET unique_file = common")

    op.create_table(
        "formationquestion",
        sa.Column("formation_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["formation_id"], ["formation.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["question_id"], ["question.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("formation_id", "question_id"),
    )
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.add_column(sa.Column("code", TEXT(length=20), nullable=True))
        batch_op.add_column(sa.Column("active", sa.Boolean(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("centre_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("common", sa.Boolean(), nullable=False, server_default="0"))
    _questions_become_objects(op.get_bind())
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_question_formation_id"))
        batch_op.drop_column("formation_id")
        batch_op.alter_column("code", existing_type=TEXT(length=20), nullable=False)
        batch_op.create_unique_constraint(QUESTION_CODE, ["code"])
        batch_op.create_index(batch_op.f("ix_question_centre_id"), ["centre_id"], unique=False)
        batch_op.create_foreign_key(QUESTION_CENTRE, "centre", ["centre_id"], ["id"])


def _questions_become_objects(connection) -> None:
    rows = connection.execute(
        sa.text(
            "SELECT q.id, q.formation_id, q.label, q.kind, q.required, f.centre_id FROM question q "
            "JOIN formation f ON f.id = q.formation_id ORDER BY q.id"
        )
    ).all()
    kept: dict[tuple, list[tuple[int, set[int]]]] = {}
    links, moved, kept_rows = [], [], []
    for question_id, formation_id, label, kind, required, centre_id in rows:
        same = kept.setdefault((centre_id, label, kind, bool(required)), [])
        target = next(((kept_id, asked) for kept_id, asked in same if formation_id not in asked), None)
        if target is None:
            target = (question_id, set())
            same.append(target)
            kept_rows.append({"id": question_id, "code": f"Q{question_id}", "centre": centre_id})
        else:
            moved.append({"old": question_id, "new": target[0]})
        target[1].add(formation_id)
        links.append({"formation": formation_id, "question": target[0]})
    if kept_rows:
        connection.execute(sa.text("UPDATE question SET code = :code, centre_id = :centre WHERE id = :id"), kept_rows)
    if links:
        connection.execute(
            sa.text("INSERT INTO formationquestion (formation_id, question_id) VALUES (:formation, :question)"), links
        )
    if moved:
        connection.execute(sa.text("UPDATE answer SET question_id = :new WHERE question_id = :old"), moved)
        connection.execute(sa.text("DELETE FROM question WHERE id = :old"), [{"old": m["old"]} for m in moved])
    connection.execute(sa.text("DELETE FROM question WHERE code IS NULL"))  # of no formation: asked nowhere


def downgrade() -> None:
    """Each question goes back to one formation: the first linked one keeps it, every other one gets a copy (with
    its candidates' answers); a question linked to none (or only common) is asked nowhere and goes."""
    connection = op.get_bind()
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.add_column(sa.Column("formation_id", sa.Integer(), nullable=True))
        batch_op.drop_constraint(QUESTION_CODE, type_="unique")  # the copies share their code until it goes
    links = connection.execute(
        sa.text("SELECT question_id, formation_id FROM formationquestion ORDER BY question_id, formation_id")
    ).all()
    first: dict[int, int] = {}
    for question_id, formation_id in links:
        if question_id not in first:
            first[question_id] = formation_id
            connection.execute(
                sa.text("UPDATE question SET formation_id = :f WHERE id = :q"), {"f": formation_id, "q": question_id}
            )
            continue
        copy_id = connection.execute(
            sa.text(
                "INSERT INTO question (formation_id, position, label, kind, required, code, active, common) "
                "SELECT :f, position, label, kind, required, code, active, common FROM question WHERE id = :q "
                "RETURNING id"
            ),
            {"f": formation_id, "q": question_id},
        ).scalar_one()
        connection.execute(
            sa.text(
                "UPDATE answer SET question_id = :copy WHERE question_id = :q AND candidature_id IN "
                "(SELECT id FROM candidature WHERE formation_id = :f)"
            ),
            {"copy": copy_id, "q": question_id, "f": formation_id},
        )
    connection.execute(
        sa.text("DELETE FROM answer WHERE question_id IN (SELECT id FROM question WHERE formation_id IS NULL)")
    )
    connection.execute(sa.text("DELETE FROM question WHERE formation_id IS NULL"))
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.drop_constraint(QUESTION_CENTRE, type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_question_centre_id"))
        batch_op.drop_column("common")
        batch_op.drop_column("centre_id")
        batch_op.drop_column("active")
        batch_op.drop_column("code")
        batch_op.alter_column("formation_id", existing_type=sa.Integer(), nullable=False)
        batch_op.create_index(batch_op.f("ix_question_formation_id"), ["formation_id"], unique=False)
        batch_op.create_foreign_key(
            "fk_question_formation_id_formation", "formation", ["formation_id"], ["id"], ondelete="CASCADE"
        )
    op.drop_table("formationquestion")
    with op.batch_alter_table("piece", schema=None) as batch_op:
        batch_op.drop_constraint(PIECE_CENTRE, type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_piece_centre_id"))
        for name in ("template_type", "template_name", "template_file", "unique_file", "centre_id", "active"):
            batch_op.drop_column(name)
        batch_op.drop_column("position")
