"""Follow-ups: chasers for overdue requests, internal review requests, appeal drafts.

Each is rendered from an editable template (bundled ``chaser``, ``internal_review``,
``appeal``; a survey may name its own files in ``options["templates"]``) and sent
through the same outbox as the requests, threaded on the original message.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from cctv_audit.errors import SurveyError
from cctv_audit.foi.letters import Letter, law_wording, letter_context, render_template
from cctv_audit.foi.models import OutboxMessage, Request, Survey
from cctv_audit.foi.outbox import enqueue
from cctv_audit.foi.states import is_overdue, request_due, timeliness
from cctv_audit.foi.surveys import get_survey, request_body, survey_requests

log = logging.getLogger(__name__)

#: No second chaser for the same request within this many days.
CHASE_GAP_DAYS = 10


def _template(survey: Survey, kind: str) -> str:
    return ((survey.options or {}).get("templates") or {}).get(kind, kind)


def render_followup(
    session: Session,
    request: Request,
    kind: str,
    *,
    reason: str | None = None,
    today: dt.date | None = None,
) -> Letter:
    """A chaser, internal review request or appeal draft for one request."""
    survey, body = get_survey(session, request.survey_id), request_body(session, request)
    due = request_due(request)
    context = letter_context(
        survey,
        body,
        request,
        reason=reason,
        letter=request.letter or "",
        received_on=request.received_on.isoformat() if request.received_on else "(not sent)",
        due=due.due.isoformat() if due else "",
        state=request.state,
        overdue=is_overdue(request, today),
        review_requested_on=request.review_requested_on,
    )
    text = render_template(_template(survey, kind), context)
    wording = law_wording()[request.law]
    titles = {"chaser": "Overdue", "internal_review": "Internal review request", "appeal": "Appeal"}
    subject = f"{titles[kind]}: {wording['subject_prefix']} [{request.reference}]"
    return Letter(subject=subject, text=text, law=request.law)


def _recently_chased(session: Session, request: Request, today: dt.date) -> bool:
    rows = session.scalars(
        select(OutboxMessage).where(
            OutboxMessage.request_id == request.id, OutboxMessage.kind == "chaser"
        )
    ).all()
    since = dt.datetime.combine(today - dt.timedelta(days=CHASE_GAP_DAYS), dt.time())
    return any(
        r.status in {"pending", "sending", "held"} or (r.sent_at and r.sent_at >= since)
        for r in rows
    )


@dataclass
class ChaseReport:
    queued: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def chase_overdue(
    session: Session,
    survey: Survey,
    *,
    today: dt.date | None = None,
    long_overdue_only: bool = False,
) -> ChaseReport:
    """Queue a chaser for every overdue request not chased in the last ``CHASE_GAP_DAYS`` days."""
    today = today or dt.date.today()
    report = ChaseReport()
    wanted = {"long_overdue"} if long_overdue_only else {"overdue", "long_overdue"}
    for request in survey_requests(session, survey):
        if timeliness(request, today).status not in wanted:
            continue
        if _recently_chased(session, request, today):
            report.skipped.append((request.reference, f"chased in the last {CHASE_GAP_DAYS} days"))
            continue
        letter = render_followup(session, request, "chaser", today=today)
        enqueue(
            session,
            request,
            kind="chaser",
            subject=letter.subject,
            body=letter.text,
            in_reply_to=request.message_id,
        )
        report.queued.append(request.reference)
    return report


def request_internal_review(
    session: Session, request: Request, *, reason: str | None = None
) -> OutboxMessage:
    """Queue an internal review request (the request moves to ``internal_review`` when it is sent)."""
    if request.received_on is None:
        raise SurveyError(f"request {request.reference} was never sent: nothing to review")
    pending = session.scalar(
        select(OutboxMessage).where(
            OutboxMessage.request_id == request.id,
            OutboxMessage.kind == "internal_review",
            OutboxMessage.status.in_(["pending", "sending", "held"]),
        )
    )
    if pending is not None:
        raise SurveyError(
            f"request {request.reference}: an internal review request is already queued"
        )
    letter = render_followup(session, request, "internal_review", reason=reason)
    return enqueue(
        session,
        request,
        kind="internal_review",
        subject=letter.subject,
        body=letter.text,
        in_reply_to=request.message_id,
    )


def draft_appeal(
    session: Session, request: Request, *, reason: str | None = None, today: dt.date | None = None
) -> Letter:
    """An appeal draft to the ICO (FOIA s.50) or an application to the SIC (FOISA s.47)."""
    return render_followup(session, request, "appeal", reason=reason, today=today)


def send_chasers(
    session: Session, survey_id: int | str, *, actor: str, today: dt.date | None = None
) -> list[str]:
    """Queue chasers for a survey's overdue requests (sent by the outbox); the references queued."""
    report = chase_overdue(session, get_survey(session, survey_id), today=today)
    log.info("%s queued %d chasers for survey %s", actor, len(report.queued), survey_id)
    return report.queued
