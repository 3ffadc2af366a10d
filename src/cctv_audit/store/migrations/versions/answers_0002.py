"""answers: the readings a reviewer chooses between (candidates with passages for and against).

Revision ID: answers_0002
Revises: findings_0003
"""

import sqlalchemy as sa
from alembic import op

from cctv_audit.store.base import JSONText

revision = "answers_0002"
down_revision = "findings_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("answers") as batch:
        batch.add_column(sa.Column("candidates", JSONText(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("answers") as batch:
        batch.drop_column("candidates")
