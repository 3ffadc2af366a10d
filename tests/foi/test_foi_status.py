"""States, events and the computed timeliness of a survey with mixed dates."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from cctv_audit.errors import SurveyError
from cctv_audit.foi import (
    Request,
    add_bodies,
    get_survey,
    is_overdue,
    request_due,
    request_events,
    set_state,
)
from cctv_audit.foi.status import survey_status
from cctv_audit.registry import list_bodies

D = dt.date.fromisoformat
TODAY = D("2025-06-20")

# body index -> (received_on, state, review_requested_on); even indexes are English (FOIA), index 1 Scottish.
CASES = {
    0: ("2025-04-17", "awaiting_response", None),  # due 20 May, long overdue after 18 June
    2: ("2025-05-20", "awaiting_response", None),  # due 18 June: overdue
    4: ("2025-06-02", "awaiting_response", None),  # due 30 June: on time
    6: ("2025-04-01", "response_received", None),  # a reply waits for a person: clock stopped
    8: ("2025-04-01", "successful", None),
    10: ("2025-04-01", "refused", None),
    12: (None, "draft", None),
    14: ("2025-03-03", "internal_review", "2025-05-01"),  # FOIA review: 20 wd passed, 40 not yet
    1: ("2025-05-22", "awaiting_response", None),  # FOISA, due 20 June = today: not overdue yet
}


@pytest.fixture
def mixed(bodies_store, survey_id):
    with bodies_store.session() as session:
        survey = get_survey(session, survey_id)
        bodies = {b.code: b for b in list_bodies(session)}
        requests = add_bodies(session, survey, [bodies[f"T{i:03d}"] for i in CASES])
        for request, (received, state, review) in zip(requests, CASES.values(), strict=True):
            request.received_on = D(received) if received else None
            if state != "draft":
                set_state(
                    session,
                    request,
                    state,
                    actor="test",
                    reason="fixture",
                    on=D(review) if review else None,
                )
        return {i: r.reference for i, r in zip(CASES, requests, strict=True)}


def test_survey_status_on_mixed_dates(bodies_store, survey_id, mixed):
    with bodies_store.session() as session:
        status = survey_status(session, survey_id, today=TODAY)
    by_ref = {r.reference: r for r in status.requests}
    assert {r.reference for r in status.overdue()} == {mixed[0], mixed[2]}
    assert by_ref[mixed[0]].timeliness == "long_overdue" and by_ref[mixed[0]].due == "2025-05-20"
    assert by_ref[mixed[2]].timeliness == "overdue" and by_ref[mixed[2]].due == "2025-06-18"
    assert by_ref[mixed[4]].timeliness == "awaiting" and by_ref[mixed[4]].due == "2025-06-30"
    assert by_ref[mixed[1]].timeliness == "awaiting" and by_ref[mixed[1]].due == "2025-06-20"
    assert by_ref[mixed[14]].timeliness == "review_overdue"
    assert status.counts["sent"] == 8 and status.counts["draft"] == 1
    assert (
        status.counts["awaiting"] == 2
        and status.counts["overdue"] == 1
        and status.counts["long_overdue"] == 1
    )
    assert status.counts["response_received"] == 1 and status.counts["internal_review"] == 1
    assert status.outcomes == {"refused": 1, "successful": 1}
    # The next day the Scottish request is overdue too: nothing stored changed.
    with bodies_store.session() as session:
        later = survey_status(session, survey_id, today=D("2025-06-23"))
    assert {r.reference for r in later.overdue()} == {mixed[0], mixed[2], mixed[1]}


def test_every_change_is_an_event_and_clarification_restarts_the_clock(
    bodies_store, survey_id, mixed
):
    with bodies_store.session() as session:
        request = session.scalar(select(Request).where(Request.reference == mixed[2]))
        assert is_overdue(request, TODAY)
        set_state(
            session,
            request,
            "clarification_requested",
            actor="alex",
            reason="they asked which sites",
        )
        assert not is_overdue(request, TODAY)  # the clock is stopped
        set_state(
            session,
            request,
            "awaiting_response",
            actor="alex",
            reason="clarified",
            on=D("2025-06-19"),
        )
        assert request_due(request).due == D("2025-07-18")  # 14 July (NI) skipped
        events = request_events(session, request)
        assert [(e.from_state, e.to_state, e.actor) for e in events[-2:]] == [
            ("awaiting_response", "clarification_requested", "alex"),
            ("clarification_requested", "awaiting_response", "alex"),
        ]
        assert events[-1].details["clock_restarted_on"] == "2025-06-19"
        with pytest.raises(SurveyError, match="unknown request state"):
            set_state(session, request, "overdue", actor="alex")


def test_request_sent_another_way_starts_its_clock(bodies_store, survey_id):
    with bodies_store.session() as session:
        [request] = add_bodies(session, get_survey(session, survey_id), list_bodies(session)[:1])
        set_state(
            session,
            request,
            "awaiting_response",
            actor="alex",
            reason="sent via WhatDoTheyKnow",
            on=D("2025-04-17"),
        )
        assert request_due(request).due == D("2025-05-20")
        assert is_overdue(request, D("2025-05-21")) and not is_overdue(request, D("2025-05-20"))


def test_long_overdue_from_is_the_day_the_state_changes(bodies_store, survey_id, mixed):
    from cctv_audit.foi import request_to_dict, timeliness

    with bodies_store.session() as session:
        request = session.scalar(select(Request).where(Request.reference == mixed[0]))
        shown = request_to_dict(session, request, today=TODAY)["long_overdue_from"]
        assert shown == D("2025-06-19")  # the 40th working day is 18 June
        assert timeliness(request, shown - dt.timedelta(days=1)).status == "overdue"
        assert timeliness(request, shown).status == "long_overdue"
        row = {r.reference: r for r in survey_status(session, survey_id, today=shown).requests}[
            mixed[0]
        ]
        assert (row.timeliness, row.long_overdue_from) == ("long_overdue", shown.isoformat())
