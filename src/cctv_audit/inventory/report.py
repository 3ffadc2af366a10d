"""The programme report for a committee: HTML with the progress chart, plus CSV of the devices."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy.orm import Session

from cctv_audit import vendors
from cctv_audit.inventory.chart import LABELS, progress_svg
from cctv_audit.inventory.phaseout import STATUSES, plan, progress, status_on
from cctv_audit.registry.models import Body


@dataclass
class FlaggedMaker:
    name: str
    flags: list


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("cctv_audit.inventory", "templates"), autoescape=select_autoescape()
    )


def write_programme_report(
    session: Session, body: Body, out_dir: Path, today: dt.date | None = None
) -> list[Path]:
    """Write ``phaseout-report.html``, ``phaseout-progress.svg`` and ``phaseout-devices.csv`` to ``out_dir``."""
    today = today or dt.date.today()
    items = plan(session, body.id, today)
    points = progress(session, body.id, until=today)
    chart = progress_svg(points)
    makers = sorted({item.asset.maker_id or "" for item in items})  # flagged: each has a maker
    flagged = [FlaggedMaker(vendors.load_kb().get(m).name, vendors.assess(m).flags) for m in makers]
    html = (
        _environment()
        .get_template("phaseout_report.html.j2")
        .render(
            body=body,
            today=today,
            now=status_on(session, body.id, today),
            points=points,
            items=items,
            chart=chart,
            statuses=STATUSES,
            labels=LABELS,
            flagged=flagged,
        )
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [
        out_dir / "phaseout-report.html",
        out_dir / "phaseout-progress.svg",
        out_dir / "phaseout-devices.csv",
    ]
    paths[0].write_text(html, encoding="utf-8")
    paths[1].write_text(chart, encoding="utf-8")
    with paths[2].open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "rank",
                "asset_id",
                "maker",
                "model",
                "serial",
                "site",
                "status",
                "status_on",
                "reasons",
            ]
        )
        for item in items:
            writer.writerow(
                [
                    item.rank,
                    item.asset.id,
                    item.maker,
                    item.asset.model_raw or "",
                    item.asset.serial or "",
                    item.asset.site or "",
                    item.status,
                    item.status_on or "",
                    "; ".join(item.reasons),
                ]
            )
    return paths
