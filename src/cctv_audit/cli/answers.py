"""`cctv-audit extract`, `cctv-audit eval` and `cctv-audit answers ...`: answer extraction with evidence."""

from __future__ import annotations

from pathlib import Path

import typer

from cctv_audit.cli.common import (
    NEXT_INGEST,
    console,
    get_store,
    info,
    print_json,
    print_table,
    progress,
    say_next_if_empty,
)

answers_app = typer.Typer(
    help="Answers extracted from stored reply documents.", no_args_is_help=True
)


def extract_cmd(
    file: Path = typer.Argument(
        ...,
        exists=True,
        dir_okay=False,
        help="Reply: .txt, .pdf, .docx, .xlsx, .eml, .msg, .html...",
    ),
    question: Path = typer.Option(
        None,
        "--question",
        exists=True,
        dir_okay=False,
        help="The request, when it is not quoted in the reply.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Extract what a reply answered: outcome, exemptions, makers in use or denied, counts, with evidence."""
    from cctv_audit.answers.storage import extract_path

    answer = extract_path(file, question=question)
    if as_json:
        print_json(answer.summary())
        return
    _print_answer(answer)


def _print_answer(answer) -> None:
    rows = [
        ("outcome", answer.outcome),
        ("exemptions", ", ".join(answer.exemptions)),
        ("in use", ", ".join(answer.manufacturers_in_use)),
        ("denied", ", ".join(answer.manufacturers_denied)),
        ("counts", ", ".join(f"{k}: {v}" for k, v in answer.counts.items())),
        ("total cameras", answer.total_cameras),
        (
            "needs review",
            "yes: " + "; ".join(answer.review_reasons) if answer.needs_review else "no",
        ),
    ]
    print_table("Answer", ["field", "value"], rows)
    print_table(
        "Evidence",
        ["field", "value", "why", "quote"],
        [(e.field, e.value, e.reason, e.quote[:120]) for e in answer.evidence],
    )


def eval_cmd(
    directory: Path = typer.Argument(
        ...,
        exists=True,
        file_okay=False,
        help="Folder of labelled replies: CASEID.json beside each CASEID.txt "
        "(or .pdf, .docx, .xlsx, .eml, .html).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Score extraction on a labelled corpus: outcome accuracy, P/R/F1, counts, false accusations."""
    from cctv_audit.answers import evaluate

    report = evaluate(directory)
    data = report.to_dict()
    if as_json:
        print_json(data)
        return
    figures = _eval_figures(data)
    print_table(f"Eval of {directory}", ["measure", "value"], figures)
    for item in data["false_accusations"]:
        console.print(
            f"[red]false accusation[/red] {item['case']}: {item['manufacturer']} <- {item['evidence']}",
            highlight=False,
        )
    for case_id, mistakes in data["mistakes"].items():
        console.print(f"[yellow]{case_id}[/yellow]: {'; '.join(mistakes)}", highlight=False)


def _eval_figures(data: dict) -> list[tuple[str, object]]:
    """The rows of the eval table, in the order a reader compares them."""
    return [
        ("cases", data["cases"]),
        ("outcome accuracy", data["outcome_accuracy"]),
        *[
            (f"{k} P / R / F1", "{precision} / {recall} / {f1}".format(**data[k]))
            for k in ("in_use", "denied", "exemptions")
        ],
        ("counts exact", f"{data['counts_exact']} ({data['counts_compared']} compared)"),
        ("total cameras exact", data["total_cameras_exact"]),
        ("false state-linked accusations", len(data["false_accusations"])),
        ("seconds per reply", data["seconds_per_reply"]),
        ("median ms per reply", data["median_ms_per_reply"]),
        ("sent to review", data["accepted_without_review"]["review_share"]),
        (
            "accepted: cases / outcome right / false accusations",
            "{cases} / {outcome_accuracy} / {false_accusations}".format(
                **data["accepted_without_review"]
            ),
        ),
    ]


@answers_app.command("run")
def run_cmd(
    all_documents: bool = typer.Option(
        False, "--all", help="Re-extract documents that already have an answer."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the saved answers as JSON."),
) -> None:
    """Extract and save answers for stored documents (one row per document and extractor version).

    Replies matched to a request are read against its letter and their claims are updated at once.
    """
    from cctv_audit import intake
    from cctv_audit.answers.storage import record_to_dict

    with get_store().session() as session:
        total = len(intake.pending(session, redo=all_documents))
        with progress("reading replies", total) as advance:
            report = intake.refresh(
                session, redo=all_documents, on_progress=lambda _document: advance()
            )
        saved = [record_to_dict(record) for record in report.answers]
    loose = len(report.answers) - sum(
        1 for r in report.readings if r.answer is not None and r.reply.request_id
    )
    info(
        f"{len(saved)} answers saved; {report.claims} claims from replies matched to requests"
        + (f"; {loose} documents not matched to a request (no claims)" if loose else "")
    )
    for document_id, reason in report.failed:
        info(f"[yellow]document {document_id}[/yellow]: {reason}")
    say_next_if_empty(
        saved,
        "no stored reply waiting to be read; "
        + NEXT_INGEST
        + ("" if all_documents else " (`--all` reads every reply again)"),
    )
    if as_json:
        print_json(saved)
        return
    print_table(
        f"{len(saved)} answers",
        ["document", "outcome", "in use", "denied", "review"],
        [
            (
                s["document_id"],
                s["outcome"],
                ", ".join(s["manufacturers_in_use"]),
                ", ".join(s["manufacturers_denied"]),
                "yes" if s["needs_review"] else "",
            )
            for s in saved
        ],
    )


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_cmd)
    app.command("eval")(eval_cmd)
    app.add_typer(answers_app, name="answers")
