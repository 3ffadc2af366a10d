"""The inventory: scan results stored (runs, devices, observations), listed, exported, and turned
into findings claims ("body B uses maker M, N devices, observed on date D") with the observations
as evidence."""

from __future__ import annotations

import csv
import io
import ipaddress
import json
import logging
from collections import defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cctv_audit.audit import models
from cctv_audit.audit.records import HostResult
from cctv_audit.audit.scanner import ScanResult
from cctv_audit.errors import AuditError, NotFound
from cctv_audit.findings import EvidenceInput, record_claim
from cctv_audit.registry import get_body

log = logging.getLogger(__name__)

#: Devices below this confidence are listed but never turned into claims.
CLAIM_MIN_CONFIDENCE = 0.6
EXPORT_COLUMNS = [
    "scan_run_id",
    "organisation",
    "observed_at",
    "ip",
    "mac",
    "kind",
    "manufacturer",
    "brand",
    "rebadged",
    "model",
    "firmware",
    "serial",
    "confidence",
    "open_ports",
    "risk_level",
    "risks",
    "decided_by",
]


def save_scan(session: Session, result: ScanResult) -> models.ScanRun:
    """Store a scan: the run, every camera/recorder found and every observation of those hosts."""
    scope = result.scope
    run = models.ScanRun(
        organisation=scope.organisation,
        body_id=_body_id(session, scope.body),
        authorised_by=scope.authorised_by.name,
        authorisation=scope.authorised_by.model_dump(mode="json"),
        reference=scope.reference,
        scope=scope.model_dump(mode="json"),
        source=result.source,
        started_at=result.started_at,
        finished_at=result.finished_at,
        hosts_probed=result.probed,
        hosts_responding=len(result.hosts),
        devices_found=len(result.devices),
        refused=result.refused,
    )
    session.add(run)
    session.flush()
    for host in result.devices:
        _save_device(session, run, host)
    session.flush()
    return run


def _save_device(session: Session, run: models.ScanRun, host: HostResult) -> models.Device:
    i = host.identity
    device = models.Device(
        scan_run_id=run.id,
        ip=host.ip,
        mac=i.mac,
        kind=i.kind,
        manufacturer_id=i.manufacturer_id,
        manufacturer=i.manufacturer,
        brand_id=i.brand_id,
        brand=i.brand,
        rebadged=i.rebadged,
        model=i.model,
        firmware=i.firmware,
        serial=i.serial,
        open_ports=host.open_ports,
        confidence=i.confidence,
        decided_by=i.decided_by,
        risks=[r.as_dict() for r in host.risks],
        risk_level=max((r.severity for r in host.risks), default=0),
        observed_at=min((o.observed_at for o in host.observations), default=run.started_at),
    )
    session.add(device)
    session.flush()
    rows = [
        models.Observation(
            scan_run_id=run.id,
            device_id=device.id,
            ip=obs.ip,
            port=obs.port,
            protocol=obs.protocol,
            probe=obs.probe,
            raw=obs.raw,
            fields=obs.fields,
            identity=obs.identity,
            observed_at=obs.observed_at,
        )
        for obs in host.observations
    ]
    session.add_all(rows)
    session.flush()
    for obs, row in zip(host.observations, rows):
        obs.db_id = row.id
    return device


def _body_id(session: Session, ref: str | None) -> int | None:
    if not ref:
        return None
    try:
        return get_body(session, ref).id
    except NotFound:
        log.warning("scope names body %r, which is not in the registry; claims need --body", ref)
        return None


def latest_run(session: Session) -> models.ScanRun:
    run = session.scalars(
        select(models.ScanRun).order_by(models.ScanRun.id.desc()).limit(1)
    ).first()
    if run is None:
        raise NotFound(
            "no scan stored yet: run `cctv-audit audit scan --scope scope.yaml` or `audit import-nmap`"
        )
    return run


def get_run(session: Session, run_id: int | None) -> models.ScanRun:
    """A run by id, or the latest one when ``run_id`` is None."""
    if run_id is None:
        return latest_run(session)
    run = session.get(models.ScanRun, run_id)
    if run is None:
        raise NotFound(f"scan run {run_id} does not exist: `cctv-audit audit runs` lists them")
    return run


def list_devices(session: Session, run_id: int | None = None) -> list[models.Device]:
    """Devices of one run (the latest by default), most risky first."""
    run = get_run(session, run_id)
    devices = session.scalars(select(models.Device).where(models.Device.scan_run_id == run.id))
    return sorted(devices, key=lambda d: (-d.risk_level, _ip_key(d.ip)))


def _ip_key(ip: str) -> tuple[int, int]:
    address = ipaddress.ip_address(ip)
    return address.version, int(address)


def device_to_dict(device: models.Device, run: models.ScanRun | None = None) -> dict[str, Any]:
    return {
        "id": device.id,
        "scan_run_id": device.scan_run_id,
        "organisation": run.organisation if run else None,
        "observed_at": device.observed_at.isoformat(timespec="seconds"),
        "ip": device.ip,
        "mac": device.mac,
        "kind": device.kind,
        "manufacturer_id": device.manufacturer_id,
        "manufacturer": device.manufacturer,
        "brand_id": device.brand_id,
        "brand": device.brand,
        "rebadged": device.rebadged,
        "model": device.model,
        "firmware": device.firmware,
        "serial": device.serial,
        "confidence": device.confidence,
        "open_ports": device.open_ports,
        "risk_level": device.risk_level,
        "risks": device.risks,
        "decided_by": device.decided_by,
    }


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """A device as one spreadsheet row: lists joined, evidence reduced to rule ids."""
    flat = {k: row.get(k) for k in EXPORT_COLUMNS}
    flat["open_ports"] = " ".join(map(str, row["open_ports"]))
    flat["risks"] = "; ".join(r["code"] for r in row["risks"])
    flat["decided_by"] = "; ".join(f"{d['rule']} ({d['field']})" for d in row["decided_by"])
    flat["rebadged"] = "yes" if row["rebadged"] else "no"
    return flat


def export_devices(
    session: Session, fmt: str, path: Path | None = None, run_id: int | None = None
) -> bytes:
    """Devices of a run as CSV, XLSX or JSON; written to ``path`` when given, returned always."""
    run = get_run(session, run_id)
    rows = [device_to_dict(d, run) for d in list_devices(session, run.id)]
    writers = {"csv": _csv, "json": _json, "xlsx": _xlsx}
    if fmt not in writers:
        raise AuditError(f"unknown export format {fmt!r}: use csv, xlsx or json")
    data = writers[fmt](rows)
    if path is not None:
        path.write_bytes(data)
    return data


def _csv(rows: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS)
    writer.writeheader()
    writer.writerows(_flat(r) for r in rows)
    return out.getvalue().encode("utf-8")


def _json(rows: list[dict[str, Any]]) -> bytes:
    return (json.dumps(rows, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _xlsx(rows: list[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "devices"
    sheet.append(EXPORT_COLUMNS)
    for row in rows:
        sheet.append([_flat(row)[c] for c in EXPORT_COLUMNS])
    risks = book.create_sheet("risks")
    risks.append(["ip", "manufacturer", "model", "code", "severity", "title", "reason", "sources"])
    for row in rows:
        for risk in row["risks"]:
            risks.append(
                [
                    row["ip"],
                    row["manufacturer"],
                    row["model"],
                    risk["code"],
                    risk["severity"],
                    risk["title"],
                    risk["reason"],
                    " ".join(s.get("url", "") for s in risk.get("sources", [])),
                ]
            )
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _evidence_observations(
    session: Session, device: models.Device, limit: int = 3
) -> list[models.Observation]:
    """The observations whose fields decided the device's maker (at most ``limit``)."""
    deciding = {d["field"] for d in device.decided_by}
    rows = session.scalars(
        select(models.Observation).where(models.Observation.device_id == device.id)
    )
    chosen = [o for o in rows if deciding & (set(o.fields) | {f"{o.protocol}.mac"})]
    return chosen[:limit]


def record_claims(
    session: Session, run_id: int | None = None, body_ref: str | None = None
) -> list[Any]:
    """One findings claim per real maker seen in a run: "body uses M, N devices, observed on D".

    Only devices whose maker was decided with confidence >= CLAIM_MIN_CONFIDENCE count; the
    claim's evidence points at the observations that decided each device. An audit never
    claims "does not use": not seeing a maker on one network is not evidence of absence.
    """
    run = get_run(session, run_id)
    body_id = _body_id(session, body_ref) if body_ref else run.body_id
    if body_id is None:
        raise AuditError(
            f"scan run {run.id} has no body: name one with --body CODE (see `cctv-audit bodies list`)"
        )
    groups: dict[str, list[models.Device]] = defaultdict(list)
    for device in list_devices(session, run.id):
        if device.manufacturer_id and device.confidence >= CLAIM_MIN_CONFIDENCE:
            groups[device.manufacturer_id].append(device)
    claims = []
    for maker_id, devices in sorted(groups.items()):
        evidence = [
            EvidenceInput.observation(o.id, quote=_quote(o), note=f"device {d.id} at {d.ip}")
            for d in devices
            for o in _evidence_observations(session, d)
        ]
        claims.append(
            record_claim(
                session,
                body_id=body_id,
                manufacturer_id=maker_id,
                polarity="uses",
                device_count=len(devices),
                as_of=run.started_at.date(),
                origin="audit",
                evidence=evidence,
                original_wording=_wording(run, devices),
                confidence=min(d.confidence for d in devices),
                source=f"observation:scan_run:{run.id}:{maker_id}",
            )
        )
    return claims


def _quote(obs: models.Observation) -> str:
    return obs.raw[:300]


def _wording(run: models.ScanRun, devices: list[models.Device]) -> str:
    brands = sorted({d.brand or "?" for d in devices})
    models_seen = sorted({d.model for d in devices if d.model})[:10]
    return (
        f"{len(devices)} {devices[0].manufacturer} device(s) (shown as {', '.join(brands)}) observed on the "
        f"network audit of {run.organisation} on {run.started_at.date()}; models: {', '.join(models_seen) or 'unknown'}"
    )
