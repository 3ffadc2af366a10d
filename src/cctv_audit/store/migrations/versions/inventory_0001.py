"""Tables of the inventory package.

Revision ID: inventory_0001
Revises: findings_0001
"""

import sqlalchemy as sa
from alembic import op

from cctv_audit.store.base import JSONText

revision = "inventory_0001"
down_revision = "findings_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("body_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=255), nullable=False),
        sa.Column("source_row", sa.Integer(), nullable=False),
        sa.Column("site", sa.String(length=255), nullable=True),
        sa.Column("location", sa.String(length=255), nullable=True),
        sa.Column("device_type", sa.String(length=32), nullable=True),
        sa.Column("make_raw", sa.String(length=255), nullable=True),
        sa.Column("model_raw", sa.String(length=255), nullable=True),
        sa.Column("serial", sa.String(length=128), nullable=True),
        sa.Column("mac", sa.String(length=17), nullable=True),
        sa.Column("ip", sa.String(length=45), nullable=True),
        sa.Column("firmware", sa.String(length=128), nullable=True),
        sa.Column("install_date", sa.Date(), nullable=True),
        sa.Column("sensitive_site", sa.Boolean(), nullable=False),
        sa.Column("brand_id", sa.String(length=64), nullable=True),
        sa.Column("maker_id", sa.String(length=64), nullable=True),
        sa.Column("identified_by", sa.String(length=16), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=True),
        sa.Column("risks", JSONText(), nullable=False),
        sa.Column("conflicts", JSONText(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["body_id"], ["bodies.id"], name=op.f("fk_assets_body_id_bodies")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assets")),
        sa.UniqueConstraint("body_id", "source", "source_row", name=op.f("uq_assets_body_id")),
    )
    op.create_index(op.f("ix_assets_body_id"), "assets", ["body_id"], unique=False)
    op.create_index(op.f("ix_assets_mac"), "assets", ["mac"], unique=False)
    op.create_index(op.f("ix_assets_maker_id"), "assets", ["maker_id"], unique=False)
    op.create_index(op.f("ix_assets_serial"), "assets", ["serial"], unique=False)
    op.create_table(
        "phaseout_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("asset_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("replacement_maker", sa.String(length=64), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("actor", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["asset_id"], ["assets.id"], name=op.f("fk_phaseout_events_asset_id_assets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phaseout_events")),
    )
    op.create_index(
        op.f("ix_phaseout_events_asset_id"), "phaseout_events", ["asset_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_phaseout_events_asset_id"), table_name="phaseout_events")
    op.drop_table("phaseout_events")
    op.drop_index(op.f("ix_assets_serial"), table_name="assets")
    op.drop_index(op.f("ix_assets_maker_id"), table_name="assets")
    op.drop_index(op.f("ix_assets_mac"), table_name="assets")
    op.drop_index(op.f("ix_assets_body_id"), table_name="assets")
    op.drop_table("assets")
