"""Chasers, internal review requests and appeal drafts, sent through the outbox."""

from __future__ import annotations

import datetime as dt
import email
from email import policy

import pytest
from sqlalchemy import select
from test_foi_outbox import mail_settings

from cctv_audit.errors import SurveyError
from cctv_audit.foi import OutboxMessage, Request, add_bodies, get_survey, send_outbox, send_survey
from cctv_audit.foi.chasers import chase_overdue, draft_appeal, request_internal_review
from cctv_audit.registry import list_bodies


@pytest.fixture
def sent_long_ago(bodies_store, survey_id, smtp):
    _, controller = smtp
    with bodies_store.session() as session:
        add_bodies(
            session, get_survey(session, survey_id), list_bodies(session)[:4]
        )  # E, S, W, NI councils
    send_survey(bodies_store, survey_id, mail_settings(controller))
    with bodies_store.session() as session:
        requests = session.scalars(select(Request).order_by(Request.id)).all()
        for request in requests:
            request.received_on = dt.date(2025, 4, 17)
        requests[0].state = "successful"  # answered: never chased
    return controller


def test_chasers_go_to_overdue_requests_once(bodies_store, survey_id, smtp, sent_long_ago):
    handler, controller = smtp
    today = dt.date(2025, 6, 2)
    with bodies_store.session() as session:
        report = chase_overdue(session, get_survey(session, survey_id), today=today)
        assert len(report.queued) == 3
        again = chase_overdue(session, get_survey(session, survey_id), today=today)
        assert again.queued == [] and len(again.skipped) == 3
    result = send_outbox(bodies_store, mail_settings(controller), survey_id=survey_id)
    assert len(result.sent) == 3
    chasers = [
        email.message_from_bytes(m, policy=policy.default)
        for msgs in handler.delivered.values()
        for m in msgs
        if b"Overdue" in m
    ]
    assert len(chasers) == 3
    with bodies_store.session() as session:
        originals = set(session.scalars(select(Request.message_id)))
    assert {str(c["In-Reply-To"]).strip() for c in chasers} <= originals  # threaded on the request
    scottish = next(c for c in chasers if "(Scotland)" in c["Subject"])
    assert "2025-05-19" in scottish.get_content()  # the FOISA due date of a 17 April 2025 request


def test_internal_review_and_appeal_use_each_laws_wording(
    bodies_store, survey_id, smtp, sent_long_ago
):
    _, controller = smtp
    with bodies_store.session() as session:
        english, scottish = session.scalars(select(Request).order_by(Request.id)).all()[:2]
        english.state = scottish.state = "refused"
        request_internal_review(
            session, english, reason="Section 24 cannot apply to a count of makes."
        )
        request_internal_review(session, scottish)
        with pytest.raises(SurveyError, match="already queued"):
            request_internal_review(session, scottish)
        texts = {
            r.request_id: r.body
            for r in session.scalars(
                select(OutboxMessage).where(OutboxMessage.kind == "internal_review")
            )
        }
        assert "section 45 Code of Practice" in texts[english.id]
        assert "Section 24 cannot apply" in texts[english.id]
        assert (
            "a review under section 20" in texts[scottish.id]
            and "section 21(1)" in texts[scottish.id]
        )
        ids = (english.id, scottish.id)
    send_outbox(bodies_store, mail_settings(controller), survey_id=survey_id)
    with bodies_store.session() as session:
        english, scottish = (session.get(Request, i) for i in ids)
        assert english.state == scottish.state == "internal_review"
        assert english.review_requested_on is not None
        ico = draft_appeal(session, english).text
        sic = draft_appeal(session, scottish).text
    assert ico.startswith("To the Information Commissioner's Office") and "section 50" in ico
    assert sic.startswith("To the Scottish Information Commissioner") and "section 47(1)" in sic
    assert "six months" in sic and "six months" not in ico
