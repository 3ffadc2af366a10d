"""The `ingest` and `documents` commands, end to end through the CLI."""

from __future__ import annotations

import json

import docfixtures as fx
import pytest
from typer.testing import CliRunner

from cctv_audit.cli.common import STATE
from cctv_audit.cli.main import app


@pytest.fixture
def cli(tmp_path, monkeypatch):
    monkeypatch.setenv("CCTV_AUDIT_DB", str(tmp_path / "cli.db"))
    monkeypatch.setattr(STATE, "_store", None)
    runner = CliRunner()

    def invoke(*args: str):
        result = runner.invoke(app, ["--quiet", *args])
        monkeypatch.setattr(STATE, "_store", None)
        return result

    return invoke


def test_ingest_then_list_show_text(cli, tmp_path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "reply.eml").write_bytes(
        fx.make_eml(attachments=[("cams.csv", fx.make_csv(), "text/csv")])
    )
    (inbox / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    result = cli("ingest", str(inbox), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["ingested"], report["attachments"]) == (1, 1)
    assert [(f["name"], f["code"]) for f in report["failed"]] == [("broken.pdf", "corrupt")]

    again = cli("ingest", str(inbox))
    assert "0 ingested, 2 already stored" in again.stdout

    listed = json.loads(cli("documents", "list", "--json").stdout)
    by_name = {d["filename"]: d for d in listed}
    assert by_name["cams.csv"]["parent_id"] == by_name["reply.eml"]["id"]
    shown = json.loads(cli("documents", "show", str(by_name["reply.eml"]["id"]), "--json").stdout)
    assert shown["email"]["in_reply_to"] == "<request-1@cctv-audit.example>"
    assert shown["children"][0]["filename"] == "cams.csv"
    text = cli("documents", "text", str(by_name["cams.csv"]["id"])).stdout
    assert text.startswith("Manufacturer | Cameras | Location\n")
    missing = cli("documents", "text", str(by_name["broken.pdf"]["id"]))
    assert missing.exit_code == 1


def test_ingest_needs_something(cli) -> None:
    assert cli("ingest").exit_code != 0


def test_ingest_imap_reads_password_from_env(cli, imap_server, monkeypatch) -> None:
    imap_server.append(fx.make_eml(message_id="<cli@example.gov.uk>"))
    monkeypatch.setenv("CCTV_AUDIT_IMAP_PASSWORD", imap_server.password)
    first = json.loads(cli("ingest", "--imap", imap_server.url, "--json").stdout)
    second = json.loads(cli("ingest", "--imap", imap_server.url, "--json").stdout)
    assert (first["ingested"], second["ingested"], second["duplicates"]) == (1, 0, 0)
