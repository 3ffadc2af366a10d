"""The inventory commands end to end on a SQLite file."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from cctv_audit.cli.main import app

runner = CliRunner()


def run(db, *args):
    result = runner.invoke(app, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result


def test_import_list_draft_and_phaseout(councils, register, tmp_path):
    db = councils.url
    imported = json.loads(
        run(db, "assets", "import", str(register), "--body", "Cardiff", "--json").stdout
    )
    assert imported["created"] == 11 and imported["unidentified_rows"] == [12]
    listed = json.loads(run(db, "assets", "list", "--body", "CRF", "--json").stdout)
    assert listed["total"] == 11 and listed["makers"][0] == {
        "maker": "Hikvision",
        "cameras": 5,
        "recorders": 1,
        "flagged": True,
        "brands": ["HiLook"],
    }
    out = tmp_path / "reply"
    drafted = run(db, "respond", "draft", "--request", "FOI-77", "--body", "CRF", "--out", str(out))
    assert "We hold records of 10 cameras and 1 recorder." in drafted.output
    assert (
        out.with_suffix(".docx").stat().st_size > 0 and out.with_suffix(".pdf").stat().st_size > 0
    )
    plan = json.loads(run(db, "phaseout", "plan", "--body", "CRF", "--json").stdout)
    run(db, "phaseout", "set", str(plan[0]["asset_id"]), "replaced", "--on", "2026-01-05")
    status = json.loads(
        run(db, "phaseout", "status", "--body", "CRF", "--on", "2026-02-01", "--json").stdout
    )
    assert status["total"] == 8 and status["done"] == 1 and status["percent_done"] == 12.5


def test_bad_map_is_one_clear_error(councils, register):
    result = runner.invoke(
        app,
        ["--db", councils.url, "assets", "import", str(register), "--body", "CRF", "--map", "make"],
    )
    assert result.exit_code != 0
    assert "KEY=VALUE" in str(result.exception) or "KEY=VALUE" in result.output
