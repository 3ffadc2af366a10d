"""Known public disclosures load as published claims, re-load without duplicates, and stay out of rounds."""

from __future__ import annotations

import datetime as dt

import pytest
from findings_world import TODAY_R1, build_round1

from cctv_audit import findings
from cctv_audit.errors import InputError


def test_bundled_disclosures_are_published_claims(any_store):
    with any_store.session() as session:
        first = findings.load_disclosures(session)
        again = findings.load_disclosures(session)
        claims = [findings.claim_view(c) for c in findings.list_claims(session, origin="published")]
    assert (first.rows, first.claims, first.disclosures, first.problems) == (10, 4, 10, [])
    assert first.bodies_created == 8  # no registry loaded: each body is created once
    assert (again.claims, again.disclosures, again.bodies_created) == (4, 10, 0)
    assert len(first.without_claims) == 6
    by_body = {c.body_name: c for c in claims}
    assert len(claims) == 4
    herts = by_body["East Hertfordshire District Council"]
    assert (herts.maker_id, herts.device_count, herts.as_of, herts.confirmed) == (
        "edesix",
        17,
        dt.date(2016, 9, 15),
        True,
    )
    assert herts.evidence[0].url == "https://www.eastherts.gov.uk/article/33883/F16529"
    assert all(c.polarity == "uses" and len(c.evidence) == 1 for c in claims)


def test_disclosures_outside_the_round_window_do_not_count(store):
    with store.session() as session:
        survey, bodies, answers = build_round1(session)
        before = findings.statistics(session, survey.id, today=TODAY_R1)
        findings.load_disclosures(session)
        after = findings.statistics(session, survey.id, today=TODAY_R1)
        everything = findings.statistics(session, today=TODAY_R1)
    assert [(f.key, f.value, f.base) for f in before.figures] == [
        (f.key, f.value, f.base) for f in after.figures
    ]
    assert everything.get("uses:edesix").value == 1
    assert (
        everything.get("bodies_with_claims").value == 18 + 4
    )  # round 1 bodies with claims, disclosures
    # Disclosures with no maker are on record too: 18 round-1 bodies with claims + 8 disclosed bodies.
    assert everything.get("bodies_on_record").value == 18 + 8


def test_user_csv_problems_name_the_line(store, tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(
        "body,outcome,source_url,date,makers_in_use\n"
        "Somewhere Council,disclosed,https://example.org/a,2024-02-30,Hikvision\n"
        "Elsewhere Council,disclosed,not-a-url,,Dahua\n",
        encoding="utf-8",
    )
    with store.session() as session:
        report = findings.load_disclosures(session, path)
        with pytest.raises(InputError, match="missing columns: source_url"):
            bad = tmp_path / "bad.csv"
            bad.write_text("body,outcome\nX,disclosed\n", encoding="utf-8")
            findings.load_disclosures(session, bad)
    assert report.claims == 0
    assert [p.split(": ")[0] for p in report.problems] == [f"{path}:2", f"{path}:3"]


def test_disclosures_without_makers_set_the_status_outside_rounds(store):
    """A published refusal, "not held" or answer naming no maker is a finding, not an unknown."""
    with store.session() as session:
        findings.load_disclosures(session)
        rows = {f.body_name: f for f in findings.body_findings(session, None, today=TODAY_R1)}
        stats = findings.statistics(session, today=TODAY_R1)
        refused = findings.explain(session, "refused", today=TODAY_R1)
        no_makers = findings.explain(session, "answered_no_makers", today=TODAY_R1)
        stored = findings.list_disclosures(session, body_id=rows["Transport for London"].body_id)
    assert len(rows) == 8
    tna = rows["The National Archives"]
    assert (tna.status, tna.outcome, tna.exemptions, tna.makers) == (
        "refused",
        "refused",
        ["FOIA s31"],
        [],
    )
    assert [d.source_url for d in tna.disclosures] == [
        "https://www.nationalarchives.gov.uk/about/freedom-of-information/information-requests/cctv-suppliers/"
    ]
    northumbria = rows["Northumbria Police"]
    assert (northumbria.status, northumbria.exemptions) == ("refused", ["FOIA s24", "FOIA s31"])
    moray = rows["The Moray Council"]
    assert (moray.status, moray.outcome, moray.total_cameras, moray.makers) == (
        "answered",
        "disclosed",
        0,
        [],
    )
    assert moray.named_no_maker and not rows["East Hertfordshire District Council"].named_no_maker
    westminster = rows["City of Westminster"]
    assert (westminster.status, westminster.outcome, westminster.disclosures[0].disclosed_on) == (
        "answered",
        "partially_disclosed",
        dt.date(2013, 4, 2),
    )
    # TfL: an answer naming Bosch, one naming none, and a refusal: the answer decides; all three are listed.
    tfl = rows["Transport for London"]
    assert (tfl.status, [m.maker_id for m in tfl.makers], len(tfl.disclosures)) == (
        "answered",
        ["bosch"],
        3,
    )
    assert tfl.exemptions == ["EIR reg 12(4)(b)"] and len(stored) == 3
    figures = {f.key: (f.value, f.base) for f in stats.figures}
    assert {
        k: figures[k]
        for k in (
            "bodies_on_record",
            "bodies_with_claims",
            "answered",
            "refused",
            "not_held",
            "answered_no_makers",
            "named_manufacturers",
        )
    } == {
        "bodies_on_record": (8, None),
        "bodies_with_claims": (4, 8),
        "answered": (6, 8),
        "refused": (2, 8),
        "not_held": (0, 8),
        "answered_no_makers": (2, 8),
        "named_manufacturers": (4, 4),
    }
    assert sorted(b.body_name for b in refused.counted) == [
        "Northumbria Police",
        "The National Archives",
    ]
    assert all(b.disclosures and b.disclosures[0].source_url in b.reason for b in refused.counted)
    assert sorted(b.body_name for b in no_makers.counted) == [
        "City of Westminster",
        "The Moray Council",
    ]
