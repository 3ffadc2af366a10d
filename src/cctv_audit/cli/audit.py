"""`cctv-audit audit ...`: scan an authorised network for cameras, import nmap scans, list and export."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import typer

from cctv_audit.cli.common import (
    STATE,
    console,
    err_console,
    fail,
    get_store,
    info,
    print_json,
    print_table,
)

audit_app = typer.Typer(
    help="Audit your own network: cameras, real makers (rebadges too), risks.", no_args_is_help=True
)

RISK_NAMES = {0: "", 1: "info", 2: "low", 3: "medium", 4: "high", 5: "critical"}


@audit_app.command("scan")
def scan_cmd(
    scope_file: Path = typer.Option(
        ..., "--scope", help="Scope YAML: organisation, authorised_by, networks, exclude."
    ),
    credentials: Path = typer.Option(
        None, help="YAML with a read-only device account (or CCTV_AUDIT_DEVICE_USER/PASSWORD)."
    ),
    rate: float = typer.Option(
        None, help="Connections + datagrams per second (overrides the scope file)."
    ),
    concurrency: int = typer.Option(None, help="Hosts probed at once (overrides the scope file)."),
    timeout: float = typer.Option(None, help="Seconds per connection (overrides the scope file)."),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Validate the scope and count targets; send nothing."
    ),
    claims: bool = typer.Option(
        False, "--claims", help="Also record findings claims for the scope's body."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the devices found as JSON."),
) -> None:
    """Scan the networks a scope file authorises and store what answers."""
    from cctv_audit import audit

    scope = audit.load_scope(scope_file)
    overrides = {
        k: v for k, v in {"rate": rate, "concurrency": concurrency, "timeout": timeout}.items() if v
    }
    if overrides:
        scope.scan = scope.scan.model_copy(update=overrides)
    total = audit.ScopeGuard(scope).count()
    info(
        f"scope: {scope.organisation}, authorised by {scope.authorised_by.name}; {total} addresses, "
        f"ports {', '.join(map(str, scope.scan.tcp_ports))}, {scope.scan.rate:g}/s"
    )
    if dry_run:
        console.print(f"{total} in-scope addresses; nothing sent (dry run)")
        return
    with _LiveProgress(total) as update:
        result = audit.scan(
            scope, credentials=audit.load_credentials(credentials), on_progress=update
        )
    with get_store().session() as session:
        run = audit.save_scan(session, result)
        rows = [audit.device_to_dict(d, run) for d in audit.list_devices(session, run.id)]
        recorded = audit.record_claims(session, run.id) if claims else []
        run_id = run.id
    _report(rows, run_id, result, as_json, len(recorded))


def _report(
    rows: list[dict[str, Any]], run_id: int, result: Any, as_json: bool, claims: int
) -> None:
    if as_json:
        print_json(rows)
    else:
        _devices_table(rows, f"scan run {run_id}: {len(rows)} devices")
        _makers_table(rows)
    info(
        f"{result.probed} addresses probed, {len(result.hosts)} answered, {len(rows)} cameras/recorders; "
        f"stored as scan run {run_id}" + (f"; {claims} claims recorded" if claims else "")
    )
    retried = getattr(result, "retried", [])
    if retried:
        unanswered = getattr(result, "unanswered", [])
        info(
            f"{len(retried)} host(s) probed again after timeouts"
            + (
                f"; still no answer from {len(unanswered)}: raise --timeout or lower --concurrency"
                if unanswered
                else ""
            )
        )
    if result.refused:
        info(
            f"[yellow]refused {len(set(result.refused))} out-of-scope target(s):[/yellow] {', '.join(sorted(set(result.refused)))}"
        )


class _LiveProgress:
    """A live display on stderr: addresses probed, and devices found so far per maker."""

    def __init__(self, total: int):
        self.total = total

    def __enter__(self):
        if STATE.quiet:
            return lambda progress: None
        from rich.console import Group
        from rich.live import Live
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )
        from rich.text import Text

        self.bar = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )
        self.task = self.bar.add_task("probing", total=self.total)
        self.line = Text("no devices yet")
        self.live = Live(
            Group(self.bar, self.line), console=err_console, refresh_per_second=8, transient=False
        )
        self.live.__enter__()

        def update(progress) -> None:
            # The phase names what the scan waits on once every address is probed (retries,
            # late discovery replies, follow-ups), so a long scan never looks stuck.
            self.bar.update(
                self.task,
                completed=progress.probed,
                description=getattr(progress, "phase", "probing"),
            )
            found = ", ".join(f"{maker} {n}" for maker, n in progress.devices.most_common())
            self.line.plain = f"devices: {found}" if found else "no devices yet"

        return update

    def __exit__(self, *exc: object) -> None:
        if not STATE.quiet:
            self.live.__exit__(*exc)


def _devices_table(rows: list[dict[str, Any]], title: str) -> None:
    print_table(
        title,
        ["ip", "kind", "maker", "brand shown", "model", "firmware", "conf.", "risk", "flags"],
        [
            (
                r["ip"],
                r["kind"],
                r["manufacturer"] or "unidentified",
                (r["brand"] or "") + (" (rebadged)" if r["rebadged"] else ""),
                r["model"],
                r["firmware"],
                f"{r['confidence']:.2f}",
                RISK_NAMES.get(r["risk_level"], r["risk_level"]),
                _flags(r["risks"]),
            )
            for r in rows
        ],
    )


def _flags(risks: list[dict[str, Any]]) -> str:
    """Risk codes, the knowledge base's maker flags folded into one count (details: --json or export)."""
    maker = [r for r in risks if r["code"].startswith("maker:")]
    other = [r["code"] for r in risks if not r["code"].startswith("maker:")]
    return ", ".join(([f"flagged maker ({len(maker)})"] if maker else []) + other)


def _makers_table(rows: list[dict[str, Any]]) -> None:
    counts = Counter(r["manufacturer"] or "unidentified" for r in rows)
    rebadged = Counter(r["manufacturer"] for r in rows if r["rebadged"])
    print_table(
        "Devices by real maker",
        ["maker", "devices", "of which rebadged"],
        [(m, n, rebadged.get(m, 0)) for m, n in counts.most_common()],
    )


@audit_app.command("import-nmap")
def import_nmap_cmd(
    file: Path = typer.Argument(..., help="nmap XML output (nmap -sV -oX FILE)."),
    scope_file: Path = typer.Option(None, "--scope", help="Keep only hosts inside this scope."),
    organisation: str = typer.Option(None, help="Organisation audited (when no scope file)."),
    body: str = typer.Option(None, help="Registry code of the body (when no scope file)."),
    as_json: bool = typer.Option(False, "--json", help="Print the devices found as JSON."),
) -> None:
    """Import an nmap XML scan: its services are identified with the same rules as a live scan."""
    from cctv_audit import audit

    scope = audit.load_scope(scope_file) if scope_file else None
    result = audit.import_nmap_xml(file, scope=scope, organisation=organisation, body=body)
    with get_store().session() as session:
        run = audit.save_scan(session, result)
        rows = [audit.device_to_dict(d, run) for d in audit.list_devices(session, run.id)]
        run_id = run.id
    _report(rows, run_id, result, as_json, 0)


@audit_app.command("devices")
def devices_cmd(
    run: int = typer.Option(None, help="Scan run id (default: the latest)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List the cameras and recorders of a scan run, riskiest first."""
    from cctv_audit import audit

    with get_store().session() as session:
        scan_run = audit.get_run(session, run)
        rows = [audit.device_to_dict(d, scan_run) for d in audit.list_devices(session, scan_run.id)]
    if as_json:
        print_json(rows)
        return
    _devices_table(rows, f"scan run {scan_run.id}: {len(rows)} devices")


@audit_app.command("export")
def export_cmd(
    fmt: str = typer.Option("csv", "--format", help="csv, xlsx or json."),
    output: Path = typer.Option(
        None, "--output", "-o", help="File to write (default: stdout for csv/json)."
    ),
    run: int = typer.Option(None, help="Scan run id (default: the latest)."),
) -> None:
    """Export the devices of a scan run (one row per device, risks and deciding signals included)."""
    import sys

    from cctv_audit import audit

    if fmt == "xlsx" and output is None:
        raise fail("xlsx needs --output FILE")
    with get_store().session() as session:
        data = audit.export_devices(session, fmt, output, run)
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        info(f"wrote {output}")


@audit_app.command("claims")
def claims_cmd(
    run: int = typer.Option(None, help="Scan run id (default: the latest)."),
    body: str = typer.Option(
        None, help="Registry code or name of the body (default: the scope's body)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Record findings claims "body uses maker M (N devices) as observed" from a scan run."""
    from cctv_audit import audit

    with get_store().session() as session:
        claims = audit.record_claims(session, run, body)
        rows = [
            {
                "claim": c.id,
                "maker": c.maker_id,
                "devices": c.device_count,
                "as_of": str(c.as_of),
                "wording": c.original_wording,
            }
            for c in claims
        ]
    if as_json:
        print_json(rows)
        return
    print_table(
        f"{len(rows)} claims recorded",
        ["maker", "devices", "as of", "claim"],
        [(r["maker"], r["devices"], r["as_of"], r["claim"]) for r in rows],
    )


def register(app: typer.Typer) -> None:
    app.add_typer(audit_app, name="audit")
