"""a candidature's individual return and confirmation dates

Revision ID: b7d41e9a2c58
Revises: 045e879768b4
Create Date: 2026-12-06 16:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b7d41e9a2c58"
down_revision: str | None = "045e879768b4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("candidature", schema=None) as batch_op:
        batch_op.add_column(sa.Column("individual_return_by", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("individual_confirm_by", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("candidature", schema=None) as batch_op:
        batch_op.drop_column("individual_confirm_by")
        batch_op.drop_column("individual_return_by")
