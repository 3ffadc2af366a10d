"""Passages a reviewer can quote: the sentences of a reply that could support a corrected value.

A person who corrects a field ("in use: Hikvision", which the extractor missed) picks the passage
that says so, and the claim quotes it. A value no passage supports is recorded as the reviewer's
own, with their reason; a denial of a maker the reply never mentions earns a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from cctv_audit import vendors
from cctv_audit.answers.models import AnswerRecord
from cctv_audit.documents.models import Document
from cctv_audit.errors import NotFound
from cctv_audit.foi import reply_documents, reply_of_document

#: A sentence or a line: what a reviewer quotes.
_SENTENCE = re.compile(r"[^\n.!?]+(?:[.!?]+|$)", re.MULTILINE)
_OUTCOME_WORDS = re.compile(
    r"exempt|withh[oe]ld|not held|neither confirm|refus|section \d|s\.?\s?\d|regulation",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Passage:
    """``text[start:end] == quote`` of document ``document_id`` (a part of the reply)."""

    document_id: int
    start: int
    end: int
    quote: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
        }


def reply_parts(session: Session, answer: AnswerRecord) -> list[Document]:
    """The documents of the reply an answer reads (the reply's document and its attachments)."""
    document = session.get(Document, answer.document_id)
    if document is None:
        raise NotFound(f"answer {answer.id}: its document {answer.document_id} is not stored")
    reply = reply_of_document(session, document)
    return reply_documents(session, reply) if reply is not None else [document]


def _terms(field: str, value: Any) -> list[str]:
    """The words a passage must contain to support ``value`` (maker names and aliases, numbers)."""
    names = list(value) if isinstance(value, (list, dict)) else []
    terms = []
    for name in names:
        maker = vendors.load_kb().find(str(name))
        terms += [str(name), *(vendors.load_kb().labels(maker) if maker else [])]
    if isinstance(value, dict):
        terms += [str(n) for n in value.values()]
    if field == "total_cameras" and value is not None:
        terms.append(str(value))
    return [t for t in dict.fromkeys(terms) if len(t) >= 2]


def candidate_passages(
    session: Session, answer: AnswerRecord, field: str, value: Any, *, limit: int = 8
) -> list[Passage]:
    """Sentences of the reply that mention ``value`` (for outcome and exemptions: refusal wording)."""
    terms = _terms(field, value)
    found: list[Passage] = []
    for document in reply_parts(session, answer):
        for match in _SENTENCE.finditer(document.text or ""):
            sentence = match.group(0)
            if _supports(field, sentence, terms):
                start = match.start() + len(sentence) - len(sentence.lstrip())
                found.append(Passage(document.id, start, match.end(), sentence.strip()))
    return found[:limit]


def _supports(field: str, sentence: str, terms: list[str]) -> bool:
    if field in ("outcome", "exemptions"):
        return bool(_OUTCOME_WORDS.search(sentence))
    return any(
        re.search(rf"(?<![A-Za-z0-9]){re.escape(t)}(?![A-Za-z0-9])", sentence, re.IGNORECASE)
        for t in terms
    )


def unmentioned(session: Session, answer: AnswerRecord, names: list[str]) -> list[str]:
    """The makers among ``names`` that no part of the reply mentions at all."""
    texts = [d.text or "" for d in reply_parts(session, answer)]
    return [
        name
        for name in names
        if not any(_supports("in_use", text, _terms("in_use", [name])) for text in texts)
    ]
