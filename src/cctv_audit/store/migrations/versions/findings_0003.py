"""findings: a correction quotes the passage the reviewer picked (or is marked as their own value).

Revision ID: findings_0003
Revises: record_0001
"""

import sqlalchemy as sa
from alembic import op

from cctv_audit.store.base import JSONText

revision = "findings_0003"
down_revision = "record_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claim_reviews") as batch:
        batch.add_column(sa.Column("passage", JSONText(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claim_reviews") as batch:
        batch.drop_column("passage")
