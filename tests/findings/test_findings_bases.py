"""The bases campaigners quote: "of those that replied", "of those that named manufacturers", the share
of respondents. A reply that withholds the makers is a refusal; acknowledgements and silence are never
in the base of a denial; every "of N" is the N its base figure shows."""

from __future__ import annotations

import datetime as dt

from findings_world import SENT_R1, TODAY_R1, Reply_, add_bodies, add_reply, add_request, add_survey
from sqlalchemy import select

from cctv_audit import findings
from cctv_audit.findings import EvidenceInput
from cctv_audit.foi.models import Reply

RECEIVED = dt.datetime(2026, 1, 28, 12, 0)

#: Six Scottish councils: what each sent back (None: nothing).
REPLIES = {
    # Gives the number of cameras, withholds the makers: the maker question was refused.
    "ABD": Reply_(
        "The council operates 50 cameras. The makes are withheld under sections 31 and 35 of FOISA.",
        "partially_disclosed",
        exemptions=["FOISA s31", "FOISA s35"],
    ),
    "ABE": Reply_(
        "Our 12 Hikvision cameras are being replaced; we use no Dahua equipment.",
        "disclosed",
        ["Hikvision"],
        denied=["Dahua"],
        counts={"Hikvision": 12},
    ),
    # A s17 notice (not held) is no refusal: it answered, naming no maker.
    "AGB": Reply_(
        "We have 30 cameras. Under section 17 of FOISA we do not hold their makes.",
        "partially_disclosed",
        exemptions=["FOISA s17"],
    ),
    "ANS": Reply_("Thank you for your request, which we will answer in due course.", "other"),
    "CLK": None,
    "DND": Reply_(
        "We do not use Dahua; the cameras are Axis.", "disclosed", ["Axis"], denied=["Dahua"]
    ),
}


def _round(session):
    from cctv_audit.findings import claims_from_answer

    bodies = add_bodies(session)
    survey = add_survey(session, "bases")
    for code, reply in REPLIES.items():
        request = add_request(session, survey, bodies[code], SENT_R1, "awaiting_response")
        if reply is None:
            continue
        answer = add_reply(session, request, reply, RECEIVED)
        if code == "ANS":  # what the matcher records for an acknowledgement
            session.scalar(
                select(Reply).where(Reply.document_id == answer.document_id)
            ).automatic = True
        claims_from_answer(session, answer)
    return survey, bodies


def _values(stats) -> dict[str, tuple]:
    return {f.key: (f.value, f.base) for f in stats.figures}


def test_bases_follow_the_replies_and_a_withheld_maker_is_a_refusal(store):
    with store.session() as session:
        survey, _ = _round(session)
        stats = findings.statistics(session, survey.id, today=TODAY_R1)
        rows = {f.body_code: f for f in findings.body_findings(session, survey.id, today=TODAY_R1)}
        denies = findings.explain(session, "denies:dahua", survey.id, today=TODAY_R1)
    assert (rows["ABD"].status, rows["ABD"].exemptions) == ("refused", ["FOISA s31", "FOISA s35"])
    assert rows["AGB"].status == "answered" and rows["AGB"].named_no_maker
    assert (
        rows["ANS"].status == "overdue" and rows["CLK"].status == "overdue"
    )  # an acknowledgement answers nothing
    got = _values(stats)
    assert {
        k: got[k]
        for k in (
            "asked",
            "replied",
            "answered",
            "refused",
            "overdue",
            "answered_no_makers",
            "named_manufacturers",
            "uses:hikvision",
            "replied_uses:hikvision",
            "uses_flagged",
            "replied_uses_flagged",
            "denies:dahua",
        )
    } == {
        "asked": (6, None),
        "replied": (4, 6),
        "answered": (3, 6),
        "refused": (1, 6),
        "overdue": (2, 6),
        "answered_no_makers": (1, 4),
        "named_manufacturers": (2, 4),
        "uses:hikvision": (1, 2),
        "replied_uses:hikvision": (1, 4),
        "uses_flagged": (1, 2),
        "replied_uses_flagged": (1, 4),
        "denies:dahua": (2, 4),
    }
    exemptions = {r.name: r.value for r in stats.get("refused").breakdowns["exemption"]}
    assert exemptions == {"FOISA s31": 1, "FOISA s35": 1}
    assert stats.get("named_manufacturers").sentence == (
        "Of the 4 bodies that replied, at least 2 named the manufacturers they use (50.0%)"
    )
    assert (
        stats.get("replied_uses:hikvision").sentence
        == "At least 1 of 4 bodies that replied use Hikvision (25.0%)"
    )
    in_base = {b.body_id for b in [*denies.counted, *denies.not_counted]}
    assert in_base == {
        rows[code].body_id for code in ("ABD", "ABE", "AGB", "DND")
    }  # silence is not a "no"
    for key in (
        "replied",
        "named_manufacturers",
        "replied_uses:hikvision",
        "denies:dahua",
        "refused",
    ):
        definition = stats.get(key).definition
        assert "Base:" in definition or "refused" in definition, key
    assert "withholds the makers" in stats.get("refused").definition


def test_every_of_n_is_the_n_its_base_figure_shows(store):
    """A body that never replied is in no base below "replied", whatever else is known of it."""
    with store.session() as session:
        survey, bodies = _round(session)
        findings.record_claim(
            session,
            body_id=bodies["CLK"].id,
            manufacturer_id="Dahua",
            polarity="uses",
            device_count=4,
            as_of=dt.date(2026, 2, 1),
            origin="audit",
            evidence=[EvidenceInput.observation(9, kind="device")],
        )
        stats = findings.statistics(session, survey.id, today=TODAY_R1)
        known = findings.explain(session, "makers_known_without_reply", survey.id, today=TODAY_R1)
    by_key = {f.key: f for f in stats.figures}
    for figure in stats.figures:
        if figure.base_key is not None:
            assert figure.base == by_key[figure.base_key].value, (figure.key, figure.base_key)
    assert (by_key["named_manufacturers"].value, by_key["uses:dahua"].value) == (2, 0)
    assert [b.body_name for b in known.counted] == [bodies["CLK"].name]
    assert by_key["makers_known_without_reply"].value == 1
