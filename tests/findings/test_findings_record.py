"""The published record: its data lint, the figure rule on contradictions, import/export, first use."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cctv_audit.errors import RecordError
from cctv_audit.findings import record
from cctv_audit.registry.bundled import iter_bundled_councils

REGISTER = record.bundled_register()
SCOTTISH = {r.code for r in iter_bundled_councils() if r.body_type == "SCO"}


# --- the lint: the bundled register is sourced, dated, graded, consistent --------------------------------


def test_the_bundled_register_is_clean():
    assert record.lint_register() == []


def test_every_claim_has_a_source_url_date_and_grade_and_a_known_body():
    known = {r.code for r in iter_bundled_councils()} | set(REGISTER.bodies)
    assert len(REGISTER.entries) >= 100
    for e in REGISTER.entries:
        assert e.source.url.startswith(("http://", "https://")), e.where
        assert e.source.publisher and e.source.grade in record.GRADES, e.where
        assert e.as_of and e.source.published, e.where
        assert e.kind in record.KINDS and e.scope in record.SCOPES, e.where
        assert e.body in known, e.where
        assert e.count is None or e.kind in record.USE_KINDS, e.where
    assert {e.source.grade for e in REGISTER.entries} >= {"own", "press", "campaign", "repost"}


def test_no_duplicate_claim_and_no_count_split_between_makers():
    keys = [e.key for e in REGISTER.entries]
    assert len(keys) == len(set(keys))
    # North Ayrshire's 77 cameras are "made by Hikvision and Dahua": one figure, so no count for either.
    nay = [e for e in REGISTER.entries if e.body == "NAY"]
    assert {e.maker for e in nay} == {"hikvision", "dahua"} and all(e.count is None for e in nay)


def test_a_partnership_is_one_body_not_copied_onto_its_members():
    assert REGISTER.bodies["3c-shared-services"].members == ("CAB", "SCA", "HUN")
    three_c = [e for e in REGISTER.entries if e.count == 612]
    assert [e.body for e in three_c] == ["3c-shared-services"]
    assert not any(e.body in ("SCA", "HUN") for e in REGISTER.entries)


def _broken_copy(tmp_path: Path, extra: str) -> Path:
    data = tmp_path / "record"
    shutil.copytree(record.DATA_DIR, data)
    with (data / "claims.yaml").open("a", encoding="utf-8") as handle:
        handle.write(extra)
    return data


def test_lint_names_file_line_and_field(tmp_path):
    lines = (record.DATA_DIR / "claims.yaml").read_text(encoding="utf-8").count("\n")
    data = _broken_copy(
        tmp_path,
        (
            "- source: north-pole-times\n  body: THR\n  maker: hikvision\n  kind: uses\n"
            "- source: thurrock-foi-2019\n  body: XXX\n  makers: [hikvision, dahua]\n  kind: uses\n  count: 77\n"
            "- source: thurrock-foi-2019\n  body: THR\n  maker: hikvision\n  kind: uses\n  scope: site\n  count: 56\n"
            "  as_of: 2019-06-06\n"
        ),
    )
    problems = record.lint_register(data)
    first, second, third = lines + 1, lines + 5, lines + 10
    assert (
        f"claims.yaml:{first}: source: unknown source 'north-pole-times'; add it to sources.yaml"
        in problems
    )
    assert any(
        p.startswith(f"claims.yaml:{second}: body: unknown body code 'XXX'") for p in problems
    )
    assert any(
        p.startswith(f"claims.yaml:{second}: count: a count cannot be split between makers")
        for p in problems
    )
    assert any(p.startswith(f"claims.yaml:{third}: body: duplicate claim") for p in problems)


# --- in the store: figures computed from the sources ----------------------------------------------------


@pytest.fixture
def loaded(store):
    with store.session() as session:
        report = record.load_record(session)
    return store, report


def test_the_scottish_figure_is_the_union_of_the_named_councils(loaded):
    store, report = loaded
    named = {
        e.body
        for e in REGISTER.entries
        if e.maker == "hikvision"
        and e.kind in record.USE_KINDS
        and e.source.grade in record.COUNTED_GRADES
        and not e.by_exclusion
        and e.body in SCOTTISH
    }
    libdems = {
        e.body
        for e in REGISTER.entries
        if e.source.id == "scottishlegal-libdems-2022" and e.kind == "uses" and e.body in SCOTTISH
    }
    times = {
        e.body
        for e in REGISTER.entries
        if e.source.id == "biometricupdate-times-2025" and e.kind == "uses" and e.body in SCOTTISH
    }
    assert named == libdems | times and len(libdems) == 13 and len(times) == 9
    with store.session() as session:
        figures = {f.key: f for f in record.record_figures(session)}
    scotland = figures["record:uses:hikvision:scotland"]
    assert set(scotland.members) == named and scotland.value == len(named) and scotland.base == 32
    assert scotland.sentence == (
        f"At least {len(named)} of 32 Scottish councils have been reported to use "
        "Hikvision (named, sourced, 2022-2025)"
    )
    assert scotland.by_grade["press"] == len(named)
    # North Ayrshire (a repost) and the councils City AM names only by exclusion are kept, not counted.
    assert scotland.not_counted["named only by a campaign or repost"] == ["NAY"]
    assert "HLD" not in scotland.members and "HLD" not in scotland.not_counted["only by exclusion"]
    assert set(figures["record:denies:hikvision:scotland"].members) == {
        "HLD",
        "STG",
        "ORK",
        "WLN",
        "WDU",
    }
    assert "Figure rule" in scotland.rule
    # Northern Ireland's councils are named only by exclusion: no "at least 0", the sentence says so.
    ni = figures["record:uses:hikvision:ni"]
    assert ni.value == 0 and ni.sentence.startswith(
        "No source that counts names any of the 11 Northern Ireland"
    )
    assert report.claims_in_record == len(REGISTER.entries)
    again = None
    with store.session() as session:
        again = record.load_record(session)
    assert (again.created, again.updated) == (0, 0)


def test_contradicting_sources_are_both_kept_and_the_rule_decides(loaded, tmp_path):
    store, _ = loaded
    with store.session() as session:
        edinburgh = record.body_record(session, _body_id(session, "EDH"))
    assert edinburgh.contradictions == ["hikvision"]
    by_source = {(c.publisher.split(" (")[0], c.kind): c.status for c in edinburgh.claims}
    assert by_source[("Scottish Legal News", "uses")] == "counted"
    assert by_source[("Free Tibet", "does_not_use")] == "not_counted"
    assert edinburgh.verdicts["hikvision"] == "uses"
    # Highland: "every council except three" (City AM 2022) against "uses it nowhere" (The Times 2025).
    with store.session() as session:
        highland = record.body_record(session, _body_id(session, "HLD"))
    assert (
        highland.contradictions == ["hikvision"]
        and highland.verdicts["hikvision"] == "does_not_use"
    )

    additions = tmp_path / "additions.csv"
    additions.write_text(
        "body,maker,kind,scope,as_of,source_url,publisher,published,grade,quote\n"
        # a newer own reply denying use for the whole estate supersedes the older press claims
        "FAL,hikvision,does_not_use,estate,2025-06-01,https://example.org/falkirk-foi,Falkirk Council,2025-06-01,own,no Hikvision\n"
        # a newer campaign statement does not
        "ANS,hikvision,does_not_use,estate,2024-01-01,https://example.org/campaign,A campaign,2024-01,campaign,\n"
        # an older own denial against a newer press claim: both stand, the body is contested
        "GLG,Hikvision,does_not_use,estate,2019,https://example.org/glasgow-2019,Glasgow City Council,2019,own,\n"
        # a scoped denial (public-space CCTV) does not answer use elsewhere
        "MRY,hikvision,does_not_use,public_space,2024,https://example.org/moray,Moray Council,2024,own,\n",
        encoding="utf-8",
    )
    with store.session() as session:
        record.load_record(session, additions)
        figure = {f.key: f for f in record.record_figures(session)}[
            "record:uses:hikvision:scotland"
        ]
        falkirk = record.body_record(session, _body_id(session, "FAL"))
        from cctv_audit import findings

        finding = next(f for f in findings.body_findings(session, None) if f.body_code == "FAL")
    assert "FAL" not in figure.members and {"ANS", "GLG", "MRY"} <= set(figure.members)
    assert figure.contested == ["GLG"]
    assert any(
        c.status == "superseded" and "Falkirk Council" in c.status_reason for c in falkirk.claims
    )
    # the mirrored claims follow: findings now see Falkirk's denial, not the superseded use
    assert [m.polarity for m in finding.makers if m.maker_id == "hikvision"] == ["does_not_use"]


def _body_id(session, code):
    from cctv_audit.registry import get_body

    return get_body(session, code).id


def test_import_errors_name_file_line_and_field(store, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "body,maker,kind,scope,as_of,source_url,publisher,published,grade\n"
        "THR,Nocam Optics,uses,site,2019,https://example.org/a,Paper,2019,press\n"
        "THR,hikvision,uses,site,2019,https://example.org/b,Paper,2019,tabloid\n"
        "THR,hikvision,used,site,June 2019,example.org,Paper,2019,press\n",
        encoding="utf-8",
    )
    with pytest.raises(RecordError) as caught:
        record.read_claims_file(bad)
    text = str(caught.value)
    assert "bad.csv:2: maker: unknown maker 'Nocam Optics'" in text
    assert (
        "bad.csv:3: grade: 'tabloid' must be one of own, official, press, campaign, repost" in text
    )
    assert (
        "bad.csv:4: kind:" in text
        and "bad.csv:4: as_of:" in text
        and "bad.csv:4: source_url:" in text
    )
    unknown = tmp_path / "unknown.yaml"
    unknown.write_text(
        "- body: Nowhere Council\n  maker: hikvision\n  kind: uses\n  source_url: https://e.org\n"
        "  publisher: P\n  published: 2020\n  grade: press\n",
        encoding="utf-8",
    )
    with (
        store.session() as session,
        pytest.raises(RecordError, match=r"unknown.yaml:1: body: no body"),
    ):
        record.load_record(session, unknown)


def test_export_writes_the_import_format_and_round_trips(loaded, tmp_path):
    store, _ = loaded
    with store.session() as session:
        assert record.export_record(session, tmp_path / "record.csv") == len(REGISTER.entries)
        assert record.export_record(session, tmp_path / "record.yaml") == len(REGISTER.entries)
        before = [(f.key, f.value) for f in record.record_figures(session)]
    for name in ("record.csv", "record.yaml"):
        entries = record.read_claims_file(tmp_path / name)
        assert {e.key for e in entries} == {e.key for e in REGISTER.entries}
        with store.session() as session:
            report = record.load_record(session, tmp_path / name)
            assert (report.created, report.updated) == (0, 0)
            assert [(f.key, f.value) for f in record.record_figures(session)] == before


# --- a fresh store is never silently empty ------------------------------------------------------------


def _cli(*args: str, db: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "CCTV_AUDIT_DB": str(db)}
    return subprocess.run(
        [sys.executable, "-m", "cctv_audit.cli.main", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_a_new_database_lists_the_bundled_registry(tmp_path):
    result = _cli("bodies", "list", "--json", db=tmp_path / "new.db")
    assert result.returncode == 0, result.stderr
    bodies = json.loads(result.stdout)
    assert len(bodies) == 397 and sum(b["nation"] == "Scotland" for b in bodies) == 32
    assert "loaded the bundled registry" in result.stderr


def test_cli_figures_show_and_explain_show_both_sources(tmp_path):
    db = tmp_path / "cli.db"
    empty = _cli("disclosures", "figures", db=db)
    assert empty.returncode == 0 and "cctv-audit disclosures load" in empty.stderr
    assert _cli("disclosures", "load", db=db).returncode == 0
    figures = _cli("disclosures", "figures", db=db)
    assert (
        "At least 17 of 32 Scottish councils have been reported to use Hikvision" in figures.stdout
    )
    assert "Figure rule" in figures.stdout
    explained = _cli("findings", "explain", "record:uses:hikvision:scotland", db=db)
    assert explained.returncode == 0, explained.stderr
    out = " ".join(explained.stdout.split())
    assert "City of Edinburgh Council (EDH) - sources disagree on hikvision" in out
    assert "scottishlegal.com/articles/more-than-a-dozen-councils" in out
    assert "freetibet.org/take-action" in out and "not_counted: grade campaign" in out
    plain = " ".join(_cli("findings", "explain", "uses:hikvision", db=db).stdout.split())
    assert "Sources disagree about" in plain and "freetibet.org" in plain


def test_cli_import_errors_name_file_line_and_field_and_load_nothing(tmp_path):
    bad = tmp_path / "additions.csv"
    bad.write_text(
        "body,maker,kind,scope,as_of,source_url,publisher,published,grade\n"
        "THR,hikvision,uses,site,2019,https://example.org/a,Paper,2019,press\n"
        "THR,hikvision,used,site,June 2019,https://example.org/b,Paper,2019,tabloid\n",
        encoding="utf-8",
    )
    result = _cli("disclosures", "import", str(bad), db=tmp_path / "cli.db")
    assert result.returncode == 1 and "nothing was loaded" in result.stderr
    for field in ("kind", "as_of", "grade"):
        assert f"additions.csv:3: {field}: " in result.stderr
    assert "additions.csv:2:" not in result.stderr and "Traceback" not in result.stderr
