"""A 40-body survey in four nations with every outcome, reviewed, audited, and repeated a year later.

The expected figures are tallied by hand from the scenario letters in findings_world.ROUND1:
A disclosed (56 Hikvision, 10 Axis, confident) ×8, B Dahua low confidence ×2, C refused ×5,
D not held ×3, E no reply overdue ×6, F no reply not yet due ×3, G Bosch and denies
Hikvision/Dahua ×3, H neither confirm nor deny ×2, I acknowledgement ×2, J draft ×1,
K wrong "Hikvision" (corrected to Axis) ×1, L Uniview low confidence (accepted) ×1,
M Hikvision partly disclosed ×2, P Hikvision with no quoted passage ×1.
"""

from __future__ import annotations

import datetime as dt

import pytest
from findings_world import (
    SENT_R2,
    TODAY_R1,
    TODAY_R2,
    Reply_,
    add_audit_claim,
    add_bodies,
    add_document,
    add_reply,
    add_request,
    add_survey,
    build_round1,
)

from cctv_audit import findings, intake
from cctv_audit.errors import FindingsError
from cctv_audit.findings import EvidenceInput
from cctv_audit.foi.models import Request


def _figures(stats) -> dict[str, tuple]:
    return {f.key: (f.value, f.base, f.at_least) for f in stats.figures}


def _review_and_add(session, survey, bodies, answers) -> None:
    findings.review_field(
        session,
        answers["BNE"].id,
        "in_use",
        "correct",
        after=["Axis"],
        reason="the Hikvision cameras were replaced in 2023",
        reviewer="amy",
    )
    findings.review_field(
        session, answers["DND"].id, "in_use", "accept", reason="checked", reviewer="bo"
    )
    add_audit_claim(session, bodies)
    findings.add_manual_claim(
        session,
        body_id=bodies["BAB"].id,
        manufacturer="Dahua",
        url="https://example.org/council/minutes-2025-11",
        as_of=dt.date(2025, 11, 1),
        quote="the Dahua recorders in the depot",
        recorded_by="cy",
    )


ROUND1_EXPECTED = {
    "asked": (39, None, False),
    "replied": (30, 39, False),
    "answered": (18, 39, False),
    "refused": (7, 39, False),
    "not_held": (3, 39, False),
    "unclear": (2, 39, False),
    "overdue": (6, 39, False),
    "no_reply": (3, 39, False),
    "answered_no_makers": (0, 30, False),
    "makers_unknown": (22, 39, False),
    # Antrim and Newtownabbey never replied: its audited Hikvision is on its page, in no base below "replied".
    "named_manufacturers": (16, 30, True),
    "makers_known_without_reply": (1, 39, True),
    "awaiting_review": (3, 39, False),
    "uses_flagged": (12, 16, True),
    "replied_uses_flagged": (12, 30, True),
    "devices_flagged": (448, 12, True),
    "uses:hikvision": (10, 16, True),
    "replied_uses:hikvision": (10, 30, True),
    "uses:dahua": (1, 16, True),
    "replied_uses:dahua": (1, 30, True),
    "uses:axis": (9, 16, True),
    "replied_uses:axis": (9, 30, True),
    "uses:bosch": (3, 16, True),
    "replied_uses:bosch": (3, 30, True),
    "uses:uniview": (1, 16, True),
    "replied_uses:uniview": (1, 30, True),
    "denies:hikvision": (3, 30, True),
    "denies:dahua": (3, 30, True),
    "devices:hikvision": (448, 10, True),
    "devices:dahua": (0, 1, True),
    "devices:uniview": (0, 1, True),
}


def test_round_one_statistics_before_and_after_review(any_store):
    with any_store.session() as session:
        survey, bodies, answers = build_round1(session)
        before = _figures(findings.statistics(session, survey.id, today=TODAY_R1))
        # Before review the wrong but confident "Hikvision" of BNE counts; the Uniview awaits review.
        assert before["uses:hikvision"] == (11, 14, True)
        assert before["named_manufacturers"] == (14, 30, True)
        assert before["uses:uniview"] == (0, 14, True)
        assert before["awaiting_review"] == (4, 39, False)
        _review_and_add(session, survey, bodies, answers)
        stats = findings.statistics(session, survey.id, today=TODAY_R1)
    assert _figures(stats) == ROUND1_EXPECTED
    hik = stats.get("uses:hikvision")
    assert hik.percent == 62.5
    assert hik.base_label == "of 16 that named manufacturers"
    assert hik.sentence == "At least 10 of 16 bodies that named manufacturers use Hikvision (62.5%)"
    named = stats.get("named_manufacturers")
    assert (
        named.sentence
        == "Of the 30 bodies that replied, at least 16 named the manufacturers they use (53.3%)"
    )
    share = stats.get("replied_uses:hikvision")
    assert share.sentence == "At least 10 of 30 bodies that replied use Hikvision (33.3%)"
    assert (
        "share of respondents" in share.definition
        and "Base: bodies that replied" in share.definition
    )
    assert stats.get("devices_flagged").base_label == "across 12 bodies using flagged makers"
    rows = {r.name: (r.value, r.base) for r in hik.breakdowns["nation"]}
    assert rows == {
        "England": (6, 10),
        "Scotland": (2, 4),
        "Wales": (1, 1),
        "Northern Ireland": (1, 1),
    }
    groups = {r.name: (r.value, r.base) for r in hik.breakdowns["group"]}
    assert groups["London boroughs"] == (3, 5)
    assert groups["Scottish councils"] == (1, 3)
    assert groups["Police forces"] == (1, 1)
    exemptions = {r.name: (r.value, r.base) for r in stats.get("refused").breakdowns["exemption"]}
    assert exemptions == {"FOIA s24": (6, 7), "FOIA s31": (4, 7), "FOISA s35": (1, 7)}
    asked_by_nation = {r.name: (r.value, r.base) for r in stats.get("asked").breakdowns["nation"]}
    assert asked_by_nation == {
        "England": (20, None),
        "Scotland": (9, None),
        "Wales": (6, None),
        "Northern Ireland": (4, None),
    }


def test_body_findings_statuses_and_evidence(any_store):
    with any_store.session() as session:
        survey, bodies, answers = build_round1(session)
        _review_and_add(session, survey, bodies, answers)
        rows = {f.body_code: f for f in findings.body_findings(session, survey.id, today=TODAY_R1)}
    assert len(rows) == 40
    assert rows["BRY"].status == "refused" and rows["BRY"].exemptions == ["FOIA s24", "FOIA s31"]
    assert rows["BGW"].status == "refused" and rows["BGW"].outcome == "neither_confirm_nor_deny"
    assert rows["CGN"].status == "not_sent" and rows["DGY"].status == "no_reply"
    assert rows["CMD"].status == "overdue" and rows["CMD"].due_on == dt.date(2026, 2, 2)
    assert rows["CMD"].makers == [] and not rows["CMD"].uses("hikvision", confirmed_only=False)
    # Overdue, but an audit saw Hikvision on its network: a confirmed user with evidence.
    ann = rows["ANN"]
    assert ann.status == "overdue" and ann.uses("hikvision")
    assert [(e.kind, e.observation_kind, e.observation_id) for e in ann.evidence] == [
        ("observation", "device", 7)
    ]
    bdg = {m.maker_id: m for m in rows["BDG"].makers}
    assert (
        bdg["hikvision"].device_count,
        bdg["hikvision"].confirmed,
        bdg["hikvision"].state_linked,
    ) == (56, True, True)
    assert bdg["hikvision"].risk_severity >= 3 and not bdg["axis"].state_linked
    assert [e.quote for e in rows["BDG"].evidence] == ["Axis", "Hikvision"] or sorted(
        e.quote for e in rows["BDG"].evidence
    ) == ["Axis", "Hikvision"]
    # The extraction flagged for review and the one without a quoted passage are not confirmed.
    assert [(m.maker_id, m.confirmed, m.needs_review) for m in rows["ABE"].makers] == [
        ("dahua", False, True)
    ]
    assert [(m.maker_id, m.confirmed) for m in rows["CMN"].makers] == [("hikvision", False)]
    eay = {m.maker_id: m.polarity for m in rows["EAY"].makers}
    assert eay == {"bosch": "uses", "dahua": "does_not_use", "hikvision": "does_not_use"}


def test_review_overrides_extraction_and_keeps_versions(any_store):
    with any_store.session() as session:
        survey, bodies, answers = build_round1(session)
        _review_and_add(session, survey, bodies, answers)
        bne = findings.list_claims(session, body_id=bodies["BNE"].id, include_inactive=True)
        states = {(c.maker_id, c.origin): (c.status, c.confirmed) for c in bne}
        assert states == {
            ("hikvision", "extraction"): ("rejected", False),
            ("axis", "review"): ("active", True),
        }
        rejected = next(c for c in bne if c.maker_id == "hikvision")
        assert "amy" in rejected.status_reason and "replaced in 2023" in rejected.status_reason
        # A newer extractor that makes the same mistake does not bring the claim back.
        document_id = answers["BNE"].document_id
        from cctv_audit.answers.models import AnswerRecord

        again = AnswerRecord(
            document_id=document_id,
            extractor_version="test-2",
            outcome="disclosed",
            exemptions=[],
            manufacturers_in_use=["Hikvision"],
            manufacturers_denied=[],
            counts={},
            evidence=answers["BNE"].evidence,
            confidence={"in_use": 0.97},
            min_confidence=0.97,
            needs_review=False,
        )
        session.add(again)
        session.flush()
        findings.claims_from_answer(session, again)
        active = findings.list_claims(session, body_id=bodies["BNE"].id)
        assert [(c.maker_id, c.origin) for c in active] == [("axis", "review")]
        findings.review_field(
            session,
            again.id,
            "in_use",
            "correct",
            after=["Axis", "Bosch"],
            reason="Bosch in the annex",
            reviewer="bo",
        )
        history = findings.review_history(session, again.id)
    assert [(v.version, v.action, v.before, v.after, v.reviewer) for v in history] == [
        (1, "correct", ["Hikvision"], ["Axis"], "amy"),
        (2, "correct", ["Axis"], ["Axis", "Bosch"], "bo"),
    ]


def test_claim_ids_are_stable_and_evidence_not_duplicated(store):
    with store.session() as session:
        survey, bodies, answers = build_round1(session)
        first = {
            c.id: len(c.evidence) for c in findings.list_claims(session, include_inactive=True)
        }
        for answer in answers.values():
            findings.claims_from_answer(session, answer)
        second = {
            c.id: len(c.evidence) for c in findings.list_claims(session, include_inactive=True)
        }
        claim = findings.record_claim(
            session,
            body_id=bodies["BDG"].id,
            manufacturer_id="HIKVISION",
            polarity="uses",
            origin="audit",
            as_of=dt.date(2026, 2, 1),
            evidence=[EvidenceInput.observation(1)],
        )
        same = findings.record_claim(
            session,
            body_id=bodies["BDG"].id,
            manufacturer_id="Hikvision",
            polarity="uses",
            origin="audit",
            as_of=dt.date(2026, 2, 1),
            evidence=[EvidenceInput.observation(1)],
        )
    assert first == second and len(first) == 32
    assert (
        claim.id
        == same.id
        == findings.make_key("BDG", "hikvision", "uses", "audit", "observation:1")
    )


def test_no_claim_without_evidence(store):
    with store.session() as session:
        survey, bodies, answers = build_round1(session)
        with pytest.raises(FindingsError, match="needs evidence"):
            findings.record_claim(
                session,
                body_id=bodies["CMD"].id,
                manufacturer_id="Hikvision",
                polarity="uses",
                origin="manual",
                evidence=[],
            )
        with pytest.raises(FindingsError, match="http"):
            findings.add_manual_claim(
                session,
                body_id=bodies["CMD"].id,
                manufacturer="Hikvision",
                url="ftp://nowhere",
                as_of=dt.date(2026, 1, 1),
            )
        with pytest.raises(FindingsError, match="reason"):
            findings.review_field(
                session, answers["BDG"].id, "in_use", "correct", after=[], reviewer="amy"
            )


def _round_two(session, survey, bodies) -> object:
    r2 = add_survey(session, "round-2", previous_id=survey.id)
    replies = {
        "BDG": Reply_(
            "We removed all Hikvision cameras in 2026 and now use Axis.",
            "disclosed",
            ["Axis"],
            denied=["Hikvision"],
        ),
        "BEN": Reply_(
            "Our estate has 40 Hikvision cameras and 12 Axis cameras.",
            "disclosed",
            ["Hikvision", "Axis"],
            counts={"Hikvision": 40, "Axis": 12},
        ),
        "ABD": Reply_("All our cameras are Bosch.", "disclosed", ["Bosch"]),
        "BEX": Reply_(
            "We use Hikvision cameras (4).", "disclosed", ["Hikvision"], counts={"Hikvision": 4}
        ),
        "ABE": Reply_(
            "Our recorders are Dahua (6 units).", "disclosed", ["Dahua"], counts={"Dahua": 6}
        ),
        "AGY": None,
        "ANN": None,
        # Answers, but names no maker: counted as answered without makers, never as "no".
        "AGB": Reply_(
            "We operate 14 public space cameras; we do not record their makes.", "disclosed"
        ),
    }
    for code, reply in replies.items():
        request = add_request(session, r2, bodies[code], SENT_R2, "awaiting_response")
        if reply is not None:
            findings.claims_from_answer(
                session, add_reply(session, request, reply, dt.datetime(2027, 3, 20))
            )
    return r2


def test_two_rounds_trend(any_store):
    with any_store.session() as session:
        survey, bodies, answers = build_round1(session)
        _review_and_add(session, survey, bodies, answers)
        r2 = _round_two(session, survey, bodies)
        change = findings.trends(session, r2.id, today=TODAY_R2)
        stats = _figures(findings.statistics(session, r2.id, today=TODAY_R2))
        r1_after = _figures(findings.statistics(session, survey.id, today=TODAY_R1))
        everything = _figures(findings.statistics(session, today=TODAY_R2))
    pairs = lambda items: [(i.body_name.split()[0], i.maker_id) for i in items]
    assert pairs(change.replaced) == [("London", "hikvision")]  # Barking and Dagenham
    assert [i.body_id for i in change.replaced] == [bodies["BDG"].id]
    assert [i.body_id for i in change.still_using] == [bodies["BEN"].id]
    assert [i.body_id for i in change.no_longer_named] == [bodies["ABD"].id]
    assert sorted((i.body_id, i.maker_id) for i in change.newly_confirmed) == sorted(
        [(bodies["BEX"].id, "hikvision"), (bodies["ABE"].id, "dahua")]
    )
    expected = {
        "asked": (8, None, False),
        "replied": (6, 8, False),
        "answered": (6, 8, False),
        "answered_no_makers": (1, 6, False),
        "makers_unknown": (3, 8, False),
        "overdue": (2, 8, False),
        "named_manufacturers": (5, 6, True),
        "uses_flagged": (3, 5, True),
        "uses:hikvision": (2, 5, True),
        "uses:dahua": (1, 5, True),
        "denies:hikvision": (1, 6, True),
        "devices_flagged": (50, 3, True),
        "flagged_before": (5, None, False),
        "replaced_flagged": (1, 5, True),
        "no_longer_named_flagged": (1, 5, False),
        "still_using_flagged": (1, 5, True),
        "newly_confirmed_flagged": (2, 3, True),
    }
    assert {k: stats[k] for k in expected} == expected
    # Round 1 figures do not change once round 2 exists (its window ends where round 2 begins).
    assert r1_after == ROUND1_EXPECTED
    # Over every claim, the latest statement per body and maker wins: Barking and Dagenham's
    # 2027 "removed" replaces its 2026 "uses", and Bexley's 2027 use replaces its 2026 denial.
    assert everything["uses:hikvision"][0] == 11
    assert everything["denies:hikvision"][0] == 3


def test_conflicting_evidence_counts_as_use_and_is_shown(store):
    with store.session() as session:
        survey, bodies, answers = build_round1(session)
        # East Ayrshire said it does not use Hikvision; an audit of its network found one.
        findings.record_claim(
            session,
            body_id=bodies["EAY"].id,
            manufacturer_id="HiLook",
            polarity="uses",
            device_count=2,
            as_of=dt.date(2026, 2, 10),
            origin="audit",
            evidence=[EvidenceInput.observation(11)],
        )
        rows = {f.body_code: f for f in findings.body_findings(session, survey.id, today=TODAY_R1)}
        stats = findings.statistics(session, survey.id, today=TODAY_R1)
    hik = next(m for m in rows["EAY"].makers if m.maker_id == "hikvision")
    assert (hik.polarity, hik.confirmed, hik.device_count, hik.origins) == (
        "conflict",
        True,
        2,
        ["audit", "extraction"],
    )
    assert rows["EAY"].uses("hikvision")
    assert stats.get("denies:hikvision").value == 2  # the other two deniers only
    assert stats.get("uses:hikvision").value == 12


def test_claims_from_an_attachment_of_the_reply(store):
    from sqlalchemy import select

    from cctv_audit.documents.models import Document
    from cctv_audit.foi.models import Reply

    with store.session() as session:
        survey, bodies, answers = build_round1(session)
        email = session.get(Document, answers["EAL"].document_id)  # an acknowledgement...
        text = "Annex A: 7 Dahua cameras at the civic centre."
        pdf = add_document(session, text, "annex.pdf", parent_id=email.id)
        reply = session.scalar(select(Reply).where(Reply.document_id == email.id))
        reading = intake.read_reply(session, reply)  # the reply is read once, with its attachment
        assert reading.answer.document_id == email.id
        row = next(
            f
            for f in findings.body_findings(session, survey.id, today=TODAY_R1)
            if f.body_code == "EAL"
        )
    # ...whose attached annex answers: the body has answered and uses Dahua (7), with the annex as evidence.
    assert (row.status, row.outcome) == ("answered", "disclosed")
    assert [(m.maker_id, m.device_count) for m in row.makers] == [("dahua", 7)]
    assert {e.document_id for e in row.evidence} == {pdf.id}
    assert row.document_ids == [email.id]


def test_request_state_set_by_a_person_decides_when_no_reply_does(store):
    with store.session() as session:
        survey, bodies, answers = build_round1(session)
        requests = {r.body_id: r for r in session.query(Request).filter_by(survey_id=survey.id)}
        requests[bodies["EAL"].id].state = "successful"  # only an acknowledgement was stored
        requests[bodies["CMD"].id].state = "refused"  # refused on WhatDoTheyKnow, no document here
        requests[bodies["DGY"].id].state = "clarification_requested"
        rows = {
            f.body_code: f.status
            for f in findings.body_findings(session, survey.id, today=TODAY_R1)
        }
    assert (rows["EAL"], rows["CMD"], rows["DGY"], rows["BAN"]) == (
        "answered",
        "refused",
        "unclear",
        "unclear",
    )


def test_brand_and_maker_counts_in_one_reply_add_up(store):
    with store.session() as session:
        bodies = add_bodies(session)
        survey = add_survey(session, "brands")
        request = add_request(session, survey, bodies["BDG"], SENT_R2, "awaiting_response")
        reply = Reply_(
            "We have 5 HiLook cameras and 10 Hikvision cameras.",
            "disclosed",
            ["HiLook", "Hikvision"],
            counts={"HiLook": 5, "Hikvision": 10},
        )
        claims = findings.claims_from_answer(
            session, add_reply(session, request, reply, dt.datetime(2027, 3, 9))
        )
        row = findings.body_findings(session, survey.id, today=TODAY_R2)[0]
        quotes = {c.manufacturer_id: [e.quote for e in c.evidence] for c in claims}
    assert sorted((c.manufacturer_id, c.maker_id, c.device_count) for c in claims) == [
        ("hikvision", "hikvision", 10),
        ("hilook", "hikvision", 5),
    ]
    assert quotes == {"hilook": ["HiLook"], "hikvision": ["Hikvision"]}
    assert [(m.maker_id, m.device_count) for m in row.makers] == [("hikvision", 15)]
