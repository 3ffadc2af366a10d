"""`cctv-audit vendors ...`: list, show, match and export, with --json."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from cctv_audit.cli.main import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["vendors", *args], env={"COLUMNS": "200"})


def flat(output: str) -> str:
    """Table text with borders and line breaks removed (the console width varies)."""
    return re.sub(r"[\s│┃]+", "", output)


def test_show_hikvision_prints_every_line_with_a_source():
    result = run("show", "hikvision")
    assert result.exit_code == 0, result.output
    text = result.output
    for heading in ["Ownership", "Brands and rebadges", "Measures", "Concerns"]:
        assert heading in text
    assert "ChinaElectronicsTechnologyGroup" in flat(text) and "40.89%" in flat(text)
    assert "HiLook" in flat(text) and "EntityList" in flat(text)
    record = json.loads(run("show", "hikvision", "--json").stdout)
    sections = ["identity", "ownership", "rebadges", "brands", "measures", "concerns"]
    facts = sum(len(record[s]) for s in sections)
    rows = re.split(r"\n[├└]", text)  # one table row per fact; each must cite a URL
    fact_rows = [r for r in rows if "│" in r]
    assert len(fact_rows) >= facts
    assert all("http" in row for row in fact_rows)


def test_show_json_and_alias():
    result = run("show", "Hik Vision", "--json")
    data = json.loads(result.stdout)
    assert data["id"] == "hikvision" and data["ownership"][0]["state"] is True


def test_show_unknown_fails_with_one_line():
    result = runner.invoke(app, ["vendors", "show", "Hikvisoin"])
    assert result.exit_code == 1
    assert "did you mean Hikvision" in str(result.exception) or "Hikvision" in result.output


def test_match_model_number_names_hikvision():
    result = run("match", "DS-7608NI-K2", "--json")
    assert result.exit_code == 0
    [mention] = json.loads(result.stdout)
    assert (mention["maker"], mention["kind"], mention["text"]) == (
        "Hikvision",
        "model",
        "DS-7608NI-K2",
    )
    assert "Hikvision" in flat(run("match", "DS-7608NI-K2").output)


def test_match_mac_names_hikvision():
    [mention] = json.loads(run("match", "BC:AD:28:12:34:56", "--json").stdout)
    assert (mention["maker"], mention["kind"]) == ("Hikvision", "mac")


def test_match_rebadged_brand_names_real_maker_with_source():
    [mention] = json.loads(run("match", "HiLook", "--json").stdout)
    assert (mention["name"], mention["maker"], mention["kind"]) == ("HiLook", "Hikvision", "brand")
    assert mention["rebadge_sources"][0]["url"].startswith("https://")
    table = flat(run("match", "HiLook").output)
    assert "Hikvision" in table and "HiLookNetworkCameraUserManual" in table


def test_match_nothing_exits_1():
    result = run("match", "the axis of the earth")
    assert result.exit_code == 1


def test_list_filters_and_json():
    rows = json.loads(run("list", "--state-linked", "--json").stdout)
    ids = {r["id"] for r in rows}
    assert {"hikvision", "dahua", "hilook"} <= ids and "axis" not in ids
    brands = json.loads(run("list", "--kind", "brand", "--json").stdout)
    assert brands and all(r["kind"] == "brand" for r in brands)
    assert "hikvision" in flat(run("list").output)


def test_export_formats(tmp_path: Path):
    assert json.loads(run("export", "--json").stdout)["manufacturers"]
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv").stdout)))
    assert any(r["id"] == "hikvision" for r in rows)
    out = tmp_path / "kb.ftm.json"
    result = run("export", "--format", "ftm", "--output", str(out))
    assert result.exit_code == 0
    schemata = {json.loads(line)["schema"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert {"Company", "Ownership", "Sanction"} <= schemata


def test_console_script_help_is_fast_to_import():
    result = subprocess.run(
        [sys.executable, "-m", "cctv_audit.cli.main", "vendors", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "match" in result.stdout
