"""Review that adds and confirms: a correction quotes a passage a person picked from the reply, or is
marked as the reviewer's own value; a maker the reply never mentions earns a warning."""

from __future__ import annotations

import datetime as dt

from findings_world import add_bodies, add_document, add_request, add_survey
from sqlalchemy import select

from cctv_audit import findings, intake
from cctv_audit.findings.models import Claim
from cctv_audit.foi.models import Reply

TEXT = (
    "Dear Alex,\n\nThe Council operates 40 CCTV cameras across its sites.\n"
    "The older cameras in the bus station were installed by Hikvision's UK partner in 2015.\n"
)


def _read(session):
    bodies = add_bodies(session)
    survey = add_survey(session, "passages")
    request = add_request(
        session, survey, bodies["BDG"], dt.datetime(2026, 1, 5, 9), "response_received"
    )
    document = add_document(session, TEXT, "reply.txt")
    reply = Reply(
        document_id=document.id,
        request_id=request.id,
        matched_by="token",
        received_at=dt.datetime(2026, 1, 20),
    )
    session.add(reply)
    session.flush()
    return intake.read_reply(session, reply).answer


def test_a_correction_quotes_the_passage_the_reviewer_picked(store):
    with store.session() as session:
        answer = _read(session)
        candidates = findings.candidate_passages(session, answer, "in_use", ["Hikvision"])
        assert [c.quote for c in candidates] == [
            "The older cameras in the bus station were installed by Hikvision's UK partner in 2015."
        ]
        version = findings.review_field(
            session,
            answer.id,
            "in_use",
            "correct",
            after=["Hikvision"],
            reason="the bus station cameras",
            reviewer="a",
            passage=candidates[0],
        )
        assert version.passage["quote"].startswith("The older cameras") and version.warnings == []
        claim = session.scalar(
            select(Claim).where(Claim.maker_id == "hikvision", Claim.status == "active")
        )
        assert [(e.start, e.end) for e in claim.evidence] == [
            (candidates[0].start, candidates[0].end)
        ]
        assert TEXT[claim.evidence[0].start : claim.evidence[0].end] == candidates[0].quote


def test_a_value_with_no_passage_is_the_reviewers_own_and_unmentioned_denials_are_warned(store):
    with store.session() as session:
        answer = _read(session)
        version = findings.review_field(
            session,
            answer.id,
            "denied",
            "correct",
            after=["Dahua", "Axis"],
            reason="phoned the council",
            reviewer="b",
        )
        assert version.passage is None
        assert [w.split(" is ")[0] for w in version.warnings] == ["Dahua", "Axis"]
        claim = session.scalar(
            select(Claim).where(Claim.maker_id == "dahua", Claim.status == "active")
        )
        assert claim.polarity == "does_not_use"
        assert "reviewer's own value (b: phoned the council)" in claim.evidence[0].note
