"""Network audit on small scopes: the common job (one camera VLAN), head to head with `nmap -sV`.

Each scope is a whole network with a few emulated devices and one excluded address that has a
listener of its own (a camera someone else owns); both tools get the same network, exclusion and
TCP ports in the same run: the issue's `nmap -sV -Pn -n -T4 -p 80,554,8000,37777` (with
`--exclude` and `-oX` to read its answer), and cctv-audit with the scope file's default settings
(rate 300/s, concurrency 128, timeout 2 s, one retry pass) on those ports plus UDP discovery.
The emulated devices serve HTTP on 80 and RTSP on 554 only (8000 and 37777 are closed), and
answer or close like real servers, so nmap's probes are not left waiting on a silent emulator.
After each tool the emulator's contact counts show whether the excluded listener was reached.
CCTV_AUDIT_BENCH_SMALL picks the scopes: "4,40,200" (default) means a /24 with 4 devices, a /24
with 40, a /22 with 200.
"""

from __future__ import annotations

import ipaddress
import json
import os
import random
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from bench.bench_audit import _correct, _start_emulator, timed_scan
from cctv_audit.audit import import_nmap_xml, scope_from_dict
from cctv_audit.audit.emulator import EmulatedDevice, load_profiles

SCOPES = {4: 24, 40: 24, 200: 22}
CHOSEN = [int(n) for n in os.environ.get("CCTV_AUDIT_BENCH_SMALL", "4,40,200").split(",")]

#: The issue's layout for the smallest scope: one camera of each big maker and a plain web server.
FOUR = ["hikvision_camera", "dahua_camera", "axis_camera", "web_server"]
#: The issue's ports, for both tools.
TCP_PORTS = [80, 554, 8000, 37777]
NMAP = ["nmap", "-sV", "-Pn", "-n", "-T4", "-p", ",".join(map(str, TCP_PORTS))]
#: Where the emulator listens: HTTP and RTSP on their usual ports, no HTTPS (not in the issue's
#: port list), UDP discovery on the protocols' own ports.
PORTS = {
    "http": 80,
    "https": 0,
    "rtsp": 554,
    "wsd": 3702,
    "sadp": 37020,
    "dhip": 37810,
    "ssdp": 1900,
}


def _devices(network: ipaddress.IPv4Network, count: int) -> list[EmulatedDevice]:
    profiles = FOUR if count == len(FOUR) else list(load_profiles())
    hosts = list(network.hosts())
    return [EmulatedDevice(str(hosts[9 + n]), profiles[n % len(profiles)]) for n in range(count)]


def _contacts(emulator: subprocess.Popen) -> dict[str, int]:
    emulator.stdin.write("contacts\n")
    emulator.stdin.flush()
    return json.loads(emulator.stdout.readline())


def _ours(network: str, excluded: str, devices: list[EmulatedDevice]) -> tuple[float, float]:
    scope = scope_from_dict(
        {
            "organisation": "Benchmark",
            "authorised_by": "bench_audit_small.py",
            "networks": [network],
            "exclude": [excluded],
            "scan": {
                "tcp_ports": TCP_PORTS,
                "http_ports": [80],
                "https_ports": [],
                "rtsp_ports": [554],
                "wsd_port": PORTS["wsd"],
                "sadp_port": PORTS["sadp"],
                "dhip_port": PORTS["dhip"],
                "ssdp_port": PORTS["ssdp"],
                "neighbours": False,
            },
        }
    )
    elapsed, _, _, _, maker_share = timed_scan(scope, devices)
    return elapsed, maker_share


def _nmap(
    network: str, excluded: str, devices: list[EmulatedDevice], folder: Path
) -> tuple[float, float]:
    out = folder / "nmap.xml"
    start = time.perf_counter()
    subprocess.run(
        [*NMAP, "--exclude", excluded, "-oX", str(out), network],
        check=True,
        capture_output=True,
        timeout=3600,
    )
    elapsed = time.perf_counter() - start
    found = {h.ip: h.identity for h in import_nmap_xml(out, organisation="Benchmark").hosts}
    right = [
        _correct(
            d,
            found[d.ip].manufacturer_id if d.ip in found else None,
            d.ip in found and found[d.ip].is_device,
        )
        for d in devices
    ]
    return elapsed, sum(right) / len(devices)


def _one_scope(count: int) -> tuple:
    prefix = SCOPES[count]
    network = ipaddress.ip_network(
        f"127.{random.randint(160, 250)}.{random.randrange(0, 256, 4)}.0/{prefix}"
    )
    excluded = str(list(network.hosts())[4])
    devices = _devices(network, count)
    addresses = network.num_addresses - 3  # less network, broadcast and the excluded address
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        emulator = _start_emulator(
            [*devices, EmulatedDevice(excluded, "hikvision_camera")], PORTS, Path(tmp)
        )
        try:
            ours = (*_ours(str(network), excluded, devices), _contacts(emulator).get(excluded, 0))
            theirs = None
            if shutil.which("nmap"):
                before = _contacts(emulator).get(excluded, 0)
                theirs = (
                    *_nmap(str(network), excluded, devices, Path(tmp)),
                    _contacts(emulator).get(excluded, 0) - before,
                )
        finally:
            emulator.stdin.close()
            emulator.wait(30)
    return f"/{prefix}", count, addresses, ours, theirs, load


def run() -> str:
    return _report([_one_scope(count) for count in CHOSEN])


def _report(rows: list[tuple]) -> str:
    lines = [
        "## Network audit, small scopes\n",
        (
            "One network per row with emulated devices (the /24 with 4: Hikvision, Dahua and Axis cameras and a web "
            "server; larger ones cycle through every profile) and one excluded address with a listener of its own; "
            "both tools on the same network, exclusion and TCP ports (80, 554, 8000, 37777; the devices serve HTTP "
            "on 80 and RTSP on 554) in the same run. nmap as the issue ran it, `nmap -sV -Pn -n -T4 -p "
            "80,554,8000,37777 --exclude EXCLUDED NETWORK`; cctv-audit with the scope file's defaults (rate 300/s, "
            "concurrency 128, timeout 2 s, one retry pass) plus UDP discovery. The emulated servers answer or close "
            "as real ones do (a 400 at once for bytes that cannot be a request, the connection closed after an "
            "HTTP/1.0 request), so nmap -sV waits only where a real device makes it wait (for a banner that never "
            "comes, up to its 6 s NULL probe; on an RTSP connection kept open for the next request, 5 s a probe "
            "until it names the service). Accuracy as in the section "
            'above. "Excluded contacted": connections and datagrams the excluded listener received from that tool '
            "(a half-open SYN would not show, but nmap's -sV connects fully to every port it probes). cctv-audit's "
            "time here is its rate limit's: every address's 4 ports and each live host's 4 discovery datagrams at "
            "300 a second (3.4 s for the /24's 1,012 connects).\n"
        ),
        (
            "| scope | devices | addresses | cctv-audit wall | nmap -sV wall | nmap / cctv-audit | cctv-audit accuracy "
            "| nmap accuracy | excluded contacted (cctv-audit / nmap) | load before |"
        ),
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for prefix, count, addresses, ours, theirs, load in rows:
        if theirs is None:
            lines.append(
                f"| {prefix} | {count} | {addresses} | {ours[0]:.1f} s | n/a | | {ours[1]:.1%} | | "
                f"{ours[2]} / n/a | {load:.1f} |"
            )
            continue
        lines.append(
            f"| {prefix} | {count} | {addresses} | {ours[0]:.1f} s | {theirs[0]:.1f} s | "
            f"{theirs[0] / ours[0]:.1f}x | {ours[1]:.1%} | {theirs[1]:.1%} | {ours[2]} / {theirs[2]} | "
            f"{load:.1f} |"
        )
    lines.append(
        f"\nLoad: 1-minute load average before each row and {os.getloadavg()[0]:.1f} after the run, "
        f"on {os.cpu_count()} cores shared with other jobs.\n"
    )
    return "\n".join(lines) + "\n"
