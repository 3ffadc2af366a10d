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

#: Grounds that say the information is not held: citing one is not withholding anything.
NOT_HELD_GROUNDS = frozenset(
    {"FOISA s17", "EIR reg 12(4)(a)", "EIR reg 10(4)(a)"}
)  # EISR 10(4)(a): not held


def withholds_makers(values: dict) -> bool:
    """A reply that gives something (a camera count, say) but relies on an exemption and names no
    maker, in use or denied: what it withheld is the makers, so the maker question was refused.

    ``values`` are an answer's fields after review (``findings.effective_answers``).
    """
    relied = [e for e in values["exemptions"] or [] if e not in NOT_HELD_GROUNDS]
    named = values["in_use"] or values["denied"] or values["counts"]
    return values["outcome"] == "partially_disclosed" and bool(relied) and not named


@dataclass
class ReplyFacts:
    """The decisive outcome among a request's replies: the latest whose (reviewed) outcome is not ``other``.

    ``outcome`` is the answer to the maker question: ``refused`` when the reply withheld the makers
    under an exemption while disclosing other facts (``withholds_makers``; ``withheld_makers`` set).
    """

    outcome: str | None = None
    exemptions: list[str] = field(default_factory=list)
    total_cameras: int | None = None
    withheld_makers: bool = False
    document_ids: list[int] = field(default_factory=list)
    answer_ids: list[int] = field(default_factory=list)

    def take(self, values: dict) -> None:
        if values["outcome"] != "other" or self.outcome in (None, "other"):
            self.withheld_makers = withholds_makers(values)
            self.outcome = "refused" if self.withheld_makers else values["outcome"]
            self.exemptions = list(values["exemptions"] or [])
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
        if reply.request_id is None:  # not possible: selected by request id
            continue
        facts = result[reply.request_id]
        facts.document_ids.append(reply.document_id)
        answer = answers.get(reply.document_id)
        if answer is not None:
            facts.answer_ids.append(answer.id)
            facts.take(values[answer.id].values)
    return dict(result)
