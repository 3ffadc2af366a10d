"""`cctv-audit disclosures import | export | figures | show`: the published record, bundled and sourced.

`disclosures load` (cli/claims.py) loads the bundled record with the bundled disclosures.
"""

from __future__ import annotations

from pathlib import Path

import typer

from cctv_audit.cli.claims import disclosures_app
from cctv_audit.cli.common import console, err_console, get_store, info, print_json

STATE_LINKED_HELP = (
    "Only this maker (id or name); default: every state-linked maker the record names."
)


def print_load_report(report) -> None:  # findings.record.RecordReport
    grades = ", ".join(f"{n} {g}" for g, n in report.sources_by_grade.items() if n)
    console.print(
        f"Published record ({report.loaded_from}): {report.entries} claims read, {report.created} new, "
        f"{report.updated} updated. The record now holds {report.claims_in_record} claims about "
        f"{report.bodies_in_record} bodies from {sum(report.sources_by_grade.values())} sources ({grades}).",
        highlight=False,
    )


@disclosures_app.command("import")
def import_cmd(
    file: Path = typer.Argument(
        ..., help="A claims file, .csv or .yaml (format: docs/disclosures.md)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Add claims with their sources to the published record; errors name file, line and field."""
    from cctv_audit.findings import record, to_dict

    with get_store().session() as session:
        report = record.load_record(session, file)
    if as_json:
        print_json(to_dict(report))
        return
    print_load_report(report)
    info("See the figures: cctv-audit disclosures figures")


@disclosures_app.command("export")
def export_cmd(
    file: Path = typer.Argument(..., help="Where to write: .csv or .yaml."),
    fmt: str = typer.Option(None, "--format", help="csv or yaml (default: from the file name)."),
) -> None:
    """Write every claim of the record in the import format, to share and review additions."""
    from cctv_audit.findings import record

    with get_store().session() as session:
        count = record.export_record(session, file, fmt)
    console.print(f"{file}: {count} claims written", highlight=False)
    if not count:
        info("The record is empty: run `cctv-audit disclosures load` first.")


def _state_linked(maker_id: str) -> bool:
    from cctv_audit.errors import NotFound
    from cctv_audit.vendors import is_state_linked

    try:
        return is_state_linked(maker_id)
    except NotFound:  # unknown maker: not flagged
        return False


@disclosures_app.command("figures")
def figures_cmd(
    maker: str = typer.Option(None, "--maker", help=STATE_LINKED_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """What the published record shows: "at least N of 32 ... reported to use", with basis and rule."""
    from cctv_audit.findings import record, to_dict

    with get_store().session() as session:
        figures = record.record_figures(session, maker=maker)
    if not maker:
        figures = [f for f in figures if _state_linked(f.maker_id)]
    if as_json:
        print_json([to_dict(f) | {"basis": f.basis} for f in figures])
        return
    if not figures:
        err_console.print(
            "No published record loaded yet: run `cctv-audit disclosures load` "
            "(or add your own with `cctv-audit disclosures import FILE`)."
        )
        return
    for f in figures:
        console.print(f"[bold]{f.sentence}[/bold]  [dim]({f.key})[/dim]", highlight=False)
        console.print(f"    basis: {f.basis}", highlight=False)
    console.print(f"[dim]{record.FIGURE_RULE}[/dim]", highlight=False)
    info("Trace any figure: cctv-audit findings explain KEY (e.g. record:uses:hikvision:scotland)")


def print_body_record(rec) -> None:  # findings.record.BodyRecord
    """All sources about one body, side by side, contradictions marked."""
    title = f"{rec.body_name} ({rec.body_code})"
    if rec.members:
        title += f", answering for {', '.join(rec.members)}"
    if rec.contradictions:
        title += f" - sources disagree on {', '.join(rec.contradictions)}"
    console.print(f"[bold]{title}[/bold]", highlight=False)
    for c in rec.claims:
        counted = c.status if not c.status_reason else f"{c.status}: {c.status_reason}"
        count = f", {c.count} devices" if c.count is not None else ""
        exclusion = " (by exclusion)" if c.by_exclusion else ""
        console.print(
            f"- {c.maker_name}: {c.kind_label}{exclusion}, {c.scope_label}{count}, as of {c.as_of} "
            f"({counted})",
            highlight=False,
        )
        console.print(
            f"    {c.grade}: {c.publisher}, {c.published} {c.source_url}", highlight=False
        )
        if c.quote:
            console.print(f'    "{c.quote}"', highlight=False)


@disclosures_app.command("show")
def show_cmd(
    body: str = typer.Argument(..., help="Body id, code or name."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Everything the published record says about one body, every source side by side."""
    from cctv_audit import registry
    from cctv_audit.findings import record, to_dict

    with get_store().session() as session:
        found = registry.get_body(session, body)
        rec = record.body_record(session, found.id)
    if as_json:
        print_json(to_dict(rec))
        return
    if rec is None:
        err_console.print(
            f"The published record names {found.name} nowhere. Load it with "
            "`cctv-audit disclosures load`, or add a claim with `cctv-audit disclosures import FILE`."
        )
        return
    print_body_record(rec)
