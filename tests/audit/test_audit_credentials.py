"""Optional read-only credentials: one authenticated read per device, never a guess."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from cctv_audit.audit import Credentials, Scanner, load_credentials, scope_from_dict
from cctv_audit.audit.emulator import ACCOUNT
from cctv_audit.errors import AuditError


def _scan(network, credentials):
    return {h.ip: h for h in asyncio.run(Scanner(scope_from_dict(network.scope()), credentials).run()).hosts}


def test_read_only_account_gives_firmware_and_serial(network_factory) -> None:
    network = network_factory({1: "hikvision_camera", 2: "dahua_camera", 3: "axis_camera"})
    hosts = _scan(network, Credentials(*ACCOUNT))
    hik = hosts[network.ip(1)]
    assert hik.identity.serial == "DS-2CD2386G2-IU20240826AAWRJ00000001"
    assert hik.identity.firmware == "V5.7.18 build 240826"
    assert any(o.protocol == "isapi" for o in hik.observations)
    dahua = hosts[network.ip(2)].identity
    assert dahua.serial == "4X7C5A1ZAG21L3F" and dahua.firmware == "2.800.0000016.0.R,build:2020-06-05"
    # one Authorization per protected endpoint, and none at all for a device with no such endpoint
    attempts = network.emulator.auth_attempts
    assert attempts[network.ip(1)] == 1 and attempts[network.ip(2)] == 2 and attempts[network.ip(3)] == 0


def test_wrong_password_is_tried_once_and_never_varied(network_factory) -> None:
    network = network_factory({1: "hikvision_camera"})
    hosts = _scan(network, Credentials(ACCOUNT[0], "wrong"))
    assert network.emulator.auth_attempts[network.ip(1)] == 1
    assert not any(o.protocol == "isapi" for o in hosts[network.ip(1)].observations)
    assert hosts[network.ip(1)].identity.manufacturer_id == "hikvision"


def test_no_credentials_means_no_authorization_header(network_factory) -> None:
    network = network_factory({1: "hikvision_camera", 2: "dahua_camera"})
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
