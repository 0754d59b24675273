"""cursus externe: the mention becomes a code of a list; old free texts (cut at 5 characters) mapped to it

Revision ID: 5503bb6d4db2
Revises: a7fc2fcddd1c
Create Date: 2026-12-06 12:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5503bb6d4db2"
down_revision: str | None = "a7fc2fcddd1c"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# What candidates typed (at most 5 characters were kept), lower-cased, → the code of the list. A text not in
# here stays as typed: it is shown as it is, and the candidate chooses in the list when they edit the entry.
OLD_TEXTS = {
    "P": ("p", "passa", "pass", "pass.", "passb"),
    "AB": ("ab", "a.b.", "a.b", "assez", "assez ", "a bie", "asse"),
    "B": ("b", "bien", "bien "),
    "TB": ("tb", "t.b.", "t.b", "très", "tres", "très ", "tres ", "très b", "tres b"),
    "TBF": ("tbf",),
    "SM": ("sm", "sans", "sans ", "aucun", "non", "-"),
}


def upgrade() -> None:
    cursus = sa.table("externalcursus", sa.column("mention", sa.String))
    key = sa.func.lower(sa.func.trim(cursus.c.mention))
    for code, texts in OLD_TEXTS.items():
        op.execute(cursus.update().where(key.in_(texts)).values(mention=code))


def downgrade() -> None:
    pass  # the codes are valid texts of 5 characters at most: nothing to undo
