"""Ingestion: originals stored, text extracted, rows written; one transaction per document.

A document's original is written (atomically) before its row, and the row,
its email headers and all its attachments commit together. Killing the
process at any point and running again therefore stores each document exactly
once: a committed one is found by its SHA-256 (or Message-ID) and skipped,
an uncommitted one is simply done again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from cctv_audit.documents import sniff as media
from cctv_audit.documents.errors import DocumentError, TooLarge, error_code
from cctv_audit.documents.extracted import Attachment, EmailHeaders, ExtractedText
from cctv_audit.documents.limits import Limits
from cctv_audit.documents.models import Document, Message
from cctv_audit.documents.originals import original_path, save_original, sha256_hex
from cctv_audit.documents.sources import Source
from cctv_audit.documents.worker import ExtractionWorker, WorkerPool
from cctv_audit.errors import NotFound
from cctv_audit.store import Store, utcnow

log = logging.getLogger(__name__)

STATUS_FOR_CODE = {"needs_ocr": "needs_ocr", "encrypted": "encrypted"}


@dataclass
class IngestFailure:
    """A document that could not be read (its original is kept when it could be stored)."""

    name: str
    reason: str
    code: str
    document_id: int | None = None


@dataclass
class IngestReport:
    """What a batch did: new documents, ones already stored, and failures with reasons."""

    ingested: int = 0
    duplicates: int = 0
    attachments: int = 0
    failed: list[IngestFailure] = field(default_factory=list)
    document_ids: list[int] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "ingested": self.ingested,
            "duplicates": self.duplicates,
            "attachments": self.attachments,
            "failed": [vars(f) for f in self.failed],
            "document_ids": self.document_ids,
        }


#: Outcome of extraction: the text, or the error that stopped it.
Outcome = ExtractedText | DocumentError


@dataclass
class Prepared:
    """A source read, stored as an original and handed to a worker, before its database transaction."""

    data: bytes | None = None
    digest: str | None = None
    future: Future | None = None
    error: Exception | None = None

    def outcome(self) -> Outcome | None:
        if self.future is None:
            return None
        try:
            return self.future.result()
        except DocumentError as exc:
            return exc
        except Exception as exc:  # noqa: BLE001 - a bug in a pool thread becomes this document's failure
            return DocumentError(f"extraction failed unexpectedly ({exc!r})")


class Ingestor:
    """Stores documents in one store with one extraction worker; use as a context manager."""

    def __init__(
        self, store: Store, limits: Limits | None = None, *, mailbox: str | None = None
    ) -> None:
        self.store = store
        self.limits = limits or Limits.from_env()
        self.worker = ExtractionWorker(self.limits)
        self.mailbox = mailbox
        self.new_children = 0

    def __enter__(self) -> Ingestor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.worker.close()

    def ingest(
        self,
        session: Session,
        data: bytes,
        filename: str,
        *,
        origin: str,
        origin_ref: str | None = None,
        parent_id: int | None = None,
        outcome: Outcome | None = None,
        mailbox: str | None = None,
    ) -> tuple[Document, bool]:
        """Store one document (and its attachments); returns it and whether it is new."""
        digest = sha256_hex(data)
        existing = session.scalar(select(Document).where(Document.sha256 == digest))
        if existing is not None:
            return existing, False
        path = save_original(self.store.data_dir, data, digest)
        if outcome is None:
            outcome = self._extract(path, filename)
        if isinstance(outcome, ExtractedText) and outcome.email and outcome.email.message_id:
            same = _document_with_message_id(session, outcome.email.message_id)
            if same is not None:
                return same, False
        document = _new_document(digest, data, filename, origin, origin_ref, parent_id, outcome)
        session.add(document)
        session.flush()
        if isinstance(outcome, ExtractedText):
            if outcome.email is not None:
                session.add(_message_row(document.id, outcome.email, mailbox or self.mailbox))
            self._children(session, document, outcome.attachments)
        return document, True

    def _extract(self, path: Path, filename: str) -> Outcome:
        try:
            return self.worker.extract(path, filename)
        except DocumentError as exc:
            return exc

    def _children(self, session: Session, parent: Document, attachments: list[Attachment]) -> None:
        origin = "zip-member" if parent.media_type == "application/zip" else "attachment"
        for attachment in attachments:
            outcome: Outcome
            if attachment.extracted is not None:
                outcome = attachment.extracted
            else:
                outcome = DocumentError(attachment.error or "not read")
                outcome.code = attachment.error_code or "failed"  # type: ignore[attr-defined]  # kept for error_code()
            _, created = self.ingest(
                session,
                attachment.data,
                attachment.filename,
                origin=origin,
                origin_ref=f"{parent.origin_ref or parent.filename}#{attachment.filename}",
                parent_id=parent.id,
                outcome=outcome,
            )
            self.new_children += int(created)

    def prepare(self, source: Source, pool: WorkerPool) -> Prepared:
        """Read ``source``, store its original and start its extraction, unless it is already stored."""
        if source.size is not None and source.size > self.limits.max_file_size:
            return Prepared()
        try:
            data = source.load()
        except OSError as exc:
            return Prepared(error=exc)
        digest = sha256_hex(data)
        with self.store.session() as session:
            if session.scalar(select(Document.id).where(Document.sha256 == digest)) is not None:
                return Prepared(data, digest)
        # The original is written (and fsynced) in the pool thread, overlapping this thread's commits.
        return Prepared(data, digest, pool.submit(self.store.data_dir, data, digest, source.name))

    def reextract(self, session: Session, document: Document) -> bool:
        """Extract a stored document again from its original (after installing Tesseract, raising a limit).

        Returns True when it now has text. Email headers and attachments found now are added.
        """
        if document.sha256 is None:
            return False
        outcome = self._extract(
            original_path(self.store.data_dir, document.sha256), document.filename
        )
        apply_outcome(document, outcome)
        if isinstance(outcome, ExtractedText):
            if (
                outcome.email is not None
                and session.scalar(select(Message.id).where(Message.document_id == document.id))
                is None
            ):
                session.add(_message_row(document.id, outcome.email, self.mailbox))
            self._children(session, document, outcome.attachments)
        return document.status == "extracted"

    def store_source(
        self, session: Session, source: Source, prepared: Prepared
    ) -> tuple[Document, bool]:
        """Write one prepared source inside ``session`` (raises on failure; nothing is recorded)."""
        if prepared.error is not None:
            raise prepared.error
        if source.size is not None and source.size > self.limits.max_file_size:
            return _refused_unread(session, source, self.limits)
        document, created = self.ingest(
            session,
            prepared.data if prepared.data is not None else source.load(),
            source.name,
            origin=source.origin,
            origin_ref=source.origin_ref,
            parent_id=source.parent_id,
            outcome=prepared.outcome(),
            mailbox=source.mailbox,
        )
        if created and source.source_url and not document.source_url:
            document.source_url = source.source_url
        return document, created

    def ingest_source(
        self, source: Source, report: IngestReport, prepared: Prepared | None = None
    ) -> Document | None:
        """Ingest one source in its own transaction, recording the result in ``report``."""
        try:
            with self.store.session() as session:
                document, created = self.store_source(session, source, prepared or Prepared())
            record(report, source.name, document, created)
            return document
        except IntegrityError:  # another process stored the same bytes first
            report.duplicates += 1
        except (DocumentError, OSError) as exc:
            report.failed.append(IngestFailure(source.name, str(exc), error_code(exc)))
        return None


def record(report: IngestReport, name: str, document: Document, created: bool) -> None:
    """Count one top-level document in ``report``."""
    if not created:
        report.duplicates += 1
        return
    report.document_ids.append(document.id)
    if document.status == "extracted":
        report.ingested += 1
    else:
        report.failed.append(
            IngestFailure(
                name,
                document.error or document.status,
                document.error_code or document.status,
                document.id,
            )
        )


def _document_with_message_id(session: Session, message_id: str) -> Document | None:
    row = session.scalar(select(Message).where(Message.message_id == message_id).limit(1))
    return session.get(Document, row.document_id) if row is not None else None


def _new_document(
    digest, data, filename, origin, origin_ref, parent_id, outcome: Outcome
) -> Document:
    document = Document(
        sha256=digest,
        filename=filename[:512],
        size=len(data),
        origin=origin,
        origin_ref=origin_ref,
        parent_id=parent_id,
        created_at=utcnow(),
        media_type=outcome.media_type
        if isinstance(outcome, ExtractedText)
        else media.sniff(data, filename),
    )
    apply_outcome(document, outcome)
    return document


def apply_outcome(document: Document, outcome: Outcome) -> None:
    """Set a document's text, tables and status from an extraction (or its error)."""
    if isinstance(outcome, ExtractedText):
        if document.origin == "file" and outcome.email is not None:
            document.origin = "email"
        document.media_type = outcome.media_type
        document.status, document.text, document.pages = "extracted", outcome.text, outcome.pages
        document.tables = [t.to_dict() for t in outcome.tables]
        document.warnings = outcome.warnings or None
        document.source_url = outcome.source_url or document.source_url
        document.error = document.error_code = None
        document.extracted_at = utcnow()
    else:
        code = error_code(outcome)
        document.status = STATUS_FOR_CODE.get(code, "failed")
        document.error, document.error_code = str(outcome), code


def _message_row(document_id: int, headers: EmailHeaders, mailbox: str | None) -> Message:
    return Message(
        document_id=document_id,
        message_id=headers.message_id,
        in_reply_to=headers.in_reply_to,
        references=headers.references or None,
        from_addr=headers.from_addr,
        to_addrs=headers.to_addrs or None,
        subject=headers.subject,
        sent_at=headers.date,
        mailbox=mailbox,
    )


def _refused_unread(session: Session, source: Source, limits: Limits) -> tuple[Document, bool]:
    """A row for a file over the size limit, without reading it (no original is stored)."""
    existing = session.scalar(
        select(Document).where(
            Document.sha256.is_(None),
            Document.origin_ref == source.origin_ref,
            Document.size == source.size,
        )
    )
    if existing is not None:
        return existing, False
    error = TooLarge(
        f"{source.name}: {source.size:,} bytes is over the {limits.max_file_size:,}-byte limit; not read "
        "and not stored (raise CCTV_AUDIT_MAX_FILE_MB if the file is genuine)"
    )
    document = Document(
        sha256=None,
        filename=source.name[:512],
        media_type="application/octet-stream",
        size=source.size,
        origin=source.origin,
        origin_ref=source.origin_ref,
        status="failed",
        error=str(error),
        error_code=error.code,
        created_at=utcnow(),
    )
    session.add(document)
    session.flush()
    return document, True


def ingest_bytes(
    store: Store,
    session: Session,
    data: bytes,
    filename: str,
    *,
    origin: str,
    origin_ref: str | None = None,
    parent_id: int | None = None,
    limits: Limits | None = None,
) -> tuple[Document, bool]:
    """Store one document inside the caller's ``session`` (the caller commits); returns it and whether it is new."""
    with Ingestor(store, limits) as ingestor:
        return ingestor.ingest(
            session, data, filename, origin=origin, origin_ref=origin_ref, parent_id=parent_id
        )


def document_original(store: Store, document: Document) -> Path | None:
    """Path of a document's stored original (None for a file refused unread)."""
    return original_path(store.data_dir, document.sha256) if document.sha256 else None


def reextract(
    store: Store,
    *,
    ids: list[int] | None = None,
    status: str | None = None,
    limits: Limits | None = None,
    on_progress: Callable[[Document], None] | None = None,
) -> IngestReport:
    """Extract again the documents with these ids, or with this status (default: all not extracted)."""
    with store.session() as session:
        query = select(Document.id).where(Document.sha256.is_not(None)).order_by(Document.id)
        if ids:
            query = query.where(Document.id.in_(ids))
        else:
            query = query.where(
                Document.status == status if status else Document.status != "extracted"
            )
        targets = list(session.scalars(query))
    report = IngestReport()
    with Ingestor(store, limits) as ingestor:
        for document_id in targets:
            with store.session() as session:
                document = session.get(Document, document_id)
                if document is None:
                    raise NotFound(
                        f"document {document_id} was deleted during the run; run it again"
                    )
                ingestor.reextract(session, document)
                record(report, document.filename, document, True)
            if on_progress is not None:
                on_progress(document)
        report.attachments = ingestor.new_children
    return report
