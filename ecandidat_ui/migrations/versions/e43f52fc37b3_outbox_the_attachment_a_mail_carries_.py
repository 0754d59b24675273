"""outbox: the attachment a mail carries, built when it leaves (a decision's letter)

Revision ID: e43f52fc37b3
Revises: f4a8d2c6e1b7
Create Date: 2026-12-06 16:10:37.875496
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "e43f52fc37b3"
down_revision: str | None = "f4a8d2c6e1b7"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outboxmail", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("attachment", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("outboxmail", schema=None) as batch_op:
        batch_op.drop_column("attachment")
