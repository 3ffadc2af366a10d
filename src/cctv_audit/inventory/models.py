"""Tables of the inventory package: a body's own camera estate and its phase-out."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cctv_audit.store.base import Base, JSONText, utcnow


class Asset(Base):
    """One camera or recorder a body runs: a row of its asset register, an audited device, or both."""

    __tablename__ = "assets"
    __table_args__ = (UniqueConstraint("body_id", "source", "source_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id"), index=True)
    #: ``register:<file name>`` or ``audit``.
    source: Mapped[str] = mapped_column(String(255))
    #: Row number in the register (header is row 1), or the audit device id.
    source_row: Mapped[int] = mapped_column(Integer)
    site: Mapped[str | None] = mapped_column(String(255))
    location: Mapped[str | None] = mapped_column(String(255))
    device_type: Mapped[str | None] = mapped_column(String(32))
    #: The make and model as the register wrote them (kept beside the normalised value).
    make_raw: Mapped[str | None] = mapped_column(String(255))
    model_raw: Mapped[str | None] = mapped_column(String(255))
    serial: Mapped[str | None] = mapped_column(String(128), index=True)
    mac: Mapped[str | None] = mapped_column(String(17), index=True)
    ip: Mapped[str | None] = mapped_column(String(45))
    firmware: Mapped[str | None] = mapped_column(String(128))
    install_date: Mapped[dt.date | None] = mapped_column(Date)
    sensitive_site: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Brand the register or device shows, and the real maker behind it (knowledge-base ids).
    brand_id: Mapped[str | None] = mapped_column(String(64))
    maker_id: Mapped[str | None] = mapped_column(String(64), index=True)
    #: How the maker was decided: ``make``, ``model``, ``mac``, ``audit``, or ``unknown``.
    identified_by: Mapped[str] = mapped_column(String(16), default="unknown")
    #: The audit device merged into this asset (audit package's ``devices.id``).
    device_id: Mapped[int | None] = mapped_column(Integer)
    #: Risk codes seen by the audit (cloud relay, vulnerable firmware...).
    risks: Mapped[list[str]] = mapped_column(JSONText, default=list)
    #: Disagreements between register and audit, or between make and model, for a person to settle.
    conflicts: Mapped[list[str]] = mapped_column(JSONText, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class PhaseoutEvent(Base):
    """A dated status change of a flagged asset in the phase-out programme."""

    __tablename__ = "phaseout_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    asset_id: Mapped[int] = mapped_column(ForeignKey("assets.id"), index=True)
    #: to_replace, ordered, replaced, decommissioned
    status: Mapped[str] = mapped_column(String(16))
    on: Mapped[dt.date] = mapped_column(Date)
    replacement_maker: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
