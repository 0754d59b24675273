"""session hand-over

Sessions are now keyed by the SHA-256 of the id the browser's cookie carries, and a sign-in first waits for its
browser with a hand-over token. Sessions of the former kind cannot be found any more: they are deleted (every
candidate signs in again once).

Revision ID: 057d37c8c1c9
Revises: c4c74041c22f
Create Date: 2026-12-01 22:23:56.090521
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "057d37c8c1c9"
down_revision: str | None = "c4c74041c22f"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("DELETE FROM usersession")
    with op.batch_alter_table("usersession", schema=None) as batch_op:
        batch_op.add_column(sa.Column("handover_until", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))


def downgrade() -> None:
    op.execute("DELETE FROM usersession")
    with op.batch_alter_table("usersession", schema=None) as batch_op:
        batch_op.drop_column("handover_until")
