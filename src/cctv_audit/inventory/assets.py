"""Asset registers into the inventory, and audit results merged in."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from cctv_audit.audit.inventory import list_devices
from cctv_audit.inventory.columns import map_columns
from cctv_audit.inventory.models import Asset
from cctv_audit.inventory.normalise import identify
from cctv_audit.inventory.registers import normalise_mac, parse_date, parse_flag, read_register
from cctv_audit.registry.models import Body

log = logging.getLogger(__name__)


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unidentified: list[int] = field(default_factory=list)
    conflicts: dict[int, list[str]] = field(default_factory=dict)
    mapping: dict[str, str] = field(default_factory=dict)


def import_assets(
    session: Session,
    body: Body,
    path: Path,
    *,
    mapping: Mapping[str, str] | None = None,
    sensitive_sites: Iterable[str] = (),
) -> ImportReport:
    """Import a CSV/XLSX asset register for ``body``; re-importing the same file updates its rows.

    ``mapping`` is the column wizard's ``{field: header}`` overrides;
    ``sensitive_sites`` names sites to treat as sensitive (phase-out priority).
    """
    headers, rows = read_register(path)
    columns = map_columns(headers, mapping, source=str(path))
    sensitive = {s.strip().lower() for s in sensitive_sites}
    source = f"register:{path.name}"
    existing = {
        a.source_row: a
        for a in session.scalars(
            select(Asset).where(Asset.body_id == body.id, Asset.source == source)
        )
    }
    report = ImportReport(mapping=columns)
    for row in rows:
        get = lambda name: row.cells.get(columns.get(name, ""), "")  # noqa: B023  # called within this iteration only
        asset = existing.get(row.number)
        if asset is None:
            asset = Asset(body_id=body.id, source=source, source_row=row.number)
            session.add(asset)
            report.created += 1
        else:
            report.updated += 1
        _fill_from_register(asset, get, sensitive)
        if asset.maker_id is None:
            report.unidentified.append(row.number)
        if asset.conflicts:
            report.conflicts[row.number] = list(asset.conflicts)
    session.flush()
    log.info(
        "%s: %d assets (%d new) for %s",
        path,
        report.created + report.updated,
        report.created,
        body.code,
    )
    return report


def _fill_from_register(asset: Asset, get, sensitive: set[str]) -> None:
    asset.site = get("site") or None
    asset.location = get("location") or None
    asset.device_type = _device_type(get("device_type"), get("model"))
    asset.make_raw = get("make") or None
    asset.model_raw = get("model") or None
    asset.serial = get("serial").upper() or None
    asset.mac = normalise_mac(get("mac")) if get("mac") else None
    asset.ip = get("ip") or None
    asset.firmware = get("firmware") or None
    asset.install_date = parse_date(get("install_date"))
    asset.sensitive_site = (
        parse_flag(get("sensitive")) or (asset.site or "").strip().lower() in sensitive
    )
    found = identify(get("make"), get("model"), asset.mac)
    asset.brand_id, asset.maker_id = found.brand_id, found.maker_id
    asset.identified_by = found.identified_by
    asset.conflicts = found.conflicts


def _device_type(value: str, model: str) -> str:
    text = f"{value} {model}".lower()
    if any(word in text for word in ("nvr", "dvr", "recorder", "xvr")):
        return "recorder"
    return "camera"


@dataclass(frozen=True)
class AuditedDevice:
    """What a network audit saw of one device (from the audit package's inventory)."""

    device_id: int
    ip: str | None
    mac: str | None
    serial: str | None
    brand_id: str | None
    maker_id: str | None
    model: str | None
    firmware: str | None
    device_type: str = "camera"
    risks: tuple[str, ...] = ()


@dataclass
class MergeReport:
    matched: int = 0
    added: int = 0
    conflicts: dict[int, list[str]] = field(default_factory=dict)


def merge_audit(session: Session, body: Body, devices: Iterable[AuditedDevice]) -> MergeReport:
    """Merge audited devices into the body's inventory, matching by serial, then MAC, then IP.

    A device that matches no register row is added as an ``audit`` asset; where
    register and audit disagree on the maker the conflict is listed on the asset.
    """
    assets = list(session.scalars(select(Asset).where(Asset.body_id == body.id)))
    report = MergeReport()
    for device in devices:
        asset = _find_match(assets, device)
        if asset is None:
            asset = Asset(
                body_id=body.id, source="audit", source_row=device.device_id, identified_by="audit"
            )
            session.add(asset)
            assets.append(asset)
            report.added += 1
        else:
            report.matched += 1
        _apply_device(asset, device)
        if asset.conflicts:
            report.conflicts[asset.source_row] = list(asset.conflicts)
    session.flush()
    return report


def _find_match(assets: list[Asset], device: AuditedDevice) -> Asset | None:
    mac = normalise_mac(device.mac) if device.mac else None
    for key, value in (("serial", (device.serial or "").upper()), ("mac", mac), ("ip", device.ip)):
        if not value:
            continue
        for asset in assets:
            if getattr(asset, key) == value and (asset.device_id in (None, device.device_id)):
                return asset
    return None


def _apply_device(asset: Asset, device: AuditedDevice) -> None:
    conflicts = [c for c in (asset.conflicts or []) if not c.startswith("audit ")]
    if asset.maker_id and device.maker_id and asset.maker_id != device.maker_id:
        conflicts.append(f"audit saw {device.maker_id} where the register says {asset.maker_id}")
    asset.device_id = device.device_id
    asset.ip = asset.ip or device.ip
    asset.mac = asset.mac or (normalise_mac(device.mac) if device.mac else None)
    asset.serial = asset.serial or (device.serial or "").upper() or None
    asset.model_raw = asset.model_raw or device.model
    asset.firmware = device.firmware or asset.firmware
    asset.device_type = asset.device_type or device.device_type
    if asset.maker_id is None:
        asset.brand_id, asset.maker_id, asset.identified_by = (
            device.brand_id,
            device.maker_id,
            "audit",
        )
    asset.risks = sorted(set(device.risks))
    asset.conflicts = conflicts


def audited_devices(session: Session, run_id: int | None = None) -> list[AuditedDevice]:
    """The devices of an audit scan run (the latest by default), ready for :func:`merge_audit`."""
    return [
        AuditedDevice(
            device_id=d.id,
            ip=d.ip,
            mac=d.mac,
            serial=d.serial,
            brand_id=d.brand_id,
            maker_id=d.manufacturer_id,
            model=d.model,
            firmware=d.firmware,
            device_type=d.kind,
            risks=tuple(r["code"] for r in d.risks or []),
        )
        for d in list_devices(session, run_id)
    ]
