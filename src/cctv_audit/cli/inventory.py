"""`cctv-audit assets|respond|phaseout ...`: a public body's own inventory, FOI replies and phase-out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import typer

from cctv_audit.cli.common import console, get_store, print_json, print_table
from cctv_audit.errors import InputError

assets_app = typer.Typer(
    help="Your own camera inventory: asset registers and audit results.", no_args_is_help=True
)
respond_app = typer.Typer(help="Draft FOI replies from your inventory.", no_args_is_help=True)
phaseout_app = typer.Typer(help="The phase-out programme for flagged makers.", no_args_is_help=True)

BODY = typer.Option(
    ..., "--body", help="Your organisation: code, GSS code or name in the registry."
)


def _pairs(values: list[str], option: str) -> dict[str, str]:
    pairs = {}
    for value in values:
        key, sep, rest = value.partition("=")
        if not sep or not key.strip() or not rest.strip():
            raise InputError(f"{option} {value!r}: write it as KEY=VALUE")
        pairs[key.strip()] = rest.strip()
    return pairs


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"date {value!r} must be YYYY-MM-DD") from None


def _print_conflicts(prefix: str, conflicts: dict[int, list[str]]) -> None:
    for row, problems in conflicts.items():
        for problem in problems:
            console.print(f"  [yellow]{prefix}{row}[/yellow] {problem}", highlight=False)


@assets_app.command("import")
def import_cmd(
    file: Path = typer.Argument(..., help="Asset register, .csv or .xlsx."),
    body: str = BODY,
    map_: list[str] = typer.Option(
        [], "--map", help="Column wizard: FIELD=COLUMN, e.g. --map make=Manufacturer."
    ),
    sensitive: list[str] = typer.Option(
        [], "--sensitive-site", help="A site to treat as sensitive (repeatable)."
    ),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Import an asset register; makers are normalised through the knowledge base."""
    from cctv_audit.inventory import import_assets
    from cctv_audit.registry import get_body

    with get_store().session() as session:
        report = import_assets(
            session,
            get_body(session, body),
            file,
            mapping=_pairs(map_, "--map"),
            sensitive_sites=sensitive,
        )
    data = {
        "created": report.created,
        "updated": report.updated,
        "columns": report.mapping,
        "unidentified_rows": report.unidentified,
        "conflicts": {str(k): v for k, v in report.conflicts.items()},
    }
    if as_json:
        print_json(data)
        return
    console.print(
        f"{file}: {report.created} new, {report.updated} updated; columns: {report.mapping}"
    )
    _print_conflicts(f"{file}:", report.conflicts)
    if report.unidentified:
        console.print(f"  maker not identified on rows {', '.join(map(str, report.unidentified))}")


@assets_app.command("merge-audit")
def merge_cmd(
    body: str = BODY,
    run: int = typer.Option(None, "--run", help="Audit scan run id (default: the latest)."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Merge an audit scan's devices into the inventory (by serial, MAC, then IP)."""
    from cctv_audit.inventory import audited_devices, merge_audit
    from cctv_audit.registry import get_body

    with get_store().session() as session:
        report = merge_audit(session, get_body(session, body), audited_devices(session, run))
    data = {
        "matched": report.matched,
        "added": report.added,
        "conflicts": {str(k): v for k, v in report.conflicts.items()},
    }
    if as_json:
        print_json(data)
        return
    console.print(
        f"{report.matched} devices matched register rows, {report.added} added from the audit"
    )
    _print_conflicts("row ", report.conflicts)


@assets_app.command("list")
def list_cmd(body: str = BODY, as_json: bool = typer.Option(False, "--json")) -> None:
    """Your inventory by maker (cameras, recorders, flagged)."""
    from cctv_audit.inventory import summarise
    from cctv_audit.registry import get_body

    with get_store().session() as session:
        summary = summarise(session, get_body(session, body).id)
    rows: list[dict[str, Any]] = [
        {
            "maker": m.name,
            "cameras": m.cameras,
            "recorders": m.recorders,
            "flagged": m.flagged,
            "brands": m.brands,
        }
        for m in summary.makers
    ]
    if as_json:
        print_json({"makers": rows, "unidentified": summary.unidentified, "total": summary.total})
        return
    print_table(
        f"{summary.total} devices",
        ["maker", "cameras", "recorders", "flagged", "sold as"],
        [
            (
                r["maker"],
                r["cameras"],
                r["recorders"],
                "yes" if r["flagged"] else "",
                ", ".join(r["brands"]),
            )
            for r in rows
        ]
        + [("(not identified)", summary.unidentified, "", "", "")],
    )


@respond_app.command("draft")
def draft_cmd(
    request: str = typer.Option(
        ..., "--request", help="The request's reference (yours or the requester's)."
    ),
    body: str = BODY,
    out: Path = typer.Option(
        Path("foi-response"), "--out", help="Output path without extension: writes .docx and .pdf."
    ),
    withhold: list[str] = typer.Option(
        [],
        "--withhold",
        help="QUESTION=GROUND you chose, e.g. makers=s24 (FOIA) or makers=s31 (FOISA).",
    ),
    locations: bool = typer.Option(
        False, "--include-locations", help="Add counts by site (left out by default)."
    ),
) -> None:
    """Draft the reply from the inventory, as DOCX and PDF."""
    from cctv_audit.inventory import draft_response, write_docx, write_pdf
    from cctv_audit.registry import get_body

    with get_store().session() as session:
        draft = draft_response(
            session,
            get_body(session, body),
            reference=request,
            withhold=_pairs(withhold, "--withhold"),
            include_locations=locations,
        )
    docx = write_docx(draft, out.with_suffix(".docx"))
    pdf = write_pdf(draft, out.with_suffix(".pdf"))
    console.print(draft.text(), highlight=False)
    console.print(f"written {docx} and {pdf}")


@phaseout_app.command("plan")
def plan_cmd(body: str = BODY, as_json: bool = typer.Option(False, "--json")) -> None:
    """Flagged devices in replacement order, with the reasons for each priority."""
    from cctv_audit.inventory import plan
    from cctv_audit.registry import get_body

    with get_store().session() as session:
        items = plan(session, get_body(session, body).id)
    rows: list[dict[str, Any]] = [
        {
            "rank": i.rank,
            "asset_id": i.asset.id,
            "maker": i.maker,
            "model": i.asset.model_raw,
            "site": i.asset.site,
            "status": i.status,
            "status_on": i.status_on,
            "reasons": i.reasons,
        }
        for i in items
    ]
    if as_json:
        print_json(rows)
        return
    print_table(
        f"{len(rows)} flagged devices",
        ["#", "asset", "maker", "model", "site", "status", "why"],
        [
            (
                r["rank"],
                r["asset_id"],
                r["maker"],
                r["model"],
                r["site"],
                r["status"],
                "; ".join(r["reasons"]),
            )
            for r in rows
        ],
    )


@phaseout_app.command("set")
def set_cmd(
    asset_id: int = typer.Argument(..., help="Asset id (see `phaseout plan`)."),
    status: str = typer.Argument(..., help="to_replace, ordered, replaced or decommissioned."),
    on: str = typer.Option(None, "--on", help="Date of the change, YYYY-MM-DD (default: today)."),
    replacement: str = typer.Option(None, "--replacement-maker", help="Maker of the replacement."),
    note: str = typer.Option(None, "--note"),
) -> None:
    """Record a dated status change."""
    from cctv_audit.inventory import set_status

    with get_store().session() as session:
        event = set_status(
            session,
            asset_id,
            status,
            _date(on) or dt.date.today(),
            replacement_maker=replacement,
            note=note,
        )
    console.print(f"asset {asset_id}: {event.status} on {event.on}")


@phaseout_app.command("status")
def status_cmd(
    body: str = BODY,
    on: str = typer.Option(None, "--on"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """How many flagged devices are in each status, and the share dealt with."""
    from cctv_audit.inventory import status_on
    from cctv_audit.registry import get_body

    with get_store().session() as session:
        point = status_on(session, get_body(session, body).id, _date(on))
    data = {
        "on": point.on.isoformat(),
        "total": point.total,
        "done": point.done,
        "percent_done": point.percent_done,
        "counts": dict(point.counts),
    }
    if as_json:
        print_json(data)
        return
    print_table(
        f"Phase-out on {data['on']}: {point.done}/{point.total} done ({point.percent_done}%)",
        ["status", "devices"],
        list(point.counts.items()),
    )


@phaseout_app.command("report")
def report_cmd(
    body: str = BODY,
    out: Path = typer.Option(Path("phaseout-report"), "--out", help="Folder to write to."),
) -> None:
    """Write the programme report for a committee (HTML with chart, SVG, CSV)."""
    from cctv_audit.inventory import write_programme_report
    from cctv_audit.registry import get_body

    with get_store().session() as session:
        paths = write_programme_report(session, get_body(session, body), out)
    for path in paths:
        console.print(f"written {path}")


def register(app: typer.Typer) -> None:
    app.add_typer(assets_app, name="assets")
    app.add_typer(respond_app, name="respond")
    app.add_typer(phaseout_app, name="phaseout")
