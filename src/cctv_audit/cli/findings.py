"""`cctv-audit findings [explain | trends]`: figures with their bases, per-body findings, trends.

The other findings command groups live beside this one: `review` (cli/review.py), `claims` and
`disclosures` (cli/claims.py); shared option parsing and formatting in cli/findings_support.py.
"""

from __future__ import annotations

import typer

from cctv_audit.cli.common import (
    NEXT_RECORD,
    console,
    err_console,
    get_store,
    info,
    print_json,
    print_table,
    say_next_if_empty,
)
from cctv_audit.cli.findings_support import (
    FLAGGED_HELP,
    SURVEY_HELP,
    TODAY_HELP,
    evidence_text,
    makers_text,
    parse_date,
    survey_id,
)

findings_app = typer.Typer(
    help="Figures with their bases, per-body findings, trends, explanations."
)


@findings_app.callback(invoke_without_command=True)
def findings_cmd(
    ctx: typer.Context,
    survey: str = typer.Option(None, "--survey", "-s", help=SURVEY_HELP),
    bodies: bool = typer.Option(False, "--bodies", help="One row per body instead of the figures."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    today: str = typer.Option(None, "--today", help=TODAY_HELP),
    flagged: str = typer.Option(None, "--flagged", help=FLAGGED_HELP),
) -> None:
    """Every figure of a survey round with its base ("at least 12 of 30 that named manufacturers")."""
    if ctx.invoked_subcommand is not None:
        return
    from cctv_audit import findings

    day = parse_date(today, "--today")
    with get_store().session() as session:
        round_id = survey_id(session, survey)
        if bodies:
            rows = findings.body_findings(session, round_id, today=day, flagged=flagged)
            say_next_if_empty(
                rows,
                f"no claim or disclosure on record yet; {NEXT_RECORD}"
                if round_id is None
                else f"no request in this round yet: `cctv-audit survey add-bodies {survey} --all` "
                "(or --nation, --type, --body)",
            )
            return _print_bodies(rows, as_json)
        stats = findings.statistics(session, round_id, today=day, flagged=flagged)
    if as_json:
        print_json(findings.to_dict(stats))
        return
    if round_id is None and not any(f.value for f in stats.figures if f.key == "bodies_on_record"):
        say_next_if_empty([], f"no claim or disclosure on record yet; {NEXT_RECORD}")
    title = f"{stats.survey_name or 'All claims'} (as of {stats.as_of.isoformat()})"
    print_table(
        title,
        ["key", "figure", "value", "base", "%"],
        [
            (
                f.key,
                f.label,
                ("at least " if f.at_least else "") + str(f.value),
                f.base_label or "",
                "" if f.percent is None else f"{f.percent:.1f}",
            )
            for f in stats.figures
        ],
    )
    for note in stats.notes:
        err_console.print(f"[dim]{note}[/dim]", highlight=False)
    info(
        "Trace any number: cctv-audit findings explain KEY"
        + (f" --survey {survey}" if survey else "")
    )


def _print_bodies(rows: list, as_json: bool) -> None:
    from cctv_audit.findings import to_dict

    if as_json:
        print_json(to_dict(rows))
        return
    print_table(
        f"{len(rows)} bodies",
        ["body", "nation", "status", "exemptions", "makers", "due"],
        [
            (
                f.body_name,
                f.nation,
                f.status,
                ", ".join(f.exemptions),
                makers_text(f.makers),
                f.due_on.isoformat() if f.due_on else "",
            )
            for f in rows
        ],
    )


@findings_app.command("explain")
def explain_cmd(
    key: str = typer.Argument(
        ..., help="Figure key from `cctv-audit findings`, e.g. uses:hikvision, refused."
    ),
    survey: str = typer.Option(None, "--survey", "-s", help=SURVEY_HELP),
    within: str = typer.Option(
        None,
        "--within",
        help="One breakdown row: nation:Wales, group:'London boroughs', region:..., body_type:...",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    today: str = typer.Option(None, "--today", help=TODAY_HELP),
    flagged: str = typer.Option(None, "--flagged", help=FLAGGED_HELP),
) -> None:
    """The bodies, claims and evidence behind one number, and who was left out of it and why."""
    from cctv_audit import findings
    from cctv_audit.findings import record

    if key.startswith("record:"):
        return _explain_record(key, as_json)
    day = parse_date(today, "--today")
    with get_store().session() as session:
        result = findings.explain(
            session, key, survey_id(session, survey), within=within, today=day, flagged=flagged
        )
        records = record.body_records(session)
    if as_json:
        print_json(findings.to_dict(result))
        return
    console.print(f"[bold]{result.figure.sentence}[/bold]", highlight=False)
    console.print(result.definition, highlight=False)
    rows = [
        (
            b.body_name,
            b.reason,
            f"{c.id[:10]} {c.polarity} {c.maker_name} {c.origin}"
            f"{'' if c.confirmed else ' (unconfirmed)'}",
            "; ".join(evidence_text(e) for e in c.evidence),
        )
        for b in result.counted
        for c in (b.claims or [])
    ]
    rows += [
        (b.body_name, b.reason, "", "; ".join(d.source_url for d in b.disclosures))
        for b in result.counted
        if not b.claims
    ]
    print_table(f"Counted ({len(result.counted)})", ["body", "why", "claim", "evidence"], rows)
    if result.not_counted:
        print_table(
            f"In the base, not counted ({len(result.not_counted)})",
            ["body", "why"],
            [(b.body_name, b.reason) for b in result.not_counted],
        )
    disagreeing = [
        records[b.body_id]
        for b in result.counted
        if b.body_id in records and records[b.body_id].contradictions
    ]
    if disagreeing:
        from cctv_audit.cli.record import print_body_record

        console.print(
            f"\n[bold]Sources disagree about {len(disagreeing)} of these bodies[/bold] "
            "(the published record, every source side by side):",
            highlight=False,
        )
        for rec in disagreeing:
            print_body_record(rec)
        console.print(f"[dim]{record.FIGURE_RULE}[/dim]", highlight=False)


def _explain_record(key: str, as_json: bool) -> None:
    """`findings explain record:...`: the bodies behind a figure of the published record."""
    from cctv_audit.cli.record import print_body_record
    from cctv_audit.findings import record, to_dict

    with get_store().session() as session:
        result = record.explain_record(session, key)
    if as_json:
        print_json(to_dict(result) | {"basis": result.figure.basis})
        return
    console.print(f"[bold]{result.figure.sentence}[/bold]", highlight=False)
    console.print(f"Basis: {result.figure.basis}", highlight=False)
    console.print(record.FIGURE_RULE, highlight=False)
    console.print(f"\n[bold]Counted ({len(result.counted)})[/bold]", highlight=False)
    for rec in result.counted:
        print_body_record(rec)
    if result.not_counted:
        console.print(
            f"\n[bold]Reported, not counted ({len(result.not_counted)})[/bold]", highlight=False
        )
        for rec in result.not_counted:
            print_body_record(rec)


@findings_app.command("trends")
def trends_cmd(
    survey: str = typer.Option(..., "--survey", "-s", help="The later round (id or slug)."),
    previous: str = typer.Option(
        None, "--previous", help="The earlier round (default: the one it repeats)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    flagged: str = typer.Option(None, "--flagged", help=FLAGGED_HELP),
) -> None:
    """Bodies that replaced flagged cameras, are newly confirmed, or still use them, between two rounds."""
    from cctv_audit import findings

    with get_store().session() as session:
        result = findings.trends(
            session, survey_id(session, survey), survey_id(session, previous), flagged=flagged
        )
    if as_json:
        print_json(findings.to_dict(result))
        return
    for name in ("replaced", "no_longer_named", "newly_confirmed", "still_using"):
        items = getattr(result, name)
        print_table(
            f"{name.replace('_', ' ')} ({len(items)})",
            ["body", "maker"],
            [(i.body_name, i.maker_id) for i in items],
        )


def register(app: typer.Typer) -> None:
    app.add_typer(findings_app, name="findings")
