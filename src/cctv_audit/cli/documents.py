"""`cctv-audit ingest ...` and `cctv-audit documents list/show/text`: reply documents."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import typer

from cctv_audit.cli.common import (
    NEXT_INGEST,
    console,
    fail,
    get_store,
    info,
    print_json,
    print_table,
    progress,
    say_next_if_empty,
)

documents_app = typer.Typer(
    help="Stored reply documents: originals, text and tables.", no_args_is_help=True
)

PASSWORD_ENV = "CCTV_AUDIT_IMAP_PASSWORD"


def _limits(max_size_mb: float | None, timeout: float | None, ocr: bool):
    from dataclasses import replace

    from cctv_audit.documents import Limits

    limits = Limits.from_env()
    if max_size_mb is not None:
        limits = replace(limits, max_file_size=int(max_size_mb * 1024 * 1024))
    if timeout is not None:
        limits = replace(limits, timeout=timeout)
    return replace(limits, ocr=ocr)


def ingest_cmd(
    paths: list[Path] = typer.Argument(None, help="Files, folders, .mbox files, Maildirs."),
    imap: str = typer.Option(
        None,
        "--imap",
        help=f"Fetch new mail: imaps://user@host/INBOX (password from {PASSWORD_ENV} or a prompt).",
    ),
    ca_file: Path = typer.Option(
        None, "--ca-file", help="Trust this CA/certificate for --imap (self-signed servers)."
    ),
    wdtk: Path = typer.Option(
        None,
        "--wdtk",
        help="A WhatDoTheyKnow request JSON; PATHS are its saved attachments "
        "(default: the JSON's folder).",
    ),
    max_size_mb: float = typer.Option(
        None, "--max-size", help="Refuse files over this many MB (default 100)."
    ),
    timeout: float = typer.Option(
        None, "--timeout", help="Seconds allowed per document (default 120)."
    ),
    ocr: bool = typer.Option(True, "--ocr/--no-ocr", help="Run Tesseract on scans and images."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    match: bool = typer.Option(
        True,
        "--match/--no-match",
        help="Tie new emails to survey requests "
        "(as `cctv-audit replies match`) when there is a survey.",
    ),
) -> None:
    """Store reply documents and extract their text: files, folders, mailboxes, IMAP, WhatDoTheyKnow."""
    if not paths and not imap and not wdtk:
        raise fail("give PATH..., --imap URL or --wdtk REQUEST.json")
    limits = _limits(max_size_mb, timeout, ocr)
    store = get_store()
    if imap:
        report = _ingest_imap(store, imap, ca_file, limits)
    elif wdtk:
        from cctv_audit.documents import import_wdtk

        result = import_wdtk(store, wdtk, list(paths or []) or None, limits=limits)
        info(f"WhatDoTheyKnow request {result.request.url} ({result.request.body_name})")
        report = result.report
    else:
        from cctv_audit.documents import collect_sources, ingest_sources

        sources = collect_sources(store, paths)
        with progress("Ingesting", len(sources)) as advance:
            report = ingest_sources(
                store, sources, limits=limits, on_progress=lambda _source: advance()
            )
    replies = _match_replies(store) if match else None
    _print_report(report, as_json, replies)


def _match_replies(store) -> dict[str, int] | None:
    """New emails answer survey requests: match them now, so a user need not know a second command."""
    from sqlalchemy import select

    from cctv_audit import intake
    from cctv_audit.foi import Survey

    with store.session() as session:
        if session.scalar(select(Survey.id).limit(1)) is None:
            return (
                None  # no survey: documents only (an archive, or a body answering its own requests)
            )
        report = intake.match_new(session)
    counts = {"new": len(report.replies), "matched": report.matched, "unmatched": report.unmatched}
    return {**counts, "own": report.own} if report.own else counts  # our letters from a Sent folder


def _ingest_imap(store, url: str, ca_file: Path | None, limits):
    import ssl

    from cctv_audit.documents import fetch_imap

    password = os.environ.get(PASSWORD_ENV) or typer.prompt(
        f"IMAP password for {url}", hide_input=True
    )
    context = ssl.create_default_context(cafile=str(ca_file)) if ca_file else None
    with progress("Fetching", None) as advance:
        return fetch_imap(
            store,
            url,
            password,
            ssl_context=context,
            limits=limits,
            on_progress=lambda done, total: advance(),
        )


def _print_report(report, as_json: bool, replies: dict[str, int] | None = None) -> None:
    if as_json:
        print_json({**report.to_dict(), **({"replies": replies} if replies is not None else {})})
        return
    if report.failed:
        print_table(
            f"{len(report.failed)} not read",
            ["file", "code", "reason", "document"],
            [(f.name, f.code, f.reason, f.document_id or "") for f in report.failed],
        )
    console.print(
        f"{report.ingested} ingested, {report.duplicates} already stored, "
        f"{report.attachments} attachments, {len(report.failed)} failed"
    )
    if replies and replies["new"]:
        console.print(
            f"{replies['new']} new replies: {replies['matched']} matched to requests, "
            f"{replies['unmatched']} in the unmatched queue (`cctv-audit replies queue`)"
        )


@documents_app.command("list")
def list_cmd(
    status: str = typer.Option(None, help="extracted, needs_ocr, encrypted, failed."),
    origin: str = typer.Option(None, help="file, email, attachment, zip-member, imap, wdtk."),
    top: bool = typer.Option(False, "--top", help="Only documents not inside an email or archive."),
    limit: int = typer.Option(100, help="At most this many (newest first); 0 for all."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List stored documents, newest first."""
    from cctv_audit.documents import list_documents

    with get_store().session() as session:
        documents = list_documents(
            session, status=status, origin=origin, top_level=top, limit=limit or None
        )
        rows: list[dict[str, Any]] = [
            {
                "id": d.id,
                "filename": d.filename,
                "media_type": d.media_type,
                "size": d.size,
                "origin": d.origin,
                "parent_id": d.parent_id,
                "status": d.status,
                "error_code": d.error_code,
            }
            for d in documents
        ]
    filtered = bool(status or origin or top)
    say_next_if_empty(
        rows,
        "no document matches these filters (`cctv-audit documents list` shows all)"
        if filtered
        else f"no documents stored yet: {NEXT_INGEST}",
    )
    if as_json:
        print_json(rows)
        return
    print_table(
        f"{len(rows)} documents",
        ["id", "file", "type", "size", "origin", "in", "status"],
        [
            (
                r["id"],
                r["filename"],
                r["media_type"],
                r["size"],
                r["origin"],
                r["parent_id"],
                r["status"]
                + (f" ({r['error_code']})" if r["error_code"] and r["status"] == "failed" else ""),
            )
            for r in rows
        ],
    )


@documents_app.command("show")
def show_cmd(
    document_id: int = typer.Argument(..., help="Document id (see `documents list`)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show one document: type, origin, status, email headers, children."""
    from cctv_audit.documents import document_to_dict, get_document

    with get_store().session() as session:
        data = document_to_dict(session, get_document(session, document_id))
    if as_json:
        print_json(data)
        return
    email = data.pop("email", None) or {}
    kids = data.pop("children")
    rows = [(k, v) for k, v in data.items() if v not in (None, [], "")]
    rows += [(f"email {k}", v) for k, v in email.items() if v]
    rows += [("child", f"{c['id']} {c['filename']} ({c['status']})") for c in kids]
    print_table(data["filename"], ["field", "value"], rows)


@documents_app.command("text")
def text_cmd(
    document_id: int = typer.Argument(..., help="Document id (see `documents list`)."),
) -> None:
    """Print a document's extracted text (with page/sheet markers) to stdout."""
    import sys

    from cctv_audit.documents import get_document

    with get_store().session() as session:
        document = get_document(session, document_id)
        if document.text is None:
            raise fail(f"document {document_id} has no text: {document.status}: {document.error}")
        sys.stdout.write(document.text)


@documents_app.command("reextract")
def reextract_cmd(
    ids: list[int] = typer.Argument(
        None, help="Document ids (default: every document not extracted)."
    ),
    status: str = typer.Option(None, help="Only documents with this status, e.g. needs_ocr."),
    max_size_mb: float = typer.Option(
        None, "--max-size", help="Refuse files over this many MB (default 100)."
    ),
    timeout: float = typer.Option(
        None, "--timeout", help="Seconds allowed per document (default 120)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Extract stored documents again from their originals (after installing Tesseract or raising a limit)."""
    from cctv_audit.documents import reextract

    report = reextract(
        get_store(), ids=ids or None, status=status, limits=_limits(max_size_mb, timeout, True)
    )
    _print_report(report, as_json)


def register(app: typer.Typer) -> None:
    app.add_typer(documents_app, name="documents")
    app.command("ingest")(ingest_cmd)
