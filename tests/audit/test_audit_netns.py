"""Devices in their own network namespace, on veth interfaces carrying real vendor MAC prefixes;
the scanner runs in a second namespace and learns MACs from its neighbour table.

Addresses (198.18.x.0/24, the benchmarking range) exist only inside the namespaces made here.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from cctv_audit.audit.emulator import EmulatedDevice

pytestmark = pytest.mark.netns

# (profile, MAC the device's interface carries, expected maker)
LAYOUT = [
    ("hikvision_camera", None, "hikvision"),
    ("dahua_rebadge_amcrest", None, "dahua"),
    ("uniview_camera", None, "uniview"),
    ("generic_onvif_camera", "3C:EF:8C:12:34:56", "dahua"),  # only the MAC block says Dahua
    ("generic_onvif_camera", "58:50:ED:65:43:21", "hikvision"),  # only the MAC block says Hikvision
    ("generic_onvif_camera", "02:00:00:00:00:07", None),  # locally administered: no maker claimed
    ("web_server", "00:16:3E:00:00:09", None),
]


def _ip(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["ip", *args], capture_output=True, text=True, check=check, timeout=20)


@pytest.fixture
def namespaces():
    tag = f"{os.getpid() % 10000}{uuid.uuid4().hex[:4]}"
    scan_ns, dev_ns = f"cas{tag}", f"cad{tag}"
    if os.geteuid() != 0 or _ip("netns", "add", scan_ns, check=False).returncode != 0:
        pytest.skip("cannot create network namespaces here (needs root and CAP_SYS_ADMIN)")
    try:
        _ip("netns", "add", dev_ns)
        yield scan_ns, dev_ns, tag
    finally:
        for ns in (scan_ns, dev_ns):
            _ip("netns", "del", ns, check=False)


def _wire(scan_ns: str, dev_ns: str, tag: str, devices: list[EmulatedDevice], subnet: str) -> None:
    ex = ["netns", "exec"]
    _ip(*ex, scan_ns, "ip", "link", "add", "br0", "type", "bridge")
    _ip(*ex, scan_ns, "ip", "addr", "add", f"{subnet}.1/24", "dev", "br0")
    _ip(*ex, scan_ns, "ip", "link", "set", "br0", "up")
    for ns in (scan_ns, dev_ns):
        _ip(*ex, ns, "ip", "link", "set", "lo", "up")
    for key, value in (("arp_ignore", "1"), ("arp_announce", "2")):
        _ip(*ex, dev_ns, "sysctl", "-qw", f"net.ipv4.conf.all.{key}={value}")
    for n, device in enumerate(devices):
        outer, inner = f"s{tag}{n}"[:15], f"d{tag}{n}"[:15]
        _ip(
            "link",
            "add",
            outer,
            "netns",
            scan_ns,
            "type",
            "veth",
            "peer",
            "name",
            inner,
            "netns",
            dev_ns,
        )
        _ip(*ex, scan_ns, "ip", "link", "set", outer, "master", "br0", "up")
        _ip(*ex, dev_ns, "ip", "link", "set", inner, "address", device.mac.lower())
        _ip(*ex, dev_ns, "ip", "addr", "add", f"{device.ip}/24", "dev", inner)
        _ip(*ex, dev_ns, "ip", "link", "set", inner, "up")


SCAN_SCRIPT = """
import json, sys
from cctv_audit.audit import scan, scope_from_dict
result = scan(scope_from_dict(json.load(open(sys.argv[1]))))
json.dump([{"ip": h.ip, "maker": h.identity.manufacturer_id, "mac": h.identity.mac, "device": h.identity.is_device,
            "decided": [d["rule"] for d in h.identity.decided_by]} for h in result.hosts], open(sys.argv[2], "w"))
"""


def test_scan_across_namespaces_reads_vendor_macs(namespaces, tmp_path: Path) -> None:
    scan_ns, dev_ns, tag = namespaces
    subnet = f"198.18.{random.randint(0, 255)}"
    devices = [
        EmulatedDevice(f"{subnet}.{10 + n}", profile, mac or "")
        for n, (profile, mac, _) in enumerate(LAYOUT)
    ]
    _wire(scan_ns, dev_ns, tag, devices, subnet)
    spec = tmp_path / "spec.json"
    ports = {"http": 80, "https": 443, "rtsp": 554, "wsd": 3702, "sadp": 37020, "dhip": 37810}
    spec.write_text(json.dumps({"ports": ports, "devices": [d.__dict__ for d in devices]}))
    emulator = subprocess.Popen(
        [
            "ip",
            "netns",
            "exec",
            dev_ns,
            sys.executable,
            "-m",
            "cctv_audit.audit.emulator",
            str(spec),
            "--netns",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert emulator.stdout.readline().strip() == "ready"
        # A /27 holds every device: the other 220 addresses of the /24 would only add ARP timeouts.
        scope = {
            "organisation": "Namespace Test",
            "authorised_by": "Test Runner",
            "networks": [f"{subnet}.0/27"],
            "exclude": [f"{subnet}.1"],
            "scan": {"rate": 2000, "timeout": 2, "udp_wait": 0.5},
        }
        (tmp_path / "scope.json").write_text(json.dumps(scope))
        subprocess.run(
            [
                "ip",
                "netns",
                "exec",
                scan_ns,
                sys.executable,
                "-c",
                SCAN_SCRIPT,
                str(tmp_path / "scope.json"),
                str(tmp_path / "out.json"),
            ],
            check=True,
            timeout=120,
        )
    finally:
        emulator.stdin.close()
        try:
            emulator.wait(10)
        except subprocess.TimeoutExpired:
            emulator.kill()  # never leave a process behind in a namespace about to be deleted
            emulator.wait(5)
    hosts = {h["ip"]: h for h in json.loads((tmp_path / "out.json").read_text())}
    for device, (profile, mac, maker) in zip(devices, LAYOUT):
        host = hosts[device.ip]
        assert host["mac"] == device.mac.upper(), profile
        assert host["maker"] == maker, (profile, mac, host)
    assert not hosts[devices[-1].ip]["device"]
    assert any(rule.startswith("oui.3CEF8C") for rule in hosts[devices[3].ip]["decided"])
