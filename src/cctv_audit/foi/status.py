"""Where a survey stands: counts by state and timeliness, and a row per request with its dates."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, field

from sqlalchemy.orm import Session

from cctv_audit.foi.deadlines import working_days_elapsed
from cctv_audit.foi.models import Request
from cctv_audit.foi.replies import answering_replies
from cctv_audit.foi.states import ANSWERED, request_due, timeliness
from cctv_audit.foi.surveys import get_survey, request_body, survey_requests
from cctv_audit.registry import Body


@dataclass(frozen=True)
class RequestStatus:
    """One request's line in the survey status."""

    id: int
    reference: str
    body_code: str
    body_name: str
    law: str
    state: str
    timeliness: str
    received_on: str | None
    due: str | None
    long_overdue_from: str | None
    working_days_elapsed: int | None
    #: The day the first answering reply was sent (``foi.is_answer``), the working days it took,
    #: and whether it came after the due date (None while there is no answer).
    replied_on: str | None = None
    days_to_answer: int | None = None
    late: bool | None = None


@dataclass
class SurveyStatus:
    """Counts and rows for a survey on ``today`` (overdue is computed here, never stored)."""

    survey_id: int
    slug: str
    name: str
    today: str
    total: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    outcomes: dict[str, int] = field(default_factory=dict)
    requests: list[RequestStatus] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    def overdue(self) -> list[RequestStatus]:
        return [r for r in self.requests if r.timeliness in {"overdue", "long_overdue"}]


@dataclass(frozen=True)
class ReplyTiming:
    """When a request was answered, how many working days it took, and whether that was late."""

    replied_on: dt.date | None = None
    working_days: int | None = None
    late: bool | None = None


def reply_timing(session: Session, request: Request) -> ReplyTiming:
    """Timing of the first answering reply (dated by the message, or by a person for a letter)."""
    answers = answering_replies(session, request)
    dated = next((r.received_at.date() for r in answers if r.received_at), None)
    replied = dated or (request.responded_on if answers or request.state in ANSWERED else None)
    due = request_due(request)
    if replied is None or due is None or request.received_on is None:  # no due date: not received
        return ReplyTiming(replied)
    return ReplyTiming(
        replied, working_days_elapsed(request.received_on, replied, request.law), replied > due.due
    )


def _row(session: Session, request: Request, body: Body, today: dt.date) -> RequestStatus:
    t = timeliness(request, today)
    timing = reply_timing(session, request)
    elapsed = (
        working_days_elapsed(request.received_on, today, request.law)
        if request.received_on
        else None
    )
    return RequestStatus(
        id=request.id,
        reference=request.reference,
        body_code=body.code,
        body_name=body.name,
        law=request.law,
        state=request.state,
        timeliness=t.status,
        received_on=request.received_on.isoformat() if request.received_on else None,
        due=t.due.isoformat() if t.due else None,
        long_overdue_from=t.long_overdue_from.isoformat() if t.long_overdue_from else None,
        working_days_elapsed=elapsed,
        replied_on=timing.replied_on.isoformat() if timing.replied_on else None,
        days_to_answer=timing.working_days,
        late=timing.late,
    )


def survey_status(
    session: Session, survey_id: int | str, today: dt.date | None = None
) -> SurveyStatus:
    """The status of every request of a survey on ``today`` (default: today).

    ``counts`` has ``draft``, ``sent`` (ever sent), ``awaiting`` (on time), ``overdue``,
    ``long_overdue``, ``clarification_requested``, ``response_received`` (to classify),
    ``internal_review`` (and ``review_overdue``), ``appeal``, ``answered``, ``withdrawn``, ``bounced``;
    ``outcomes`` counts the answered ones by outcome.
    """
    today = today or dt.date.today()
    survey = get_survey(session, survey_id)
    status = SurveyStatus(survey.id, survey.slug, survey.name, today.isoformat())
    counts: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    for request in survey_requests(session, survey):
        row = _row(session, request, request_body(session, request), today)
        status.requests.append(row)
        counts["sent"] += request.received_on is not None
        if row.timeliness in {"awaiting", "overdue", "long_overdue"}:
            counts[row.timeliness] += 1
        elif row.timeliness.startswith("review"):
            counts["internal_review"] += 1
            counts["review_overdue"] += row.timeliness != "review"
        elif request.state in ANSWERED:
            counts["answered"] += 1
            outcomes[request.state] += 1
        else:
            counts[request.state] += 1
    status.total = len(status.requests)
    keys = (
        "draft",
        "sent",
        "awaiting",
        "overdue",
        "long_overdue",
        "clarification_requested",
        "response_received",
        "internal_review",
        "review_overdue",
        "appeal",
        "answered",
        "withdrawn",
        "bounced",
    )
    status.counts = {key: counts.get(key, 0) for key in keys}
    status.outcomes = dict(sorted(outcomes.items()))
    return status
