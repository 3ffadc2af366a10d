"""A body's device count per maker: the count of its latest answer, reviewed values winning.

Counts of different sources are never maxed or added: a round-2 reply saying 20 Hikvision
cameras replaces round 1's 56, however many an older record or an audit scan gave.
"""

from __future__ import annotations

import datetime as dt

from findings_world import (
    SENT_R1,
    SENT_R2,
    TODAY_R2,
    Reply_,
    add_bodies,
    add_reply,
    add_request,
    add_survey,
)

from cctv_audit import findings
from cctv_audit.findings import EvidenceInput


def _hikvision(rows: list) -> int | None:
    return next(m.device_count for m in rows[0].makers if m.maker_id == "hikvision")


def _two_rounds(session):
    """Barking and Dagenham: 56 Hikvision cameras in round 1 (2026), 20 in round 2 (2027)."""
    bodies = add_bodies(session)
    body = bodies["BDG"]
    first = add_survey(session, "round-1")
    second = add_survey(session, "round-2", previous_id=first.id)
    for survey, sent, count in ((first, SENT_R1, 56), (second, SENT_R2, 20)):
        request = add_request(session, survey, body, sent, "awaiting_response")
        reply = Reply_(
            f"We operate {count} Hikvision cameras.",
            "disclosed",
            ["Hikvision"],
            counts={"Hikvision": count},
        )
        answer = add_reply(session, request, reply, sent + dt.timedelta(days=20))
        findings.claims_from_answer(session, answer)
    return body, first, second, answer


def _old_record_and_audit(session, body) -> None:
    """A council paper of late 2026 (inside round 2's look-back year) said 56; an audit saw 30."""
    findings.add_manual_claim(
        session,
        body_id=body.id,
        manufacturer="Hikvision",
        url="https://example.org/bdg/cabinet-2026-11",
        as_of=dt.date(2026, 11, 1),
        device_count=56,
    )
    findings.record_claim(
        session,
        body_id=body.id,
        manufacturer_id="Hikvision",
        polarity="uses",
        device_count=30,
        as_of=dt.date(2027, 4, 2),
        origin="audit",
        evidence=[EvidenceInput.observation(41, kind="device")],
    )


def test_the_count_goes_down_in_the_second_round_and_the_old_maximum_is_gone(store):
    with store.session() as session:
        body, first, second, _ = _two_rounds(session)
        _old_record_and_audit(session, body)
        round1 = _hikvision(findings.body_findings(session, first.id, today=TODAY_R2))
        round2 = _hikvision(findings.body_findings(session, second.id, today=TODAY_R2))
        overall = _hikvision(findings.body_findings(session, None))
        devices = findings.statistics(session, second.id, today=TODAY_R2).get("devices:hikvision")
        devices_overall = findings.statistics(session).get("devices:hikvision")
    assert (round1, round2, overall) == (56, 20, 20)
    assert (devices.value, devices_overall.value) == (20, 20)


def test_a_reviewed_count_of_the_latest_reply_wins(store):
    with store.session() as session:
        body, _, second, answer = _two_rounds(session)
        findings.review_field(
            session,
            answer.id,
            "counts",
            "correct",
            after={"Hikvision": 18},
            reason="two of the 20 are Axis, says the annex",
            reviewer="amy",
        )
        round2 = _hikvision(findings.body_findings(session, second.id, today=TODAY_R2))
        overall = _hikvision(findings.body_findings(session, None))
    assert (round2, overall) == (18, 18)


def test_an_audit_count_is_used_only_when_no_statement_gives_one(store):
    with store.session() as session:
        bodies = add_bodies(session)
        body = bodies["BEN"]
        survey = add_survey(session, "round-2")
        request = add_request(session, survey, body, SENT_R2, "awaiting_response")
        reply = Reply_("Our cameras are Hikvision.", "disclosed", ["Hikvision"])
        findings.claims_from_answer(
            session, add_reply(session, request, reply, SENT_R2 + dt.timedelta(days=9))
        )
        before = _hikvision(findings.body_findings(session, survey.id, today=TODAY_R2))
        _old_record_and_audit(session, body)  # the record's 56 is a statement; the audit saw 30
        after = _hikvision(findings.body_findings(session, survey.id, today=TODAY_R2))
    assert (before, after) == (None, 56)
