"""pièce review: the comment staff give with a Validée or Refusée

Revision ID: b3e1c7a4d925
Revises: adbd7e07bd32
Create Date: 2026-12-06 13:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "b3e1c7a4d925"
down_revision: str | None = "adbd7e07bd32"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("piecestate", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("review_comment", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("piecestate", schema=None) as batch_op:
        batch_op.drop_column("review_comment")
