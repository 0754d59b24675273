"""offer set-up: campaigns archived, centres, commissions with their letters' details, formations linked to them

Revision ID: e20f0c36a54b
Revises: 29f576a258dd
Create Date: 2026-12-01 22:52:09.646167

The commission of each formation was three texts on the formation (label, mail, address): they become
Commission rows of the formation's centre (one per distinct label in a centre, a commission already there with
that label is reused), linked by formation.commission_id; a formation without a commission label keeps none.
A candidate may apply again to a formation in a later campaign: the candidature's unique key gains the campaign.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "e20f0c36a54b"
down_revision: str | None = "29f576a258dd"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TEXT = sqlmodel.sql.sqltypes.AutoString
UNIQUE_CANDIDATURE = "uq_candidature_account_formation_campaign"
FORMATION_COMMISSION = "fk_formation_commission_id_commission"


def upgrade() -> None:
    with op.batch_alter_table("campaign", schema=None) as batch_op:
        batch_op.add_column(sa.Column("activated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("archived_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    op.execute("UPDATE campaign SET activated_at = CURRENT_TIMESTAMP WHERE is_active")
    op.create_index(
        "ix_campaign_one_active",
        "campaign",
        ["is_active"],
        unique=True,
        sqlite_where=sa.text("is_active"),
        postgresql_where=sa.text("is_active"),
    )

    _candidature_unique_per_campaign()

    with op.batch_alter_table("centre", schema=None) as batch_op:
        batch_op.add_column(sa.Column("active", sa.Boolean(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("contact_mail", TEXT(length=100), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("max_candidatures", sa.Integer(), nullable=True))
        for name in ("opens_on", "closes_on", "preanalysis_on", "return_by", "jury_on", "publication_on", "confirm_by"):
            batch_op.add_column(sa.Column(f"default_{name}", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("default_confirm_delay_days", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("default_paperless", sa.Boolean(), nullable=False, server_default="1"))

    with op.batch_alter_table("commission", schema=None) as batch_op:
        batch_op.add_column(sa.Column("active", sa.Boolean(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("address", TEXT(length=500), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("mail", TEXT(length=100), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("phone", TEXT(length=20), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("url", TEXT(length=500), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("return_comment", TEXT(length=2000), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("signatory", TEXT(length=200), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("signature_file", TEXT(length=80), nullable=True))
        batch_op.add_column(sa.Column("signature_type", TEXT(length=20), nullable=False, server_default=""))

    with op.batch_alter_table("formation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("commission_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("active", sa.Boolean(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("treatment_type", TEXT(length=2), nullable=False, server_default="AT"))
        batch_op.add_column(sa.Column("auto_waiting_list", sa.Boolean(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("preanalysis_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("waiting_list_confirm_by", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("waiting_list_confirm_delay_days", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("preselection_place", TEXT(length=200), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("preselection_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("preselection_time", TEXT(length=5), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("info", TEXT(length=2000), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_formation_commission_id"), ["commission_id"], unique=False)

    _commissions_from_formation_texts()

    with op.batch_alter_table("formation", schema=None) as batch_op:
        batch_op.create_foreign_key(FORMATION_COMMISSION, "commission", ["commission_id"], ["id"])
        batch_op.drop_column("commission_address")
        batch_op.drop_column("commission_mail")
        batch_op.drop_column("commission_label")


def downgrade() -> None:
    with op.batch_alter_table("formation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("commission_label", TEXT(length=200), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("commission_mail", TEXT(length=100), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("commission_address", TEXT(length=500), nullable=False, server_default=""))
    op.execute(
        "UPDATE formation SET commission_label = (SELECT label FROM commission WHERE commission.id = commission_id), "
        "commission_mail = (SELECT mail FROM commission WHERE commission.id = commission_id), "
        "commission_address = (SELECT address FROM commission WHERE commission.id = commission_id) "
        "WHERE commission_id IS NOT NULL"
    )
    with op.batch_alter_table("formation", schema=None) as batch_op:
        batch_op.drop_constraint(FORMATION_COMMISSION, type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_formation_commission_id"))
        for name in (
            "info",
            "preselection_time",
            "preselection_on",
            "preselection_place",
            "waiting_list_confirm_delay_days",
            "waiting_list_confirm_by",
            "preanalysis_on",
            "auto_waiting_list",
            "treatment_type",
            "active",
            "commission_id",
        ):
            batch_op.drop_column(name)
    with op.batch_alter_table("commission", schema=None) as batch_op:
        for name in (
            "signature_type",
            "signature_file",
            "signatory",
            "return_comment",
            "url",
            "phone",
            "mail",
            "address",
            "active",
        ):
            batch_op.drop_column(name)
    with op.batch_alter_table("centre", schema=None) as batch_op:
        batch_op.drop_column("default_paperless")
        batch_op.drop_column("default_confirm_delay_days")
        for name in ("opens_on", "closes_on", "preanalysis_on", "return_by", "jury_on", "publication_on", "confirm_by"):
            batch_op.drop_column(f"default_{name}")
        batch_op.drop_column("max_candidatures")
        batch_op.drop_column("contact_mail")
        batch_op.drop_column("active")
    _candidature_unique_per_campaign(downgrade=True)
    op.drop_index("ix_campaign_one_active", table_name="campaign")
    with op.batch_alter_table("campaign", schema=None) as batch_op:
        batch_op.drop_column("archived_at")
        batch_op.drop_column("activated_at")


def _candidature_unique_per_campaign(downgrade: bool = False) -> None:
    """(account, formation) unique becomes (account, formation, campaign). SQLite cannot drop a constraint: the
    table is copied, as reflected with its current columns, without the old one (Database.upgrade turns foreign
    keys off meanwhile, so that the rows pointing at candidatures stay)."""
    old, new = ["account_id", "formation_id"], ["account_id", "formation_id", "campaign_id"]
    if downgrade:
        old, new = new, old
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        for unique in sa.inspect(bind).get_unique_constraints("candidature"):
            if unique["column_names"] == old:
                op.drop_constraint(unique["name"], "candidature", type_="unique")
        name = "candidature_account_id_formation_id_key" if downgrade else UNIQUE_CANDIDATURE  # as PostgreSQL named it
        op.create_unique_constraint(name, "candidature", new)
        return
    table = sa.Table("candidature", sa.MetaData(), autoload_with=bind)
    for constraint in list(table.constraints):
        if isinstance(constraint, sa.UniqueConstraint) and [column.name for column in constraint.columns] == old:
            table.constraints.remove(constraint)
    table.append_constraint(sa.UniqueConstraint(*new, name=None if downgrade else UNIQUE_CANDIDATURE))
    with op.batch_alter_table("candidature", copy_from=table, recreate="always"):
        pass


def _commissions_from_formation_texts() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT formation.id, formation.centre_id, centre.code, formation.commission_label, "
            "formation.commission_mail, formation.commission_address FROM formation "
            "JOIN centre ON centre.id = formation.centre_id WHERE formation.commission_label <> '' "
            "ORDER BY formation.id"
        )
    ).all()
    known = {
        (centre_id, label): commission_id
        for commission_id, centre_id, label in bind.execute(sa.text("SELECT id, centre_id, label FROM commission"))
    }
    codes = set(bind.execute(sa.text("SELECT code FROM commission")).scalars())
    for formation_id, centre_id, centre_code, label, mail, address in rows:
        label = label[:200]
        commission_id = known.get((centre_id, label))
        if commission_id is None:
            code = _free_code(centre_code, codes)
            codes.add(code)
            commission_id = bind.execute(
                sa.text(
                    "INSERT INTO commission (code, label, centre_id, active, address, mail, phone, url, "
                    "return_comment, signatory, signature_type) VALUES (:code, :label, :centre_id, :active, "
                    ":address, :mail, '', '', '', '', '') RETURNING id"
                ),
                {
                    "code": code,
                    "label": label,
                    "centre_id": centre_id,
                    "active": True,
                    "address": address,
                    "mail": mail,
                },
            ).scalar_one()
            known[(centre_id, label)] = commission_id
        bind.execute(
            sa.text("UPDATE formation SET commission_id = :commission WHERE id = :formation"),
            {"commission": commission_id, "formation": formation_id},
        )


def _free_code(centre_code: str, taken: set[str]) -> str:
    number = 1
    while f"{centre_code[:14]}-C{number}" in taken:
        number += 1
    return f"{centre_code[:14]}-C{number}"
