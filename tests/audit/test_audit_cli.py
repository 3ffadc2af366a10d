"""`cctv-audit audit ...` end to end on emulated devices: scan, devices, export, claims."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml
from typer.testing import CliRunner

from cctv_audit.cli.main import app
from cctv_audit.errors import ScopeError

runner = CliRunner()


def _run(db, *args):
    return runner.invoke(app, ["--db", str(db), "--quiet", *args])


def _scope_file(network, tmp_path: Path, **extra) -> Path:
    path = tmp_path / "scope.yaml"
    path.write_text(yaml.safe_dump(network.scope(**extra)))
    return path


def test_scan_devices_export_and_claims(network_factory, councils, tmp_path: Path) -> None:
    network = network_factory(
        {1: "hikvision_rebadge", 2: "dahua_rebadge_amcrest", 3: "axis_camera", 4: "web_server"}
    )
    with councils.session() as session:
        from cctv_audit.registry import list_bodies

        code = list_bodies(session)[0].code
    scope = _scope_file(network, tmp_path, body=code)
    result = _run(councils.url, "audit", "scan", "--scope", str(scope), "--json", "--claims")
    assert result.exit_code == 0, result.output
    devices = {d["ip"]: d for d in json.loads(result.stdout)}
    assert set(devices) == {network.ip(1), network.ip(2), network.ip(3)}
    assert (devices[network.ip(1)]["manufacturer"], devices[network.ip(1)]["brand"]) == (
        "Hikvision",
        "Annke",
    )
    assert devices[network.ip(2)]["rebadged"] is True

    table = _run(councils.url, "audit", "devices")
    assert table.exit_code == 0 and "3 devices" in table.stdout

    exported = _run(councils.url, "audit", "export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert sorted(r["manufacturer"] for r in rows) == ["Axis", "Dahua", "Hikvision"]

    claims = _run(councils.url, "audit", "claims", "--json")
    assert claims.exit_code == 0, claims.output
    assert sorted(c["maker"] for c in json.loads(claims.stdout)) == ["axis", "dahua", "hikvision"]


def test_dry_run_sends_nothing_and_bad_scope_is_refused(
    emulated_network, store, tmp_path: Path
) -> None:
    scope = _scope_file(emulated_network, tmp_path)
    before = sum(emulated_network.emulator.contacts.values())
    result = _run(store.url, "audit", "scan", "--scope", str(scope), "--dry-run")
    assert result.exit_code == 0 and "254 in-scope addresses" in result.stdout
    assert sum(emulated_network.emulator.contacts.values()) == before == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text("organisation: X Council\nnetworks: [127.0.0.0/30]\n")
    result = _run(store.url, "audit", "scan", "--scope", str(bad))
    assert isinstance(result.exception, ScopeError) and "bad.yaml" in str(result.exception)
    assert "authorised_by" in str(result.exception)
