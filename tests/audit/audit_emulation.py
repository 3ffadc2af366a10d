"""Helpers of the audit tests: emulated devices on a random loopback /24, served from a thread."""

from __future__ import annotations

import asyncio
import random
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from cctv_audit.audit.emulator import EmulatedDevice, Emulator, EmulatorPorts, load_profiles


@dataclass
class EmulatedNetwork:
    """Devices served on 127.A.B.0/24 (A, B random per test) and the scope dict that scans them."""

    subnet: str
    ports: EmulatorPorts
    devices: list[EmulatedDevice]
    emulator: Emulator
    extra: dict[str, Any] = field(default_factory=dict)

    def ip(self, host: int) -> str:
        return f"{self.subnet}.{host}"

    def scope(self, **overrides: Any) -> dict[str, Any]:
        p = self.ports
        data = {
            "organisation": "Test Borough Council",
            "authorised_by": {"name": "Test Runner", "role": "CI", "date": "2026-01-01"},
            "networks": [f"{self.subnet}.0/24"],
            "scan": {
                "tcp_ports": [p.http, p.https, p.rtsp],
                "http_ports": [p.http],
                "https_ports": [p.https],
                "rtsp_ports": [p.rtsp],
                "wsd_port": p.wsd,
                "sadp_port": p.sadp,
                "dhip_port": p.dhip,
                "ssdp_port": p.ssdp,
                "rate": 5000,
                "timeout": 2.0,
                "udp_wait": 0.3,
                "neighbours": False,
            },
        }
        data.update(overrides)
        return data


class _LoopThread:
    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coro):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(30)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


def port_base() -> int:
    """A random base for six service ports, below the kernel's ephemeral range: client sockets
    (ours, or other programs' on this machine) are never bound there, so binds do not clash."""
    try:
        low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        low = 32768
    return random.randrange(10000, max(10010, low - 10), 10)


def start_network(devices_by_host: dict[int, str]) -> tuple[EmulatedNetwork, _LoopThread]:
    """Start the emulator on a fresh random loopback /24 and random high ports (retry on clashes)."""
    runner = _LoopThread()
    for _ in range(8):
        subnet = f"127.{random.randint(100, 250)}.{random.randint(0, 255)}"
        base = port_base()
        ports = EmulatorPorts(
            http=base,
            https=base + 1,
            rtsp=base + 2,
            wsd=base + 3,
            sadp=base + 4,
            dhip=base + 5,
            ssdp=base + 6,
        )
        devices = [
            EmulatedDevice(f"{subnet}.{host}", profile) for host, profile in devices_by_host.items()
        ]
        emulator = Emulator(devices, ports)
        try:
            runner.run(emulator.start())
        except OSError:
            runner.run(emulator.stop())
            continue
        return EmulatedNetwork(subnet, ports, devices, emulator), runner
    runner.close()
    pytest.skip("could not find free loopback ports for the emulator")


ALL_PROFILES = list(load_profiles())
