"""From an extracted answer (overlaid with its reviews) to claims with evidence."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cctv_audit.answers.models import AnswerRecord
from cctv_audit.documents.models import Document
from cctv_audit.errors import FindingsError, NotFound
from cctv_audit.findings.claims import record_claim
from cctv_audit.findings.makers import maker_info
from cctv_audit.findings.models import Claim, ClaimReview
from cctv_audit.findings.types import EvidenceInput
from cctv_audit.foi import request_for_document
from cctv_audit.foi.models import Reply, Request

log = logging.getLogger(__name__)

#: Reviewable fields of an answer and the ``answers`` column each one overlays.
FIELDS: dict[str, str] = {
    "outcome": "outcome",
    "exemptions": "exemptions",
    "in_use": "manufacturers_in_use",
    "denied": "manufacturers_denied",
    "counts": "counts",
    "total_cameras": "total_cameras",
}


@dataclass
class EffectiveAnswer:
    """An answer's fields after review: ``values`` overlay extraction with the latest review."""

    answer: AnswerRecord
    values: dict[str, Any]
    #: field -> the latest review row (absent: never reviewed).
    reviews: dict[str, ClaimReview] = field(default_factory=dict)

    def action(self, name: str) -> str:
        review = self.reviews.get(name)
        return review.action if review else "extracted"

    def reviewer(self, *names: str) -> str | None:
        for name in names:
            review = self.reviews.get(name)
            if review is not None and review.action in ("accept", "correct"):
                return review.reviewer
        return None


def effective_answers(session: Session, answers: list[AnswerRecord]) -> dict[int, EffectiveAnswer]:
    """Each answer as people last left it (by answer id), read in one query.

    Reviews follow the reply's document, whichever extractor version they were made on, so a
    person's correction still overrides when a newer extractor re-reads the same reply.
    """
    by_document = {a.document_id: a for a in answers}
    rows = session.execute(
        select(ClaimReview, AnswerRecord.document_id)
        .join(AnswerRecord, ClaimReview.answer_id == AnswerRecord.id)
        .where(AnswerRecord.document_id.in_(list(by_document)))
        .order_by(ClaimReview.id)
    )
    result = {
        a.id: EffectiveAnswer(a, {name: getattr(a, column) for name, column in FIELDS.items()})
        for a in answers
    }
    for review, document_id in rows:
        for answer in answers:
            if answer.document_id == document_id:
                result[answer.id].values[review.field] = review.after
                result[answer.id].reviews[review.field] = review
    return result


def effective_answer(session: Session, answer: AnswerRecord) -> EffectiveAnswer:
    """The answer as people last left it: corrections override extraction."""
    return effective_answers(session, [answer])[answer.id]


@dataclass
class AnswerContext:
    """Which body, round and request an answer's reply belongs to, and the day it was true."""

    body_id: int
    survey_id: int | None
    request_id: int | None
    as_of: dt.date | None


def answer_context(session: Session, answer: AnswerRecord) -> AnswerContext:
    """The request an answer's reply answers (``foi.request_for_document``), for callers that
    start from an answer (review); intake hands the context down instead of looking it up."""
    document = session.get(Document, answer.document_id)
    request = request_for_document(session, document) if document is not None else None
    if request is not None:
        reply = session.scalar(select(Reply).where(Reply.document_id == answer.document_id))
        received = reply.received_at.date() if reply is not None and reply.received_at else None
        return AnswerContext(
            request.body_id, request.survey_id, request.id, request.responded_on or received
        )
    claim = session.scalar(select(Claim).where(Claim.answer_id == answer.id).limit(1))
    if claim is not None:
        return AnswerContext(claim.body_id, claim.survey_id, claim.request_id, claim.as_of)
    raise FindingsError(
        f"answer {answer.id} (document {answer.document_id}) is not tied to a request; "
        "match the reply first (`cctv-audit replies assign`) or pass body_id"
    )


def _confidence(answer: AnswerRecord, field_name: str, name: str) -> float | None:
    scores = answer.confidence or {}
    for key in (
        f"{field_name}:{name}",
        f"{field_name}:{maker_info(name).id}",
        field_name,
        FIELDS[field_name],
    ):
        if key in scores:
            return float(scores[key])
    return answer.min_confidence


def _spans(answer: AnswerRecord, fields: tuple[str, ...], name: str) -> list[EvidenceInput]:
    """The extractor's passages for this name (a brand's own passages first, else its real maker's)."""
    info = maker_info(name)
    candidates = []
    for span in answer.evidence or []:
        named = span.get("manufacturer_id") or span.get("value")
        if span.get("field") in fields and isinstance(named, str):
            candidates.append((maker_info(named), span))
    chosen = [s for i, s in candidates if i.id == info.id] or [
        s for i, s in candidates if i.maker_id == info.maker_id
    ]
    result: list[EvidenceInput] = []
    seen: set[tuple] = set()
    for s in chosen:  # a passage quoted for the maker and again for its count is one passage
        where = (s.get("start"), s.get("end"), s.get("quote"))
        if where not in seen:
            seen.add(where)
            # A reply's answer quotes its parts: the passage points into the part it came from.
            result.append(EvidenceInput.span(s.get("document_id") or answer.document_id, *where))
    return result


def _count_for(counts: dict[str, int] | None, name: str) -> int | None:
    """The count written for this name; else for the same brand; else for its real maker (brands apart)."""
    counts = {k: v for k, v in (counts or {}).items() if v is not None}
    info = maker_info(name)
    for same in (
        lambda k: k.strip().lower() == name.strip().lower(),
        lambda k: maker_info(k).id == info.id,
        lambda k: maker_info(k).maker_id == info.maker_id,
    ):
        found = [int(v) for k, v in counts.items() if same(k)]
        if found:
            return found[0]
    return None


def claims_from_answer(
    session: Session,
    answer_record: AnswerRecord,
    *,
    body_id: int | None = None,
    survey_id: int | None = None,
    request_id: int | None = None,
    as_of: dt.date | None = None,
) -> list[Claim]:
    """Turn an answer (with its reviews applied) into claims; returns the active claims it yields.

    One claim per maker in use (with its count) and per maker denied, each with the quoted
    spans as evidence (the whole document when the extractor gave no span: such a claim is
    never confirmed). Origin is ``review`` where a person corrected the field. Re-running gives
    the same ids; claims this document no longer supports become ``superseded`` (or
    ``rejected`` when a reviewer removed them). Without ``body_id`` the request is found
    through ``replies``.
    """
    if body_id is None:
        context = answer_context(session, answer_record)
        body_id, survey_id = context.body_id, survey_id or context.survey_id
        request_id, as_of = request_id or context.request_id, as_of or context.as_of
    document = session.get(Document, answer_record.document_id)
    if document is None:
        raise NotFound(
            f"answer {answer_record.id} points to missing document {answer_record.document_id}"
        )
    effective = effective_answer(session, answer_record)
    common = dict(
        body_id=body_id,
        survey_id=survey_id,
        request_id=request_id,
        answer_id=answer_record.id,
        as_of=as_of or document.created_at.date(),
        source=f"document:{document.sha256}",
    )
    kept = [
        _claim_for(session, effective, "in_use", name, common)
        for name in effective.values["in_use"] or []
    ]
    kept += [
        _claim_for(session, effective, "denied", name, common)
        for name in effective.values["denied"] or []
    ]
    _retire_others(session, effective, body_id, {c.id for c in kept})
    return kept


def _claim_for(
    session: Session, effective: EffectiveAnswer, field_name: str, name: str, common: dict
) -> Claim:
    answer = effective.answer
    related = ("in_use", "counts") if field_name == "in_use" else ("denied",)
    corrected = any(effective.action(f) == "correct" for f in related)
    spans = _spans(answer, ("in_use", "count") if field_name == "in_use" else ("denied",), name)
    if corrected:
        spans = _reviewed_spans(effective, related, name) + spans
    evidence = spans or [
        EvidenceInput.span(
            answer.document_id,
            None,
            None,
            note=_no_passage_note(effective, related, corrected),
        )
    ]
    reviewer = effective.reviewer(*related)
    return record_claim(
        session,
        manufacturer_id=name,
        polarity="uses" if field_name == "in_use" else "does_not_use",
        device_count=_count_for(effective.values["counts"], name)
        if field_name == "in_use"
        else None,
        origin="review" if corrected else "extraction",
        evidence=evidence,
        original_wording="; ".join(dict.fromkeys(e.quote for e in spans if e.quote)) or None,
        confidence=_confidence(answer, field_name, name),
        needs_review=bool(answer.needs_review) and reviewer is None,
        reviewed_by=reviewer,
        **common,
    )


def _reviewed_spans(
    effective: EffectiveAnswer, fields: tuple[str, ...], name: str
) -> list[EvidenceInput]:
    """The passage a reviewer quoted for this maker when correcting one of ``fields``."""
    result = []
    for field_name in fields:
        review = effective.reviews.get(field_name)
        if review is None or review.action != "correct":
            continue
        passage = review.passage
        if passage and name.lower() in passage["quote"].lower():
            result.append(
                EvidenceInput.span(
                    passage["document_id"],
                    passage["start"],
                    passage["end"],
                    passage["quote"],
                    note=f"quoted by reviewer {review.reviewer}",
                )
            )
    return result


def _no_passage_note(effective: EffectiveAnswer, fields: tuple[str, ...], corrected: bool) -> str:
    if not corrected:
        return "the extractor quoted no passage: read the whole reply"
    review = next(
        effective.reviews[f]
        for f in fields
        if f in effective.reviews and effective.reviews[f].action == "correct"
    )
    return f"the reviewer's own value ({review.reviewer}: {review.reason}); no passage quoted"


def _retire_others(
    session: Session, effective: EffectiveAnswer, body_id: int, kept: set[str]
) -> None:
    """Retire the claims an earlier reading of this reply made that its answer no longer supports."""
    readings = select(AnswerRecord.id).where(
        AnswerRecord.document_id == effective.answer.document_id
    )
    stale = session.scalars(
        select(Claim).where(
            Claim.answer_id.in_(readings),
            Claim.body_id == body_id,
            Claim.origin.in_(("extraction", "review")),
            Claim.status == "active",
        )
    )
    for claim in stale:
        if claim.id in kept:
            continue
        field_name = "in_use" if claim.polarity == "uses" else "denied"
        review = effective.reviews.get(field_name)
        still_named = {maker_info(n).maker_id for n in effective.values[field_name] or []}
        if review is not None and claim.maker_id not in still_named:
            claim.status = "rejected"
            claim.status_reason = (
                f"review {review.id} by {review.reviewer}: {review.reason or review.action}"
            )
        elif review is not None:
            claim.status = "superseded"
            claim.status_reason = f"replaced by review {review.id} by {review.reviewer}"
        else:
            claim.status = "superseded"
            claim.status_reason = (
                f"no longer in answer {effective.answer.id} ({effective.answer.extractor_version})"
            )
        claim.confirmed = False
    session.flush()


def retire_claims(session: Session, answer: AnswerRecord, reason: str) -> int:
    """Retire every active claim read from this answer's reply (e.g. a person said it answers nothing)."""
    readings = select(AnswerRecord.id).where(AnswerRecord.document_id == answer.document_id)
    claims = session.scalars(
        select(Claim).where(
            Claim.answer_id.in_(readings),
            Claim.origin.in_(("extraction", "review")),
            Claim.status == "active",
        )
    )
    retired = 0
    for claim in claims:
        claim.status, claim.status_reason, claim.confirmed = "superseded", reason, False
        retired += 1
    session.flush()
    return retired


def latest_answers(session: Session, survey_id: int | None) -> list[AnswerRecord]:
    """The newest reading of each reply (of ``survey_id``; of every stored document without one)."""
    newest = select(func.max(AnswerRecord.id)).group_by(AnswerRecord.document_id)
    query = select(AnswerRecord).where(AnswerRecord.id.in_(newest)).order_by(AnswerRecord.id)
    if survey_id is not None:
        replies = (
            select(Reply.document_id)
            .join(Request, Reply.request_id == Request.id)
            .where(Request.survey_id == survey_id)
        )
        query = query.where(AnswerRecord.document_id.in_(replies))
    return list(session.scalars(query))
