"""Plain records passed between discovery, identification, risks and the inventory."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from cctv_audit.store.base import utcnow

#: Largest reply kept as raw evidence (bytes of text); longer replies are cut and marked.
MAX_RAW = 64 * 1024


def clip(text: str) -> str:
    return text if len(text) <= MAX_RAW else text[:MAX_RAW] + "\n[... cut at 64 KiB]"


@dataclass
class Observation:
    """One reply from one host to one probe, kept as evidence.

    ``fields`` are the signal fields fingerprint rules look at (``http.server``, ``rtsp.www_authenticate``...);
    ``identity`` holds what a parser read directly (model, firmware, serial, mac, ...).
    """

    ip: str
    protocol: str
    probe: str
    raw: str
    port: int | None = None
    fields: dict[str, str] = field(default_factory=dict)
    identity: dict[str, str] = field(default_factory=dict)
    observed_at: dt.datetime = field(default_factory=utcnow)
    db_id: int | None = None


@dataclass
class Risk:
    """A risk flagged on a device, with where the judgement comes from."""

    code: str
    severity: int
    title: str
    reason: str
    sources: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Identity:
    """Who made a device, what it shows, and the signals that decided it."""

    manufacturer_id: str | None = None
    manufacturer: str | None = None
    brand_id: str | None = None
    brand: str | None = None
    rebadged: bool = False
    kind: str = "unknown"
    model: str | None = None
    firmware: str | None = None
    serial: str | None = None
    mac: str | None = None
    confidence: float = 0.0
    decided_by: list[dict[str, Any]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def is_device(self) -> bool:
        """A camera or recorder (known maker or not); hosts with no camera signal are not."""
        return self.kind in {"camera", "recorder"}

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class HostResult:
    """Everything one scan learnt about one address."""

    ip: str
    open_ports: list[int] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    identity: Identity = field(default_factory=Identity)
    risks: list[Risk] = field(default_factory=list)
