"""`cctv-audit findings | review | claims | disclosures`: claims with evidence and honest statistics."""

from __future__ import annotations

import datetime as dt
import getpass
import os
from pathlib import Path
from typing import Any

import typer

from cctv_audit.cli.common import console, err_console, get_store, info, print_json, print_table

findings_app = typer.Typer(
    help="Figures with their bases, per-body findings, trends, explanations."
)
review_app = typer.Typer(
    help="Review extracted answers: accept, correct or reject each field.", no_args_is_help=True
)
claims_app = typer.Typer(
    help="Claims with evidence: list them, add one from a published source.", no_args_is_help=True
)
disclosures_app = typer.Typer(
    help="Known public disclosures (published FOI replies) as claims.", no_args_is_help=True
)

SURVEY_HELP = "Survey round (id or slug); without it, every claim from any source."
TODAY_HELP = "Judge overdue requests as of this date (YYYY-MM-DD) [default: today]."


def _date(value: str | None, option: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date like 2026-03-01", param_hint=option
        ) from None


def _survey_id(session, ref: str | None) -> int | None:  # noqa: ANN001 - Session
    from cctv_audit.findings import get_survey

    return None if ref is None else get_survey(session, ref).id


def _default_reviewer() -> str:
    return os.environ.get("CCTV_AUDIT_REVIEWER") or getpass.getuser()


@findings_app.callback(invoke_without_command=True)
def findings_cmd(
    ctx: typer.Context,
    survey: str = typer.Option(None, "--survey", "-s", help=SURVEY_HELP),
    bodies: bool = typer.Option(False, "--bodies", help="One row per body instead of the figures."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    today: str = typer.Option(None, "--today", help=TODAY_HELP),
) -> None:
    """Every figure of a survey round with its base ("at least 12 of 30 that named manufacturers")."""
    if ctx.invoked_subcommand is not None:
        return
    from cctv_audit import findings

    with get_store().session() as session:
        survey_id = _survey_id(session, survey)
        if bodies:
            rows = findings.body_findings(session, survey_id, today=_date(today, "--today"))
            return _print_bodies(rows, as_json)
        stats = findings.statistics(session, survey_id, today=_date(today, "--today"))
    if as_json:
        print_json(findings.to_dict(stats))
        return
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
                _makers_text(f.makers),
                f.due_on.isoformat() if f.due_on else "",
            )
            for f in rows
        ],
    )


def _makers_text(makers: list) -> str:
    parts = []
    for m in makers:
        count = f" ({m.device_count})" if m.device_count is not None else ""
        mark = "" if m.confirmed else "?"
        verb = {"uses": "", "does_not_use": "no ", "conflict": "conflict "}[m.polarity]
        flag = " !" if m.state_linked or m.risk_severity >= 3 else ""
        parts.append(f"{verb}{m.name}{count}{mark}{flag}")
    return ", ".join(parts)


def _evidence_text(e) -> str:  # noqa: ANN001 - EvidenceView
    if e.kind == "document":
        where = f"[{e.start}:{e.end}]" if e.start is not None else "(whole document)"
        quote = f' "{e.quote}"' if e.quote else ""
        return f"document {e.document_id} {where}{quote}"
    if e.kind == "observation":
        return f"{e.observation_kind or 'observation'} {e.observation_id}" + (
            f' "{e.quote}"' if e.quote else ""
        )
    return e.url + (f" ({e.published_on.isoformat()})" if e.published_on else "")


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
) -> None:
    """The bodies, claims and evidence behind one number, and who was left out of it and why."""
    from cctv_audit import findings

    with get_store().session() as session:
        result = findings.explain(
            session, key, _survey_id(session, survey), within=within, today=_date(today, "--today")
        )
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
            "; ".join(_evidence_text(e) for e in c.evidence),
        )
        for b in result.counted
        for c in (b.claims or [None])
        if c is not None
    ]
    rows += [(b.body_name, b.reason, "", "") for b in result.counted if not b.claims]
    print_table(f"Counted ({len(result.counted)})", ["body", "why", "claim", "evidence"], rows)
    if result.not_counted:
        print_table(
            f"In the base, not counted ({len(result.not_counted)})",
            ["body", "why"],
            [(b.body_name, b.reason) for b in result.not_counted],
        )


@findings_app.command("trends")
def trends_cmd(
    survey: str = typer.Option(..., "--survey", "-s", help="The later round (id or slug)."),
    previous: str = typer.Option(
        None, "--previous", help="The earlier round [default: the one it repeats]."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Bodies that replaced flagged cameras, are newly confirmed, or still use them, between two rounds."""
    from cctv_audit import findings

    with get_store().session() as session:
        result = findings.trends(
            session, _survey_id(session, survey), _survey_id(session, previous)
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


# --- review ------------------------------------------------------------------------------

_KEYS = {"a": "accept", "c": "correct", "r": "reject", "s": "skip", "q": "quit"}


def _show_value(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items()) or "(none)"
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "(none)"
    return "(none)" if value is None else str(value)


def _flat(text: str) -> str:
    return " ".join((text or "").split())


def _show_field(item, state) -> None:  # noqa: ANN001 - ReviewItem, FieldState
    confidence = "" if state.confidence is None else f"  confidence {state.confidence:.2f}"
    console.print(
        f"\n[bold]{state.field}[/bold]: {_show_value(state.value)}{confidence}", highlight=False
    )
    for span in state.evidence or []:
        console.print(
            f"  [dim]...{_flat(span.get('before', ''))[-120:]}[/dim] [reverse]{_flat(span.get('quote') or '')}"
            f"[/reverse] [dim]{_flat(span.get('after', ''))[:120]}...[/dim]",
            highlight=False,
        )
    if not state.evidence:
        console.print(
            f"  [yellow]no passage quoted[/yellow]; the reply (document {item.document_id}) begins:",
            highlight=False,
        )
        console.print(f"  [dim]{_flat(item.excerpt)[:400]}[/dim]", highlight=False)


@review_app.command("next")
def review_next(
    survey: str = typer.Option(
        None, "--survey", "-s", help="Only answers to this round's requests."
    ),
    reviewer: str = typer.Option(
        None, "--reviewer", help="Your name [default: $CCTV_AUDIT_REVIEWER or login]."
    ),
) -> None:
    """Review answers in the terminal, lowest confidence first: a accept, c correct, r reject, s skip, q quit."""
    from cctv_audit import findings

    reviewer = reviewer or _default_reviewer()
    store = get_store()
    with store.session() as session:
        queue = findings.review_queue(session, survey_id=_survey_id(session, survey), limit=None)
    if not queue:
        console.print("Nothing to review.")
        return
    for item in queue:
        console.rule(
            f"answer {item.answer_id} - {item.body_name or 'unmatched'} - "
            f"min confidence {item.min_confidence:.2f}{' - flagged' if item.needs_review else ''}"
        )
        for reason in item.review_reasons:
            console.print(f"[yellow]why: {reason}[/yellow]", highlight=False)
        for state in item.fields:
            if state.review != "extracted" or (state.field != "outcome" and not state.value):
                continue
            _show_field(item, state)
            if _review_one(store, item.answer_id, state.field, reviewer) == "quit":
                return


def _review_one(store, answer_id: int, field: str, reviewer: str) -> str:  # noqa: ANN001 - Store
    from cctv_audit import findings

    key = typer.prompt("[a]ccept [c]orrect [r]eject [s]kip [q]uit", default="s").strip().lower()[:1]
    action = _KEYS.get(key, "skip")
    if action in ("skip", "quit"):
        return action
    after = None
    if action == "correct":
        after = findings.parse_field_value(field, typer.prompt("new value", default=""))
    reason = typer.prompt("reason", default="" if action == "accept" else None) or None
    with store.session() as session:
        version = findings.review_field(
            session, answer_id, field, action, after=after, reason=reason, reviewer=reviewer
        )
    console.print(
        f"  saved {field} v{version.version}: {version.action} -> {_show_value(version.after)}",
        highlight=False,
    )
    return action


@review_app.command("list")
def review_list(
    survey: str = typer.Option(
        None, "--survey", "-s", help="Only answers to this round's requests."
    ),
    include_all: bool = typer.Option(False, "--all", help="Include answers already reviewed."),
    limit: int = typer.Option(100, help="At most this many answers."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Answers awaiting review, lowest confidence first."""
    from cctv_audit import findings

    with get_store().session() as session:
        items = findings.review_queue(
            session,
            survey_id=_survey_id(session, survey),
            include_reviewed=include_all,
            limit=limit,
        )
    if as_json:
        print_json(findings.to_dict(items))
        return
    print_table(
        f"{len(items)} answers",
        ["answer", "body", "confidence", "flagged", "outcome", "in use", "reviewed"],
        [
            (
                i.answer_id,
                i.body_name,
                f"{i.min_confidence:.2f}",
                "yes" if i.needs_review else "",
                _show_value(i.fields[0].value),
                _show_value(i.fields[2].value),
                ", ".join(f"{s.field}:{s.review}" for s in i.fields if s.review != "extracted"),
            )
            for i in items
        ],
    )


@review_app.command("field")
def review_field_cmd(
    answer_id: int = typer.Argument(..., help="Answer id (from `review list`)."),
    field: str = typer.Argument(
        ..., help="outcome, exemptions, in_use, denied, counts or total_cameras."
    ),
    action: str = typer.Argument(..., help="accept, correct or reject."),
    value: str = typer.Option(
        None, "--value", help="New value for correct: 'Hikvision, Axis', 'Hikvision=12'."
    ),
    reason: str = typer.Option(None, "--reason", help="Why (required to correct)."),
    reviewer: str = typer.Option(
        None, "--reviewer", help="Your name [default: $CCTV_AUDIT_REVIEWER or login]."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Review one field without prompts (for scripts)."""
    from cctv_audit import findings

    after = (
        findings.parse_field_value(field, value)
        if action == "correct" and value is not None
        else None
    )
    with get_store().session() as session:
        version = findings.review_field(
            session,
            answer_id,
            field,
            action,
            after=after,
            reason=reason,
            reviewer=reviewer or _default_reviewer(),
        )
    if as_json:
        print_json(findings.to_dict(version))
        return
    console.print(
        f"answer {answer_id} {field} v{version.version}: {version.action}, "
        f"{_show_value(version.before)} -> {_show_value(version.after)}",
        highlight=False,
    )


# --- claims and disclosures ---------------------------------------------------------------


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
        None, "--by", help="Who records it [default: $CCTV_AUDIT_REVIEWER or login]."
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
            as_of=_date(date, "--date"),
            polarity="does_not_use" if does_not_use else "uses",
            device_count=count,
            title=title,
            quote=quote,
            survey_id=_survey_id(session, survey),
            recorded_by=by or _default_reviewer(),
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
    """Derive claims from every extracted answer (after `extract`; safe to re-run)."""
    from cctv_audit import findings

    with get_store().session() as session:
        done = findings.sync_claims(session, survey_id=_survey_id(session, survey))
    console.print(f"claims derived from {done} answers")


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
            survey_id=_survey_id(session, survey),
            include_inactive=include_all,
        )
        views = [findings.claim_view(c) for c in claims]
    if as_json:
        print_json(findings.to_dict(views))
        return
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
                "; ".join(_evidence_text(e) for e in v.evidence),
            )
            for v in views
        ],
    )


@disclosures_app.command("load")
def disclosures_load(
    csv: Path = typer.Argument(None, help="A CSV of your own (same columns as the bundled file)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Load the bundled known public disclosures (or your CSV) as claims of origin "published"."""
    from cctv_audit import findings

    with get_store().session() as session:
        report = findings.load_disclosures(session, csv)
    if as_json:
        print_json(findings.to_dict(report))
        return
    console.print(
        f"{csv or 'bundled disclosures'}: {report.rows} rows, {report.claims} claims, "
        f"{report.bodies_created} bodies created, {len(report.without_claims)} rows with no maker stated",
        highlight=False,
    )
    for problem in report.problems:
        err_console.print(f"[yellow]{problem}[/yellow]", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(findings_app, name="findings")
    app.add_typer(review_app, name="review")
    app.add_typer(claims_app, name="claims")
    app.add_typer(disclosures_app, name="disclosures")
