"""`cctv-audit publish`, `map` and `export`."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from cctv_audit.cli.common import STATE
from cctv_audit.cli.main import app

runner = CliRunner()


@pytest.fixture
def db(survey_store):
    STATE._store = None  # the CLI caches its store per process; each test has its own database
    yield survey_store.url
    STATE._store = None


def run(db, *args: str):
    return runner.invoke(app, ["--db", str(db), "--quiet", *args])


def test_publish_writes_the_site_and_says_where_to_open_it(db, tmp_path):
    result = run(
        db, "publish", "cctv-2026", "--out", str(tmp_path / "site"), "--as-of", "2026-06-30"
    )
    assert result.exit_code == 0, result.output
    assert "Confirmed flagged maker" in result.output and "draft" in result.output
    assert (tmp_path / "site" / "index.html").as_uri() in result.output.replace("\n", "")


def test_publish_json_with_options(db, tmp_path):
    result = run(
        db,
        "publish",
        "cctv-2026",
        "--out",
        str(tmp_path / "site"),
        "--as-of",
        "2026-06-30",
        "--reviewed-only",
        "--redact",
        "--json",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["counts"]["flagged"] == 2 and data["counts"]["unclear"] == 1 and data["pages"] >= 20


def test_map_writes_an_svg_with_its_counts(db, tmp_path):
    result = run(
        db,
        "map",
        "cctv-2026",
        "--out",
        str(tmp_path / "map.svg"),
        "--as-of",
        "2026-06-30",
        "--json",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["counts"]["refused"] == 1 and data["beside"] == ["KEN"]
    svg = (tmp_path / "map.svg").read_text()
    assert svg.startswith("<svg") and ">GLG</text>" in svg


@pytest.mark.parametrize(
    "fmt, name",
    [
        ("csv", "csv"),
        ("xlsx", "out.xlsx"),
        ("json", "out.json"),
        ("sqlite", "out.db"),
        ("ftm", "out.ftm.json"),
    ],
)
def test_export_each_format(db, tmp_path, fmt, name):
    result = run(
        db, "export", "cctv-2026", "--format", fmt, "--out", str(tmp_path / name), "--json"
    )
    assert result.exit_code == 0, result.output
    paths = json.loads(result.stdout)
    assert paths and all((tmp_path / p).exists() for p in paths)


def test_bad_date_and_unknown_survey_are_one_line_errors(db, tmp_path):
    bad_date = run(
        db, "publish", "cctv-2026", "--out", str(tmp_path / "s"), "--as-of", "30/06/2026"
    )
    assert bad_date.exit_code == 1 and "YYYY-MM-DD" in bad_date.output
    unknown = run(db, "export", "nope", "--format", "csv", "--out", str(tmp_path / "c"))
    assert unknown.exit_code != 0
    assert "no survey 'nope'" in str(unknown.exception) + unknown.output
