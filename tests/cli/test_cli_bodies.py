"""The CLI: the registry commands, --json output, and the one-line error path."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from cctv_audit.cli.main import app

runner = CliRunner()


def run(db, *args):
    return runner.invoke(app, ["--db", str(db), *args])


@pytest.fixture
def db(councils):
    return councils.url


def test_init_loads_the_registry_and_summarises(tmp_path):
    result = run(tmp_path / "new.db", "init")
    assert result.exit_code == 0, result.output
    assert "397 current UK councils" in result.output
    assert "Scotland" in result.output and "FOISA" in result.output


def test_list_scotland_shows_32_councils(db):
    result = run(db, "bodies", "list", "--nation", "Scotland", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert len(rows) == 32 and all(r["regime"] == "FOISA" for r in rows)


def test_show_by_name_variant(db):
    result = run(db, "bodies", "show", "City of Edinburgh Council", "--json")
    assert json.loads(result.stdout)["code"] == "EDH"


def test_import_reports_bad_rows(db, tmp_path):
    path = tmp_path / "police.csv"
    path.write_text("name,nation,body_type\nKent Police,England,police\nBad,Mars,police\n")
    result = run(db, "bodies", "import", str(path))
    assert result.exit_code == 0
    assert "1 new" in result.output and "police.csv:3" in result.output and "Mars" in result.output


def _cli(*args, env_db):
    return subprocess.run(
        [sys.executable, "-m", "cctv_audit.cli.main", "--db", str(env_db), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_errors_are_one_line_without_traceback(db):
    proc = _cli("bodies", "show", "Atlantis", env_db=db)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().startswith("error:") and "Atlantis" in proc.stderr


def test_debug_shows_the_traceback(db):
    proc = _cli("--debug", "bodies", "show", "Atlantis", env_db=db)
    assert proc.returncode == 1
    assert "Traceback" in proc.stderr and "NotFound" in proc.stderr


def test_unusable_database_url_is_a_clear_error(tmp_path):
    proc = _cli("bodies", "list", env_db="postgresql://nobody@127.0.0.1:1/none")
    assert proc.returncode == 1
    assert "cannot open the database" in proc.stderr and "Traceback" not in proc.stderr
