"""Plain reads over other packages' tables for display (no decisions are made here).

Anything that decides (statuses, deadlines, statistics, matching) comes from the
owning package; these helpers only fetch rows to show them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cctv_audit.answers.models import AnswerRecord
from cctv_audit.documents.models import Document, Message
from cctv_audit.errors import NotFound
from cctv_audit.foi import unmatched_replies
from cctv_audit.foi.models import Reply, Request, RequestEvent, Survey
from cctv_audit.registry import Body


def surveys(session: Session) -> list[Survey]:
    """Every survey round, newest first."""
    return list(
        session.scalars(select(Survey).order_by(Survey.created_at.desc(), Survey.id.desc()))
    )


def latest_survey_id(session: Session) -> int | None:
    """The newest survey round, or None when there is none."""
    return session.scalar(
        select(Survey.id).order_by(Survey.created_at.desc(), Survey.id.desc()).limit(1)
    )


def request_counts(session: Session) -> dict[int, int]:
    """Number of requests per survey id."""
    rows = session.execute(select(Request.survey_id, func.count()).group_by(Request.survey_id))
    return {survey_id: count for survey_id, count in rows}


def message_of(session: Session, document_id: int) -> Message | None:
    return session.scalar(select(Message).where(Message.document_id == document_id))


def answers_of(session: Session, document_id: int) -> list[AnswerRecord]:
    """Extractions of a document, newest first."""
    query = select(AnswerRecord).where(AnswerRecord.document_id == document_id)
    return list(
        session.scalars(query.order_by(AnswerRecord.created_at.desc(), AnswerRecord.id.desc()))
    )


@dataclass
class InboxRow:
    """An unmatched reply with what the team needs to match it."""

    reply: Reply
    document: Document
    message: Message | None


def inbox_rows(session: Session, limit: int = 200) -> list[InboxRow]:
    """The unmatched queue (``foi.unmatched_replies``: our own letters are never in it) for display."""
    rows = []
    for reply in unmatched_replies(session)[:limit]:
        document = session.get(Document, reply.document_id)
        if document is None:
            raise NotFound(f"reply {reply.id}: its document {reply.document_id} is not stored")
        rows.append(InboxRow(reply, document, message_of(session, document.id)))
    return rows


def open_requests(session: Session) -> list[tuple[Request, Body]]:
    """Requests with their bodies (for the manual match list), by body name."""
    query = (
        select(Request, Body).join(Body, Body.id == Request.body_id).order_by(Body.name, Request.id)
    )
    return [(request, body) for request, body in session.execute(query)]


@dataclass
class RequestHistory:
    """One request to a body with everything that happened to it."""

    request: Request
    survey: Survey
    events: list[RequestEvent] = field(default_factory=list)
    replies: list[tuple[Reply, Document]] = field(default_factory=list)


def body_history(session: Session, body_id: int) -> list[RequestHistory]:
    """Every request to a body (newest survey first) with its events and replies."""
    rows = session.execute(
        select(Request, Survey)
        .join(Survey, Survey.id == Request.survey_id)
        .where(Request.body_id == body_id)
        .order_by(Survey.created_at.desc(), Request.id.desc())
    )
    history = [RequestHistory(request, survey) for request, survey in rows]
    for item in history:
        item.events = list(
            session.scalars(
                select(RequestEvent)
                .where(RequestEvent.request_id == item.request.id)
                .order_by(RequestEvent.at, RequestEvent.id)
            )
        )
        item.replies = [
            (reply, document)
            for reply, document in session.execute(
                select(Reply, Document)
                .join(Document, Document.id == Reply.document_id)
                .where(Reply.request_id == item.request.id)
                .order_by(Reply.received_at, Reply.id)
            )
        ]
    return history


def reply_of_document(session: Session, document_id: int) -> Reply | None:
    return session.scalar(select(Reply).where(Reply.document_id == document_id))


def gss_codes(session: Session) -> dict[int, str]:
    """GSS code of every body that has one (places bodies on the hex map)."""
    rows = session.execute(select(Body.id, Body.gss_code).where(Body.gss_code.is_not(None)))
    return {body_id: code for body_id, code in rows if code is not None}


def body_names(session: Session, body_ids: list[int]) -> dict[int, str]:
    """Names of the given bodies by id."""
    if not body_ids:
        return {}
    return dict(session.execute(select(Body.id, Body.name).where(Body.id.in_(body_ids))).all())
