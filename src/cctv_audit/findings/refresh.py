"""Re-read stored replies: extract each answer against the letter it replies to, then its claims.

What `cctv-audit answers run` calls. Claims follow at once, so a rule fixed in a newer extractor
(a false "uses Hikvision" gone) reaches the findings without a separate `claims sync`; people's
corrections still override (reviews follow the document, not the extractor version).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from cctv_audit.answers.models import AnswerRecord
from cctv_audit.documents.models import Document
from cctv_audit.errors import CctvAuditError, FindingsError
from cctv_audit.findings.extraction import claims_from_answer
from cctv_audit.foi.models import Reply, Request

log = logging.getLogger(__name__)


@dataclass
class RefreshReport:
    """Answers saved, claims they yield, and the documents that could not be read (with why)."""

    answers: list[AnswerRecord] = field(default_factory=list)
    claims: int = 0
    unmatched: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)


def request_for_document(session: Session, document: Document) -> Request | None:
    """The request a document replies to (walking up from an attachment to its email), if matched."""
    while document is not None:
        reply = session.scalar(select(Reply).where(Reply.document_id == document.id))
        if reply is not None and reply.request_id is not None:
            return session.get(Request, reply.request_id)
        document = session.get(Document, document.parent_id) if document.parent_id else None
    return None


def refresh_answers(
    session: Session, *, redo: bool = False, on_progress: Callable[[Document], None] | None = None
) -> RefreshReport:
    """Extract the answer of every stored document not yet read by this extractor (all with ``redo``).

    A document that fails is recorded and skipped: one bad reply never stops the batch.
    """
    from cctv_audit.answers.storage import extract_and_save, pending_documents

    report = RefreshReport()
    for document in pending_documents(session, redo=redo):
        request = request_for_document(session, document)
        try:
            with session.begin_nested():
                record = extract_and_save(session, document, question=request.letter if request else None)
                report.answers.append(record)
                if request is None:
                    report.unmatched += 1
                else:
                    report.claims += len(claims_from_answer(session, record))
        except (CctvAuditError, FindingsError) as exc:
            log.warning("document %s (%s): %s", document.id, document.filename, exc)
            report.failed.append((document.id, str(exc)))
        if on_progress is not None:
            on_progress(document)
    return report
