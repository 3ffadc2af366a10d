"""The publish package's entry points: site, map, exports, coverage, and the demo site."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from cctv_audit.errors import PublishError
from cctv_audit.findings import load_disclosures
from cctv_audit.findings.record import load_record
from cctv_audit.publish import views
from cctv_audit.publish.exports import (
    FORMATS,
    datasette_metadata,
    write_csv,
    write_json,
    write_sqlite,
    write_xlsx,
)
from cctv_audit.publish.ftm import write_ftm
from cctv_audit.publish.hexlayout import load_hex_layout
from cctv_audit.publish.hexmap import HexMap, MapBody, render_hex_map
from cctv_audit.publish.report import ALL_CLAIMS, PublishOptions, Report, build_report
from cctv_audit.publish.site import DATABASE_NAME, SiteResult, write_site
from cctv_audit.publish.tables import export_tables
from cctv_audit.registry import Body, load_bundled_councils
from cctv_audit.store import Store

log = logging.getLogger(__name__)

#: Body types that never have a hex: they cover several districts (listed beside the map).
UPPER_TIER_TYPES = frozenset({"CTY", "COMB", "SRA"})


def publish_site(
    store: Store, survey: str | int | None, out: Path, options: PublishOptions | None = None
) -> SiteResult:
    """Write the static report site of ``survey`` (id, slug, or None / "all" for every claim) into ``out``."""
    with store.session() as session:
        report = build_report(session, survey, options, data_dir=store.data_dir)
        return write_site(session, report, Path(out))


def render_survey_map(
    store: Store,
    survey: str | int | None,
    out: Path | None = None,
    options: PublishOptions | None = None,
    *,
    labels: bool = True,
) -> HexMap:
    """The hex map of ``survey`` alone; written to ``out`` when given."""
    with store.session() as session:
        report = build_report(session, survey, options, data_dir=store.data_dir)
    bodies = [
        MapBody(
            code=b.finding.body_code,
            name=b.name,
            gss_code=b.gss_code,
            category=b.category,
            detail=views.maker_summary(b),
        )
        for b in report.bodies
    ]
    result = render_hex_map(
        bodies, title=f"{report.title}: findings by local authority", labels=labels
    )
    if out is not None:
        Path(out).write_text(result.svg, encoding="utf-8")
    return result


def export_survey(
    store: Store,
    survey: str | int | None,
    fmt: str,
    out: Path,
    options: PublishOptions | None = None,
) -> list[Path]:
    """Export the report's tables as ``csv`` (a folder), ``xlsx``, ``json``, ``sqlite`` (+ metadata.json) or ``ftm``."""
    if fmt not in FORMATS:
        raise PublishError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    out = Path(out)
    with store.session() as session:
        report = build_report(session, survey, options, data_dir=store.data_dir)
        tables = export_tables(session, report)
    return _write_export(report, tables, fmt, out)


def _write_export(report: Report, tables: list, fmt: str, out: Path) -> list[Path]:
    if fmt == "csv":
        return write_csv(tables, out)
    out.parent.mkdir(parents=True, exist_ok=True)
    metadata = datasette_metadata(
        tables,
        database=out.stem if fmt == "sqlite" else DATABASE_NAME,
        title=report.title,
        description=f"Findings of {report.title}, as of {report.as_of.isoformat()}.",
    )
    if fmt == "xlsx":
        return [write_xlsx(tables, out, report.as_of)]
    if fmt == "json":
        return [write_json(tables, out, metadata)]
    if fmt == "ftm":
        return [write_ftm(report, tables, out)]
    import json

    meta_path = out.with_name("metadata.json")
    meta_path.write_text(
        json.dumps(metadata, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return [write_sqlite(tables, out), meta_path]


@dataclass
class Coverage:
    """How the hex layout matches the registry: every current district council should have a hex."""

    hexes: int
    matched: int
    #: Hex ids with no body in the registry (a boundary change the registry does not know).
    hexes_without_body: list[str] = field(default_factory=list)
    #: District-level bodies with no hex (``code: name (gss)``): a layout older than the registry.
    bodies_without_hex: list[str] = field(default_factory=list)
    #: Counties, combined authorities and others that are listed beside the map by design.
    listed_beside: list[str] = field(default_factory=list)


def hex_coverage(session: Session) -> Coverage:
    """Compare the bundled hex layout with the registry's councils (by ``bodies.gss_code``)."""
    layout = load_hex_layout()
    ids = layout.ids
    bodies = list(session.scalars(select(Body).order_by(Body.code)))
    by_gss = {b.gss_code: b for b in bodies if b.gss_code}
    result = Coverage(hexes=len(ids), matched=sum(1 for i in ids if i in by_gss))
    result.hexes_without_body = sorted(i for i in ids if i not in by_gss)
    for body in bodies:
        if body.gss_code in ids or body.source != "mysociety-register":
            continue
        target = (
            result.listed_beside
            if body.body_type in UPPER_TIER_TYPES
            else result.bodies_without_hex
        )
        target.append(f"{body.code}: {body.name} ({body.gss_code or 'no GSS code'})")
    return result


def publish_demo(store: Store, out: Path | str = "site", *, today=None) -> SiteResult:
    """The main job's last step: load the bundled published record and disclosures and publish their site.

    Loads the registry, the disclosures and the published record (all idempotent), publishes every claim
    (no survey round) into ``out`` and returns the result; ``result.index`` is the page to open.
    """
    with store.session() as session:
        load_bundled_councils(session)
        report = load_disclosures(session)
        load_record(session)
        log.info(
            "disclosures: %s rows, %s claims, %s problems",
            report.rows,
            report.claims,
            len(report.problems),
        )
    options = PublishOptions(today=today, title="Known public disclosures of CCTV makers")
    return publish_site(store, ALL_CLAIMS, Path(out), options)
