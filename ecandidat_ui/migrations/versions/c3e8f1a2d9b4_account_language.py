"""a candidate's language (fr or en), for the pages, mails and PDFs

Revision ID: c3e8f1a2d9b4
Revises: b7d41e9a2c58
Create Date: 2026-12-06 19:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c3e8f1a2d9b4"
down_revision: str | None = "b7d41e9a2c58"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(length=2), nullable=False, server_default="fr"))


def downgrade() -> None:
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_column("language")
