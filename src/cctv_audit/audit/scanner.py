"""The scan: every in-scope address, bounded concurrency, one rate limit, then identification.

``scan(scope)`` runs the UDP discovery sweep and the per-host TCP probes side by side,
reads the neighbour table, identifies each host and assesses its risks. It reports progress
through an optional callback so front ends can show it; it prints nothing itself.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from cctv_audit.audit.discovery import UdpSweep, neighbour_macs
from cctv_audit.audit.identify import identify
from cctv_audit.audit.probes import Credentials, Prober
from cctv_audit.audit.records import HostResult, Observation
from cctv_audit.audit.risks import assess_device
from cctv_audit.audit.scope import Scope, ScopeGuard
from cctv_audit.store.base import utcnow

log = logging.getLogger(__name__)

TELNET_PORT = 23


@dataclass
class ScanProgress:
    """What a progress display shows: hosts probed of total, devices found per maker."""

    total: int
    probed: int = 0
    devices: Counter = field(default_factory=Counter)


@dataclass
class ScanResult:
    """The outcome of one scan (or one nmap import): identified hosts and what was refused."""

    scope: Scope
    started_at: dt.datetime
    finished_at: dt.datetime | None = None
    hosts: list[HostResult] = field(default_factory=list)
    probed: int = 0
    refused: list[str] = field(default_factory=list)
    dropped_replies: list[str] = field(default_factory=list)
    source: str = "scan"

    @property
    def devices(self) -> list[HostResult]:
        return [h for h in self.hosts if h.identity.is_device]

    def by_maker(self) -> Counter:
        return Counter(h.identity.manufacturer or "unidentified" for h in self.devices)


ProgressCallback = Callable[[ScanProgress], None]


class Scanner:
    """Runs one scan of one scope."""

    def __init__(self, scope: Scope, credentials: Credentials | None = None,
                 on_progress: ProgressCallback | None = None):
        self.scope = scope
        self.settings = scope.scan
        self.guard = ScopeGuard(scope)
        self.credentials = credentials
        self.on_progress = on_progress

    async def run(self) -> ScanResult:
        targets = list(self.guard.targets())
        result = ScanResult(scope=self.scope, started_at=utcnow())
        progress = ScanProgress(total=len(targets))
        async with Prober(self.guard, self.settings, self.credentials) as prober:
            sweep = UdpSweep(self.guard, self.settings, prober.limiter)
            await sweep.open()
            try:
                tcp = await self._tcp_phase(prober, sweep, targets, progress)
                await asyncio.sleep(self.settings.udp_wait)
            finally:
                sweep.close()
        hosts = self._merge(tcp, sweep.replies)
        for host in hosts.values():
            host.identity = identify(host.observations)
            host.risks = assess_device(host) if host.identity.is_device else []
        result.hosts = sorted(hosts.values(), key=lambda h: _sort_key(h.ip))
        result.probed, result.refused, result.dropped_replies = len(targets), list(self.guard.refused), sweep.dropped
        result.finished_at = utcnow()
        return result

    async def _tcp_phase(self, prober: Prober, sweep: UdpSweep, targets: list[str],
                         progress: ScanProgress) -> dict[str, HostResult]:
        semaphore = asyncio.Semaphore(self.settings.concurrency)
        found: dict[str, HostResult] = {}

        async def one(ip: str) -> None:
            async with semaphore:
                await sweep.probe(ip)
                host = await self._probe_host(prober, ip)
            if host.open_ports or host.observations:
                found[ip] = host
                preview = identify(host.observations)
                if preview.is_device:
                    progress.devices[preview.manufacturer or "unidentified"] += 1
            progress.probed += 1
            if self.on_progress:
                self.on_progress(progress)

        await asyncio.gather(*(one(ip) for ip in targets))
        return found

    async def _probe_host(self, prober: Prober, ip: str) -> HostResult:
        """All TCP work on one host: a connect sweep of its ports, then protocol probes on the open ones.

        Connecting first keeps dead addresses cheap (one SYN per port, no HTTP client work) and
        spares live hosts from queueing behind them.
        """
        s = self.settings
        states = await asyncio.gather(*(prober.tcp_open(ip, port) for port in s.tcp_ports))
        host = HostResult(ip=ip, open_ports=[p for p, is_open in zip(s.tcp_ports, states) if is_open])
        jobs: dict[int, asyncio.Future] = {}
        for port in host.open_ports:
            if port in s.http_ports:
                jobs[port] = prober.http(ip, port, tls=False)
            elif port in s.https_ports:
                jobs[port] = _https(prober, ip, port)
            elif port in s.rtsp_ports:
                jobs[port] = prober.rtsp(ip, port)
            elif port == TELNET_PORT:
                jobs[port] = prober.banner(ip, port, "telnet")
        results = dict(zip(jobs, await asyncio.gather(*jobs.values())))
        for port in host.open_ports:
            outcome = results.get(port)
            if isinstance(outcome, Observation):
                host.observations.append(outcome)
            elif isinstance(outcome, list):
                host.observations.extend(outcome)
            else:
                host.observations.append(Observation(ip=ip, port=port, protocol="tcp", probe="TCP connect",
                                                     raw=f"port {port}/tcp open"))
        return host

    def _merge(self, tcp: dict[str, HostResult], udp: dict[str, list[Observation]]) -> dict[str, HostResult]:
        hosts = dict(tcp)
        for ip, observations in udp.items():
            hosts.setdefault(ip, HostResult(ip=ip)).observations.extend(observations)
        if self.settings.neighbours and hosts:
            for ip, mac in neighbour_macs().items():
                if ip in hosts and self.guard.allows(ip):
                    hosts[ip].observations.append(Observation(ip=ip, protocol="neigh", probe="ip neigh show",
                                                              raw=f"{ip} lladdr {mac}", identity={"mac": mac}))
        return hosts


async def _https(prober: Prober, ip: str, port: int) -> list[Observation] | None:
    cert, pages = await asyncio.gather(prober.tls_cert(ip, port), prober.http(ip, port, tls=True))
    found = [o for o in [cert, *(pages or [])] if o is not None]
    return found or None


def _sort_key(ip: str) -> tuple[int, int]:
    address = ipaddress.ip_address(ip)
    return (address.version, int(address))


def scan(scope: Scope, *, credentials: Credentials | None = None,
         on_progress: ProgressCallback | None = None) -> ScanResult:
    """Scan every in-scope address of ``scope`` and identify what answers (blocking)."""
    return asyncio.run(Scanner(scope, credentials, on_progress).run())
