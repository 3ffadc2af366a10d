"""The scope file: who authorised the audit, which networks, which hosts are off limits.

Every packet the scanner sends goes through :class:`ScopeGuard`. A target is
allowed only when its address lies inside an authorised network and outside
every exclusion; host names are resolved first and refused when *any* address
they resolve to is out of scope, and HTTP redirects are checked the same way.

Example ``scope.yaml``::

    organisation: Example Borough Council
    body: EXB                      # optional registry code: claims are filed for this body
    authorised_by: {name: Jane Smith, role: Head of IT Security, date: 2026-11-01}
    reference: CHG-1234            # optional change or ticket number
    networks: [10.20.0.0/24, cams.example.gov.uk]
    exclude: [10.20.0.1, 10.20.0.128/28]
    expires: 2026-12-31            # optional: the scan refuses to run after this date
    scan: {rate: 200, concurrency: 128, timeout: 2.0}
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from cctv_audit.errors import ScopeError

log = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

#: Largest number of addresses one scope may authorise, unless ``allow_large: true``.
MAX_ADDRESSES = 65_536

DEFAULT_TCP_PORTS = [23, 80, 443, 554, 8000, 8080, 8443, 8899, 37777, 34567]


class Authorisation(BaseModel):
    """The person who authorised the audit: a name is required, role and date are recorded."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=2)
    role: str | None = None
    date: dt.date | None = None
    email: str | None = None


class ScanSettings(BaseModel):
    """How hard and where to probe. Defaults suit a council LAN; tests map ports high."""

    model_config = ConfigDict(extra="forbid")
    tcp_ports: list[int] = Field(default_factory=lambda: list(DEFAULT_TCP_PORTS))
    http_ports: list[int] = Field(default_factory=lambda: [80, 8080, 8000, 8899])
    https_ports: list[int] = Field(default_factory=lambda: [443, 8443])
    rtsp_ports: list[int] = Field(default_factory=lambda: [554])
    wsd_port: int | None = 3702
    sadp_port: int | None = 37020
    dhip_port: int | None = 37810
    ssdp_port: int | None = 1900
    #: Also send WS-Discovery/SADP/DHIP/SSDP to their multicast groups (replies are still scope-checked).
    multicast: bool = False
    #: New connections plus datagrams per second, across the whole scan.
    rate: float = Field(default=300.0, gt=0)
    concurrency: int = Field(default=128, ge=1, le=4096)
    timeout: float = Field(default=2.0, gt=0, le=60)
    #: Extra passes over hosts whose probes timed out (at a quarter of the concurrency).
    retries: int = Field(default=1, ge=0, le=3)
    #: Most seconds to keep listening for discovery replies after the last probe.
    udp_wait: float = Field(default=1.0, ge=0, le=30)
    #: Stop listening earlier once no discovery reply has come for this many seconds.
    udp_quiet: float = Field(default=0.3, ge=0, le=30)
    #: Read the neighbour table (``ip neigh``) for MAC addresses of on-link hosts.
    neighbours: bool = True

    @field_validator("tcp_ports", "http_ports", "https_ports", "rtsp_ports")
    @classmethod
    def _ports(cls, value: list[int]) -> list[int]:
        bad = [p for p in value if not 0 < p < 65536]
        if bad:
            raise ValueError(f"ports out of range: {bad}")
        return sorted(set(value))


class Scope(BaseModel):
    """A validated scope file."""

    model_config = ConfigDict(extra="forbid")
    organisation: str = Field(min_length=2)
    body: str | None = None
    authorised_by: Authorisation
    reference: str | None = None
    networks: list[str] = Field(min_length=1)
    exclude: list[str] = Field(default_factory=list)
    expires: dt.date | None = None
    allow_large: bool = False
    scan: ScanSettings = Field(default_factory=ScanSettings)
    source: str | None = Field(default=None, exclude=True)

    def guard(self) -> ScopeGuard:
        return ScopeGuard(self)


def load_scope(path: str | Path) -> Scope:
    """Read and validate a scope file; raise :class:`ScopeError` naming the file and the fault."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ScopeError(f"{path}: cannot read the scope file ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise ScopeError(f"{path}: not valid YAML ({exc})") from exc
    return scope_from_dict(data, source=str(path))


def scope_from_dict(data: Any, *, source: str = "scope") -> Scope:
    """Validate a scope given as a mapping (used by tests and by :func:`load_scope`)."""
    if not isinstance(data, dict):
        raise ScopeError(
            f"{source}: a scope file is a mapping with organisation, authorised_by and networks"
        )
    if isinstance(data.get("authorised_by"), str):
        data = {**data, "authorised_by": {"name": data["authorised_by"]}}
    try:
        scope = Scope.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ScopeError(f"{source}: invalid scope file: {problems}") from exc
    scope.source = source
    ScopeGuard(scope)  # parses every network and exclusion now, so mistakes surface at load time
    return scope


def _parse_network(entry: str, source: str) -> list[IPNetwork]:
    """A CIDR, a single address, or a host name (resolved now, every address taken)."""
    try:
        return [ipaddress.ip_network(entry, strict=False)]
    except ValueError:
        pass
    addresses = resolve_host(entry)
    if not addresses:
        raise ScopeError(
            f"{source}: {entry!r} is neither an address, a CIDR network nor a resolvable host name"
        )
    return [ipaddress.ip_network(a) for a in addresses]


def resolve_host(host: str) -> list[IPAddress]:
    """Every address a host name resolves to (empty when it does not resolve)."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        return []
    return sorted({ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos}, key=str)


class ScopeGuard:
    """Answers "may I send to this address?"; the scanner asks before every packet."""

    def __init__(self, scope: Scope):
        source = scope.source or "scope"
        self.scope = scope
        self.networks = [n for e in scope.networks for n in _parse_network(e, source)]
        self.excluded = [n for e in scope.exclude for n in _parse_network(e, source)]
        for net in self.networks:
            if net.prefixlen == 0:
                raise ScopeError(
                    f"{source}: {net} authorises the whole Internet; list the networks you own"
                )
        if scope.expires and scope.expires < dt.date.today():
            raise ScopeError(
                f"{source}: the authorisation expired on {scope.expires}; get it renewed"
            )
        total = sum(n.num_addresses for n in self.networks)
        if total > MAX_ADDRESSES and not scope.allow_large:
            raise ScopeError(
                f"{source}: {total} addresses in scope (limit {MAX_ADDRESSES}); split the audit "
                "or set allow_large: true if that is really what was authorised"
            )
        self.refused: list[str] = []

    def allows(self, address: str | IPAddress) -> bool:
        """True when the address is inside an authorised network and not excluded."""
        try:
            ip = ipaddress.ip_address(str(address).split("%")[0])
        except ValueError:
            return False
        inside = any(ip in net for net in self.networks if net.version == ip.version)
        excluded = any(ip in net for net in self.excluded if net.version == ip.version)
        return inside and not excluded

    def check(self, address: str | IPAddress) -> str:
        """Return the address as text, or raise :class:`ScopeError` (and remember the refusal)."""
        if not self.allows(address):
            self.refused.append(str(address))
            log.warning("refused out-of-scope target %s", address)
            raise ScopeError(
                f"{address} is outside the authorised scope of {self.scope.organisation}"
            )
        return str(address)

    def check_host(self, host: str) -> str:
        """Resolve a host name (or take an address) and return an in-scope address to connect to.

        Every resolved address must be in scope: a name that also points outside is refused,
        so a later lookup cannot send us elsewhere.
        """
        try:
            return self.check(ipaddress.ip_address(host.strip("[]")))
        except ValueError:
            pass
        addresses = resolve_host(host)
        if not addresses:
            raise ScopeError(f"{host} does not resolve; nothing sent")
        for address in addresses:
            self.check(address)
        return str(addresses[0])

    def check_url(self, url: str) -> str:
        """The in-scope address a URL (e.g. a redirect ``Location``) would connect to."""
        host = urlsplit(url).hostname
        if not host:
            raise ScopeError(f"{url!r} names no host")
        return self.check_host(host)

    def targets(self) -> Iterator[str]:
        """Every in-scope host address, network and broadcast addresses skipped for IPv4 /31 and wider."""
        seen: set[str] = set()
        for net in self.networks:
            hosts = net.hosts() if net.num_addresses > 2 else iter(net)
            for ip in hosts:
                text = str(ip)
                if text not in seen and self.allows(text):
                    seen.add(text)
                    yield text

    def count(self) -> int:
        return sum(1 for _ in self.targets())
