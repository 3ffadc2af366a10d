"""Request states (after WhatDoTheyKnow), their events, and the computed timeliness.

The stored state says what happened (a person or the outbox set it, with an
event saying who, when and why). Whether a request is overdue is never stored:
it is computed from the dates and today's date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from cctv_audit.errors import SurveyError
from cctv_audit.foi.deadlines import (
    LONG_OVERDUE_DAYS,
    RESPONSE_DAYS,
    DueDate,
    due_date,
    review_due,
)
from cctv_audit.foi.models import Request, RequestEvent

STATES = (
    "draft",
    "sent",
    "awaiting_response",
    "clarification_requested",
    "response_received",
    "successful",
    "partially_successful",
    "refused",
    "not_held",
    "internal_review",
    "appeal",
    "withdrawn",
    "bounced",
)
#: States in which the body owes a reply and the clock runs.
WAITING = frozenset({"sent", "awaiting_response"})
#: Outcomes a person has confirmed.
ANSWERED = frozenset({"successful", "partially_successful", "refused", "not_held"})
CLOSED = ANSWERED | {"withdrawn", "bounced"}

#: What the answers package's outcome suggests (a person confirms it).
OUTCOME_TO_STATE = {
    "disclosed": "successful",
    "partially_disclosed": "partially_successful",
    "refused": "refused",
    "not_held": "not_held",
    "neither_confirm_nor_deny": "refused",
}


def check_state(state: str) -> str:
    """Return ``state`` if it is known, else raise with the list of states."""
    if state not in STATES:
        raise SurveyError(f"unknown request state {state!r}; use one of: {', '.join(STATES)}")
    return state


def set_state(
    session: Session,
    request: Request,
    state: str,
    *,
    actor: str,
    reason: str | None = None,
    details: dict[str, Any] | None = None,
    on: dt.date | None = None,
) -> RequestEvent:
    """Change a request's state and record the event (who, when, why).

    ``on`` dates the facts the state implies: a request sent another way, or a
    clarification, received on that day starts (restarts) the clock
    (``received_on``); an internal review asked for on that day starts the review clock.
    """
    check_state(state)
    if not actor:
        raise SurveyError(f"request {request.reference}: say who changes the state (actor)")
    event = RequestEvent(
        request_id=request.id,
        actor=actor,
        from_state=request.state,
        to_state=state,
        reason=reason,
        details=details,
    )
    if on is not None and state in WAITING and request.state == "clarification_requested":
        request.received_on = on
        event.details = {**(details or {}), "clock_restarted_on": on.isoformat()}
    elif on is not None and state in WAITING and request.received_on is None:
        request.received_on = (
            on  # sent another way (by hand, WhatDoTheyKnow): the clock starts here
        )
    if on is not None and state == "internal_review":
        request.review_requested_on = on
    if state in ANSWERED and request.responded_on is None:
        request.responded_on = on or dt.date.today()
    request.state = state
    session.add(event)
    session.flush()
    return event


def request_due(request: Request) -> DueDate | None:
    """The reply deadline of a request (None until it has been received)."""
    if request.received_on is None:
        return None
    return due_date(request.received_on, request.law, RESPONSE_DAYS)


@dataclass(frozen=True)
class Timeliness:
    """Computed, never stored: where a request stands against its deadlines today."""

    status: str  # not_sent | awaiting | overdue | long_overdue | review | review_overdue | review_long_overdue | paused | done
    due: dt.date | None
    #: The first day the request counts as long overdue (the day after the last allowed day).
    long_overdue_from: dt.date | None


_DAY = dt.timedelta(days=1)


def timeliness(request: Request, today: dt.date | None = None) -> Timeliness:
    """Whether the request (or its internal review) is on time, overdue or long overdue on ``today``."""
    today = today or dt.date.today()
    if request.state == "internal_review" and request.review_requested_on:
        expected, latest = review_due(request.review_requested_on, request.law)
        status = (
            "review_long_overdue"
            if today > latest.due
            else "review_overdue"
            if today > expected.due
            else "review"
        )
        return Timeliness(status, expected.due, latest.due + _DAY)
    due = request_due(request)
    if due is None or request.received_on is None:  # no due date until received
        return Timeliness("not_sent", None, None)
    long_due = due_date(request.received_on, request.law, LONG_OVERDUE_DAYS).due
    long_from = long_due + _DAY  # the first day the state reads "long overdue", as shown to people
    if request.state not in WAITING:
        return Timeliness("done" if request.state in CLOSED else "paused", due.due, long_from)
    if today >= long_from:
        return Timeliness("long_overdue", due.due, long_from)
    return Timeliness("overdue" if today > due.due else "awaiting", due.due, long_from)


def is_overdue(request: Request, today: dt.date | None = None) -> bool:
    """True when the body owes a reply (or a review) and its deadline has passed."""
    return timeliness(request, today).status in {
        "overdue",
        "long_overdue",
        "review_overdue",
        "review_long_overdue",
    }
