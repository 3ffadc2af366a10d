"""Saving answers: one row per document and extractor version; a rerun updates the same row."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select

from cctv_audit.answers import EXTRACTOR_VERSION, extract_and_save, extract_answer, save_answer
from cctv_audit.answers.models import AnswerRecord
from cctv_audit.errors import ExtractionError

REPLY = "You asked:\n1. Do you use Hikvision cameras?\n\nResponse\n1. No. All 22 of our cameras are Bosch.\n"


def _document(session, text: str | None, name: str = "reply.txt"):
    from cctv_audit.documents import Document

    data = (text or name).encode()
    document = Document(
        sha256=hashlib.sha256(data).hexdigest(),
        filename=name,
        media_type="text/plain",
        size=len(data),
        origin="file",
        status="extracted" if text else "failed",
        text=text,
    )
    session.add(document)
    session.flush()
    return document


def test_extract_and_save_is_stable_per_document_and_version(any_store):
    with any_store.session() as session:
        document = _document(session, REPLY)
        first = extract_and_save(session, document)
        again = extract_and_save(session, document)
        assert first.id == again.id
        assert session.scalar(select(func.count()).select_from(AnswerRecord)) == 1
        assert again.extractor_version == EXTRACTOR_VERSION
        assert again.manufacturers_in_use == ["Bosch"]
        assert again.manufacturers_denied == ["Hikvision"]
        assert again.counts == {"Bosch": 22}
        assert all(e["document_id"] == document.id for e in again.evidence)
        assert all(REPLY[e["start"] : e["end"]] == e["quote"] for e in again.evidence)


def test_save_answer_overwrites_with_the_new_extraction(store):
    with store.session() as session:
        document = _document(session, REPLY)
        save_answer(
            session, document.id, extract_answer("We acknowledge receipt of your request.\n")
        )
        row = save_answer(session, document.id, extract_answer(REPLY))
        assert row.outcome == "disclosed"
        assert row.min_confidence == min(row.confidence.values())
    with store.session() as session:
        saved = session.scalars(select(AnswerRecord)).all()
        assert [(r.document_id, r.outcome) for r in saved] == [(document.id, "disclosed")]


def test_document_without_text_is_a_clear_error(store):
    with store.session() as session:
        document = _document(session, None, "scan.pdf")
        with pytest.raises(ExtractionError, match="scan.pdf"):
            extract_and_save(session, document)
