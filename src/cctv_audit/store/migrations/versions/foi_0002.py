"""foi: which replies answer. Automatic replies are marked; a person can say a reply is (not) an answer.

Revision ID: foi_0002
Revises: intake_0001
"""

import sqlalchemy as sa
from alembic import op

revision = "foi_0002"
down_revision = "intake_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("replies") as batch:
        batch.add_column(
            sa.Column("automatic", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("answer_override", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("override_by", sa.String(length=255), nullable=True))
        batch.add_column(sa.Column("override_reason", sa.Text(), nullable=True))
    # Acknowledgements read before this revision: the request event that kept the clock running says so.
    op.execute(
        "UPDATE replies SET automatic = true WHERE id IN (SELECT r.id FROM replies r JOIN request_events e "
        "ON e.request_id = r.request_id WHERE e.reason LIKE 'acknowledgement or automatic reply (document %' "
        "AND e.reason LIKE '%(document ' || r.document_id || ')%')"
    )


def downgrade() -> None:
    with op.batch_alter_table("replies") as batch:
        batch.drop_column("override_reason")
        batch.drop_column("override_by")
        batch.drop_column("answer_override")
        batch.drop_column("automatic")
