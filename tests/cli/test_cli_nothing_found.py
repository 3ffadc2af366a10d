"""A fresh store is never silently empty: a command that finds nothing says what to run next."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from cctv_audit.cli.main import app

runner = CliRunner()

#: (command, the command its hint must name)
EMPTY = [
    (["answers", "run"], "cctv-audit ingest"),
    (["claims", "list"], "cctv-audit disclosures load"),
    (["claims", "list", "--origin", "audit"], "cctv-audit claims list"),
    (["claims", "sync"], "cctv-audit answers run"),
    (["documents", "list"], "cctv-audit ingest"),
    (["findings"], "cctv-audit disclosures load"),
    (["findings", "--bodies"], "cctv-audit disclosures load"),
    (["disclosures", "list"], "cctv-audit disclosures load"),
    (["disclosures", "figures"], "cctv-audit disclosures load"),
    (["survey", "list"], "cctv-audit survey create"),
    (["replies", "queue"], "cctv-audit ingest"),
    (["outbox", "list"], "cctv-audit survey send"),
    (["review", "list"], "cctv-audit answers run"),
    (["review", "next"], "cctv-audit answers run"),
    (["users", "list"], "cctv-audit users add"),
    (["bodies", "list", "--nation", "Narnia"], "cctv-audit bodies list"),
    (["vendors", "list", "--country", "XX"], "cctv-audit vendors list"),
]


@pytest.fixture(scope="module")
def new_db(tmp_path_factory):
    return tmp_path_factory.mktemp("fresh") / "new.db"


@pytest.mark.parametrize(("command", "names"), EMPTY, ids=[" ".join(c) for c, _ in EMPTY])
def test_a_command_finding_nothing_says_what_to_run_next(new_db, command, names):
    result = runner.invoke(app, ["--db", str(new_db), *command])
    assert result.exit_code == 0, result.output
    hints = [line for line in result.stderr.splitlines() if names in line]
    assert hints, (
        f"{' '.join(command)} found nothing and said nothing of what to run: {result.stderr!r}"
    )
    assert re.search(r"`cctv-audit [a-z]", hints[0])


def test_json_output_stays_data_only(new_db):
    result = runner.invoke(app, ["--db", str(new_db), "claims", "list", "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert "cctv-audit disclosures load" in result.stderr
