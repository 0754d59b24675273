"""« Promotion automatique de la liste complémentaire »: the formation's flag (until now « Gestion auto. des listes
complémentaires », never read) now decides whether a place given up goes to the first of the list. Every
formation promoted until now, whatever the flag said: each keeps doing so, and new ones do by default. An index
on candidature (formation_id, campaign_id) for the rang réel and the « Tableau de bord ».

Revision ID: f4a8d2c6e1b7
Revises: f1bcb5c37ae4
Create Date: 2026-12-06 16:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "f4a8d2c6e1b7"
down_revision: str | None = "f1bcb5c37ae4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("formation", schema=None) as batch_op:
        batch_op.alter_column("auto_waiting_list", existing_type=sa.Boolean(), server_default=sa.true())
    op.execute(sa.text("UPDATE formation SET auto_waiting_list = :on").bindparams(on=True))
    # the liste complémentaire of a formation in a campaign (its rang réel), read at each row of « Candidatures »
    op.create_index("ix_candidature_formation_campaign", "candidature", ["formation_id", "campaign_id"])


def downgrade() -> None:
    op.drop_index("ix_candidature_formation_campaign", table_name="candidature")
    with op.batch_alter_table("formation", schema=None) as batch_op:
        batch_op.alter_column("auto_waiting_list", existing_type=sa.Boolean(), server_default="0")
