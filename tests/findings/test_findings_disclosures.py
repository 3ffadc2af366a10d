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
    assert (first.rows, first.claims, first.problems) == (10, 4, [])
    assert first.bodies_created == 4  # no registry loaded: each body with a maker is created once
    assert (again.claims, again.bodies_created) == (4, 0)
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
