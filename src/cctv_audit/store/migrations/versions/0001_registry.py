"""Registry of public bodies: the root of every migration branch.

Revision ID: 0001_registry
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

from cctv_audit.store.base import JSONText

revision = "0001_registry"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bodies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("short_name", sa.String(length=255), nullable=False),
        sa.Column("nation", sa.String(length=32), nullable=False),
        sa.Column("region", sa.String(length=64), nullable=True),
        sa.Column("body_type", sa.String(length=32), nullable=False),
        sa.Column("body_type_name", sa.String(length=128), nullable=False),
        sa.Column("regime", sa.String(length=8), nullable=False),
        sa.Column("gss_code", sa.String(length=16), nullable=True),
        sa.Column("wdtk_id", sa.String(length=128), nullable=True),
        sa.Column("population", sa.Integer(), nullable=True),
        sa.Column("parent_code", sa.String(length=64), nullable=True),
        sa.Column("website", sa.String(length=255), nullable=True),
        sa.Column("foi_email", sa.String(length=255), nullable=True),
        sa.Column("email_domains", JSONText(), nullable=False),
        sa.Column("alt_names", JSONText(), nullable=False),
        sa.Column("source", sa.String(length=255), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bodies")),
    )
    op.create_index(op.f("ix_bodies_body_type"), "bodies", ["body_type"], unique=False)
    op.create_index(op.f("ix_bodies_code"), "bodies", ["code"], unique=True)
    op.create_index(op.f("ix_bodies_gss_code"), "bodies", ["gss_code"], unique=False)
    op.create_index(op.f("ix_bodies_nation"), "bodies", ["nation"], unique=False)
    op.create_index(op.f("ix_bodies_region"), "bodies", ["region"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_bodies_region"), table_name="bodies")
    op.drop_index(op.f("ix_bodies_nation"), table_name="bodies")
    op.drop_index(op.f("ix_bodies_gss_code"), table_name="bodies")
    op.drop_index(op.f("ix_bodies_code"), table_name="bodies")
    op.drop_index(op.f("ix_bodies_body_type"), table_name="bodies")
    op.drop_table("bodies")
