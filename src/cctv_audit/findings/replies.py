"""What the replies to a round's requests say, read in a handful of queries (not one per body)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cctv_audit.answers.models import AnswerRecord
from cctv_audit.documents.models import Document
from cctv_audit.findings.extraction import FIELDS
from cctv_audit.findings.models import ClaimReview
from cctv_audit.foi.models import Reply


@dataclass
class ReplyFacts:
    """The decisive outcome among a request's replies: the latest whose (reviewed) outcome is not ``other``."""

    outcome: str | None = None
    exemptions: list[str] = field(default_factory=list)
    total_cameras: int | None = None
    document_ids: list[int] = field(default_factory=list)
    answer_ids: list[int] = field(default_factory=list)

    def take(self, values: dict) -> None:
        if values["outcome"] != "other" or self.outcome in (None, "other"):
            self.outcome, self.exemptions = values["outcome"], list(values["exemptions"] or [])
            if values["total_cameras"] is not None:
                self.total_cameras = values["total_cameras"]


def _children(session: Session, document_ids: list[int]) -> dict[int, list[int]]:
    rows = session.execute(
        select(Document.parent_id, Document.id).where(Document.parent_id.in_(document_ids))
    )
    result: dict[int, list[int]] = defaultdict(list)
    for parent, child in rows:
        result[parent].append(child)
    return result


def _newest_answers(session: Session, document_ids: list[int]) -> dict[int, AnswerRecord]:
    newest = (
        select(func.max(AnswerRecord.id))
        .where(AnswerRecord.document_id.in_(document_ids))
        .group_by(AnswerRecord.document_id)
    )
    return {
        a.document_id: a
        for a in session.scalars(select(AnswerRecord).where(AnswerRecord.id.in_(newest)))
    }


def _reviewed_values(session: Session, answers: list[AnswerRecord]) -> dict[int, dict]:
    """Each answer's fields with the latest review of its document applied (see ``effective_answer``)."""
    by_document = {a.document_id: a for a in answers}
    rows = session.execute(
        select(ClaimReview, AnswerRecord.document_id)
        .join(AnswerRecord, ClaimReview.answer_id == AnswerRecord.id)
        .where(AnswerRecord.document_id.in_(list(by_document)))
        .order_by(ClaimReview.id)
    )
    values = {a.id: {name: getattr(a, column) for name, column in FIELDS.items()} for a in answers}
    for review, document_id in rows:
        values[by_document[document_id].id][review.field] = review.after
    return values


def reply_facts(session: Session, request_ids: list[int]) -> dict[int, ReplyFacts]:
    """``ReplyFacts`` per request id (requests without replies are absent)."""
    if not request_ids:
        return {}
    replies = list(
        session.scalars(
            select(Reply)
            .where(Reply.request_id.in_(request_ids))
            .order_by(Reply.received_at, Reply.id)
        )
    )
    children = _children(session, [r.document_id for r in replies])
    documents = {r.id: [r.document_id, *sorted(children.get(r.document_id, []))] for r in replies}
    answers = _newest_answers(session, [d for ids in documents.values() for d in ids])
    values = _reviewed_values(session, list(answers.values()))
    result: dict[int, ReplyFacts] = defaultdict(ReplyFacts)
    for reply in replies:
        facts = result[reply.request_id]
        facts.document_ids += documents[reply.id]
        for answer in sorted(
            (answers[d] for d in documents[reply.id] if d in answers), key=lambda a: a.id
        ):
            facts.answer_ids.append(answer.id)
            facts.take(values[answer.id])
    return dict(result)
