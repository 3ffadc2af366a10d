"""`cctv-audit claims add | sync | list` and `cctv-audit disclosures load | list`: claims with evidence."""

from __future__ import annotations

from pathlib import Path

import typer

from cctv_audit.cli.common import (
    NEXT_INGEST,
    NEXT_RECORD,
    console,
    err_console,
    get_store,
    print_json,
    print_table,
    say_next_if_empty,
)
from cctv_audit.cli.findings_support import (
    default_reviewer,
    evidence_text,
    required_date,
    survey_id,
)

claims_app = typer.Typer(
    help="Claims with evidence: list them, add one from a published source.", no_args_is_help=True
)
disclosures_app = typer.Typer(
    help="The published record (claims of published sources, graded) and known public disclosures.",
    no_args_is_help=True,
)


@claims_app.command("add")
def claims_add(
    body: str = typer.Option(..., "--body", help="Body id, code (EDH) or name."),
    maker: str = typer.Option(..., "--maker", help="Manufacturer or brand as the source names it."),
    url: str = typer.Option(
        ..., "--url", help="Where it was published (minutes, news report, disclosure log)."
    ),
    date: str = typer.Option(..., "--date", help="Date the source states it (YYYY-MM-DD)."),
    count: int = typer.Option(None, "--count", min=0, help="Number of devices, if stated."),
    does_not_use: bool = typer.Option(
        False, "--does-not-use", help="The source says the body does NOT use it."
    ),
    title: str = typer.Option(None, "--title", help="Title of the source."),
    quote: str = typer.Option(None, "--quote", help="The words of the source."),
    survey: str = typer.Option(None, "--survey", "-s", help="Attach to this survey round."),
    by: str = typer.Option(
        None, "--by", help="Who records it (default: $CCTV_AUDIT_REVIEWER or login)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Record a claim from a published source, with its URL and date."""
    from cctv_audit import findings, registry

    with get_store().session() as session:
        claim = findings.add_manual_claim(
            session,
            body_id=registry.get_body(session, body).id,
            manufacturer=maker,
            url=url,
            as_of=required_date(date, "--date"),
            polarity="does_not_use" if does_not_use else "uses",
            device_count=count,
            title=title,
            quote=quote,
            survey_id=survey_id(session, survey),
            recorded_by=by or default_reviewer(),
        )
        view = findings.claim_view(claim)
    if as_json:
        print_json(findings.to_dict(view))
        return
    console.print(
        f"claim {view.id}: {view.body_name} {view.polarity} {view.maker_name} ({view.origin})",
        highlight=False,
    )


@claims_app.command("sync")
def claims_sync(
    survey: str = typer.Option(
        None, "--survey", "-s", help="Only replies to this round's requests."
    ),
) -> None:
    """Derive the claims of every read reply again from its saved answer (safe to re-run)."""
    from cctv_audit import intake

    with get_store().session() as session:
        done = intake.rederive(session, survey_id=survey_id(session, survey))
    console.print(f"claims derived from {done} answers")
    if not done:
        say_next_if_empty(
            [], f"no reply has been read yet; {NEXT_INGEST}, then `cctv-audit answers run`"
        )


@claims_app.command("list")
def claims_list(
    body: str = typer.Option(None, "--body", help="Body id, code or name."),
    maker: str = typer.Option(None, "--maker", help="Maker (any name, alias or brand)."),
    origin: str = typer.Option(
        None, "--origin", help="extraction, review, audit, manual or published."
    ),
    survey: str = typer.Option(None, "--survey", "-s", help="Only claims tied to this round."),
    include_all: bool = typer.Option(
        False, "--all", help="Include superseded and rejected claims."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Claims with their evidence."""
    from cctv_audit import findings, registry

    with get_store().session() as session:
        body_id = registry.get_body(session, body).id if body else None
        claims = findings.list_claims(
            session,
            body_id=body_id,
            maker=maker,
            origin=origin,
            survey_id=survey_id(session, survey),
            include_inactive=include_all,
        )
        views = [findings.claim_view(c) for c in claims]
    filtered = any(v is not None for v in (body, maker, origin, survey)) or include_all
    say_next_if_empty(
        views,
        "no claim matches these filters (`cctv-audit claims list` shows every active claim)"
        if filtered
        else f"no claims yet: {NEXT_RECORD}, or add one with `cctv-audit claims add --help`",
    )
    if as_json:
        print_json(findings.to_dict(views))
        return
    _print_claims(views)


def _print_claims(views: list) -> None:
    print_table(
        f"{len(views)} claims",
        ["id", "body", "claim", "count", "as of", "origin", "confirmed", "status", "evidence"],
        [
            (
                v.id[:10],
                v.body_name,
                f"{v.polarity} {v.maker_name}",
                v.device_count,
                v.as_of.isoformat() if v.as_of else "",
                v.origin,
                "yes" if v.confirmed else "no",
                v.status,
                "; ".join(evidence_text(e) for e in v.evidence),
            )
            for v in views
        ],
    )


@disclosures_app.command("load")
def disclosures_load(
    csv: Path = typer.Argument(None, help="A CSV of your own (same columns as the bundled file)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Load the bundled published record and known public disclosures (or your disclosures CSV): makers
    as claims of origin "published", every row (refusals, not held, answers naming no maker too) as the
    body's published outcome. Claims in the record format: `cctv-audit disclosures import FILE`."""
    from cctv_audit import findings
    from cctv_audit.findings import record

    with get_store().session() as session:
        report = findings.load_disclosures(session, csv)
        loaded = record.load_record(session) if csv is None else None
    if as_json:
        print_json(
            findings.to_dict(report) | ({"record": findings.to_dict(loaded)} if loaded else {})
        )
        return
    if loaded is not None:
        from cctv_audit.cli.record import print_load_report

        print_load_report(loaded)
    console.print(
        f"{csv or 'bundled disclosures'}: {report.rows} rows, {report.claims} claims, "
        f"{report.bodies_created} bodies created, {len(report.without_claims)} rows with no maker stated "
        "(kept as the body's published outcome)",
        highlight=False,
    )
    for problem in report.problems:
        err_console.print(f"[yellow]{problem}[/yellow]", highlight=False)


@disclosures_app.command("list")
def disclosures_list(
    body: str = typer.Option(None, "--body", help="Body id, code or name."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Loaded disclosures: outcome, exemptions, makers named and source URL of each."""
    from cctv_audit import findings, registry

    with get_store().session() as session:
        body_id = registry.get_body(session, body).id if body else None
        rows = findings.list_disclosures(session, body_id=body_id)
        names = {b.id: b.name for b in session.scalars(_bodies_query({r.body_id for r in rows}))}
    if as_json:
        print_json(findings.to_dict(rows))
        return
    if not rows:
        err_console.print(
            "No disclosures loaded: run `cctv-audit disclosures load` (the bundled published "
            "record and disclosures), or `cctv-audit disclosures import FILE` for your own."
        )
    print_table(
        f"{len(rows)} disclosures",
        ["body", "date", "outcome", "exemptions", "makers", "source"],
        [
            (
                names.get(r.body_id, r.body_id),
                r.disclosed_on.isoformat() if r.disclosed_on else "",
                r.outcome,
                ", ".join(r.exemptions),
                ", ".join(r.makers_in_use + [f"not {m}" for m in r.makers_denied]) or "none named",
                r.source_url,
            )
            for r in rows
        ],
    )


def _bodies_query(ids: set[int]):  # a select()
    from sqlalchemy import select

    from cctv_audit.registry import Body

    return select(Body).where(Body.id.in_(sorted(ids)))


def register(app: typer.Typer) -> None:
    app.add_typer(claims_app, name="claims")
    app.add_typer(disclosures_app, name="disclosures")
