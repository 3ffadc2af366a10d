"""`cctv-audit review next | list | field`: accept, correct or reject extracted answer fields.

The terminal front of ``findings.review_queue`` / ``review_field``; the web app uses the same functions.
"""

from __future__ import annotations

import typer

from cctv_audit.cli.common import (
    NEXT_INGEST,
    console,
    get_store,
    print_json,
    print_table,
    say_next_if_empty,
)
from cctv_audit.cli.findings_support import default_reviewer, show_value, survey_id

review_app = typer.Typer(
    help="Review extracted answers: accept, correct or reject each field.", no_args_is_help=True
)

_KEYS = {"a": "accept", "c": "correct", "r": "reject", "s": "skip", "q": "quit"}


def _flat(text: str) -> str:
    return " ".join((text or "").split())


def _show_candidates(candidates: list[dict]) -> None:
    """Each reading the extractor weighed, with the quotes for (+) and against (-) it."""
    for candidate in candidates:
        mark = " [bold](extracted)[/bold]" if candidate.get("chosen") else ""
        console.print(f"  {candidate['field']} = {candidate['value']}{mark}", highlight=False)
        for sign, side in (("+", "support"), ("-", "against")):
            for passage in candidate.get(side, [])[:3]:
                console.print(
                    f'    {sign} "{passage["quote"][:160]}"',
                    style="green" if sign == "+" else "red",
                    highlight=False,
                    markup=False,
                )


def _show_field(item, state) -> None:  # ReviewItem, FieldState
    confidence = "" if state.confidence is None else f"  confidence {state.confidence:.2f}"
    console.print(
        f"\n[bold]{state.field}[/bold]: {show_value(state.value)}{confidence}", highlight=False
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
        None, "--reviewer", help="Your name (default: $CCTV_AUDIT_REVIEWER or login)."
    ),
) -> None:
    """Review answers in the terminal, lowest confidence first: a accept, c correct, r reject, s skip, q quit."""
    from cctv_audit import findings

    reviewer = reviewer or default_reviewer()
    store = get_store()
    with store.session() as session:
        queue = findings.review_queue(session, survey_id=survey_id(session, survey), limit=None)
    if not queue:
        console.print("Nothing to review.")
        say_next_if_empty(
            queue, f"no answer awaits a person; {NEXT_INGEST}, then `cctv-audit answers run`"
        )
        return
    for item in queue:
        console.rule(
            f"answer {item.answer_id} - {item.body_name or 'unmatched'} - "
            f"min confidence {item.min_confidence:.2f}{' - flagged' if item.needs_review else ''}"
        )
        for reason in item.review_reasons:
            console.print(f"[yellow]why: {reason}[/yellow]", highlight=False)
        _show_candidates(item.candidates)
        # Every field is offered, empty ones too: a maker the extractor missed is added here.
        pending = [state for state in item.fields if state.review == "extracted"]
        for number, state in enumerate(pending):
            _show_field(item, state)
            choice = _review_one(store, item.answer_id, state.field, reviewer)
            if choice == "quit":
                return
            if choice == "accept_all":
                for rest in pending[number + 1 :]:
                    _save(store, item.answer_id, rest.field, "accept", None, None, reviewer)
                break


def _review_one(store, answer_id: int, field: str, reviewer: str) -> str:  # Store
    from cctv_audit import findings

    key = typer.prompt(
        "[a]ccept [A]ccept all [c]orrect [r]eject [s]kip [q]uit", default="s"
    ).strip()[:1]
    if key == "A":
        _save(store, answer_id, field, "accept", None, None, reviewer)
        return "accept_all"
    action = _KEYS.get(key.lower(), "skip")
    if action in ("skip", "quit"):
        return action
    after, passage, reason = None, None, None  # an accept is one key: no reason asked
    if action == "correct":
        after = findings.parse_field_value(field, typer.prompt("new value", default=""))
        passage = _pick_passage(store, answer_id, field, after)
        reason = typer.prompt("reason")
    elif action == "reject":
        reason = typer.prompt("reason", default="") or None
    _save(store, answer_id, field, action, after, reason, reviewer, passage)
    return action


def _pick_passage(store, answer_id: int, field: str, value):
    """The reply's sentences that could support the value, numbered; 0 = my own value (no passage)."""
    from cctv_audit import findings
    from cctv_audit.answers.models import AnswerRecord

    with store.session() as session:
        candidates = findings.candidate_passages(
            session, session.get(AnswerRecord, answer_id), field, value
        )
    if not candidates:
        console.print(
            "  [yellow]no sentence of the reply supports this value: it is recorded as your own[/yellow]"
        )
        return None
    for number, passage in enumerate(candidates, start=1):
        console.print(
            f"  {number}. [dim](document {passage.document_id})[/dim] {_flat(passage.quote)[:200]}",
            highlight=False,
        )
    picked = typer.prompt("passage to quote (0: none, my own value)", default=1, type=int)
    return candidates[picked - 1] if 0 < picked <= len(candidates) else None


def _save(
    store, answer_id: int, field: str, action: str, after, reason, reviewer: str, passage=None
) -> None:
    from cctv_audit import findings

    with store.session() as session:
        version = findings.review_field(
            session,
            answer_id,
            field,
            action,
            after=after,
            reason=reason,
            reviewer=reviewer,
            passage=passage,
        )
    console.print(
        f"  saved {field} v{version.version}: {version.action} -> {show_value(version.after)}",
        highlight=False,
    )
    for warning in version.warnings:
        console.print(f"  [yellow]warning: {warning}[/yellow]", highlight=False)


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
            survey_id=survey_id(session, survey),
            include_reviewed=include_all,
            limit=limit,
        )
    say_next_if_empty(
        items,
        (
            "no answer awaits review (`--all` lists reviewed ones too); "
            if not include_all
            else "no answer read yet; "
        )
        + f"{NEXT_INGEST}, then `cctv-audit answers run`",
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
                show_value(i.fields[0].value),
                show_value(i.fields[2].value),
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
        None, "--reviewer", help="Your name (default: $CCTV_AUDIT_REVIEWER or login)."
    ),
    passage: int = typer.Option(
        None, "--passage", help="Quote the Nth passage of `review passages` (else: your own value)."
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
        quoted = _candidates(session, answer_id, field, after)[passage - 1] if passage else None
        version = findings.review_field(
            session,
            answer_id,
            field,
            action,
            after=after,
            reason=reason,
            reviewer=reviewer or default_reviewer(),
            passage=quoted,
        )
    if as_json:
        print_json(findings.to_dict(version))
        return
    console.print(
        f"answer {answer_id} {field} v{version.version}: {version.action}, "
        f"{show_value(version.before)} -> {show_value(version.after)}",
        highlight=False,
    )
    for warning in version.warnings:
        console.print(f"[yellow]warning: {warning}[/yellow]", highlight=False)


def _candidates(session, answer_id: int, field: str, value):
    from cctv_audit import findings
    from cctv_audit.answers.models import AnswerRecord
    from cctv_audit.errors import NotFound

    answer = session.get(AnswerRecord, answer_id)
    if answer is None:
        raise NotFound(f"no answer with id {answer_id}; see `cctv-audit review list`")
    return findings.candidate_passages(session, answer, field, value)


@review_app.command("passages")
def review_passages_cmd(
    answer_id: int = typer.Argument(..., help="Answer id (from `review list`)."),
    field: str = typer.Argument(
        ..., help="outcome, exemptions, in_use, denied, counts or total_cameras."
    ),
    value: str = typer.Option(
        ..., "--value", help="The value you will correct to: 'Hikvision', 'Hikvision=12'."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """The reply's sentences that could support a corrected value, numbered for `review field --passage`."""
    from cctv_audit import findings

    with get_store().session() as session:
        found = _candidates(session, answer_id, field, findings.parse_field_value(field, value))
    if as_json:
        print_json([p.to_dict() for p in found])
        return
    print_table(
        f"{len(found)} passages",
        ["#", "document", "passage"],
        [(n, p.document_id, _flat(p.quote)[:160]) for n, p in enumerate(found, start=1)],
    )


def register(app: typer.Typer) -> None:
    app.add_typer(review_app, name="review")
