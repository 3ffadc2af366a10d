"""Tables of the answers package: one extraction of one document."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cctv_audit.store.base import Base, JSONText, utcnow


class AnswerRecord(Base):
    """What a reply document answered, as extracted (reviews live in findings)."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("document_id", "extractor_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    extractor_version: Mapped[str] = mapped_column(String(32))
    #: disclosed, partially_disclosed, refused, not_held, neither_confirm_nor_deny, other
    outcome: Mapped[str] = mapped_column(String(32), index=True)
    exemptions: Mapped[list[str]] = mapped_column(JSONText, default=list)
    manufacturers_in_use: Mapped[list[str]] = mapped_column(JSONText, default=list)
    manufacturers_denied: Mapped[list[str]] = mapped_column(JSONText, default=list)
    counts: Mapped[dict[str, int]] = mapped_column(JSONText, default=dict)
    total_cameras: Mapped[int | None] = mapped_column(Integer)
    #: ``[{"field", "value", "start", "end", "quote", "manufacturer_id"?}]`` spans into the document text.
    evidence: Mapped[list[dict]] = mapped_column(JSONText, default=list)
    confidence: Mapped[dict[str, float]] = mapped_column(JSONText, default=dict)
    min_confidence: Mapped[float] = mapped_column(Float, default=1.0, index=True)
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    #: Why a person should check this answer (empty when ``needs_review`` is false).
    review_reasons: Mapped[list[str]] = mapped_column(JSONText, default=list)
    #: ``[{"field", "value", "chosen", "support": [passage], "against": [passage]}]``: the readings put to a
    #: reviewer (``answers.schema.Candidate``); empty when the answer was accepted without review.
    candidates: Mapped[list[dict] | None] = mapped_column(JSONText, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
