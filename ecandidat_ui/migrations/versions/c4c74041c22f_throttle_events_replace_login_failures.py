"""throttle events replace login failures

One table counts every limited action (failed sign-ins, mails asked for). The old rows are not carried over:
they only counted failures of the last minutes.

Revision ID: c4c74041c22f
Revises: ee6188f23f3e
Create Date: 2026-12-01 22:18:59.789232
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "c4c74041c22f"
down_revision: str | None = "ee6188f23f3e"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _create(table: str) -> None:
    op.create_table(
        table,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{table}_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f(f"ix_{table}_key"), ["key"], unique=False)


def _drop(table: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.drop_index(batch_op.f(f"ix_{table}_at"))
        batch_op.drop_index(batch_op.f(f"ix_{table}_key"))
    op.drop_table(table)


def upgrade() -> None:
    _create("throttleevent")
    _drop("loginfailure")


def downgrade() -> None:
    _create("loginfailure")
    _drop("throttleevent")
