"""What the replies to a round's requests say, read in a handful of queries (not one per body).

A reply has one answer (intake reads its parts together), saved on the reply's document.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cctv_audit.answers.models import AnswerRecord
from cctv_audit.findings.extraction import effective_answers
from cctv_audit.foi import is_answer
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


def reply_facts(session: Session, request_ids: list[int]) -> dict[int, ReplyFacts]:
    """``ReplyFacts`` per request id (requests without replies are absent)."""
    if not request_ids:
        return {}
    replies = [
        reply
        for reply in session.scalars(
            select(Reply)
            .where(Reply.request_id.in_(request_ids))
            .order_by(Reply.received_at, Reply.id)
        )
        if is_answer(reply)  # acknowledgements, auto-replies and our own letters answer nothing
    ]
    answers = _newest_answers(session, [r.document_id for r in replies])
    values = effective_answers(session, list(answers.values()))
    result: dict[int, ReplyFacts] = defaultdict(ReplyFacts)
    for reply in replies:
        facts = result[reply.request_id]
        facts.document_ids.append(reply.document_id)
        answer = answers.get(reply.document_id)
        if answer is not None:
            facts.answer_ids.append(answer.id)
            facts.take(values[answer.id].values)
    return dict(result)
