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
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from cctv_audit.audit.discovery import UdpSweep, neighbour_macs
from cctv_audit.audit.identify import identify
from cctv_audit.audit.probes import CLOSED, OPEN, SILENT, Credentials, Prober
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
    #: What the scan is doing now: probing, retrying, listening, following up, identifying.
    phase: str = "probing"


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
    #: Hosts probed a second time after a timeout, and hosts whose probes still timed out then.
    retried: list[str] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)
    source: str = "scan"

    @property
    def devices(self) -> list[HostResult]:
        return [h for h in self.hosts if h.identity.is_device]

    def by_maker(self) -> Counter:
        return Counter(h.identity.manufacturer or "unidentified" for h in self.devices)


ProgressCallback = Callable[[ScanProgress], None]


class Scanner:
    """Runs one scan of one scope."""

    def __init__(
        self,
        scope: Scope,
        credentials: Credentials | None = None,
        on_progress: ProgressCallback | None = None,
    ):
        self.scope = scope
        self.settings = scope.scan
        self.guard = ScopeGuard(scope)
        self.credentials = credentials
        self.on_progress = on_progress
        self.retried: list[str] = []
        #: Live hosts (another port answered) that let a connect time out: retried, not reported.
        self._busy: set[str] = set()
        #: Hosts sent discovery probes: live ones (a TCP port open). Listening ends once all answered.
        self._discovering: set[str] = set()

    async def run(self) -> ScanResult:
        asyncio.get_running_loop().set_exception_handler(_quiet_disconnects)
        targets = list(self.guard.targets())
        result = ScanResult(scope=self.scope, started_at=utcnow())
        progress = ScanProgress(total=len(targets))
        async with Prober(self.guard, self.settings, self.credentials) as prober:
            sweep = UdpSweep(self.guard, self.settings, prober.limiter)
            await sweep.open()
            try:
                tcp = await self._tcp_phase(prober, sweep, targets, progress)
                for _ in range(self.settings.retries):
                    self._phase(progress, "retrying")
                    if not await self._retry_phase(prober, sweep, tcp):
                        break
                self._phase(progress, "listening")
                await sweep.settle(
                    self._discovering, self.settings.udp_wait, self.settings.udp_quiet
                )
            finally:
                sweep.close()
            hosts = self._merge(tcp, sweep.replies)
            self._phase(progress, "following up")
            await self._upnp_phase(prober, hosts)
            if self.credentials:
                await self._onvif_phase(prober, hosts)
        self._phase(progress, "identifying")
        for host in hosts.values():
            host.identity = identify(host.observations)
            host.risks = assess_device(host) if host.identity.is_device else []
        result.hosts = sorted(hosts.values(), key=lambda h: _sort_key(h.ip))
        result.probed, result.refused, result.dropped_replies = (
            len(targets),
            list(self.guard.refused),
            sweep.dropped,
        )
        result.retried, result.unanswered = self.retried, sorted(prober.failures, key=_sort_key)
        result.finished_at = utcnow()
        return result

    def _phase(self, progress: ScanProgress, phase: str) -> None:
        """Tell the front end what the scan waits on now, so a user watching knows why."""
        progress.phase = phase
        if self.on_progress:
            self.on_progress(progress)

    async def _tcp_phase(
        self, prober: Prober, sweep: UdpSweep, targets: list[str], progress: ScanProgress
    ) -> dict[str, HostResult]:
        semaphore = asyncio.Semaphore(self.settings.concurrency)
        found: dict[str, HostResult] = {}

        async def one(ip: str) -> None:
            async with semaphore:
                host = await self._probe_host(prober, ip)
                if host.open_ports:
                    await self._discover(sweep, ip)
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

    async def _discover(self, sweep: UdpSweep, ip: str) -> None:
        """Unicast discovery to a host that showed a live service.

        Every datagram counts against the rate limit; sending four to each of a /24's dead or
        serviceless addresses made the rate limit, not the network, set a small scan's length.
        Discovery goes out while other hosts are still being connected to, so it overlaps the TCP work.
        """
        self._discovering.add(ip)
        await sweep.probe(ip)

    async def _upnp_phase(self, prober: Prober, hosts: dict[str, HostResult]) -> None:
        """Fetch the UPnP description each SSDP reply pointed at (one GET per host)."""
        semaphore = asyncio.Semaphore(self.settings.concurrency)

        async def one(host: HostResult) -> None:
            location = next(
                (
                    o.identity["location"]
                    for o in host.observations
                    if o.protocol == "ssdp" and o.identity.get("location")
                ),
                None,
            )
            if location is None:
                return
            async with semaphore:
                found = await prober.upnp_description(host.ip, location)
            if found is not None:
                host.observations.append(found)

        await asyncio.gather(*(one(h) for h in hosts.values()))

    async def _onvif_phase(self, prober: Prober, hosts: dict[str, HostResult]) -> None:
        """With the owner's read-only account, ask GetDeviceInformation of every host that
        announced an ONVIF device service and gave no credentialed identity through its maker's API."""
        semaphore = asyncio.Semaphore(self.settings.concurrency)
        credentialed = {"isapi", "magicbox", "vapix", "lapi"}

        async def one(host: HostResult) -> None:
            xaddr = next(
                (
                    o.identity["xaddrs"].split()[0]
                    for o in host.observations
                    if o.protocol == "wsd" and o.identity.get("xaddrs")
                ),
                None,
            )
            if xaddr is None or credentialed & {
                o.protocol for o in host.observations if "credentials" in o.probe
            }:
                return
            async with semaphore:
                found = await prober.onvif_device_information(host.ip, xaddr)
            if found is not None:
                host.observations.append(found)

        await asyncio.gather(*(one(h) for h in hosts.values()))

    async def _retry_phase(
        self, prober: Prober, sweep: UdpSweep, found: dict[str, HostResult]
    ) -> bool:
        """Probe again, at a quarter of the concurrency, every host where a probe timed out on an
        open port, and resend discovery to responsive hosts that have not answered it yet.

        A busy device (or a busy scanner on a loaded machine) misses a deadline now and then; one
        gentler pass recovers it, as a packet scanner retransmits, instead of reporting the
        device unidentified. Returns False when there was nothing to retry.
        """
        # Let replies to the first sweep land before deciding who has not answered, but no longer
        # than the network keeps answering (the full udp_wait bound comes at the end).
        await sweep.settle(
            self._discovering, min(self.settings.udp_wait, 0.5), self.settings.udp_quiet
        )
        failed = sorted(set(prober.failures) | self._busy, key=_sort_key)
        prober.failures.clear()
        self._busy.clear()
        for ip in found:
            if ip not in failed:
                await sweep.probe(ip, skip=sweep.answered(ip))
        if not failed:
            return False
        log.info("retrying %d host(s) whose probes timed out", len(failed))
        self.retried += failed
        semaphore = asyncio.Semaphore(max(1, self.settings.concurrency // 4))

        async def again(ip: str) -> None:
            async with semaphore:
                host = await self._probe_host(prober, ip)
                if host.open_ports:
                    self._discovering.add(ip)
                    await sweep.probe(ip, skip=sweep.answered(ip))
            if _evidence(host) >= _evidence(found.get(ip)):
                found[ip] = host

        await asyncio.gather(*(again(ip) for ip in failed))
        return True

    async def _probe_host(self, prober: Prober, ip: str) -> HostResult:
        """All TCP work on one host: a connect sweep of its ports, then protocol probes on the open ones.

        Connecting first keeps dead addresses cheap (one SYN per port, no HTTP client work) and
        spares live hosts from queueing behind them.
        """
        s = self.settings
        states = await asyncio.gather(*(prober.tcp_open(ip, port) for port in s.tcp_ports))
        host = HostResult(
            ip=ip, open_ports=[p for p, state in zip(s.tcp_ports, states) if state == OPEN]
        )
        if SILENT in states and (OPEN in states or CLOSED in states):
            # A live host (it answered on another port) that let a connect time out may be busy:
            # retry it. A firewall dropping one port looks the same, so this alone is never
            # reported as "unanswered". Wholly silent addresses are taken as empty, or a sparse
            # network would cost every scan twice.
            self._busy.add(ip)
        jobs: dict[int, Awaitable[Any]] = {}
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
                host.observations.append(
                    Observation(
                        ip=ip,
                        port=port,
                        protocol="tcp",
                        probe="TCP connect",
                        raw=f"port {port}/tcp open",
                    )
                )
        return host

    def _merge(
        self, tcp: dict[str, HostResult], udp: dict[str, list[Observation]]
    ) -> dict[str, HostResult]:
        hosts = dict(tcp)
        for ip, observations in udp.items():
            hosts.setdefault(ip, HostResult(ip=ip)).observations.extend(observations)
        if self.settings.neighbours and hosts:
            for ip, mac in neighbour_macs().items():
                if ip in hosts and self.guard.allows(ip):
                    hosts[ip].observations.append(
                        Observation(
                            ip=ip,
                            protocol="neigh",
                            probe="ip neigh show",
                            raw=f"{ip} lladdr {mac}",
                            identity={"mac": mac},
                        )
                    )
        return hosts


async def _https(prober: Prober, ip: str, port: int) -> list[Observation] | None:
    cert, pages = await asyncio.gather(prober.tls_cert(ip, port), prober.http(ip, port, tls=True))
    found = [o for o in [cert, *(pages or [])] if o is not None]
    return found or None


def _quiet_disconnects(loop: asyncio.AbstractEventLoop, context: dict) -> None:
    """A TLS connection torn down by a probe timeout makes the loop log "Fatal error on SSL
    protocol" with a traceback; for a scanner that is an expected outcome, kept at debug level."""
    if isinstance(context.get("exception"), (OSError, RuntimeError)):
        log.debug("%s: %s", context.get("message"), context.get("exception"))
        return
    loop.default_exception_handler(context)


def _evidence(host: HostResult | None) -> int:
    """How much a probe pass learnt about a host (replies beyond bare "port open")."""
    if host is None:
        return -1
    return sum(1 for o in host.observations if o.protocol != "tcp") * 100 + len(host.open_ports)


def _sort_key(ip: str) -> tuple[int, int]:
    address = ipaddress.ip_address(ip)
    return (address.version, int(address))


def scan(
    scope: Scope,
    *,
    credentials: Credentials | None = None,
    on_progress: ProgressCallback | None = None,
) -> ScanResult:
    """Scan every in-scope address of ``scope`` and identify what answers (blocking)."""
    return run_loop(Scanner(scope, credentials, on_progress).run())


def run_loop(coroutine):
    """Run a coroutine on uvloop when it is installed (it comes with uvicorn[standard]): the
    scan is event-loop bound, and uvloop roughly halves its CPU per probe."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coroutine)
    return uvloop.run(coroutine)
