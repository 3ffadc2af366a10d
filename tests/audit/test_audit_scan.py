"""A scan of emulated devices (every profile, rebadges included) identifies each one correctly."""

from __future__ import annotations

import asyncio
import csv
import io
import json

import pytest
from audit_emulation import ALL_PROFILES, start_network

from cctv_audit.audit import (
    Scanner,
    export_devices,
    list_devices,
    record_claims,
    save_scan,
    scope_from_dict,
)


@pytest.fixture(scope="module")
def scanned():
    """One scan of every profile, shared by the tests of this module (they only read it)."""
    network, runner = start_network({i + 1: name for i, name in enumerate(ALL_PROFILES)})
    try:
        scope = scope_from_dict(network.scope())
        progress = []
        result = asyncio.run(
            Scanner(
                scope, on_progress=lambda p: progress.append((p.probed, sum(p.devices.values())))
            ).run()
        )
    finally:
        runner.run(network.emulator.stop())
        runner.close()
    return network, result, progress


def test_every_emulated_device_is_identified(scanned) -> None:
    network, result, _ = scanned
    hosts = {h.ip: h for h in result.hosts}
    for device in network.devices:
        truth = device.truth
        host = hosts.get(device.ip)
        assert host is not None, f"{device.profile} at {device.ip} not found"
        identity = host.identity
        if truth["kind"] == "other":
            assert not identity.is_device, (
                f"{device.profile} wrongly taken for a camera: {identity}"
            )
            continue
        assert identity.kind == truth["kind"], device.profile
        assert identity.manufacturer_id == truth["maker"], device.profile
        assert identity.brand_id == truth["brand"], device.profile
        assert identity.rebadged == (truth["brand"] != truth["maker"]), device.profile
        assert identity.model == truth["model"], device.profile


def test_rebadged_devices_keep_the_signals_that_decided_the_maker(scanned) -> None:
    network, result, _ = scanned
    by_profile = {d.profile: next(h for h in result.hosts if h.ip == d.ip) for d in network.devices}
    amcrest = by_profile["dahua_rebadge_amcrest"].identity
    assert amcrest.brand == "Amcrest" and amcrest.manufacturer_id == "dahua" and amcrest.rebadged
    rules = {d["rule"] for d in amcrest.decided_by}
    assert {"dahua.rpc2.challenge", "oui.9C1463", "brand.amcrest.serial"} <= rules
    annke = by_profile["hikvision_rebadge"].identity
    assert annke.manufacturer_id == "hikvision" and annke.brand_id == "annke"
    assert {"hikvision.sadp.reply", "hikvision.http.server.app-webs"} <= {
        d["rule"] for d in annke.decided_by
    }
    axis = next(
        h for h in result.hosts if h.ip == network.ip(ALL_PROFILES.index("axis_camera") + 1)
    )
    upnp = next(
        o for o in axis.observations if o.protocol == "upnp"
    )  # fetched from the SSDP LOCATION
    assert upnp.fields["upnp.manufacturer"] == "AXIS" and upnp.identity["model"] == "M1065-LW"
    assert "axis.http.server" in {
        d["rule"] for d in axis.identity.decided_by
    }  # the SSDP SERVER string
    generic = by_profile["generic_onvif_camera"].identity
    assert generic.manufacturer_id is None and generic.confidence == 0.0


def test_risks_are_flagged_from_versions_and_exposure(scanned) -> None:
    network, result, _ = scanned
    risks = {
        d.profile: {r.code for r in next(h for h in result.hosts if h.ip == d.ip).risks}
        for d in network.devices
    }
    assert "CVE-2017-7921" in risks["hikvision_old_camera"]
    assert "CVE-2017-7921" not in risks["hikvision_camera"]
    assert (
        "CVE-2021-33044" in risks["dahua_camera"] and "CVE-2021-33045" not in risks["dahua_camera"]
    )
    assert "cloud_p2p" in risks["hikvision_nvr"] and "cloud_p2p" not in risks["hikvision_camera"]
    assert (
        "default_tls_certificate" in risks["hikvision_nvr"]
        and "default_tls_certificate" in risks["axis_camera"]
    )
    assert "plain_http" in risks["dahua_camera"]
    # the knowledge base's flags on the real maker reach rebadged units too
    assert (
        "maker:state_link" in risks["hikvision_rebadge"]
        and "maker:state_link" in risks["dahua_rebadge_amcrest"]
    )
    assert not any(code.startswith("maker:") for code in risks["axis_camera"])


def test_progress_is_reported_per_host(scanned) -> None:
    _, result, progress = scanned
    assert progress[-1][0] == result.probed == 254
    assert progress[-1][1] >= 10


def test_inventory_is_stored_exported_and_claimed(scanned, councils) -> None:
    _, result, _ = scanned
    with councils.session() as session:
        from cctv_audit.registry import list_bodies

        body = list_bodies(session)[0]
        result.scope.body = body.code
        run = save_scan(session, result)
        devices = list_devices(session, run.id)
        assert len(devices) == run.devices_found == 11
        rows = list(
            csv.DictReader(io.StringIO(export_devices(session, "csv", None, run.id).decode()))
        )
        assert {r["ip"] for r in rows} == {d.ip for d in devices}
        amcrest = next(r for r in rows if r["brand"] == "Amcrest")
        assert amcrest["manufacturer"] and amcrest["rebadged"] == "yes"
        data = json.loads(export_devices(session, "json", None, run.id))
        assert all(d["decided_by"] for d in data if d["manufacturer"])
        claims = record_claims(session, run.id)
        counts = {c.maker_id: c.device_count for c in claims}
    assert counts["hikvision"] == 4 and counts["dahua"] == 3 and counts["axis"] == 1
    assert None not in counts


def test_xlsx_export(scanned, store, tmp_path) -> None:
    from openpyxl import load_workbook

    _, result, _ = scanned
    with store.session() as session:
        run = save_scan(session, result)
        export_devices(session, "xlsx", tmp_path / "devices.xlsx", run.id)
    book = load_workbook(tmp_path / "devices.xlsx")
    sheet = book["devices"]
    header = [c.value for c in sheet[1]]
    makers = [
        row[header.index("manufacturer")] for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    assert makers.count("Hikvision") == 4
    assert any(
        row[3] == "CVE-2017-7921" for row in book["risks"].iter_rows(min_row=2, values_only=True)
    )
