"""A messy asset register, as councils keep them, and an emulated audit of the same estate."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from cctv_audit.inventory import AuditedDevice

HEADERS = [
    "Asset No",
    "Site Name",
    "Camera Location",
    "Make / Brand",
    "Model No.",
    "Serial",
    "MAC",
    "Installed",
    "Type",
]
ROWS = [
    [
        "A1",
        "Town Hall",
        "Front door",
        "Hikvision",
        "DS-2CD2143G0-I",
        "HK001",
        "",
        "12/03/2016",
        "Camera",
    ],
    ["A2", "Town Hall", "Car park", "HIKVISION", "DS-2CD2143G0-I", "HK002", "", "2017", "Camera"],
    ["A3", "Depot", "Gate", "Hik vision", "DS-2CD2T47G1-L", "HK003", "", "2019-06-01", "Camera"],
    ["A4", "Depot", "Yard", "", "DS-2CD2043G2-I", "HK004", "", "", "Camera"],
    [
        "A5",
        "Town Hall",
        "Server room",
        "hikvision",
        "DS-7608NI-K2",
        "HKNVR1",
        "",
        "2016-01-10",
        "NVR",
    ],
    [
        "A6",
        "Library",
        "Entrance",
        "Dahua",
        "IPC-HFW2431S-S-S2",
        "DH001",
        "",
        "03/02/2018",
        "Camera",
    ],
    ["A7", "Library", "Desk", "dahua technology", "IPC-HDW2431T-AS", "DH002", "", "2018", "Camera"],
    ["A8", "Leisure Centre", "Pool", "Axis", "AXIS P3245-V", "AX001", "", "2021-09-01", "Camera"],
    [
        "A9",
        "Leisure Centre",
        "Reception",
        "Bosch",
        "NBN-73023BA",
        "BO001",
        "",
        "2022-01-01",
        "Camera",
    ],
    ["A10", "Depot", "Store", "HiLook", "IPC-B140H", "HL001", "", "2020-05-05", "Camera"],
    ["A11", "Park", "Bandstand", "Acme Vision Co", "AV-100", "ZZ001", "", "", "Camera"],
]


def write_register(path: Path, rows=ROWS) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        writer.writerows(rows)
    return path


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return write_register(tmp_path / "cctv asset register.csv")


@pytest.fixture
def audit_devices() -> list[AuditedDevice]:
    """What a network audit of the same estate saw (serials and MACs as devices report them)."""
    return [
        AuditedDevice(
            1,
            "127.10.0.1",
            "bc:ad:28:00:00:01",
            "hk001",
            "hikvision",
            "hikvision",
            "DS-2CD2143G0-I",
            "V5.4.5",
            risks=("cve-2017-7921", "cloud_p2p"),
        ),
        AuditedDevice(
            2, "127.10.0.2", None, "DH001", "dahua", "dahua", "IPC-HFW2431S-S-S2", "2.800", risks=()
        ),
        AuditedDevice(
            3, "127.10.0.3", None, "LX123", "lorex", "dahua", "LNB4321", "2.6", risks=("cloud_p2p",)
        ),
        AuditedDevice(
            4,
            "127.10.0.4",
            None,
            "BO001",
            "hikvision",
            "hikvision",
            "DS-2CD1023G0-I",
            "V5.5",
            risks=(),
        ),
    ]
