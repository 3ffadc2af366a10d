"""Tables of the foi package: survey rounds, requests, their events, replies.

The foi package owns these tables and may add columns and tables (the outbox)
through its migration; other packages read them through foi's functions.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cctv_audit.store.base import Base, JSONText, utcnow


class Survey(Base):
    """A survey round: the same questions asked of many bodies."""

    __tablename__ = "surveys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(255))
    #: The questions as numbered text, e.g. ``["Which manufacturers ...", ...]``.
    questions: Mapped[list[str]] = mapped_column(JSONText, default=list)
    #: Name of the letter template (bundled, e.g. ``cctv-manufacturers``) or a path.
    template: Mapped[str] = mapped_column(String(255))
    #: Requester identity: ``{"name", "email", "address"?, "organisation"?}``.
    requester: Mapped[dict] = mapped_column(JSONText, default=dict)
    #: The earlier round this one repeats (for trends between rounds).
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("surveys.id"))
    #: Prefix of the requests' reference tokens, e.g. ``CCTV`` gives ``CCTV-7K3Q9X``.
    reference_prefix: Mapped[str] = mapped_column(String(16), default="CCTV")
    #: Letter options: ``{"welsh_note": true, "subject": "...", "extra": {...}}``.
    options: Mapped[dict] = mapped_column(JSONText, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Request(Base):
    """One FOI request: a survey's questions put to one body under one law."""

    __tablename__ = "requests"
    __table_args__ = (UniqueConstraint("survey_id", "body_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id"), index=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id"), index=True)
    #: Reference token put in the subject and reply address, e.g. ``CCTV-7K3Q9``.
    reference: Mapped[str] = mapped_column(String(32), unique=True, index=True)
    #: ``FOIA`` or ``FOISA`` (from the body's regime when the request was made).
    law: Mapped[str] = mapped_column(String(8))
    #: draft, sent, awaiting_response, clarification_requested, response_received, successful,
    #: partially_successful, refused, not_held, internal_review, appeal, withdrawn, bounced
    state: Mapped[str] = mapped_column(String(32), default="draft", index=True)
    to_addr: Mapped[str | None] = mapped_column(String(512))
    #: Address replies should go to (the requester's, plus-addressed with the reference when enabled).
    reply_to: Mapped[str | None] = mapped_column(String(512))
    subject: Mapped[str | None] = mapped_column(Text)
    #: The exact letter as sent (or as it will be sent).
    letter: Mapped[str | None] = mapped_column(Text)
    #: Message-ID of the request email (looked up in Sent to never send twice).
    message_id: Mapped[str | None] = mapped_column(String(998), index=True)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    #: Date the body received the request (or the clarification): the clock starts the next working day.
    received_on: Mapped[dt.date | None] = mapped_column(Date)
    responded_on: Mapped[dt.date | None] = mapped_column(Date)
    #: Date the body received our internal review request (its review clock starts the next working day).
    review_requested_on: Mapped[dt.date | None] = mapped_column(Date)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class RequestEvent(Base):
    """A change of a request's state: who, when, why."""

    __tablename__ = "request_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(255))
    from_state: Mapped[str | None] = mapped_column(String(32))
    to_state: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(Text)
    #: Extra facts of the event (message ids, proposed outcome...).
    details: Mapped[dict | None] = mapped_column(JSONText)


class Reply(Base):
    """A received document (usually an email) and the request it answers, if matched."""

    __tablename__ = "replies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), unique=True)
    #: None while the reply waits in the unmatched queue.
    request_id: Mapped[int | None] = mapped_column(ForeignKey("requests.id"), index=True)
    #: ``token``, ``in-reply-to``, ``references``, ``domain``, ``manual``, ``wdtk``.
    matched_by: Mapped[str | None] = mapped_column(String(32))
    received_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    #: The state proposed from the extracted outcome, awaiting a person's confirmation.
    proposed_state: Mapped[str | None] = mapped_column(String(32))
    #: An acknowledgement or automatic reply (read so by intake): it says the letter arrived, nothing more.
    automatic: Mapped[bool] = mapped_column(Boolean, default=False)
    #: A person's word on whether this reply answers the request (None: the rule decides, see
    #: ``foi.is_answer``), with who said it and why.
    answer_override: Mapped[bool | None] = mapped_column(Boolean)
    override_by: Mapped[str | None] = mapped_column(String(255))
    override_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class OutboxMessage(Base):
    """One email to send, written in the same transaction as the change that needs it.

    ``message_id`` is fixed before the first attempt so a send interrupted by a
    crash can be looked up (Sent folder over IMAP) instead of being sent again.
    """

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    #: ``request``, ``chaser``, ``internal_review``, ``appeal``.
    kind: Mapped[str] = mapped_column(String(32))
    from_addr: Mapped[str] = mapped_column(String(512))
    to_addr: Mapped[str] = mapped_column(String(512))
    reply_to: Mapped[str | None] = mapped_column(String(512))
    subject: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    message_id: Mapped[str] = mapped_column(String(998), unique=True, index=True)
    #: ``In-Reply-To`` for follow-ups in the same thread.
    in_reply_to: Mapped[str | None] = mapped_column(String(998))
    #: pending, sending (attempt under way or interrupted), sent, failed (permanent), held (needs a person).
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    #: How we know it went: ``smtp`` (server accepted it) or ``sent-folder`` (found after a crash).
    confirmed_by: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
