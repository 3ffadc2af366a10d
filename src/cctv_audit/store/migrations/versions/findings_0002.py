"""findings: published disclosures (outcomes of published FOI replies, with or without makers).

Revision ID: findings_0002
Revises: web_0001
"""

import sqlalchemy as sa
from alembic import op

from cctv_audit.store.base import JSONText

revision = "findings_0002"
down_revision = "web_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "disclosures",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("body_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("exemptions", JSONText(), nullable=False),
        sa.Column("makers_in_use", JSONText(), nullable=False),
        sa.Column("makers_denied", JSONText(), nullable=False),
        sa.Column("total_cameras", sa.Integer(), nullable=True),
        sa.Column("disclosed_on", sa.Date(), nullable=True),
        sa.Column("source_url", sa.Text(), nullable=False),
        sa.Column("loaded_from", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["body_id"], ["bodies.id"], name=op.f("fk_disclosures_body_id_bodies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disclosures")),
    )
    op.create_index(op.f("ix_disclosures_body_id"), "disclosures", ["body_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_disclosures_body_id"), table_name="disclosures")
    op.drop_table("disclosures")
