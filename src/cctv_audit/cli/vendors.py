"""`cctv-audit vendors ...`: the manufacturer knowledge base."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from cctv_audit.cli.common import console, info, print_json, print_table, say_next_if_empty

vendors_app = typer.Typer(
    help="The sourced knowledge base of CCTV manufacturers.", no_args_is_help=True
)

JSON_OPTION = typer.Option(False, "--json", help="Print JSON.")


def _cite(sources: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{s['publisher']}, {s['title']} ({s['date']}, {s['grade']}) {s['url']}" for s in sources
    )


@vendors_app.command("list")
def list_cmd(
    kind: str = typer.Option(None, help="manufacturer, brand, component, vms or installer."),
    country: str = typer.Option(None, help="Two-letter country code, e.g. CN."),
    state_linked: bool = typer.Option(
        False, "--state-linked", help="Only makers with a sourced Chinese-state link."
    ),
    as_json: bool = JSON_OPTION,
) -> None:
    """List manufacturers with their real maker, state link and highest risk flag."""
    from cctv_audit.vendors import load_kb
    from cctv_audit.vendors.export import csv_rows

    rows = [
        r
        for r in csv_rows(load_kb())
        if (not kind or r["kind"] == kind)
        and (not country or r["country"] == country.upper())
        and (not state_linked or r["state_linked"])
    ]
    say_next_if_empty(
        rows, "no manufacturer matches these filters (`cctv-audit vendors list` shows all)"
    )
    if as_json:
        print_json(rows)
        return
    print_table(
        f"{len(rows)} manufacturers",
        ["id", "name", "kind", "country", "made by", "state-linked", "severity"],
        [
            (
                r["id"],
                r["name"],
                r["kind"],
                r["country"],
                r["made_by"],
                "yes" if r["state_linked"] else "",
                r["severity_label"],
            )
            for r in rows
        ],
    )


@vendors_app.command("show")
def show_cmd(
    ref: str = typer.Argument(..., help="Id, name or alias, e.g. hikvision or 'Hik Vision'."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Ownership, brands, measures and concerns of one maker, every line with its source."""
    from cctv_audit.vendors import load_kb
    from cctv_audit.vendors.export import manufacturer_record

    record = manufacturer_record(load_kb(), ref)
    if as_json:
        print_json(record)
        return
    made_by = f" - products made by {record['made_by']}" if record["made_by"] else ""
    console.print(
        f"[bold]{record['name']}[/bold] ({record['id']}, {record['kind']}, {record['country']}){made_by}"
    )
    console.print(
        f"{record['summary']}  State-linked: {'yes' if record['state_linked'] else 'no'}. Severity: {record['severity_label']}.",
        highlight=False,
    )
    _facts("Identity", [(f["text"], f["sources"]) for f in record["identity"]])
    _facts("Ownership", [(_stake(o), o["sources"]) for o in record["ownership"]])
    _facts(
        "Brands and rebadges",
        [(_rebadge(r), r["sources"]) for r in record["rebadges"]]
        + [
            (f"{b['name']} ({b['id']}): {b['relationship']}", b["sources"])
            for b in record["brands"]
        ],
    )
    _facts(
        "Measures",
        [
            (f"{m['date']} {m['title']} ({m['body']}): {m['effect']}", m["sources"])
            for m in record["measures"]
        ],
    )
    _facts(
        "Concerns",
        [
            (f"[{f['severity']}] {f['title']}: {f['reason']}", f["sources"])
            for f in record["concerns"]
        ],
    )


def _facts(title: str, rows: list[tuple[str, list[dict[str, Any]]]]) -> None:
    """A two-column table; sources fold instead of being cut, so URLs stay whole."""
    if not rows:
        return
    table = Table(title=title, show_lines=True)
    table.add_column("fact", ratio=1)
    table.add_column("source", ratio=1, overflow="fold")
    for text, sources in rows:
        table.add_row(text, _cite(sources))
    console.print(table)


def _stake(stake: dict[str, Any]) -> str:
    share = f" {stake['percent']:g}%" if stake.get("percent") is not None else ""
    state = " (state-owned)" if stake.get("state") else ""
    note = f" - {stake['note']}" if stake.get("note") else ""
    return f"{stake['owner']}{state}:{share} as of {stake.get('as_of', '?')}{note}"


def _rebadge(rebadge: dict[str, Any]) -> str:
    status = (
        "confirmed" if rebadge["confirmed"] else f"unconfirmed, {rebadge['grade']} sources only"
    )
    return (
        f"Products ({rebadge['scope']}) made by {rebadge['maker']} [{status}]: {rebadge['reason']}"
    )


@vendors_app.command("match")
def match_cmd(
    text: str = typer.Argument(..., help="Text, a model number or a MAC address."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Which manufacturer does this text, model number or MAC address name?"""
    from cctv_audit.vendors import display_name, match_any

    mentions = match_any(text)
    if as_json:
        print_json(
            [
                m.to_dict()
                | {"name": display_name(m.manufacturer_id), "maker": display_name(m.maker_id)}
                for m in mentions
            ]
        )
        return
    if not mentions:
        info("no manufacturer recognised")
        raise typer.Exit(1)
    print_table(
        f"{len(mentions)} mention(s)",
        ["text", "span", "matched as", "names", "made by", "rebadge source"],
        [
            (
                m.text,
                f"{m.start}-{m.end}",
                m.kind,
                display_name(m.manufacturer_id),
                display_name(m.maker_id),
                "\n".join(s.cite() for s in m.rebadge_sources),
            )
            for m in mentions
        ],
    )


@vendors_app.command("export")
def export_cmd(
    fmt: str = typer.Option(
        "json", "--format", "-f", help="json, csv or ftm (FollowTheMoney JSON lines)."
    ),
    output: Path = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    as_json: bool = typer.Option(False, "--json", help="Same as --format json."),
) -> None:
    """Export the whole knowledge base (FtM entities are validated by the followthemoney library)."""
    from cctv_audit.vendors import load_kb
    from cctv_audit.vendors.export import export

    data = export(load_kb(), "json" if as_json else fmt)
    if output is None:
        sys.stdout.write(data)
        return
    output.write_text(data, encoding="utf-8")
    info(f"wrote {output}")


def register(app: typer.Typer) -> None:
    app.add_typer(vendors_app, name="vendors")
