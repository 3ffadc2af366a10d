"""Network audit on small scopes: the common job (one camera VLAN), head to head with `nmap -sV`.

Each scope is a whole network with a few emulated devices (cycling through every profile) and
one excluded address; both tools get the same addresses and TCP ports in the same run.
cctv-audit runs with the scope file's default settings (rate 300/s, concurrency 128, timeout
2 s, one retry pass), as a user who writes only `networks:` would. CCTV_AUDIT_BENCH_SMALL picks
the scopes: "4,40,200" (default) means a /24 with 4 devices, a /24 with 40, a /22 with 200.
"""

from __future__ import annotations

import ipaddress
import os
import random
import shutil
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
#: The services' usual ports, so nmap -sV tries the probes that fit them first (on random high
#: ports it walks its whole probe list and looks far slower than on a real network).
PORTS = {"http": 80, "https": 443, "rtsp": 554, "wsd": 3702, "sadp": 37020, "dhip": 37810, "ssdp": 1900}


def _devices(network: ipaddress.IPv4Network, count: int) -> list[EmulatedDevice]:
    profiles = FOUR if count == len(FOUR) else list(load_profiles())
    hosts = list(network.hosts())
    return [EmulatedDevice(str(hosts[9 + n]), profiles[n % len(profiles)]) for n in range(count)]


def _ours(network: str, excluded: str, ports: dict[str, int], devices: list[EmulatedDevice]) -> tuple:
    scope = scope_from_dict({
        "organisation": "Benchmark", "authorised_by": "bench_audit_small.py", "networks": [network],
        "exclude": [excluded],
        "scan": {"tcp_ports": [ports["http"], ports["https"], ports["rtsp"]], "http_ports": [ports["http"]],
                 "https_ports": [ports["https"]], "rtsp_ports": [ports["rtsp"]], "wsd_port": ports["wsd"],
                 "sadp_port": ports["sadp"], "dhip_port": ports["dhip"], "ssdp_port": ports["ssdp"],
                 "neighbours": False},
    })
    elapsed, _, _, found, maker_share = timed_scan(scope, devices)
    return elapsed, maker_share, excluded in found


def _nmap(targets: list[str], ports: dict[str, int], devices: list[EmulatedDevice], folder: Path) -> tuple:
    import subprocess

    (folder / "targets.txt").write_text("\n".join(targets) + "\n")
    port_list = ",".join(str(ports[k]) for k in ("http", "https", "rtsp"))
    start = time.perf_counter()
    subprocess.run(["nmap", "-sV", "-Pn", "-n", "-T4", "-p", port_list, "-oX", str(folder / "nmap.xml"),
                    "-iL", str(folder / "targets.txt")], check=True, capture_output=True, timeout=3600)
    elapsed = time.perf_counter() - start
    found = {h.ip: h.identity for h in import_nmap_xml(folder / "nmap.xml", organisation="Benchmark").hosts}
    right = [_correct(d, found[d.ip].manufacturer_id if d.ip in found else None,
                      d.ip in found and found[d.ip].is_device) for d in devices]
    return elapsed, sum(right) / len(devices)


def run() -> str:
    rows = []
    for count in CHOSEN:
        prefix = SCOPES[count]
        network = ipaddress.ip_network(f"127.{random.randint(160, 250)}.{random.randrange(0, 256, 4)}.0/{prefix}")
        excluded = str(list(network.hosts())[4])
        ports = dict(PORTS)
        devices = _devices(network, count)
        targets = [str(ip) for ip in network.hosts() if str(ip) != excluded]
        with tempfile.TemporaryDirectory() as tmp:
            emulator = _start_emulator(devices, ports, Path(tmp))
            try:
                ours = _ours(str(network), excluded, ports, devices)
                theirs = _nmap(targets, ports, devices, Path(tmp)) if shutil.which("nmap") else None
            finally:
                emulator.stdin.close()
                emulator.wait(30)
        rows.append((f"/{prefix}", count, len(targets), ours, theirs))
    return _report(rows)


def _report(rows: list[tuple]) -> str:
    lines = [
        "## Network audit, small scopes\n",
        ("One network per row with emulated devices (the /24 with 4: Hikvision, Dahua and Axis cameras and a web server; larger ones cycle through every profile) and one excluded address; "
         "both tools on the same addresses and 3 TCP ports (80, 443, 554) in the same run, cctv-audit with "
         "the scope file's defaults (rate 300/s, concurrency 128, timeout 2 s, one retry pass) plus UDP "
         "discovery; nmap as `nmap -sV -Pn -n -T4 -p PORTS -iL targets`. Accuracy as in the section above.\n"),
        "| scope | devices | addresses | cctv-audit wall | nmap -sV wall | ratio | cctv-audit accuracy | nmap accuracy |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for prefix, count, addresses, ours, theirs in rows:
        if theirs is None:
            lines.append(f"| {prefix} | {count} | {addresses} | {ours[0]:.1f} s | n/a | | {ours[1]:.1%} | |")
            continue
        lines.append(f"| {prefix} | {count} | {addresses} | {ours[0]:.1f} s | {theirs[0]:.1f} s | "
                     f"{theirs[0] / ours[0]:.1f}x | {ours[1]:.1%} | {theirs[1]:.1%} |")
    lines.append(f"\nMachine load average after the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.\n")
    return "\n".join(lines) + "\n"
