"""Tables of the audit package: what a network audit saw, with the raw evidence.

- ``scan_runs``: one scan (or one nmap import): who authorised it, the scope, when, counts.
- ``devices``: one camera or recorder found in a run: maker, brand shown, rebadging, model,
  firmware, confidence, the signals that decided it and its risks.
- ``observations``: one reply from one host to one probe, kept as received.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from cctv_audit.store.base import Base, JSONText, utcnow


class ScanRun(Base):
    """One audit run over one scope (``source`` is ``scan`` or ``nmap:<file>``)."""

    __tablename__ = "scan_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation: Mapped[str] = mapped_column(String(255))
    #: The registry body the audited network belongs to (claims are filed for it), when known.
    body_id: Mapped[int | None] = mapped_column(ForeignKey("bodies.id"), index=True)
    authorised_by: Mapped[str] = mapped_column(String(255))
    authorisation: Mapped[dict[str, Any]] = mapped_column(JSONText, default=dict)
    reference: Mapped[str | None] = mapped_column(String(255))
    #: The scope as validated: networks, exclusions, scan settings.
    scope: Mapped[dict[str, Any]] = mapped_column(JSONText, default=dict)
    source: Mapped[str] = mapped_column(String(255), default="scan")
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    hosts_probed: Mapped[int] = mapped_column(Integer, default=0)
    hosts_responding: Mapped[int] = mapped_column(Integer, default=0)
    devices_found: Mapped[int] = mapped_column(Integer, default=0)
    #: Targets the guard refused (redirects or names pointing outside the scope).
    refused: Mapped[list[str]] = mapped_column(JSONText, default=list)


class Device(Base):
    """A camera or recorder seen in one scan run."""

    __tablename__ = "devices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scan_run_id: Mapped[int] = mapped_column(
        ForeignKey("scan_runs.id", ondelete="CASCADE"), index=True
    )
    ip: Mapped[str] = mapped_column(String(64), index=True)
    mac: Mapped[str | None] = mapped_column(String(32), index=True)
    #: ``camera`` or ``recorder``.
    kind: Mapped[str] = mapped_column(String(16))
    #: The real maker (platform) id and name; None when no signal names one.
    manufacturer_id: Mapped[str | None] = mapped_column(String(64), index=True)
    manufacturer: Mapped[str | None] = mapped_column(String(128))
    #: The brand the device shows (Lorex, Annke...); equal to the maker when not rebadged.
    brand_id: Mapped[str | None] = mapped_column(String(64))
    brand: Mapped[str | None] = mapped_column(String(128))
    rebadged: Mapped[bool] = mapped_column(Boolean, default=False)
    model: Mapped[str | None] = mapped_column(String(128))
    firmware: Mapped[str | None] = mapped_column(String(128))
    serial: Mapped[str | None] = mapped_column(String(128))
    open_ports: Mapped[list[int]] = mapped_column(JSONText, default=list)
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    #: The fingerprint hits that decided maker and brand (rule id, field, value, source).
    decided_by: Mapped[list[dict[str, Any]]] = mapped_column(JSONText, default=list)
    risks: Mapped[list[dict[str, Any]]] = mapped_column(JSONText, default=list)
    #: Highest risk severity (0 none, 1 info, 2 low, 3 medium, 4 high, 5 critical) for sorting and filtering.
    risk_level: Mapped[int] = mapped_column(Integer, default=0)
    observed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Observation(Base):
    """One reply to one probe (the raw evidence behind a device and its claims)."""

    __tablename__ = "observations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scan_run_id: Mapped[int] = mapped_column(
        ForeignKey("scan_runs.id", ondelete="CASCADE"), index=True
    )
    device_id: Mapped[int | None] = mapped_column(
        ForeignKey("devices.id", ondelete="CASCADE"), index=True
    )
    ip: Mapped[str] = mapped_column(String(64), index=True)
    port: Mapped[int | None] = mapped_column(Integer)
    #: ``http``, ``https``, ``rtsp``, ``tls``, ``wsd``, ``sadp``, ``dhip``, ``ssdp``, ``rpc2``, ``neigh``, ``nmap``...
    protocol: Mapped[str] = mapped_column(String(32))
    #: What was sent ("GET /", "RTSP OPTIONS, DESCRIBE", "SADP inquiry").
    probe: Mapped[str] = mapped_column(String(255))
    raw: Mapped[str] = mapped_column(Text)
    fields: Mapped[dict[str, str]] = mapped_column(JSONText, default=dict)
    identity: Mapped[dict[str, str]] = mapped_column(JSONText, default=dict)
    observed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
