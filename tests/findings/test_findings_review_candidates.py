"""A contested answer reaches the review queue with its readings and the passages for and against each."""

from __future__ import annotations

import hashlib

from cctv_audit import findings
from cctv_audit.answers import extract_and_save
from cctv_audit.documents import Document

BOTH_WAYS = (
    "Your request:\n1. Does the council use Hikvision cameras?\n\nOur response:\n1. Yes\n\n"
    "The council does not use Hikvision cameras.\n"
)
CLEAR = "Response:\nThe council operates 40 CCTV cameras, all made by Axis.\n"


def _document(session, text: str, name: str) -> Document:
    data = text.encode()
    document = Document(
        sha256=hashlib.sha256(data).hexdigest(),
        filename=name,
        media_type="text/plain",
        size=len(data),
        origin="file",
        status="extracted",
        text=text,
    )
    session.add(document)
    session.flush()
    return document


def test_the_review_item_carries_the_readings_with_their_quotes(store):
    with store.session() as session:
        contested = _document(session, BOTH_WAYS, "both.txt")
        clear = _document(session, CLEAR, "clear.txt")
        saved = extract_and_save(session, contested)
        accepted = extract_and_save(session, clear)
        assert saved.needs_review and not accepted.needs_review and accepted.candidates == []
        queue = findings.review_queue(session, limit=None)
        item = next(i for i in queue if i.answer_id == saved.id)
        readings = {(c["field"], c["value"]): c for c in item.candidates}
        use = readings[("in_use", "Hikvision")]
        assert any(p["quote"] == "1. Yes" for p in use["support"])
        assert any("does not use Hikvision" in p["quote"] for p in use["against"])
        for passage in use["support"] + use["against"]:
            assert BOTH_WAYS[passage["start"] : passage["end"]] == passage["quote"]
            assert passage["document_id"] == contested.id
