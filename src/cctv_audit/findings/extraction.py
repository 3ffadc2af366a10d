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
from cctv_audit.findings.compat import maker_info
from cctv_audit.findings.models import Claim, ClaimReview
from cctv_audit.findings.types import EvidenceInput
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


def latest_reviews(session: Session, answer: AnswerRecord) -> dict[str, ClaimReview]:
    """The latest review of each field of this answer's document, whichever extractor version it was made on.

    Reviews follow the document, so a person's correction still overrides when a newer
    extractor re-reads the same reply.
    """
    siblings = select(AnswerRecord.id).where(AnswerRecord.document_id == answer.document_id)
    rows = session.scalars(
        select(ClaimReview).where(ClaimReview.answer_id.in_(siblings)).order_by(ClaimReview.id)
    )
    return {row.field: row for row in rows}


def effective_answer(session: Session, answer: AnswerRecord) -> EffectiveAnswer:
    """The answer as people last left it: corrections override extraction."""
    reviews = latest_reviews(session, answer)
    values = {name: getattr(answer, column) for name, column in FIELDS.items()}
    for name, review in reviews.items():
        values[name] = review.after
    return EffectiveAnswer(answer, values, reviews)


@dataclass
class AnswerContext:
    """Which body, round and request an answer's document replies to."""

    body_id: int
    survey_id: int | None
    request_id: int | None
    as_of: dt.date | None


def answer_context(session: Session, answer: AnswerRecord) -> AnswerContext:
    """Find the request an answer belongs to via ``replies`` (walking up from attachments)."""
    document = session.get(Document, answer.document_id)
    while document is not None:
        reply = session.scalar(select(Reply).where(Reply.document_id == document.id))
        if reply is not None and reply.request_id is not None:
            request = session.get(Request, reply.request_id)
            received = reply.received_at.date() if reply.received_at else None
            return AnswerContext(
                request.body_id, request.survey_id, request.id, request.responded_on or received
            )
        document = session.get(Document, document.parent_id) if document.parent_id else None
    claim = session.scalar(select(Claim).where(Claim.answer_id == answer.id).limit(1))
    if claim is not None:
        return AnswerContext(claim.body_id, claim.survey_id, claim.request_id, claim.as_of)
    raise FindingsError(
        f"answer {answer.id} (document {answer.document_id}) is not tied to a request; "
        "match the reply first (`cctv-audit replies match`) or pass body_id"
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
            result.append(EvidenceInput.span(answer.document_id, *where))
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
    _retire_others(session, effective, common["source"], body_id, {c.id for c in kept})
    return kept


def _claim_for(
    session: Session, effective: EffectiveAnswer, field_name: str, name: str, common: dict
) -> Claim:
    answer = effective.answer
    related = ("in_use", "counts") if field_name == "in_use" else ("denied",)
    corrected = any(effective.action(f) == "correct" for f in related)
    spans = _spans(answer, ("in_use", "count") if field_name == "in_use" else ("denied",), name)
    evidence = spans or [
        EvidenceInput.span(
            answer.document_id,
            None,
            None,
            note="the extractor quoted no passage: read the whole reply",
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


def _retire_others(
    session: Session, effective: EffectiveAnswer, source: str, body_id: int, kept: set[str]
) -> None:
    stale = session.scalars(
        select(Claim).where(
            Claim.source == source,
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


def latest_answers(session: Session, survey_id: int | None) -> list[AnswerRecord]:
    """The newest extraction of each document that replies to a request (of ``survey_id``)."""
    newest = select(func.max(AnswerRecord.id)).group_by(AnswerRecord.document_id)
    query = select(AnswerRecord).where(AnswerRecord.id.in_(newest))
    answers = list(session.scalars(query))
    if survey_id is None:
        return answers
    documents = set(
        session.scalars(
            select(Reply.document_id)
            .join(Request, Reply.request_id == Request.id)
            .where(Request.survey_id == survey_id)
        )
    )
    return [
        a
        for a in answers
        if a.document_id in documents or _parent_in(session, a.document_id, documents)
    ]


def _parent_in(session: Session, document_id: int, documents: set[int]) -> bool:
    document = session.get(Document, document_id)
    return document is not None and document.parent_id in documents


def sync_claims(session: Session, *, survey_id: int | None = None) -> int:
    """Derive claims from the newest answer of every reply document (of one round); returns how many.

    Run it after extraction (``cctv-audit claims sync``); it is idempotent. Answers whose
    document is not matched to a request yet are skipped (logged).
    """
    done = 0
    for answer in latest_answers(session, survey_id):
        try:
            claims_from_answer(session, answer)
        except FindingsError as exc:
            log.info("skipped answer %s: %s", answer.id, exc)
            continue
        done += 1
    return done
