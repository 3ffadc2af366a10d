"""Tables of the findings package: claims, their evidence, and reviews of extracted answers.

A claim is a statement "body B uses (or does not use) maker M (N devices) as of D".
Its ``id`` is a stable key (sha1 of body code, maker, polarity, origin and source), so
re-running extraction or re-loading a CSV updates the same rows instead of adding new ones.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cctv_audit.store.base import Base, JSONText, utcnow


class Claim(Base):
    """One statement about one body and one maker, always backed by evidence rows."""

    __tablename__ = "claims"

    #: sha1 of ``body code|maker|polarity|origin|source``: the same inputs give the same id.
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id"), index=True)
    #: What the source names (``hilook``); ``maker_id`` is the real maker (``hikvision``).
    manufacturer_id: Mapped[str] = mapped_column(String(64))
    maker_id: Mapped[str] = mapped_column(String(64), index=True)
    #: ``uses`` or ``does_not_use``.
    polarity: Mapped[str] = mapped_column(String(16), index=True)
    device_count: Mapped[int | None] = mapped_column(Integer)
    as_of: Mapped[dt.date | None] = mapped_column(Date)
    #: ``extraction``, ``review``, ``audit``, ``manual`` or ``published``.
    origin: Mapped[str] = mapped_column(String(16), index=True)
    #: What the key was built from: ``document:<sha256>``, ``observation:<kind>:<id>``, a URL.
    source: Mapped[str] = mapped_column(Text)
    #: The words of the source ("12 x Hik DS-2CD2143 domes"), beside the normalised maker.
    original_wording: Mapped[str | None] = mapped_column(Text)
    survey_id: Mapped[int | None] = mapped_column(ForeignKey("surveys.id"), index=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("requests.id"), index=True)
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("answers.id"), index=True)
    confidence: Mapped[float | None] = mapped_column(Float)
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Set when a person accepted the claim's fields (review of the answer it came from).
    reviewed_by: Mapped[str | None] = mapped_column(String(255))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    #: Counted in "at least N" figures (see docs/findings.md, "What confirmed means").
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    #: ``active``, ``superseded`` (replaced by a newer extraction or a correction) or ``rejected``.
    status: Mapped[str] = mapped_column(String(16), default="active", index=True)
    status_reason: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="Evidence.id"
    )

    def __repr__(self) -> str:
        return f"Claim({self.id[:8]}, body={self.body_id}, {self.polarity} {self.maker_id}, {self.origin})"


class Evidence(Base):
    """Why a claim is believed: a document span, an audit observation or a published URL."""

    __tablename__ = "evidence"
    __table_args__ = (UniqueConstraint("claim_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    #: Identity of this evidence within its claim (so re-recording does not duplicate it).
    key: Mapped[str] = mapped_column(String(40))
    #: ``document``, ``observation`` or ``url``.
    kind: Mapped[str] = mapped_column(String(16))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    quote: Mapped[str | None] = mapped_column(Text)
    #: An audit record id and its kind (``observation``, ``device``, ``asset``): a plain link,
    #: no foreign key, so findings does not depend on the audit tables' schema.
    observation_id: Mapped[int | None] = mapped_column(Integer)
    observation_kind: Mapped[str | None] = mapped_column(String(32))
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    claim: Mapped[Claim] = relationship(back_populates="evidence")


class ClaimReview(Base):
    """One version of one reviewed answer field: who, when, before, after, why."""

    __tablename__ = "claim_reviews"
    __table_args__ = (UniqueConstraint("answer_id", "field", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id"), index=True)
    #: ``outcome``, ``exemptions``, ``in_use``, ``denied``, ``counts`` or ``total_cameras``.
    field: Mapped[str] = mapped_column(String(32))
    #: 1 for the first review of this field, then 2, 3...
    version: Mapped[int] = mapped_column(Integer)
    #: ``accept``, ``correct`` or ``reject``.
    action: Mapped[str] = mapped_column(String(16))
    before: Mapped[Any] = mapped_column(JSONText, nullable=True)
    after: Mapped[Any] = mapped_column(JSONText, nullable=True)
    reason: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str] = mapped_column(String(255))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    #: The passage the reviewer quoted for a correction (``{"document_id", "start", "end", "quote"}``);
    #: None on a correction means the value is the reviewer's own, resting on their reason.
    passage: Mapped[dict | None] = mapped_column(JSONText, nullable=True)


class Disclosure(Base):
    """One published FOI reply about a body (``disclosures load``), with or without makers.

    Makers in it become ``published`` claims; the row itself keeps the reply's outcome, so a
    published refusal, "not held" or an answer that names no maker is a finding too (the
    body's status outside survey rounds), never dropped or counted as unknown.
    """

    __tablename__ = "disclosures"

    #: sha1 of ``body code|source URL``: re-loading the same row updates it.
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id"), index=True)
    #: An ``answers`` outcome: disclosed, partially_disclosed, refused, not_held, ...
    outcome: Mapped[str] = mapped_column(String(32))
    exemptions: Mapped[Any] = mapped_column(JSONText, default=list)
    makers_in_use: Mapped[Any] = mapped_column(JSONText, default=list)
    makers_denied: Mapped[Any] = mapped_column(JSONText, default=list)
    total_cameras: Mapped[int | None] = mapped_column(Integer)
    disclosed_on: Mapped[dt.date | None] = mapped_column(Date)
    source_url: Mapped[str] = mapped_column(Text)
    #: The CSV it came from ("bundled disclosures.csv" or a path).
    loaded_from: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class RecordClaim(Base):
    """One claim of the published record (``findings.record``): what one source says about one
    body and one maker, with its kind, scope, count, date, grade and a short quote.

    The record keeps every claim, contradictions included; which claims count in a figure is
    decided when figures are computed (``findings.record.FIGURE_RULE``), never by dropping rows.
    """

    __tablename__ = "record_claims"

    #: sha1 of ``body code|maker|kind|scope|source URL|by exclusion``: re-loading updates the row.
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id"), index=True)
    maker_id: Mapped[str] = mapped_column(String(64), index=True)
    #: ``uses``, ``does_not_use``, ``refused``, ``not_held`` or ``plans_to_remove``.
    kind: Mapped[str] = mapped_column(String(16))
    #: ``estate``, ``public_space``, ``site`` or ``unstated``.
    scope: Mapped[str] = mapped_column(String(16))
    device_count: Mapped[int | None] = mapped_column(Integer)
    #: When the claim was true as the source gives it: ``2022``, ``2019-06``, ``2025-01-06`` or ``undated``.
    as_of_text: Mapped[str] = mapped_column(String(16))
    #: The earliest day of ``as_of_text`` (None when undated), for ordering.
    as_of: Mapped[dt.date | None] = mapped_column(Date)
    #: Named only by exclusion ("every council except three"): kept, never counted in named figures.
    by_exclusion: Mapped[bool] = mapped_column(Boolean, default=False)
    grade: Mapped[str] = mapped_column(String(16), index=True)
    source_url: Mapped[str] = mapped_column(Text)
    publisher: Mapped[str] = mapped_column(Text)
    published: Mapped[str] = mapped_column(String(16))
    title: Mapped[str | None] = mapped_column(Text)
    quote: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    #: The file and line it was read from ("bundled claims.yaml:12", "additions.csv:4").
    loaded_from: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
