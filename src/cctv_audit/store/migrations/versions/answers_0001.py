"""Tables of the answers package.

Revision ID: answers_0001
Revises: documents_0001
"""

import sqlalchemy as sa
from alembic import op

from cctv_audit.store.base import JSONText

revision = "answers_0001"
down_revision = "documents_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("exemptions", JSONText(), nullable=False),
        sa.Column("manufacturers_in_use", JSONText(), nullable=False),
        sa.Column("manufacturers_denied", JSONText(), nullable=False),
        sa.Column("counts", JSONText(), nullable=False),
        sa.Column("total_cameras", sa.Integer(), nullable=True),
        sa.Column("evidence", JSONText(), nullable=False),
        sa.Column("confidence", JSONText(), nullable=False),
        sa.Column("min_confidence", sa.Float(), nullable=False),
        sa.Column("needs_review", sa.Boolean(), nullable=False),
        sa.Column("review_reasons", JSONText(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_answers_document_id_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answers")),
        sa.UniqueConstraint(
            "document_id", "extractor_version", name=op.f("uq_answers_document_id")
        ),
    )
    op.create_index(op.f("ix_answers_document_id"), "answers", ["document_id"], unique=False)
    op.create_index(op.f("ix_answers_min_confidence"), "answers", ["min_confidence"], unique=False)
    op.create_index(op.f("ix_answers_needs_review"), "answers", ["needs_review"], unique=False)
    op.create_index(op.f("ix_answers_outcome"), "answers", ["outcome"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_answers_outcome"), table_name="answers")
    op.drop_index(op.f("ix_answers_needs_review"), table_name="answers")
    op.drop_index(op.f("ix_answers_min_confidence"), table_name="answers")
    op.drop_index(op.f("ix_answers_document_id"), table_name="answers")
    op.drop_table("answers")
