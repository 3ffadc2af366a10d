"""Saving answers: one row per document and extractor version in the ``answers`` table."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from cctv_audit.answers.extract import EXTRACTOR_VERSION, extract_answer
from cctv_audit.answers.models import AnswerRecord
from cctv_audit.answers.schema import Answer
from cctv_audit.documents import extract_file
from cctv_audit.errors import ExtractionError

log = logging.getLogger(__name__)


def save_answer(session: Session, document_id: int, answer: Answer) -> AnswerRecord:
    """Insert or update the row for (document, EXTRACTOR_VERSION): a rerun updates the same row."""
    row = session.scalar(
        select(AnswerRecord).where(
            AnswerRecord.document_id == document_id,
            AnswerRecord.extractor_version == EXTRACTOR_VERSION,
        )
    )
    if row is None:
        row = AnswerRecord(document_id=document_id, extractor_version=EXTRACTOR_VERSION)
        session.add(row)
    row.outcome = answer.outcome
    row.exemptions = list(answer.exemptions)
    row.manufacturers_in_use = list(answer.manufacturers_in_use)
    row.manufacturers_denied = list(answer.manufacturers_denied)
    row.counts = dict(answer.counts)
    row.total_cameras = answer.total_cameras
    # A reply's answer quotes its attachments too: each passage keeps the part it came from.
    row.evidence = [
        {**e.model_dump(), "document_id": e.document_id or document_id} for e in answer.evidence
    ]
    row.confidence = dict(answer.confidence)
    row.min_confidence = min(answer.confidence.values(), default=1.0)
    row.needs_review = answer.needs_review
    row.review_reasons = list(answer.review_reasons)
    # A reply's candidates quote its attachments too: each passage keeps the part it came from.
    row.candidates = [_with_document(c.model_dump(), document_id) for c in answer.candidates]
    session.flush()
    return row


def _with_document(candidate: dict, document_id: int) -> dict:
    for side in ("support", "against"):
        candidate[side] = [
            {**p, "document_id": p.get("document_id") or document_id} for p in candidate[side]
        ]
    return candidate


def extract_and_save(session: Session, document, *, question: str | None = None) -> AnswerRecord:
    """Extract the answer of a stored document (``documents.Document``) and save it."""
    if not document.text:
        raise ExtractionError(
            f"document {document.id} ({document.filename}) has no extracted text (status {document.status}); "
            "extract it first with the documents commands"
        )
    answer = extract_answer(document.text, question=question, document_id=document.id)
    log.debug("document %s: %s", document.id, answer.outcome)
    return save_answer(session, document.id, answer)


def extract_path(path: str | Path, *, question: str | Path | None = None) -> Answer:
    """Extract the answer of a file in any format the documents layer reads (the ``extract`` command)."""
    extracted = extract_file(Path(path))
    question_text = None
    if question is not None:
        question_text = extract_file(Path(question)).text
    return extract_answer(extracted.text, question=question_text)


def record_to_dict(row: AnswerRecord) -> dict:
    """A saved answer as plain data (for JSON output)."""
    return {
        "id": row.id,
        "document_id": row.document_id,
        "extractor_version": row.extractor_version,
        "outcome": row.outcome,
        "exemptions": row.exemptions,
        "manufacturers_in_use": row.manufacturers_in_use,
        "manufacturers_denied": row.manufacturers_denied,
        "counts": row.counts,
        "total_cameras": row.total_cameras,
        "evidence": row.evidence,
        "confidence": row.confidence,
        "needs_review": row.needs_review,
        "review_reasons": row.review_reasons,
        "candidates": row.candidates or [],
    }
