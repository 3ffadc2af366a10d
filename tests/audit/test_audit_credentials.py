"""Optional read-only credentials: one authenticated read per device, never a guess."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from cctv_audit.audit import Credentials, Scanner, load_credentials, scope_from_dict
from cctv_audit.audit.emulator import ACCOUNT
from cctv_audit.errors import AuditError


def _scan(network, credentials):
    return {
        h.ip: h
        for h in asyncio.run(Scanner(scope_from_dict(network.scope()), credentials).run()).hosts
    }


def test_read_only_account_gives_firmware_and_serial(network_factory) -> None:
    network = network_factory(
        {1: "hikvision_camera", 2: "dahua_camera", 3: "axis_camera", 4: "generic_onvif_camera"}
    )
    hosts = _scan(network, Credentials(*ACCOUNT))
    hik = hosts[network.ip(1)]
    assert hik.identity.serial == "DS-2CD2386G2-IU20240826AAWRJ00000001"
    assert hik.identity.firmware == "V5.7.18 build 240826"
    assert any(o.protocol == "isapi" for o in hik.observations)
    dahua = hosts[network.ip(2)].identity
    assert (
        dahua.serial == "4X7C5A1ZAG21L3F" and dahua.firmware == "2.800.0000016.0.R,build:2020-06-05"
    )
    # ONVIF GetDeviceInformation (WS-Security signed) for a camera with no maker API: model and
    # firmware, and still no maker named, since "IPCAM" names none
    generic = hosts[network.ip(4)].identity
    assert (generic.model, generic.firmware, generic.manufacturer_id) == (
        "IPC-100",
        "V2.3.1.20230415",
        None,
    )
    assert any(o.protocol == "onvif" for o in hosts[network.ip(4)].observations)
    # one Authorization per protected endpoint (device information, cloud setting), and none at
    # all for a device with no such endpoint
    attempts = network.emulator.auth_attempts
    assert (
        attempts[network.ip(1)] == 2
        and attempts[network.ip(2)] == 3
        and attempts[network.ip(3)] == 0
    )
    assert attempts[network.ip(4)] == 1
    # the cloud relay setting read with the account: Dahua P2P on, Hik-Connect/EZVIZ off
    dahua_risks = {r.code: r for r in hosts[network.ip(2)].risks}
    assert (
        "Dahua P2P" in dahua_risks["cloud_p2p"].title
        and "T2UServer.Enable" in dahua_risks["cloud_p2p"].reason
    )
    assert "cloud_p2p" not in {r.code for r in hik.risks}


def test_wrong_password_is_tried_once_and_never_varied(network_factory) -> None:
    network = network_factory({1: "hikvision_camera"})
    hosts = _scan(network, Credentials(ACCOUNT[0], "wrong"))
    assert (
        network.emulator.auth_attempts[network.ip(1)] == 2
    )  # once per endpoint, never a second guess
    assert not any(o.protocol == "isapi" for o in hosts[network.ip(1)].observations)
    assert hosts[network.ip(1)].identity.manufacturer_id == "hikvision"


def test_no_credentials_means_no_authorization_header(network_factory) -> None:
    network = network_factory({1: "hikvision_camera", 2: "dahua_camera", 3: "generic_onvif_camera"})
    _scan(network, None)
    assert sum(network.emulator.auth_attempts.values()) == 0


def test_credentials_from_file_and_environment(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "readonly.yaml"
    path.write_text("username: audit\npassword: s3cret\n")
    assert load_credentials(path) == Credentials("audit", "s3cret")
    monkeypatch.setenv("CCTV_AUDIT_DEVICE_USER", "envuser")
    monkeypatch.setenv("CCTV_AUDIT_DEVICE_PASSWORD", "envpass")
    assert load_credentials() == Credentials("envuser", "envpass")
    (tmp_path / "bad.yaml").write_text("user: x\n")
    with pytest.raises(AuditError, match="bad.yaml"):
        load_credentials(tmp_path / "bad.yaml")


def test_cloud_relay_read_with_the_account_outranks_sadp() -> None:
    """SADP's HCPlatformEnable can be stale; the setting read with the owner's account decides."""
    from cctv_audit.audit import parsers
    from cctv_audit.audit.records import HostResult, Identity, Observation
    from cctv_audit.audit.risks import exposure_risks

    sadp = Observation(
        ip="127.0.0.9",
        protocol="sadp",
        probe="SADP inquiry",
        raw="",
        identity=parsers.parse_sadp(
            "<ProbeMatch><HCPlatformEnable>true</HCPlatformEnable></ProbeMatch>"
        )[1],
    )
    ezviz_off = Observation(
        ip="127.0.0.9",
        protocol="ezviz",
        probe="GET /ISAPI/System/Network/EZVIZ",
        raw="",
        identity=parsers.parse_ezviz("<EZVIZ><enabled>false</enabled></EZVIZ>")[1],
    )
    camera = Identity(manufacturer_id="hikvision", kind="camera")
    assert "cloud_p2p" in {
        r.code for r in exposure_risks(HostResult("127.0.0.9", observations=[sadp]), camera)
    }
    assert "cloud_p2p" not in {
        r.code
        for r in exposure_risks(HostResult("127.0.0.9", observations=[sadp, ezviz_off]), camera)
    }
    t2u = Observation(
        ip="127.0.0.9",
        protocol="t2u",
        probe="GET configManager",
        raw="",
        identity=parsers.parse_t2u("table.T2UServer.Enable=true\r\n")[1],
    )
    risk = next(
        r
        for r in exposure_risks(HostResult("127.0.0.9", observations=[t2u]), camera)
        if r.code == "cloud_p2p"
    )
    assert "Dahua P2P" in risk.title and risk.sources
