"""Tables of the findings package.

Revision ID: findings_0001
Revises: audit_0001
"""

import sqlalchemy as sa
from alembic import op

from cctv_audit.store.base import JSONText

revision = "findings_0001"
down_revision = "audit_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claim_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("answer_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("before", JSONText(), nullable=True),
        sa.Column("after", JSONText(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("reviewer", sa.String(length=255), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["answer_id"], ["answers.id"], name=op.f("fk_claim_reviews_answer_id_answers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_reviews")),
        sa.UniqueConstraint(
            "answer_id", "field", "version", name=op.f("uq_claim_reviews_answer_id")
        ),
    )
    op.create_index(
        op.f("ix_claim_reviews_answer_id"), "claim_reviews", ["answer_id"], unique=False
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("body_id", sa.Integer(), nullable=False),
        sa.Column("manufacturer_id", sa.String(length=64), nullable=False),
        sa.Column("maker_id", sa.String(length=64), nullable=False),
        sa.Column("polarity", sa.String(length=16), nullable=False),
        sa.Column("device_count", sa.Integer(), nullable=True),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("original_wording", sa.Text(), nullable=True),
        sa.Column("survey_id", sa.Integer(), nullable=True),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("answer_id", sa.Integer(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("needs_review", sa.Boolean(), nullable=False),
        sa.Column("reviewed_by", sa.String(length=255), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["answer_id"], ["answers.id"], name=op.f("fk_claims_answer_id_answers")
        ),
        sa.ForeignKeyConstraint(["body_id"], ["bodies.id"], name=op.f("fk_claims_body_id_bodies")),
        sa.ForeignKeyConstraint(
            ["request_id"], ["requests.id"], name=op.f("fk_claims_request_id_requests")
        ),
        sa.ForeignKeyConstraint(
            ["survey_id"], ["surveys.id"], name=op.f("fk_claims_survey_id_surveys")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
    )
    op.create_index(op.f("ix_claims_answer_id"), "claims", ["answer_id"], unique=False)
    op.create_index(op.f("ix_claims_body_id"), "claims", ["body_id"], unique=False)
    op.create_index(op.f("ix_claims_confirmed"), "claims", ["confirmed"], unique=False)
    op.create_index(op.f("ix_claims_maker_id"), "claims", ["maker_id"], unique=False)
    op.create_index(op.f("ix_claims_origin"), "claims", ["origin"], unique=False)
    op.create_index(op.f("ix_claims_polarity"), "claims", ["polarity"], unique=False)
    op.create_index(op.f("ix_claims_request_id"), "claims", ["request_id"], unique=False)
    op.create_index(op.f("ix_claims_status"), "claims", ["status"], unique=False)
    op.create_index(op.f("ix_claims_survey_id"), "claims", ["survey_id"], unique=False)
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("observation_id", sa.Integer(), nullable=True),
        sa.Column("observation_kind", sa.String(length=32), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_evidence_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_evidence_document_id_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
        sa.UniqueConstraint("claim_id", "key", name=op.f("uq_evidence_claim_id")),
    )
    op.create_index(op.f("ix_evidence_claim_id"), "evidence", ["claim_id"], unique=False)
    op.create_index(op.f("ix_evidence_document_id"), "evidence", ["document_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_evidence_document_id"), table_name="evidence")
    op.drop_index(op.f("ix_evidence_claim_id"), table_name="evidence")
    op.drop_table("evidence")
    op.drop_index(op.f("ix_claims_survey_id"), table_name="claims")
    op.drop_index(op.f("ix_claims_status"), table_name="claims")
    op.drop_index(op.f("ix_claims_request_id"), table_name="claims")
    op.drop_index(op.f("ix_claims_polarity"), table_name="claims")
    op.drop_index(op.f("ix_claims_origin"), table_name="claims")
    op.drop_index(op.f("ix_claims_maker_id"), table_name="claims")
    op.drop_index(op.f("ix_claims_confirmed"), table_name="claims")
    op.drop_index(op.f("ix_claims_body_id"), table_name="claims")
    op.drop_index(op.f("ix_claims_answer_id"), table_name="claims")
    op.drop_table("claims")
    op.drop_index(op.f("ix_claim_reviews_answer_id"), table_name="claim_reviews")
    op.drop_table("claim_reviews")
