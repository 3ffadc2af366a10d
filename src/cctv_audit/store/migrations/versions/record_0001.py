"""findings: the published record (record_claims), claims of published sources with their grade.

Revision ID: record_0001
Revises: foi_0002
"""

import sqlalchemy as sa
from alembic import op

revision = "record_0001"
down_revision = "foi_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "record_claims",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("body_id", sa.Integer(), nullable=False),
        sa.Column("maker_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("device_count", sa.Integer(), nullable=True),
        sa.Column("as_of_text", sa.String(length=16), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("by_exclusion", sa.Boolean(), nullable=False),
        sa.Column("grade", sa.String(length=16), nullable=False),
        sa.Column("source_url", sa.Text(), nullable=False),
        sa.Column("publisher", sa.Text(), nullable=False),
        sa.Column("published", sa.String(length=16), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("loaded_from", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["body_id"], ["bodies.id"], name=op.f("fk_record_claims_body_id_bodies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_claims")),
    )
    op.create_index(op.f("ix_record_claims_body_id"), "record_claims", ["body_id"], unique=False)
    op.create_index(op.f("ix_record_claims_maker_id"), "record_claims", ["maker_id"], unique=False)
    op.create_index(op.f("ix_record_claims_grade"), "record_claims", ["grade"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_record_claims_grade"), table_name="record_claims")
    op.drop_index(op.f("ix_record_claims_maker_id"), table_name="record_claims")
    op.drop_index(op.f("ix_record_claims_body_id"), table_name="record_claims")
    op.drop_table("record_claims")
