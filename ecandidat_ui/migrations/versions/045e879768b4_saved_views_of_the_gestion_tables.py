"""saved views of the gestion tables; evaluation grids (criteria per formation, scores per member)

Revision ID: 045e879768b4
Revises: e43f52fc37b3
Create Date: 2026-12-06 15:37:12.019431
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "045e879768b4"
down_revision: str | None = "e43f52fc37b3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "tableview",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_member_id", sa.Integer(), nullable=False),
        sa.Column("screen", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("used_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["staff_member_id"], ["staffmember.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("staff_member_id", "screen", "name"),
    )
    with op.batch_alter_table("tableview", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tableview_staff_member_id"), ["staff_member_id"], unique=False)
    op.create_table(
        "evaluationcriterion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("formation_id", sa.Integer(), nullable=False),
        sa.Column("label", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("maximum", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["formation_id"], ["formation.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("evaluationcriterion", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evaluationcriterion_formation_id"), ["formation_id"], unique=False)

    op.create_table(
        "evaluationscore",
        sa.Column("candidature_id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.Integer(), nullable=False),
        sa.Column("staff_member_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("scored_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["candidature_id"], ["candidature.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["criterion_id"], ["evaluationcriterion.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["staff_member_id"], ["staffmember.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("candidature_id", "criterion_id", "staff_member_id"),
    )


def downgrade() -> None:
    op.drop_table("evaluationscore")
    with op.batch_alter_table("evaluationcriterion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluationcriterion_formation_id"))

    op.drop_table("evaluationcriterion")
    with op.batch_alter_table("tableview", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tableview_staff_member_id"))

    op.drop_table("tableview")
