"""The intake step: match new documents to requests, read each reply once, record its claims.

Every route by which a reply arrives (``ingest``, ``replies fetch``, ``replies assign``, the web
inbox, ``answers run``) calls these functions, so a reply is always read the same way: its parts
each read against the letter we sent, merged into one answer saved on the reply's document,
claims derived from that answer with the reply's context handed down (no second look-up), and
the outcome handed back to foi as a proposed state.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from cctv_audit import findings, foi
from cctv_audit.answers import EXTRACTOR_VERSION, extract_answer, save_answer
from cctv_audit.answers.models import AnswerRecord
from cctv_audit.documents import IngestReport, get_document
from cctv_audit.documents.models import Document
from cctv_audit.errors import CctvAuditError, ExtractionError
from cctv_audit.foi.models import Reply, Request
from cctv_audit.intake.merge import merge_parts
from cctv_audit.intake.parts import reply_parts

log = logging.getLogger(__name__)


@dataclass
class ReplyReading:
    """What reading one reply gave: its one answer (None when it has no text) and the claims."""

    reply: Reply
    answer: AnswerRecord | None
    claims: list[findings.Claim] = field(default_factory=list)
    error: str | None = None


@dataclass
class IntakeReport:
    """Replies matched and read, documents read outside any reply, and what failed (with why)."""

    replies: list[Reply] = field(default_factory=list)
    readings: list[ReplyReading] = field(default_factory=list)
    answers: list[AnswerRecord] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)

    @property
    def matched(self) -> int:
        return sum(1 for r in self.replies if r.request_id is not None)

    @property
    def unmatched(self) -> int:
        return sum(1 for r in self.replies if r.request_id is None and not foi.is_own_message(r))

    @property
    def own(self) -> int:
        return sum(1 for r in self.replies if foi.is_own_message(r))

    @property
    def claims(self) -> int:
        return sum(len(r.claims) for r in self.readings)


def read_document(document: Document, session: Session, *, question: str | None) -> AnswerRecord:
    """Read a stored document (with its attachments as separate parts) into one saved answer."""
    if not (document.text and document.text.strip()):
        raise ExtractionError(
            f"document {document.id} ({document.filename}) has no extracted text (status {document.status}); "
            "extract it first with the documents commands"
        )
    parts, unread = reply_parts(session, document)
    readings = [
        (part, extract_answer(part.text, question=question, document_id=part.document.id))
        for part in parts
    ]
    answer = merge_parts(readings, unread=[d.filename for d in unread])
    return save_answer(session, document.id, answer)


def read_reply(session: Session, reply: Reply) -> ReplyReading:
    """Read one reply once: one answer, its claims (when matched), the state its outcome suggests."""
    request = session.get(Request, reply.request_id) if reply.request_id else None
    document = get_document(session, reply.document_id)
    try:
        with session.begin_nested():
            record = read_document(document, session, question=request.letter if request else None)
    except CctvAuditError as exc:  # e.g. a scan that needs OCR: the reply itself is kept regardless
        log.warning("reply %s (document %s): %s", reply.id, document.id, exc)
        foi.apply_outcome(session, reply, None)
        return ReplyReading(reply, None, error=str(exc))
    foi.apply_outcome(session, reply, record.outcome)
    reading = ReplyReading(reply, record)
    reading.claims = _claims_of(session, reply, record)
    return reading


def _claims_of(session: Session, reply: Reply, record: AnswerRecord) -> list[findings.Claim]:
    """The reply's claims: none unless it answers its request (``foi.is_answer``)."""
    if reply.request_id is None or not foi.is_answer(reply):  # an answer is always matched
        findings.retire_claims(session, record, f"reply {reply.id} is not an answer to its request")
        return []
    request = foi.get_request(session, reply.request_id)
    document = get_document(session, reply.document_id)
    return findings.claims_from_answer(
        session,
        record,
        body_id=request.body_id,
        survey_id=request.survey_id,
        request_id=request.id,
        as_of=_as_of(reply, request, document),
    )


def attach(
    session: Session,
    document_id: int,
    request: Request | int | str,
    *,
    actor: str,
    replied_on: dt.date | None = None,
) -> ReplyReading:
    """Any stored document (a posted letter, a portal download) becomes a reply to ``request`` and is read."""
    reply = foi.attach_document(session, document_id, request, actor=actor)
    if replied_on is not None:
        foi.set_reply_date(session, reply.id, replied_on, actor=actor)
    return read_reply(session, reply)


def mark(
    session: Session, reply_id: int, answer: bool | None, *, actor: str, reason: str | None = None
) -> ReplyReading:
    """A person says a reply is (not) an answer, or undoes that (None); request state and claims follow."""
    reply = foi.mark_reply(session, reply_id, answer, actor=actor, reason=reason)
    record = session.scalar(
        select(AnswerRecord)
        .where(AnswerRecord.document_id == reply.document_id)
        .order_by(AnswerRecord.id.desc())
        .limit(1)
    )
    if record is None:
        return read_reply(session, reply)
    return ReplyReading(reply, record, _claims_of(session, reply, record))


def _as_of(reply: Reply, request: Request, document: Document) -> dt.date:
    """The date a reply's claims were true: the day the body replied."""
    if request.responded_on is not None:
        return request.responded_on
    if reply.received_at is not None:
        return reply.received_at.date()
    return document.created_at.date()


def match_new(session: Session) -> IntakeReport:
    """Match every newly stored top-level document to its request (or queue it), then read it."""
    report = IntakeReport(replies=foi.match_new_documents(session))
    for reply in report.replies:
        if foi.is_own_message(reply):
            continue  # our own letter: filed, never read as an answer
        _read_into(session, reply, report)
    return report


def assign(
    session: Session, reply_id: int, request: Request | int | str, *, actor: str
) -> ReplyReading:
    """A person ties a queued reply to a request; it is read against that request's letter."""
    reply = foi.assign_reply(session, reply_id, request, actor=actor)
    return read_reply(session, reply)


def refresh(
    session: Session, *, redo: bool = False, on_progress: Callable[[Document], None] | None = None
) -> IntakeReport:
    """Read every stored reply not yet read by this extractor (all with ``redo``); `answers run`.

    Documents that are not part of any reply (an archive of published replies, a body answering
    its own requests) still get an answer, but no claims. One bad document never stops the batch.
    """
    report = IntakeReport()
    for document in pending(session, redo=redo):
        reply = session.scalar(select(Reply).where(Reply.document_id == document.id))
        if reply is not None:
            _read_into(session, reply, report)
        else:
            _read_loose(session, document, report)
        if on_progress is not None:
            on_progress(document)
    return report


def pending(session: Session, *, redo: bool = False) -> list[Document]:
    """Top-level documents with text and (unless ``redo``) no answer at this extractor version.

    An attachment is read as a part of its e-mail, never on its own; our own letters not at all.
    """
    own = select(Reply.document_id).where(Reply.matched_by == "own-message")
    query = (
        select(Document)
        .where(Document.text.is_not(None), Document.parent_id.is_(None), Document.id.not_in(own))
        .order_by(Document.id)
    )
    if not redo:
        done = select(AnswerRecord.document_id).where(
            AnswerRecord.extractor_version == EXTRACTOR_VERSION
        )
        query = query.where(Document.id.not_in(done))
    return list(session.scalars(query))


def _read_into(session: Session, reply: Reply, report: IntakeReport) -> None:
    reading = read_reply(session, reply)
    report.readings.append(reading)
    if reading.answer is not None:
        report.answers.append(reading.answer)
    if reading.error is not None:
        report.failed.append((reply.document_id, reading.error))


def _read_loose(session: Session, document: Document, report: IntakeReport) -> None:
    try:
        with session.begin_nested():
            report.answers.append(read_document(document, session, question=None))
    except CctvAuditError as exc:
        log.warning("document %s (%s): %s", document.id, document.filename, exc)
        report.failed.append((document.id, str(exc)))


def fetch_replies(store, settings, *, folder: str = "INBOX") -> tuple[IngestReport, IntakeReport]:
    """Fetch new mail over IMAP (``foi.fetch_mail``), then match and read it."""
    ingest_report = foi.fetch_mail(store, settings, folder=folder)
    with store.session() as session:
        return ingest_report, match_new(session)


def rederive(session: Session, *, survey_id: int | None = None) -> int:
    """Derive the claims of every read reply again from its newest answer (`claims sync`).

    Nothing is re-read: use it when the knowledge base changed what a name resolves to.
    Replies not matched to a request have no claims and are skipped.
    """
    done = 0
    for answer in findings.latest_answers(session, survey_id):
        reply = session.scalar(select(Reply).where(Reply.document_id == answer.document_id))
        if reply is None or reply.request_id is None:
            continue
        _claims_of(session, reply, answer)
        done += 1
    return done
