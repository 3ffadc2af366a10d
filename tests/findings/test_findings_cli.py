"""The CLI: every number `findings --json` prints is traced by `findings explain`; review, claims, disclosures."""

from __future__ import annotations

import json

import pytest
from findings_world import TODAY_R1, add_audit_claim, build_round1
from typer.testing import CliRunner

from cctv_audit import findings
from cctv_audit.cli.common import STATE
from cctv_audit.cli.main import app
from cctv_audit.errors import FindingsError
from cctv_audit.findings import record


def run(store, *args: str, input: str | None = None, ok: bool = True):  # click's name
    """Invoke the CLI on this store (handed over as the CLI's open store: no re-opening per call)."""
    STATE._store = store
    result = CliRunner().invoke(
        app, ["--db", store.url, *args], input=input, env={"CCTV_AUDIT_REVIEWER": "dee"}
    )
    STATE._store = None
    if ok:
        assert result.exit_code == 0, (result.output, result.exception)
    return result


@pytest.fixture
def world(store):
    with store.session() as session:
        survey, bodies, answers = build_round1(session)
        add_audit_claim(session, bodies)
    return store, survey, bodies, answers


def test_every_number_is_explained_by_its_claims(world):
    store, survey, bodies, answers = world
    figures = json.loads(
        run(store, "findings", "--survey", "round-1", "--json", "--today", str(TODAY_R1)).stdout
    )
    assert figures["survey_name"] == "CCTV makers round-1"
    keys = [f["key"] for f in figures["figures"]]
    assert {"asked", "uses:hikvision", "devices_flagged", "refused"} <= set(keys)
    for figure in figures["figures"]:
        out = run(
            store,
            "findings",
            "explain",
            figure["key"],
            "--survey",
            "round-1",
            "--json",
            "--today",
            str(TODAY_R1),
        ).stdout
        explanation = json.loads(out)
        assert explanation["figure"]["value"] == figure["value"]
        if figure["unit"] == "bodies":
            assert len(explanation["counted"]) == figure["value"], figure["key"]
        if figure["base"] is not None:
            assert (
                len(explanation["counted"]) + len(explanation["not_counted"]) == figure["base"]
            ), figure["key"]
        if figure["key"].startswith(
            ("uses", "replied_uses", "devices", "named", "denies", "makers_known")
        ):
            for body in explanation["counted"]:
                confirmed = [c for c in body["claims"] if c["confirmed"] and c["evidence"]]
                assert confirmed, (figure["key"], body["body_name"])
    devices = json.loads(
        run(
            store,
            "findings",
            "explain",
            "devices_flagged",
            "--survey",
            "round-1",
            "--json",
            "--today",
            str(TODAY_R1),
        ).stdout
    )
    assert sum(c["device_count"] for b in devices["counted"] for c in b["claims"]) == 8 * 56
    # Antrim and Newtownabbey never replied: its audited cameras are known, outside the replies' bases.
    known = json.loads(
        run(
            store,
            "findings",
            "explain",
            "makers_known_without_reply",
            "--survey",
            "round-1",
            "--json",
            "--today",
            str(TODAY_R1),
        ).stdout
    )
    [audit] = known["counted"]
    assert audit["body_id"] == bodies["ANN"].id and audit["status"] == "overdue"
    assert audit["claims"][0]["evidence"][0]["observation_id"] == 7


def test_explain_table_and_unknown_key(world):
    store, *_ = world
    out = run(
        store,
        "findings",
        "explain",
        "uses:hikvision",
        "--survey",
        "round-1",
        "--today",
        str(TODAY_R1),
    ).stdout
    assert "At least 11 of 14 bodies" in out
    assert "In the base, not counted (3)" in out
    known = run(
        store,
        "findings",
        "explain",
        "makers_known_without_reply",
        "--survey",
        "round-1",
        "--today",
        str(TODAY_R1),
    ).stdout
    assert "device 7" in known and "Antrim" in known
    bad = run(store, "findings", "explain", "uses:nobody", "--survey", "round-1", ok=False)
    assert bad.exit_code == 1


def test_review_next_in_the_terminal(world):
    store, survey, bodies, answers = world
    listed = json.loads(run(store, "review", "list", "--json").stdout)
    confidences = [item["min_confidence"] for item in listed]
    assert confidences == sorted(confidences) and confidences[0] == 0.6
    # First in the queue: the two low-confidence Dahua answers, then Uniview. Reject the first
    # Dahua "in use" (after skipping the outcome and exemptions), then quit.
    first = listed[0]
    keys = "s\ns\nr\nnot what the reply says\nq\n"  # every field is offered: skip outcome and exemptions
    out = run(store, "review", "next", input=keys).stdout
    assert "Dahua" in out and "saved in_use v1: reject" in out
    with store.session() as session:
        history = findings.review_history(session, first["answer_id"])
        claims = findings.list_claims(session, body_id=first["body_id"], include_inactive=True)
    assert [(v.field, v.action, v.before, v.after, v.reviewer) for v in history] == [
        ("in_use", "reject", ["Dahua"], [], "dee")
    ]
    assert [(c.maker_id, c.status) for c in claims] == [("dahua", "rejected")]


def test_review_field_correct_from_script(world):
    store, survey, bodies, answers = world
    answer_id = answers["BNE"].id
    run(
        store,
        "review",
        "field",
        str(answer_id),
        "in_use",
        "correct",
        "--value",
        "Axis",
        "--reason",
        "replaced in 2023",
        "--reviewer",
        "amy",
    )
    out = json.loads(run(store, "claims", "list", "--body", "BNE", "--all", "--json").stdout)
    assert sorted((c["maker_id"], c["origin"], c["status"]) for c in out) == [
        ("axis", "review", "active"),
        ("hikvision", "extraction", "rejected"),
    ]
    counts = run(
        store,
        "review",
        "field",
        str(answer_id),
        "counts",
        "correct",
        "--value",
        "Axis=oops",
        "--reason",
        "x",
        ok=False,
    )
    assert counts.exit_code == 1


def test_claims_add_and_list(world):
    store, survey, bodies, answers = world
    out = json.loads(
        run(
            store,
            "claims",
            "add",
            "--body",
            "Camden",
            "--maker",
            "HiLook",
            "--url",
            "https://example.org/news/camden-cctv",
            "--date",
            "2026-02-10",
            "--count",
            "4",
            "--json",
        ).stdout
    )
    assert (out["body_name"], out["origin"], out["confirmed"], out["device_count"]) == (
        "London Borough of Camden",
        "manual",
        True,
        4,
    )
    assert out["evidence"][0]["url"] == "https://example.org/news/camden-cctv"
    assert out["maker_id"] == "hikvision"  # HiLook is Hikvision's brand
    listed = json.loads(run(store, "claims", "list", "--origin", "manual", "--json").stdout)
    assert [c["id"] for c in listed] == [out["id"]]
    bad = run(
        store,
        "claims",
        "add",
        "--body",
        "CMD",
        "--maker",
        "X",
        "--url",
        "https://e.org",
        "--date",
        "soon",
        ok=False,
    )
    assert bad.exit_code != 0


def test_disclosures_load_cli(world, tmp_path):
    store, *_ = world
    out = json.loads(run(store, "disclosures", "load", "--json").stdout)
    assert (out["rows"], out["claims"]) == (10, 4)
    mine = tmp_path / "mine.csv"
    mine.write_text(
        "body,nation,body_type,date,outcome,makers_in_use,counts,source_url\n"
        "City of Edinburgh Council,Scotland,SCO,2022-10-27,disclosed,Hikvision,Hikvision=40,https://example.org/foi/1\n"
        "Nowhere Council,England,NMD,2022-10-27,maybe,,,https://example.org/foi/2\n",
        encoding="utf-8",
    )
    result = run(store, "disclosures", "load", str(mine))
    assert "1 rows, 1 claims" in result.output and "mine.csv:3" in result.output


def test_breakdown_rows_are_explained_too(world):
    store, survey, bodies, answers = world
    with store.session() as session:
        stats = findings.statistics(session, survey.id, today=TODAY_R1)
        for key in ("asked", "refused", "uses:hikvision", "devices_flagged"):
            for dimension in ("nation", "group"):
                for row in stats.get(key).breakdowns[dimension]:
                    within = f"{dimension}:{row.name}"
                    result = findings.explain(
                        session, key, survey.id, within=within, today=TODAY_R1
                    )
                    assert (result.figure.value, result.figure.base) == (row.value, row.base), (
                        key,
                        within,
                    )
                    assert sum(b.contribution for b in result.counted) == row.value
                    assert all(row.name in (b.nation, *b.groups) for b in result.counted)
    out = run(
        store,
        "findings",
        "explain",
        "uses:hikvision",
        "--survey",
        "round-1",
        "--within",
        "group:London boroughs",
        "--json",
        "--today",
        str(TODAY_R1),
    ).stdout
    london = json.loads(out)
    # Before review the confident but wrong "Hikvision" of Barnet still counts: 4 of 5.
    assert (london["figure"]["value"], london["figure"]["base"], london["within"]) == (
        4,
        5,
        "group:London boroughs",
    )
    bad = run(
        store,
        "findings",
        "explain",
        "asked",
        "--survey",
        "round-1",
        "--within",
        "planet:Mars",
        ok=False,
    )
    assert bad.exit_code == 1


def _trace_every_figure(store, *scope: str) -> dict:
    """`findings --json` in ``scope``, and each figure's `findings explain` giving the same number."""
    figures = json.loads(run(store, "findings", *scope, "--json", "--today", str(TODAY_R1)).stdout)
    assert (
        figures["flagged"] == "state_linked"
        and "vendors.is_state_linked" in figures["flagged_definition"]
    )
    for figure in figures["figures"]:
        assert figure["definition"], figure["key"]
        explanation = json.loads(
            run(
                store,
                "findings",
                "explain",
                figure["key"],
                *scope,
                "--json",
                "--today",
                str(TODAY_R1),
            ).stdout
        )
        assert explanation["figure"] == figure
        assert explanation["definition"] == figure["definition"]
        if figure["unit"] == "bodies":
            assert len(explanation["counted"]) == figure["value"], figure["key"]
        else:
            assert sum(b["contribution"] for b in explanation["counted"]) == figure["value"], (
                figure["key"]
            )
        if figure["base"] is not None:
            assert (
                len(explanation["counted"]) + len(explanation["not_counted"]) == figure["base"]
            ), figure["key"]
        for body in explanation[
            "counted"
        ]:  # every counted body rests on evidence: a claim or a published reply
            assert (
                any(c["evidence"] for c in body["claims"])
                or body["disclosures"]
                or figure["key"]
                in (
                    "asked",
                    "replied",
                    "answered",
                    "overdue",
                    "no_reply",
                    "unclear",
                    "makers_unknown",
                )
            ), (figure["key"], body["body_name"])
    return figures


def test_every_number_outside_rounds_is_explained_including_disclosures(world):
    store, *_ = world
    run(store, "disclosures", "load")
    figures = _trace_every_figure(store)
    values = {f["key"]: (f["value"], f["base"]) for f in figures["figures"]}
    # Round 1's 18 bodies with claims and the audited ANN, the 8 bodies of the bundled disclosures, and
    # the bodies with a counted claim in the bundled published record (docs/disclosures.md).
    with store.session() as session:
        on_record = findings.body_findings(session, None)
        counted = {
            r.body_id
            for r in record.body_records(session).values()
            if any(c.status == "counted" for c in r.claims)
        }
    total = len(on_record)
    assert counted <= {f.body_id for f in on_record} and total >= 19 + 8 + 17
    assert values["bodies_on_record"] == (total, None)
    # Moray's 2016 reply named no maker; the published record (2022) names Hikvision there.
    assert values["refused"] == (3, total) and values["answered_no_makers"] == (1, total)
    refused = json.loads(run(store, "findings", "explain", "refused", "--json").stdout)
    urls = sorted(d["source_url"] for b in refused["counted"] for d in b["disclosures"])
    assert urls == [
        "https://www.basildonstandard.co.uk/news/17669420.council-cameras-could-be-a-security-risk-not-benefit/",
        "https://www.nationalarchives.gov.uk/about/freedom-of-information/information-requests/cctv-suppliers/",
        "https://www.northumbria.police.uk/foi-ai/northumbria-police/disclosure-log-2024/foi-t151424---cctv/",
    ]
    listed = json.loads(
        run(store, "disclosures", "list", "--body", "Transport for London", "--json").stdout
    )
    assert sorted(d["outcome"] for d in listed) == ["disclosed", "partially_disclosed", "refused"]
    table = run(store, "disclosures", "list").stdout
    assert table.startswith(
        "11 disclosures"
    )  # 10 bundled rows and Basildon's refusal (published record)


def test_flagged_definition_is_explicit_and_can_be_widened(store):
    """Default: state-linked makers only; Honeywell and Milesight (severity 3, not state-linked) are not flagged."""
    import datetime as dt

    from findings_world import (
        SENT_R2,
        TODAY_R2,
        Reply_,
        add_bodies,
        add_reply,
        add_request,
        add_survey,
    )

    with store.session() as session:
        bodies = add_bodies(session)
        survey = add_survey(session, "flags")
        for code, text, maker, count in (
            ("BDG", "We have 5 Hikvision cameras.", "Hikvision", 5),
            ("BEN", "We have 7 Honeywell cameras.", "Honeywell", 7),
            ("BEX", "We have 9 Milesight cameras.", "Milesight", 9),
            ("BNE", "We have 4 Axis cameras.", "Axis", 4),
        ):
            request = add_request(session, survey, bodies[code], SENT_R2, "awaiting_response")
            reply = Reply_(text, "disclosed", [maker], counts={maker: count})
            findings.claims_from_answer(
                session, add_reply(session, request, reply, dt.datetime(2027, 3, 9))
            )
        default = findings.statistics(session, survey.id, today=TODAY_R2)
        wide = findings.statistics(session, survey.id, today=TODAY_R2, flagged="serious_risk")
        rows = {f.body_code: f for f in findings.body_findings(session, survey.id, today=TODAY_R2)}
        with pytest.raises(FindingsError, match="unknown flagged definition"):
            findings.statistics(session, survey.id, today=TODAY_R2, flagged="scary")
    assert (default.get("uses_flagged").value, default.get("uses_flagged").base) == (1, 4)
    assert default.get("devices_flagged").value == 5
    assert (wide.get("uses_flagged").value, wide.get("devices_flagged").value) == (3, 5 + 7 + 9)
    assert (
        [m.flagged for m in rows["BEN"].makers] == [False]
        and rows["BDG"].flagged
        and not rows["BEN"].flagged
    )
    assert (
        rows["BEN"].makers[0].risk_severity >= 3
    )  # the knowledge base still shows its risk, with sources
    assert default.flagged_definition in default.get("uses_flagged").definition
    assert wide.flagged_definition in wide.get("uses_flagged").definition
    assert default.flagged_definition != wide.flagged_definition
    assert "state-linked" in default.get("uses_flagged").sentence
    out = json.loads(
        run(
            store,
            "findings",
            "--survey",
            "flags",
            "--json",
            "--flagged",
            "serious_risk",
            "--today",
            str(TODAY_R2),
        ).stdout
    )
    assert {f["key"]: f["value"] for f in out["figures"]}["uses_flagged"] == 3
    bad = run(store, "findings", "--survey", "flags", "--flagged", "scary", ok=False)
    assert bad.exit_code == 1 and "unknown flagged definition" in str(bad.exception)
