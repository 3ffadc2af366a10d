"""`cctv-audit bodies ...` and `cctv-audit init`: the public-body registry."""

from __future__ import annotations

from pathlib import Path

import typer

from cctv_audit import registry
from cctv_audit.cli.common import (
    console,
    fail,
    get_store,
    info,
    print_json,
    print_table,
    say_next_if_empty,
)

bodies_app = typer.Typer(help="The registry of public bodies.", no_args_is_help=True)


@bodies_app.command("list")
def list_cmd(
    nation: str = typer.Option(None, help="England, Scotland, Wales or Northern Ireland."),
    region: str = typer.Option(None, help="Region, e.g. London, 'North West'."),
    body_type: str = typer.Option(None, "--type", help="Type code (LBO, SCO, NMD...) or name."),
    search: str = typer.Option(
        None, help="Text in the name, short name, code or alternative names."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List public bodies, filtered."""
    with get_store().session() as session:
        bodies = registry.list_bodies(
            session, nation=nation, region=region, body_type=body_type, search=search
        )
        say_next_if_empty(
            bodies,
            "no body matches these filters (`cctv-audit bodies list` shows all; "
            "`cctv-audit bodies import FILE` adds bodies)",
        )
        if as_json:
            print_json([registry.body_to_dict(b) for b in bodies])
            return
        print_table(
            f"{len(bodies)} bodies",
            ["code", "name", "nation", "type", "law"],
            [(b.code, b.name, b.nation, b.body_type_name, b.regime) for b in bodies],
        )


@bodies_app.command("show")
def show_cmd(
    ref: str = typer.Argument(..., help="Id, code (e.g. EDH), GSS code or a name."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show one public body."""
    with get_store().session() as session:
        data = registry.body_to_dict(registry.get_body(session, ref))
    if as_json:
        print_json(data)
        return
    print_table(data["name"], ["field", "value"], [(k, _fmt(v)) for k, v in data.items()])


def _fmt(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return "" if value is None else str(value)


@bodies_app.command("import")
def import_cmd(
    file: Path = typer.Argument(
        ...,
        help="CSV with columns name, nation, body_type (and optional ones), or code plus the columns to change.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Import or update bodies from CSV; bad rows are reported by line, good rows load."""
    with get_store().session() as session:
        result = registry.import_bodies_csv(session, file)
    if as_json:
        print_json(
            {
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "problems": [{"line": p.line, "reason": p.reason} for p in result.problems],
            }
        )
    else:
        console.print(
            f"{file}: {result.created} new, {result.updated} updated, "
            f"{result.unchanged} unchanged, {len(result.problems)} rejected"
        )
        for problem in result.problems:
            console.print(
                f"  [yellow]{file}:{problem.line}[/yellow] {problem.reason}", highlight=False
            )
    if result.problems and not result.loaded:
        raise fail(f"{file}: no row could be imported")


def init_registry() -> None:
    """Migrate the database and load the bundled councils, with a summary on screen."""
    store = get_store()
    with store.session() as session:
        result = registry.load_bundled_councils(session)
        counts = registry.summary(session)
    info(f"database: {store.display_url}")
    console.print(
        f"Registry: {result.loaded} current UK councils ({result.created} new, {result.updated} updated) "
        f"- {registry.ATTRIBUTION}"
    )
    print_table(
        "Bodies by nation",
        ["nation", "bodies", "law"],
        [(n, counts["nation"][n], registry.regime_for_nation(n)) for n in registry.NATIONS],
    )
    print_table(
        "Bodies by type", ["type", "bodies"], sorted(counts["type"].items(), key=lambda kv: -kv[1])
    )


def register(app: typer.Typer) -> None:
    app.add_typer(bodies_app, name="bodies")
    app.command("init", help="Create or upgrade the database and load the bundled registry.")(
        init_registry
    )
