"""UDP discovery (ONVIF WS-Discovery, Hikvision SADP, Dahua DHIP, SSDP) and the neighbour table.

One socket per protocol serves the whole scan: probes go out unicast to every in-scope
address (and, when the scope allows it, to the protocol's multicast group); replies are
collected as they arrive and any reply from an address outside the scope is dropped unread.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import re
import socket
import struct
import subprocess
import time
import uuid
from collections.abc import Callable, Collection

from cctv_audit.audit import parsers
from cctv_audit.audit.probes import RateLimiter
from cctv_audit.audit.records import Observation, clip
from cctv_audit.audit.scope import ScanSettings, ScopeGuard

log = logging.getLogger(__name__)

#: Receive buffer asked for each discovery socket (the kernel caps it at net.core.rmem_max).
RECEIVE_BUFFER = 8 * 1024 * 1024
MULTICAST = {
    "wsd": "239.255.255.250",
    "sadp": "239.255.255.250",
    "dhip": "239.255.255.251",
    "ssdp": "239.255.255.250",
}


def wsd_probe() -> bytes:
    """An ONVIF WS-Discovery Probe for video transmitters (the message any ONVIF client sends)."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope" '
        'xmlns:w="http://schemas.xmlsoap.org/ws/2004/08/addressing" '
        'xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" '
        'xmlns:dn="http://www.onvif.org/ver10/network/wsdl">'
        f"<e:Header><w:MessageID>uuid:{uuid.uuid4()}</w:MessageID>"
        "<w:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</w:To>"
        "<w:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</w:Action></e:Header>"
        "<e:Body><d:Probe><d:Types>dn:NetworkVideoTransmitter</d:Types></d:Probe></e:Body></e:Envelope>"
    ).encode()


def sadp_probe() -> bytes:
    """Hikvision SADP inquiry (what the SADP tool broadcasts)."""
    return (
        f'<?xml version="1.0" encoding="utf-8"?><Probe><Uuid>{str(uuid.uuid4()).upper()}</Uuid>'
        "<Types>inquiry</Types></Probe>"
    ).encode()


def dhip_probe() -> bytes:
    """Dahua DHIP discovery search: 32-byte header ('DHIP' magic, body length twice) + JSON."""
    body = b'{"method":"DHDiscover.search","params":{"mac":"","uni":1}}\n'
    return struct.pack("<I4sIIIIII", 0x20, b"DHIP", 0, 0, len(body), 0, len(body), 0) + body


def ssdp_probe() -> bytes:
    return (
        b'M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: "ssdp:discover"\r\n'
        b"MX: 1\r\nST: ssdp:all\r\n\r\n"
    )


PROBES: dict[str, tuple[Callable[[], bytes], Callable[[str], parsers.Parsed]]] = {
    "wsd": (wsd_probe, parsers.parse_wsd),
    "sadp": (sadp_probe, parsers.parse_sadp),
    "dhip": (dhip_probe, parsers.parse_dhip),
    "ssdp": (ssdp_probe, parsers.parse_ssdp),
}


class _Collector(asyncio.DatagramProtocol):
    def __init__(self, sweep: UdpSweep, protocol: str):
        self.sweep, self.protocol = sweep, protocol

    def datagram_received(self, data: bytes, addr: tuple) -> None:
        self.sweep.received(self.protocol, addr[0], addr[1], data)

    def error_received(
        self, exc: Exception
    ) -> None:  # ICMP unreachable from a host without the service
        log.debug("%s: %s", self.protocol, exc)


class UdpSweep:
    """Send each discovery probe to each target; keep in-scope replies as observations."""

    def __init__(
        self,
        guard: ScopeGuard,
        settings: ScanSettings,
        limiter: RateLimiter,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.guard, self.settings, self.limiter, self.clock = guard, settings, limiter, clock
        self.ports = {
            name: getattr(settings, f"{name}_port")
            for name in PROBES
            if getattr(settings, f"{name}_port")
        }
        self.transports: dict[str, asyncio.DatagramTransport] = {}
        self.replies: dict[str, list[Observation]] = {}
        self.dropped: list[str] = []
        #: When the last probe went out or the last in-scope reply came in (monotonic seconds).
        self.last_activity = clock()
        #: Listening rounds spent in :meth:`settle` (tests count them instead of timing them).
        self.rounds = 0

    async def open(self) -> None:
        loop = asyncio.get_running_loop()
        for name in self.ports:
            transport, _ = await loop.create_datagram_endpoint(
                functools.partial(_Collector, self, name), local_addr=("0.0.0.0", 0)
            )
            # One socket takes the replies of every host: the default buffer (~200 KiB, about a
            # hundred replies) overflows whenever the loop is busy and the kernel drops the rest.
            try:
                transport.get_extra_info("socket").setsockopt(
                    socket.SOL_SOCKET, socket.SO_RCVBUF, RECEIVE_BUFFER
                )
            except OSError as exc:
                log.debug("cannot enlarge the %s receive buffer: %s", name, exc)
            self.transports[name] = transport
        if self.settings.multicast:
            for name, transport in self.transports.items():
                await self.limiter.wait()
                transport.sendto(PROBES[name][0](), (MULTICAST[name], self.ports[name]))

    async def probe(self, ip: str, skip: Collection[str] = ()) -> None:
        """Unicast every enabled discovery probe (but those in ``skip``) to one (IPv4) in-scope address."""
        if ":" in ip:
            return
        self.guard.check(ip)
        for name, transport in self.transports.items():
            if name in skip:
                continue
            await self.limiter.wait()
            transport.sendto(PROBES[name][0](), (ip, self.ports[name]))
            self.last_activity = self.clock()

    def complete(self, expected: Collection[str]) -> bool:
        """True when every expected address has answered every enabled discovery protocol."""
        return all(len(self.answered(ip)) == len(self.transports) for ip in expected)

    async def settle(
        self, expected: Collection[str], limit: float, quiet: float, step: float = 0.02
    ) -> None:
        """Listen for late discovery replies, but only as long as it can still pay.

        A fixed window costs every scan the same, whatever answered; instead stop as soon as
        every expected host has answered everything, or when nothing has arrived for ``quiet``
        seconds (replies on a LAN come within milliseconds), and never later than ``limit``.
        """
        start = self.clock()
        while self.clock() - start < limit and not self.complete(expected):
            if self.clock() - max(self.last_activity, start) >= quiet:
                return
            self.rounds += 1
            await asyncio.sleep(step)

    def answered(self, ip: str) -> set[str]:
        """Discovery protocols this address has already answered."""
        return {o.protocol for o in self.replies.get(ip, [])}

    def received(self, protocol: str, ip: str, port: int, data: bytes) -> None:
        if not self.guard.allows(ip):
            self.dropped.append(ip)
            return
        self.last_activity = self.clock()
        if protocol in self.answered(ip):
            return  # the same device answering a resent probe: one reply per protocol is kept
        text = data.decode("utf-8", "replace")
        if protocol == "dhip" and data[4:8] == b"DHIP":
            text = data[32:].decode("utf-8", "replace")
        fields, identity = PROBES[protocol][1](text)
        probe = {
            "wsd": "WS-Discovery Probe",
            "sadp": "SADP inquiry",
            "dhip": "DHIP DHDiscover.search",
            "ssdp": "SSDP M-SEARCH",
        }[protocol]
        self.replies.setdefault(ip, []).append(
            Observation(
                ip=ip,
                port=port,
                protocol=protocol,
                probe=probe,
                raw=clip(text),
                fields=fields,
                identity=identity,
            )
        )

    def close(self) -> None:
        for transport in self.transports.values():
            transport.close()


NEIGH_RE = re.compile(r"^(?P<ip>\S+) .*?lladdr (?P<mac>[0-9a-fA-F:]{17})")


def neighbour_macs(output: str | None = None) -> dict[str, str]:
    """IP -> MAC from ``ip neigh`` (on-link hosts only; FAILED/INCOMPLETE entries have no lladdr)."""
    if output is None:
        try:
            output = subprocess.run(
                ["ip", "neigh", "show"], capture_output=True, text=True, timeout=5, check=False
            ).stdout
        except (OSError, subprocess.SubprocessError) as exc:
            log.info("cannot read the neighbour table: %s", exc)
            return {}
    found = {}
    for line in output.splitlines():
        match = NEIGH_RE.match(line)
        if match:
            found[match.group("ip")] = match.group("mac").upper()
    return found
