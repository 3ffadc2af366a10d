"""`cctv-audit extract` and `cctv-audit eval` as the maintainers' checks call them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cctv_audit.cli.main import app

KEYS = [
    "outcome",
    "exemptions",
    "manufacturers_in_use",
    "manufacturers_denied",
    "counts",
    "total_cameras",
    "evidence",
    "needs_review",
    "review_reasons",
    "candidates",
]


def test_extract_json_prints_one_object_with_the_contract_keys(tmp_path: Path):
    reply = tmp_path / "reply.txt"
    reply.write_text(
        "SOURCE: https://example.gov.uk/foi/123\nYou asked\nDo you use Hikvision?\nWe answered\n"
        "No. We use 47 static and 9 PTZ Axis cameras.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["extract", str(reply), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == KEYS
    assert data["manufacturers_in_use"] == ["Axis"] and data["counts"] == {"Axis": 56}
    assert data["manufacturers_denied"] == ["Hikvision"]


def test_extract_with_a_separate_question(tmp_path: Path):
    reply, question = tmp_path / "reply.txt", tmp_path / "question.txt"
    reply.write_text("1. Yes\n2. 9\n", encoding="utf-8")
    question.write_text(
        "1. Do you use Dahua cameras?\n2. How many cameras do you have?\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["extract", str(reply), "--question", str(question), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["manufacturers_in_use"] == ["Dahua"] and data["counts"] == {"Dahua": 9}


def test_eval_scores_a_labelled_folder(tmp_path: Path):
    (tmp_path / "a.txt").write_text("The Council uses 12 Hikvision cameras.\n", encoding="utf-8")
    (tmp_path / "a.json").write_text(
        json.dumps(
            {
                "outcome": "disclosed",
                "exemptions": [],
                "manufacturers_in_use": [],
                "manufacturers_denied": [],
                "counts": {},
                "total_cameras": 12,
            }
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["eval", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["false_accusations"][0]["manufacturer"] == "Hikvision"
    assert data["in_use"]["precision"] == 0.0 and data["outcome_accuracy"] == 1.0
    human = CliRunner().invoke(app, ["eval", str(tmp_path)])
    assert "false accusation" in human.stdout


def test_eval_of_a_folder_without_labels_fails_readably(tmp_path: Path):
    (tmp_path / "a.txt").write_text("hello\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code != 0
    assert "a.json" in str(result.exception) or "a.json" in result.output
