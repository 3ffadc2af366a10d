"""The 40-body, four-nation survey again, but every reply read by the real extractor.

test_findings_survey.py states the extracted answers by hand; here ``answers.extract_and_save``
reads each reply, ``sync_claims`` turns the answers into claims, people review some of them
through ``review_field`` (accepting fields, and overriding a wrong "in use"), an audit and a
manual claim are added, and every statistic of both rounds is asserted exactly.

Tally (scenario letters in findings_world.ROUND1; the extractor's per-maker confidence is 0.85
for Hikvision, Dahua and Uniview and 0.9 for Axis and Bosch, so only the latter are confirmed
without a person): A x8 Hikvision 56 + Axis 10, four of them accepted by a reviewer; B x2 read
as "other" (unclear); C x5 refused; D x3 not held; E x6 overdue; F x3 not yet due; G x3 Bosch,
denies Hikvision/Dahua (one denial accepted); H x2 neither confirm nor deny; I x2
acknowledgements; J x1 draft; K x1 "used 30 Hikvision until March; all replaced with Axis",
which the extractor reads as Hikvision in use (30): corrected by a reviewer; L x1 Uniview
(accepted); M x2 Hikvision, partly refused under s31; P x1 Hikvision.
"""

from __future__ import annotations

import datetime as dt

import pytest
from findings_world import (
    ROUND1,
    SENT_R1,
    SENT_R2,
    TODAY_R1,
    TODAY_R2,
    add_audit_claim,
    add_bodies,
    add_document,
    add_request,
    add_survey,
    scenario_reply,
)

from cctv_audit import findings, intake
from cctv_audit.foi.models import Reply

answers = pytest.importorskip("cctv_audit.answers")

#: Scenario K as councils write it: a past use the extractor mistakes for current use.
WRONG_IN_USE = "We used 30 Hikvision cameras until March; all were replaced with Axis."


def _reply(session, request, text: str, received: dt.datetime):
    """Store the reply as a document of ``request`` and run the real extractor on it."""
    document = add_document(
        session, f"Reference {request.reference}\n{text}\n", f"{request.reference}.txt"
    )
    session.add(
        Reply(
            document_id=document.id, request_id=request.id, matched_by="token", received_at=received
        )
    )
    request.responded_on = received.date()
    session.flush()
    return answers.extract_and_save(session, document)


def _round_one(session):
    bodies = add_bodies(session)
    survey = add_survey(session, "round-1")
    extracted = {}
    for code, letter in ROUND1.items():
        sent = {"J": None, "F": dt.datetime(2026, 3, 20, 9, 0)}.get(letter, SENT_R1)
        request = add_request(
            session, survey, bodies[code], sent, "draft" if letter == "J" else "awaiting_response"
        )
        reply = scenario_reply(letter, bodies[code].nation)
        if reply is not None:
            text = WRONG_IN_USE if letter == "K" else reply.text
            extracted[code] = _reply(session, request, text, dt.datetime(2026, 1, 28, 12, 0))
    assert intake.rederive(session, survey_id=survey.id) == len(extracted) == 30
    return survey, bodies, extracted


def _review(session, bodies, extracted) -> None:
    for code in ("BDG", "BEN", "ABD", "AGY"):  # four of the eight "A" replies checked by a person
        findings.review_field(
            session, extracted[code].id, "in_use", "accept", reason="read the reply", reviewer="amy"
        )
    findings.review_field(
        session, extracted["DND"].id, "in_use", "accept", reason="car park cameras", reviewer="bo"
    )
    findings.review_field(
        session, extracted["BEX"].id, "denied", "accept", reason="clear denial", reviewer="bo"
    )
    # The wrong "in use": Barnet replaced its Hikvision cameras; a person overrides the extractor.
    findings.review_field(
        session,
        extracted["BNE"].id,
        "in_use",
        "correct",
        after=["Axis"],
        reason="the Hikvision cameras were replaced in March",
        reviewer="amy",
    )
    findings.review_field(
        session,
        extracted["BNE"].id,
        "counts",
        "correct",
        after={},
        reason="the 30 were the replaced cameras",
        reviewer="amy",
    )
    add_audit_claim(session, bodies)  # ANN never replied; its network audit saw 3 Hikvision devices
    findings.add_manual_claim(
        session,
        body_id=bodies["BAB"].id,
        manufacturer="Dahua",
        url="https://example.org/council/minutes-2025-11",
        as_of=dt.date(2025, 11, 1),
        quote="the Dahua recorders in the depot",
        recorded_by="cy",
    )


def _figures(stats) -> dict[str, tuple]:
    return {f.key: (f.value, f.base, f.at_least) for f in stats.figures}


ROUND1_EXPECTED = {
    "asked": (39, None, False),
    "replied": (30, 39, False),
    "answered": (16, 39, False),
    "refused": (7, 39, False),
    "not_held": (3, 39, False),
    "unclear": (4, 39, False),
    "overdue": (6, 39, False),
    "no_reply": (3, 39, False),
    "answered_no_makers": (0, 30, False),
    "makers_unknown": (24, 39, False),
    # Antrim and Newtownabbey never replied: its audited Hikvision is known, in no base below "replied".
    "named_manufacturers": (14, 30, True),
    "makers_known_without_reply": (1, 39, True),
    "awaiting_review": (9, 39, False),
    "uses_flagged": (6, 14, True),
    "replied_uses_flagged": (6, 30, True),
    "devices_flagged": (4 * 56, 6, True),
    "uses:axis": (9, 14, True),
    "replied_uses:axis": (9, 30, True),
    "uses:bosch": (3, 14, True),
    "replied_uses:bosch": (3, 30, True),
    "uses:dahua": (1, 14, True),
    "replied_uses:dahua": (1, 30, True),
    "uses:hikvision": (4, 14, True),
    "replied_uses:hikvision": (4, 30, True),
    "uses:uniview": (1, 14, True),
    "replied_uses:uniview": (1, 30, True),
    "denies:dahua": (1, 30, True),
    "denies:hikvision": (1, 30, True),
    "devices:dahua": (0, 1, True),
    "devices:hikvision": (4 * 56, 4, True),
    "devices:uniview": (0, 1, True),
}


def test_real_extraction_review_audit_manual_and_every_statistic(any_store):
    with any_store.session() as session:
        survey, bodies, extracted = _round_one(session)
        bne = extracted["BNE"]
        assert (bne.manufacturers_in_use, bne.counts) == (["Axis", "Hikvision"], {"Hikvision": 30})
        before = _figures(findings.statistics(session, survey.id, today=TODAY_R1))
        # Before review: only the 0.9-confidence Axis and Bosch extractions are confirmed.
        assert before["named_manufacturers"] == (12, 30, True)
        assert before["uses:hikvision"] == (0, 12, True) and before["uses_flagged"] == (0, 12, True)
        _review(session, bodies, extracted)
        stats = findings.statistics(session, survey.id, today=TODAY_R1)
        claims = {
            (c.maker_id, c.origin): (c.status, c.confirmed, c.device_count)
            for c in findings.list_claims(session, body_id=bodies["BNE"].id, include_inactive=True)
        }
        hik = findings.explain(session, "uses:hikvision", survey.id, today=TODAY_R1)
        known = findings.explain(session, "makers_known_without_reply", survey.id, today=TODAY_R1)
        views = [findings.claim_view(c) for c in findings.list_claims(session, survey_id=survey.id)]
    assert _figures(stats) == ROUND1_EXPECTED
    # Each quoted passage once, in the original wording and in the evidence (a maker's passage is often
    # also its count's passage).
    bdg_hik = next(v for v in views if v.body_id == bodies["BDG"].id and v.maker_id == "hikvision")
    assert bdg_hik.device_count == 56 and "56 Hikvision cameras" in bdg_hik.original_wording
    for view in views:
        wording = (view.original_wording or "").split("; ")
        assert len(wording) == len(set(wording)), view.original_wording
        spans = [(e.document_id, e.start, e.end) for e in view.evidence]
        assert len(spans) == len(set(spans)), view.id
    # The correction overrides extraction: Hikvision rejected (with who and why), Axis now from review.
    assert claims == {
        ("hikvision", "extraction"): ("rejected", False, 30),
        ("axis", "extraction"): ("superseded", False, None),
        ("axis", "review"): ("active", True, None),
    }
    figure = stats.get("uses:hikvision")
    assert (figure.percent, figure.base_label) == (28.6, "of 14 that named manufacturers")
    assert (
        figure.sentence == "At least 4 of 14 bodies that named manufacturers use Hikvision (28.6%)"
    )
    assert {r.name: (r.value, r.base) for r in figure.breakdowns["nation"]} == {
        "England": (2, 8),
        "Scotland": (1, 4),
        "Wales": (1, 1),
        "Northern Ireland": (0, 1),
    }
    assert sorted(b.body_name for b in hik.counted) == sorted(
        bodies[c].name for c in ("BDG", "BEN", "ABD", "AGY")
    )
    origins = {
        b.body_name: sorted({c.origin for c in b.claims if c.confirmed}) for b in hik.counted
    }
    assert origins[bodies["BDG"].name] == ["extraction"]
    # Antrim and Newtownabbey never replied: its audited Hikvision is known, outside the replies' bases.
    assert [
        (b.body_name, sorted({c.origin for c in b.claims if c.confirmed})) for b in known.counted
    ] == [(bodies["ANN"].name, ["audit"])]
    # "At least": the unreviewed Hikvision extractions (ABC, ADU, BLA, Police Scotland, CRY, BAE, CMN) are in
    # the base or out of it, never counted.
    not_counted = {b.body_name for b in hik.not_counted}
    assert (
        bodies["ADU"].name in not_counted and bodies["CMN"].name not in not_counted
    )  # CMN named nothing confirmed
    flagged = stats.get("uses_flagged")
    assert "vendors.is_state_linked" in flagged.definition and flagged.definition.endswith(
        stats.flagged_definition
    )


def test_real_extraction_two_rounds_trend(any_store):
    with any_store.session() as session:
        survey, bodies, extracted = _round_one(session)
        _review(session, bodies, extracted)
        r2 = add_survey(session, "round-2", previous_id=survey.id)
        texts = {
            "BDG": "Hikvision: 0 cameras. Axis: 12 cameras.",
            "BEN": "Our estate has 40 Hikvision cameras and 12 Axis cameras.",
            "ABD": "All our cameras are Bosch.",
            "BEX": "We use Hikvision cameras (4).",
            "AGB": "We operate 14 public space cameras; we do not record their makes.",
            "AGY": None,
            "ANN": None,
        }
        second = {}
        for code, text in texts.items():
            request = add_request(session, r2, bodies[code], SENT_R2, "awaiting_response")
            if text is not None:
                second[code] = _reply(session, request, text, dt.datetime(2027, 3, 20))
        intake.rederive(session, survey_id=r2.id)
        unreviewed = findings.trends(session, r2.id, today=TODAY_R2)
        findings.review_field(
            session, second["BDG"].id, "denied", "accept", reason="0 cameras", reviewer="amy"
        )
        for code in ("BEN", "BEX"):
            findings.review_field(
                session, second[code].id, "in_use", "accept", reason="checked", reviewer="amy"
            )
        change = findings.trends(session, r2.id, today=TODAY_R2)
        stats = _figures(findings.statistics(session, r2.id, today=TODAY_R2))
        r1_after = _figures(findings.statistics(session, survey.id, today=TODAY_R1))
    ids = lambda items: sorted((i.body_id, i.maker_id) for i in items)
    # Unreviewed, a 0.85 denial and 0.85 uses prove nothing: only silence (Aberdeen now names Bosch) shows.
    assert (
        ids(unreviewed.replaced),
        ids(unreviewed.still_using),
        ids(unreviewed.newly_confirmed),
    ) == ([], [], [])
    assert ids(change.replaced) == [(bodies["BDG"].id, "hikvision")]
    assert ids(change.still_using) == [(bodies["BEN"].id, "hikvision")]
    assert ids(change.no_longer_named) == [(bodies["ABD"].id, "hikvision")]
    assert ids(change.newly_confirmed) == [(bodies["BEX"].id, "hikvision")]
    expected = {
        "asked": (7, None, False),
        "replied": (5, 7, False),
        "answered": (5, 7, False),
        "answered_no_makers": (1, 5, False),
        "overdue": (2, 7, False),
        "makers_unknown": (3, 7, False),
        "named_manufacturers": (4, 5, True),
        "uses_flagged": (2, 4, True),
        "devices_flagged": (44, 2, True),
        "uses:hikvision": (2, 4, True),
        "denies:hikvision": (1, 5, True),
        # BDG, BEN, ABD and AGY (reviewed in round 1) and ANN (audited in round 1's window).
        "flagged_before": (5, None, False),
        "replaced_flagged": (1, 5, True),
        "no_longer_named_flagged": (1, 5, False),
        "still_using_flagged": (1, 5, True),
        "newly_confirmed_flagged": (1, 2, True),
    }
    assert {k: stats[k] for k in expected} == expected
    assert r1_after == ROUND1_EXPECTED
