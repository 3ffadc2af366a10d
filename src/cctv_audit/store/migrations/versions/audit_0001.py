"""Tables of the audit package.

Revision ID: audit_0001
Revises: foi_0001
"""

import sqlalchemy as sa
from alembic import op

from cctv_audit.store.base import JSONText

revision = "audit_0001"
down_revision = "foi_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scan_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation", sa.String(length=255), nullable=False),
        sa.Column("body_id", sa.Integer(), nullable=True),
        sa.Column("authorised_by", sa.String(length=255), nullable=False),
        sa.Column("authorisation", JSONText(), nullable=False),
        sa.Column("reference", sa.String(length=255), nullable=True),
        sa.Column("scope", JSONText(), nullable=False),
        sa.Column("source", sa.String(length=255), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("hosts_probed", sa.Integer(), nullable=False),
        sa.Column("hosts_responding", sa.Integer(), nullable=False),
        sa.Column("devices_found", sa.Integer(), nullable=False),
        sa.Column("refused", JSONText(), nullable=False),
        sa.ForeignKeyConstraint(
            ["body_id"], ["bodies.id"], name=op.f("fk_scan_runs_body_id_bodies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan_runs")),
    )
    op.create_index(op.f("ix_scan_runs_body_id"), "scan_runs", ["body_id"], unique=False)
    op.create_table(
        "devices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scan_run_id", sa.Integer(), nullable=False),
        sa.Column("ip", sa.String(length=64), nullable=False),
        sa.Column("mac", sa.String(length=32), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("manufacturer_id", sa.String(length=64), nullable=True),
        sa.Column("manufacturer", sa.String(length=128), nullable=True),
        sa.Column("brand_id", sa.String(length=64), nullable=True),
        sa.Column("brand", sa.String(length=128), nullable=True),
        sa.Column("rebadged", sa.Boolean(), nullable=False),
        sa.Column("model", sa.String(length=128), nullable=True),
        sa.Column("firmware", sa.String(length=128), nullable=True),
        sa.Column("serial", sa.String(length=128), nullable=True),
        sa.Column("open_ports", JSONText(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("decided_by", JSONText(), nullable=False),
        sa.Column("risks", JSONText(), nullable=False),
        sa.Column("risk_level", sa.Integer(), nullable=False),
        sa.Column("observed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["scan_run_id"],
            ["scan_runs.id"],
            name=op.f("fk_devices_scan_run_id_scan_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_devices")),
    )
    op.create_index(op.f("ix_devices_ip"), "devices", ["ip"], unique=False)
    op.create_index(op.f("ix_devices_mac"), "devices", ["mac"], unique=False)
    op.create_index(
        op.f("ix_devices_manufacturer_id"), "devices", ["manufacturer_id"], unique=False
    )
    op.create_index(op.f("ix_devices_scan_run_id"), "devices", ["scan_run_id"], unique=False)
    op.create_table(
        "observations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scan_run_id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=True),
        sa.Column("ip", sa.String(length=64), nullable=False),
        sa.Column("port", sa.Integer(), nullable=True),
        sa.Column("protocol", sa.String(length=32), nullable=False),
        sa.Column("probe", sa.String(length=255), nullable=False),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.Column("fields", JSONText(), nullable=False),
        sa.Column("identity", JSONText(), nullable=False),
        sa.Column("observed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["devices.id"],
            name=op.f("fk_observations_device_id_devices"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["scan_run_id"],
            ["scan_runs.id"],
            name=op.f("fk_observations_scan_run_id_scan_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_observations")),
    )
    op.create_index(op.f("ix_observations_device_id"), "observations", ["device_id"], unique=False)
    op.create_index(op.f("ix_observations_ip"), "observations", ["ip"], unique=False)
    op.create_index(
        op.f("ix_observations_scan_run_id"), "observations", ["scan_run_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_observations_scan_run_id"), table_name="observations")
    op.drop_index(op.f("ix_observations_ip"), table_name="observations")
    op.drop_index(op.f("ix_observations_device_id"), table_name="observations")
    op.drop_table("observations")
    op.drop_index(op.f("ix_devices_scan_run_id"), table_name="devices")
    op.drop_index(op.f("ix_devices_manufacturer_id"), table_name="devices")
    op.drop_index(op.f("ix_devices_mac"), table_name="devices")
    op.drop_index(op.f("ix_devices_ip"), table_name="devices")
    op.drop_table("devices")
    op.drop_index(op.f("ix_scan_runs_body_id"), table_name="scan_runs")
    op.drop_table("scan_runs")
