"""mails: « de {etablissement} » becomes « {de_etablissement} », the institution with its article

Revision ID: 7c1e0b5a9f3d
Revises: d2f0a9d3eb75
Create Date: 2026-12-06 13:05:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "7c1e0b5a9f3d"
down_revision: str | None = "d2f0a9d3eb75"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD, NEW = "de {etablissement}", "{de_etablissement}"


def upgrade() -> None:
    # The texts as stored, defaults and the institution's own: « de Université Esup » read wrong in both.
    templates = sa.table("mailtemplate", sa.column("subject", sa.String), sa.column("body", sa.String))
    op.execute(
        templates.update().values(
            subject=sa.func.replace(templates.c.subject, OLD, NEW), body=sa.func.replace(templates.c.body, OLD, NEW)
        )
    )


def downgrade() -> None:
    templates = sa.table("mailtemplate", sa.column("subject", sa.String), sa.column("body", sa.String))
    op.execute(
        templates.update().values(
            subject=sa.func.replace(templates.c.subject, NEW, OLD), body=sa.func.replace(templates.c.body, NEW, OLD)
        )
    )
