"""`cctv-audit foi|survey|requests|replies|outbox ...`: FOI surveys, deadlines, sending, replies, chasers."""

from __future__ import annotations

import datetime as dt
import getpass
from pathlib import Path
from typing import Any

import typer

from cctv_audit.cli.common import (
    NEXT_INGEST,
    console,
    get_store,
    info,
    print_json,
    print_table,
    say_next_if_empty,
)

foi_app = typer.Typer(help="FOI law helpers: statutory deadlines.", no_args_is_help=True)
survey_app = typer.Typer(
    help="FOI surveys: one set of questions to many bodies.", no_args_is_help=True
)
requests_app = typer.Typer(
    help="Single FOI requests: show, change state, review, appeal.", no_args_is_help=True
)
replies_app = typer.Typer(
    help="Replies: match to requests, the unmatched queue, confirm states.", no_args_is_help=True
)
outbox_app = typer.Typer(help="The outbox of emails to send.", no_args_is_help=True)

JSON = typer.Option(False, "--json", help="Print JSON.")
MAIL_CONFIG = typer.Option(
    None,
    "--mail-config",
    envvar="CCTV_AUDIT_MAIL_CONFIG",
    help="YAML file with SMTP (and IMAP) settings; see docs/foi.md.",
)
TODAY = typer.Option(None, "--today", help="Compute as of this date (YYYY-MM-DD) (default: today).")


def _actor(by: str | None) -> str:
    return by or getpass.getuser()


def _date(value: str | None) -> dt.date | None:
    from cctv_audit.foi.deadlines import _as_date

    return _as_date(value) if value else None


def _day(value: str) -> dt.date:
    from cctv_audit.foi.deadlines import _as_date

    return _as_date(value)


@foi_app.command("due-date")
def due_date_cmd(
    received: str = typer.Argument(..., help="Date the body received the request (YYYY-MM-DD)."),
    law: str = typer.Option(
        ..., "--law", help="FOIA (England, Wales, NI, UK-wide) or FOISA (Scotland)."
    ),
    days: int = typer.Option(
        20, "--days", help="Working days to count (20 to reply, 40 = long overdue)."
    ),
    as_json: bool = JSON,
) -> None:
    """The statutory due date, with every day skipped and why."""
    from cctv_audit.foi import due_date

    result = due_date(received, law, days)
    if as_json:
        data = result.to_dict()
        print_json({k: data[k] for k in ("received", "law", "due", "skipped")})
        return
    console.print(
        f"{result.law}: received {result.received:%a %d %b %Y}, {days} working days -> "
        f"due [bold]{result.due:%a %d %b %Y}[/bold] ({result.due.isoformat()})"
    )
    print_table(
        "Days not counted",
        ["date", "day", "reason"],
        [(s.date.isoformat(), f"{s.date:%a}", s.reason) for s in result.skipped],
    )


@survey_app.command("list")
def survey_list_cmd(as_json: bool = JSON) -> None:
    """List surveys."""
    from cctv_audit.foi import list_surveys

    with get_store().session() as session:
        rows = [
            {"id": s.id, "slug": s.slug, "name": s.name, "template": s.template}
            for s in list_surveys(session)
        ]
    say_next_if_empty(rows, "no survey yet: start one with `cctv-audit survey create --help`")
    if as_json:
        print_json(rows)
    else:
        print_table(
            f"{len(rows)} surveys",
            ["id", "slug", "name", "template"],
            [list(r.values()) for r in rows],
        )


@survey_app.command("create")
def survey_create_cmd(
    name: str = typer.Argument(..., help="Survey name, e.g. 'CCTV makers 2026'."),
    requester_name: str = typer.Option(
        ..., "--requester-name", help="Your name (FOI needs a real name)."
    ),
    requester_email: str = typer.Option(
        ..., "--requester-email", help="Your email: replies come here."
    ),
    organisation: str = typer.Option(None, help="Organisation to sign with."),
    address: str = typer.Option(None, help="Postal address to sign with."),
    kit: str = typer.Option("cctv-manufacturers", help="Ready survey (questions and letter)."),
    template: str = typer.Option(None, help="Letter template: a bundled name or a .j2 file."),
    slug: str = typer.Option(None, help="Short id (default: from the name)."),
    prefix: str = typer.Option("CCTV", help="Reference token prefix (CCTV -> CCTV-7K3Q9X)."),
    plus_addressing: bool = typer.Option(
        False, help="Reply-To you+<reference>@domain (if your mailbox supports it)."
    ),
    welsh_note: bool = typer.Option(False, help="Tell Welsh bodies they may reply in Welsh."),
    previous: str = typer.Option(
        None,
        "--previous",
        help="The earlier round this one repeats (id or slug): "
        "findings show the trend between them.",
    ),
) -> None:
    """Create a survey (by default the ready CCTV-manufacturer survey)."""
    from cctv_audit.foi import create_survey

    requester = {
        "name": requester_name,
        "email": requester_email,
        "organisation": organisation or "",
        "address": address or "",
    }
    with get_store().session() as session:
        survey = create_survey(
            session,
            name,
            requester=requester,
            kit=kit,
            template=template,
            slug=slug,
            reference_prefix=prefix,
            previous=previous,
            options={"plus_addressing": plus_addressing, "welsh_note": welsh_note},
        )
        console.print(
            f"survey {survey.id} [bold]{survey.slug}[/bold]: {len(survey.questions)} questions, "
            f"template {survey.template}" + (f", follows round {previous}" if previous else "")
        )


@survey_app.command("add-bodies")
def survey_add_bodies_cmd(
    survey: str = typer.Argument(..., help="Survey id or slug."),
    body: list[str] = typer.Option(None, "--body", help="A body (id, code or name); repeat."),
    nation: str = typer.Option(None, help="All bodies of a nation."),
    region: str = typer.Option(None, help="All bodies of a region."),
    body_type: str = typer.Option(None, "--type", help="All bodies of a type (code or name)."),
    search: str = typer.Option(None, help="Bodies whose names contain this."),
    all_bodies: bool = typer.Option(False, "--all", help="Every body in the registry."),
) -> None:
    """Add bodies to a survey (a draft request each); bodies already in it are skipped."""
    from cctv_audit import registry
    from cctv_audit.foi import add_bodies, get_survey

    with get_store().session() as session:
        chosen = [registry.get_body(session, ref) for ref in body or []]
        if nation or region or body_type or search or all_bodies:
            chosen += registry.list_bodies(
                session, nation=nation, region=region, body_type=body_type, search=search
            )
        if not chosen:
            raise typer.BadParameter(
                "choose bodies with --body, --nation, --region, --type, --search or --all"
            )
        target = get_survey(session, survey)
        added = add_bodies(session, target, chosen)
        no_address = sum(1 for r in added if not r.to_addr)
        console.print(
            f"{target.slug}: {len(added)} requests added ({len(chosen) - len(added)} already there)"
        )
        if no_address:
            info(
                f"[yellow]{no_address} bodies have no FOI email address[/yellow]: add them with `cctv-audit bodies import FILE.csv` (columns: code,foi_email)"
            )


@survey_app.command("preview")
def survey_preview_cmd(
    survey: str = typer.Argument(..., help="Survey id or slug."),
    body: str = typer.Argument(..., help="Body id, code or name."),
) -> None:
    """Show the exact letter a body gets."""
    from cctv_audit.foi import get_survey, preview_letter

    with get_store().session() as session:
        letter = preview_letter(session, get_survey(session, survey), body)
    console.print(
        f"[bold]Subject:[/bold] {letter.subject}  [dim]({letter.law})[/dim]\n", highlight=False
    )
    console.print(letter.text, highlight=False, markup=False)


@survey_app.command("send")
def survey_send_cmd(
    survey: str = typer.Argument(..., help="Survey id or slug."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Write .eml files instead of sending."),
    out: Path = typer.Option(Path("outbox-dry-run"), "--out", help="Folder for --dry-run files."),
    limit: int = typer.Option(None, "--limit", help="Send at most N requests this run."),
    mail_config: Path = MAIL_CONFIG,
) -> None:
    """Send the survey's unsent requests (throttled, retried, never twice)."""
    from cctv_audit.foi import get_survey, load_mail_settings, send_survey, write_dry_run

    store = get_store()
    if dry_run:
        with store.session() as session:
            paths, no_address = write_dry_run(
                session, get_survey(session, survey), out, limit=limit
            )
        console.print(f"{len(paths)} messages written to {out}/ (nothing sent)")
        if no_address:
            console.print(f"  no FOI address: {', '.join(no_address)}")
        return
    settings = load_mail_settings(mail_config)
    with store.session() as session:
        survey_id = get_survey(session, survey).id
    queued, report = send_survey(
        store,
        survey_id,
        settings,
        limit=limit,
        on_progress=lambda ref: info(f"sent outbox message {ref}"),
        on_start=_announce,
    )
    _print_send_report(report, queued.no_address)


def _announce(plan) -> None:
    """Say how long the run will take before it starts (spacing_seconds in the mail settings)."""
    if plan.letters:
        console.print(plan.describe(), highlight=False)


def _print_send_report(report, no_address=()) -> None:
    console.print(
        f"sent {len(report.sent)}, confirmed from Sent folder {len(report.recovered)}, "
        f"failed {len(report.failed)}, held {len(report.held)}, still queued {report.remaining}"
    )
    for reference, reason in [*report.failed, *report.held]:
        console.print(f"  [yellow]{reference}[/yellow] {reason}", highlight=False)
    if no_address:
        console.print(f"  no FOI address: {', '.join(no_address)}")


@survey_app.command("status")
def survey_status_cmd(
    survey: str = typer.Argument(..., help="Survey id or slug."),
    today: str = TODAY,
    show_all: bool = typer.Option(
        False, "--all", help="List every request, not only the open ones."
    ),
    as_json: bool = JSON,
) -> None:
    """Sent, awaiting, overdue, long overdue, answered by outcome, with due dates."""
    from cctv_audit.foi.status import survey_status

    with get_store().session() as session:
        status = survey_status(session, survey, today=_date(today))
    if as_json:
        print_json(status.to_dict())
        return
    counts = {k: v for k, v in status.counts.items() if v}
    print_table(
        f"{status.name} ({status.slug}) on {status.today}: {status.total} requests",
        ["", "requests"],
        [*counts.items(), *[(f"  answered: {k}", v) for k, v in status.outcomes.items()]],
    )
    shown = [r for r in status.requests if show_all or r.timeliness not in {"done"}]
    # Two dates, named apart: the day the body got our request (its clock starts) and the reply's own date.
    print_table(
        None,
        [
            "reference",
            "body",
            "law",
            "state",
            "timeliness",
            "request received",
            "due",
            "reply dated",
            "working days",
            "late",
        ],
        [
            (
                r.reference,
                r.body_name,
                r.law,
                r.state,
                r.timeliness,
                r.received_on,
                r.due,
                r.replied_on,
                r.days_to_answer,
                "late" if r.late else "",
            )
            for r in shown
        ],
    )


@survey_app.command("chase")
def survey_chase_cmd(
    survey: str = typer.Argument(..., help="Survey id or slug."),
    today: str = TODAY,
    long_only: bool = typer.Option(
        False, "--long-overdue-only", help="Chase only long-overdue requests."
    ),
    send: bool = typer.Option(
        False, "--send", help="Send the chasers now (else they wait in the outbox)."
    ),
    mail_config: Path = MAIL_CONFIG,
) -> None:
    """Queue a chaser for every overdue request (at most one per request every 10 days)."""
    from cctv_audit.foi import get_survey, load_mail_settings, send_outbox
    from cctv_audit.foi.chasers import chase_overdue

    store = get_store()
    with store.session() as session:
        target = get_survey(session, survey)
        report = chase_overdue(session, target, today=_date(today), long_overdue_only=long_only)
        survey_id = target.id
    console.print(
        f"{len(report.queued)} chasers queued, {len(report.skipped)} skipped (chased recently)"
    )
    if send and report.queued:
        _print_send_report(send_outbox(store, load_mail_settings(mail_config), survey_id=survey_id))


@survey_app.command("export-wdtk")
def survey_export_wdtk_cmd(
    survey: str = typer.Argument(..., help="Survey id or slug."),
    out: Path = typer.Argument(..., help="CSV file to write."),
) -> None:
    """WhatDoTheyKnow batch sheet: bodies, their WDTK ids and personalised letters."""
    from cctv_audit.foi import get_survey
    from cctv_audit.foi.wdtk import export_wdtk_batch

    with get_store().session() as session:
        rows = export_wdtk_batch(session, get_survey(session, survey), out)
    console.print(f"{rows} requests written to {out}")


@requests_app.command("show")
def requests_show_cmd(
    ref: str = typer.Argument(..., help="Request id or reference."), as_json: bool = JSON
) -> None:
    """A request, its deadline and its history."""
    from cctv_audit.foi import get_request, request_to_dict

    with get_store().session() as session:
        data = request_to_dict(session, get_request(session, ref))
    if as_json:
        print_json(data)
        return
    events = data.pop("events")
    print_table(
        data["reference"], ["field", "value"], [(k, v) for k, v in data.items() if v is not None]
    )
    print_table(
        "History",
        ["at", "by", "from", "to", "why"],
        [
            (f"{e['at']:%Y-%m-%d %H:%M}", e["actor"], e["from"], e["to"], e["reason"])
            for e in events
        ],
    )


@requests_app.command("set-state")
def requests_set_state_cmd(
    ref: str = typer.Argument(..., help="Request id or reference."),
    state: str = typer.Argument(
        ..., help="New state (successful, refused, clarification_requested...)."
    ),
    reason: str = typer.Option(None, "--reason", help="Why (kept in the history)."),
    by: str = typer.Option(None, "--by", help="Who (default: your user name)."),
    on: str = typer.Option(
        None,
        "--on",
        help="Date it happened; for awaiting_response after a clarification it restarts the clock.",
    ),
) -> None:
    """Change a request's state; the change is recorded with who, when and why."""
    from cctv_audit.foi import get_request, set_state

    with get_store().session() as session:
        request = get_request(session, ref)
        event = set_state(session, request, state, actor=_actor(by), reason=reason, on=_date(on))
        console.print(f"{request.reference}: {event.from_state} -> {event.to_state}")


@requests_app.command("review")
def requests_review_cmd(
    ref: str = typer.Argument(..., help="Request id or reference."),
    reason: str = typer.Option(
        None, "--reason", help="Why you ask for a review (goes in the letter)."
    ),
    preview: bool = typer.Option(False, "--preview", help="Only print the letter."),
) -> None:
    """Queue an internal review request in the law's wording (send with `outbox send`)."""
    from cctv_audit.foi import get_request
    from cctv_audit.foi.chasers import render_followup, request_internal_review

    with get_store().session() as session:
        request = get_request(session, ref)
        if preview:
            console.print(
                render_followup(session, request, "internal_review", reason=reason).text,
                markup=False,
            )
            return
        row = request_internal_review(session, request, reason=reason)
        console.print(f"{request.reference}: internal review request queued (outbox {row.id})")


@requests_app.command("appeal")
def requests_appeal_cmd(
    ref: str = typer.Argument(..., help="Request id or reference."),
    reason: str = typer.Option(None, "--reason", help="Your grounds."),
    out: Path = typer.Option(None, "--out", help="Write the draft to this file."),
) -> None:
    """Draft an ICO complaint (FOIA) or an SIC application (FOISA)."""
    from cctv_audit.foi import get_request
    from cctv_audit.foi.chasers import draft_appeal

    with get_store().session() as session:
        letter = draft_appeal(session, get_request(session, ref), reason=reason)
    if out:
        out.write_text(letter.text, encoding="utf-8")
        info(f"draft written to {out}")
    else:
        console.print(letter.text, markup=False, highlight=False)


@replies_app.command("match")
def replies_match_cmd() -> None:
    """Match every newly ingested email to its request (or queue it), then read it."""
    from cctv_audit import intake

    with get_store().session() as session:
        report = intake.match_new(session)
        console.print(_replies_line(report))


def _replies_line(report) -> str:  # intake.IntakeReport
    own = f"; {report.own} of our own letters filed (not replies)" if report.own else ""
    return (
        f"{len(report.replies)} new replies: {report.matched} matched, {report.unmatched} unmatched"
        f" (`cctv-audit replies queue`){own}"
    )


@replies_app.command("fetch")
def replies_fetch_cmd(
    folder: str = typer.Option("INBOX", help="IMAP folder to read."),
    mail_config: Path = MAIL_CONFIG,
) -> None:
    """Fetch new mail over IMAP (the `imap` part of the mail settings) and match it to requests."""
    from cctv_audit import intake
    from cctv_audit.errors import MailError
    from cctv_audit.foi import load_mail_settings

    settings = load_mail_settings(mail_config)
    if settings.imap is None:
        raise MailError("the mail settings have no `imap` section to fetch replies from")
    fetched, report = intake.fetch_replies(get_store(), settings.imap, folder=folder)
    console.print(f"{len(fetched.document_ids)} new emails; {_replies_line(report)}")


@replies_app.command("queue")
def replies_queue_cmd(as_json: bool = JSON) -> None:
    """Stored documents and e-mails no request was found for, with the likeliest requests."""
    from cctv_audit.documents import get_document
    from cctv_audit.foi.replies import suggest_requests, unmatched_replies

    with get_store().session() as session:
        rows: list[dict[str, Any]] = [
            {
                "reply": r.id,
                "document": r.document_id,
                "file": get_document(session, r.document_id).filename,
                "created_at": r.created_at,
                "suggestions": [q.reference for q in suggest_requests(session, r.id, limit=3)],
            }
            for r in unmatched_replies(session)
        ]
    say_next_if_empty(
        rows, f"no unmatched reply (every stored reply is tied to a request); {NEXT_INGEST}"
    )
    if as_json:
        print_json(rows)
    else:
        print_table(
            f"{len(rows)} unmatched replies (tie one with `replies assign REPLY REQUEST`)",
            ["reply", "document", "file", "received", "likely requests"],
            [
                (r["reply"], r["document"], r["file"], r["created_at"], ", ".join(r["suggestions"]))
                for r in rows
            ],
        )


REPLY_DATE = typer.Option(
    None, "--date", help="The date the body sent it (YYYY-MM-DD), for a posted letter."
)


@replies_app.command("assign")
def replies_assign_cmd(
    reply: int = typer.Argument(..., help="Reply id (from `replies queue`)."),
    request: str = typer.Argument(..., help="Request id or reference."),
    date: str = REPLY_DATE,
    by: str = typer.Option(None, "--by"),
) -> None:
    """Tie a queued reply to a request by hand; it is read against that request's letter."""
    from cctv_audit import intake
    from cctv_audit.foi import get_request, set_reply_date

    with get_store().session() as session:
        target = get_request(session, request)
        if date:
            set_reply_date(session, reply, _day(date), actor=_actor(by))
        intake.assign(session, reply, target, actor=_actor(by))
        console.print(f"reply {reply} -> {target.reference}")


@replies_app.command("attach")
def replies_attach_cmd(
    document: int = typer.Argument(..., help="Document id (from `documents list`)."),
    request: str = typer.Argument(..., help="Request id or reference."),
    date: str = REPLY_DATE,
    by: str = typer.Option(None, "--by"),
) -> None:
    """Make any stored document (a posted letter, a portal download) the reply to a request."""
    from cctv_audit import intake
    from cctv_audit.foi import get_request

    with get_store().session() as session:
        target = get_request(session, request)
        reading = intake.attach(session, document, target, actor=_actor(by), replied_on=_date(date))
        console.print(
            f"document {document} -> {target.reference} (reply {reading.reply.id}); "
            f"{len(reading.claims)} claims"
        )


@replies_app.command("mark")
def replies_mark_cmd(
    reply: int = typer.Argument(..., help="Reply id."),
    answer: bool = typer.Option(
        None, "--answer/--not-answer", help="This reply answers its request, or does not."
    ),
    undo: bool = typer.Option(False, "--undo", help="Let the rule decide again."),
    reason: str = typer.Option(None, "--reason", help="Why (required for --not-answer)."),
    by: str = typer.Option(None, "--by"),
) -> None:
    """Say a reply is not an answer (an acknowledgement the rule missed), or is one; figures follow."""
    from cctv_audit import intake
    from cctv_audit.errors import InputError

    if undo == (answer is not None):
        raise InputError("give one of --answer, --not-answer or --undo")
    with get_store().session() as session:
        reading = intake.mark(
            session, reply, None if undo else answer, actor=_actor(by), reason=reason
        )
        word = "left to the rule" if undo else "an answer" if answer else "not an answer"
        console.print(f"reply {reply}: {word}; {len(reading.claims)} claims")


@replies_app.command("date")
def replies_date_cmd(
    reply: int = typer.Argument(...),
    date: str = typer.Argument(..., help="YYYY-MM-DD"),
    by: str = typer.Option(None, "--by"),
) -> None:
    """Record the date the body sent a reply (a posted letter has no e-mail date)."""
    from cctv_audit.foi import set_reply_date

    with get_store().session() as session:
        set_reply_date(session, reply, _day(date), actor=_actor(by))
    console.print(f"reply {reply} dated {date}")


@replies_app.command("confirm")
def replies_confirm_cmd(
    reply: int = typer.Argument(...),
    state: str = typer.Option(None, "--state", help="Correct the proposed state."),
    by: str = typer.Option(None, "--by"),
) -> None:
    """Confirm (or correct) the state a reply suggests for its request."""
    from cctv_audit.foi.replies import confirm_reply

    with get_store().session() as session:
        request = confirm_reply(session, reply, actor=_actor(by), state=state)
        console.print(f"{request.reference}: {request.state}")


@outbox_app.command("list")
def outbox_list_cmd(
    status: str = typer.Option(None, help="pending, sending, sent, failed, held."),
    as_json: bool = JSON,
) -> None:
    """Messages in the outbox."""
    from sqlalchemy import select

    from cctv_audit.foi import OutboxMessage

    with get_store().session() as session:
        query = select(OutboxMessage).order_by(OutboxMessage.id)
        if status:
            query = query.where(OutboxMessage.status == status)
        rows = [
            {
                "id": r.id,
                "kind": r.kind,
                "to": r.to_addr,
                "status": r.status,
                "attempts": r.attempts,
                "sent_at": r.sent_at,
                "error": r.last_error,
            }
            for r in session.scalars(query)
        ]
    say_next_if_empty(
        rows,
        "no message matches (`cctv-audit outbox list` shows all)"
        if status
        else "the outbox is empty: `cctv-audit survey send SURVEY` queues a round's letters",
    )
    if as_json:
        print_json(rows)
    else:
        print_table(
            f"{len(rows)} messages",
            ["id", "kind", "to", "status", "attempts", "sent", "error"],
            [list(r.values()) for r in rows],
        )


@outbox_app.command("send")
def outbox_send_cmd(
    limit: int = typer.Option(None, "--limit"), mail_config: Path = MAIL_CONFIG
) -> None:
    """Send whatever waits in the outbox (chasers, reviews, unsent requests)."""
    from cctv_audit.foi import load_mail_settings, send_outbox

    _print_send_report(send_outbox(get_store(), load_mail_settings(mail_config), limit=limit))


@outbox_app.command("release")
def outbox_release_cmd(
    message: int = typer.Argument(...), by: str = typer.Option(None, "--by")
) -> None:
    """Queue a held message again (you checked your Sent folder: it did not go)."""
    from cctv_audit.foi import release

    release(get_store(), message, sent=False, actor=_actor(by))
    console.print(f"outbox {message}: queued again")


@outbox_app.command("mark-sent")
def outbox_mark_sent_cmd(
    message: int = typer.Argument(...), by: str = typer.Option(None, "--by")
) -> None:
    """Record a held message as sent (you found it in your Sent folder)."""
    from cctv_audit.foi import release

    release(get_store(), message, sent=True, actor=_actor(by))
    console.print(f"outbox {message}: recorded as sent")


def register(app: typer.Typer) -> None:
    app.add_typer(foi_app, name="foi")
    app.add_typer(survey_app, name="survey")
    app.add_typer(requests_app, name="requests")
    app.add_typer(replies_app, name="replies")
    app.add_typer(outbox_app, name="outbox")
