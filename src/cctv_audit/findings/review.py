"""Review of extracted answers: accept, correct or reject a field; every change is a version."""

from __future__ import annotations

import copy
import re
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cctv_audit.answers.models import AnswerRecord
from cctv_audit.answers.schema import OUTCOMES
from cctv_audit.documents.models import Document
from cctv_audit.errors import FindingsError, InvalidFieldValue, NotFound
from cctv_audit.findings.extraction import (
    FIELDS,
    answer_context,
    claims_from_answer,
    effective_answer,
    latest_answers,
)
from cctv_audit.findings.models import ClaimReview
from cctv_audit.findings.passages import Passage, unmentioned
from cctv_audit.findings.types import FieldState, ReviewItem, ReviewVersion
from cctv_audit.registry import Body

ACTIONS = ("accept", "correct", "reject")
_COUNT_ITEM = re.compile(r"^\s*(?P<name>[^:=]+?)\s*[:=]\s*(?P<n>\d+)\s*$")
#: Characters of the reply shown with a review item (for replies where nothing was quoted).
EXCERPT = 1200
# What a field becomes when a reviewer rejects it outright: nothing stated.
_EMPTY: dict[str, Any] = {
    "outcome": "other",
    "exemptions": [],
    "in_use": [],
    "denied": [],
    "counts": {},
    "total_cameras": None,
}
_EVIDENCE_FIELDS = {
    "outcome": ("outcome",),
    "exemptions": ("exemption",),
    "in_use": ("in_use",),
    "denied": ("denied",),
    "counts": ("count",),
    "total_cameras": ("total_cameras",),
}


def _validate(field: str, value: Any) -> Any:
    """Check a corrected value has the field's shape; names are kept as written."""
    if field == "outcome" and value not in OUTCOMES:
        raise FindingsError(f"outcome {value!r} must be one of {', '.join(OUTCOMES)}")
    if field in ("exemptions", "in_use", "denied"):
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise FindingsError(f"{field} must be a list of names, got {value!r}")
    if field == "counts" and (
        not isinstance(value, dict)
        or not all(isinstance(v, int) and v >= 0 for v in value.values())
    ):
        raise FindingsError(f"counts must map maker names to whole numbers, got {value!r}")
    if field == "total_cameras" and value is not None and (not isinstance(value, int) or value < 0):
        raise FindingsError(f"total_cameras must be a whole number or empty, got {value!r}")
    return value


def review_field(
    session: Session,
    answer_id: int,
    field: str,
    action: str,
    *,
    after: Any = None,
    reason: str | None = None,
    reviewer: str,
    passage: Passage | dict | None = None,
) -> ReviewVersion:
    """Accept, correct or reject one field of an answer, then re-derive its claims.

    ``accept`` keeps the current value and marks it checked (its claims become confirmed);
    ``correct`` replaces it with ``after`` (claims from it get origin ``review``; claims it no
    longer supports become ``rejected``); ``reject`` empties it. Each call adds a version
    (who, when, before, after, why); the latest version overrides extraction. A correction
    quotes ``passage`` (see ``candidate_passages``) as its evidence; without one the value is
    recorded as the reviewer's own, resting on ``reason``. ``ReviewVersion.warnings`` says when a
    corrected maker is not mentioned anywhere in the reply.
    """
    if field not in FIELDS:
        raise FindingsError(f"unknown answer field {field!r}: use one of {', '.join(FIELDS)}")
    if action not in ACTIONS:
        raise FindingsError(f"unknown review action {action!r}: use accept, correct or reject")
    if not reviewer:
        raise FindingsError("a review needs the reviewer's name")
    if action == "correct" and not reason:
        raise FindingsError(f"say why you corrected {field} of answer {answer_id} (reason)")
    answer = session.get(AnswerRecord, answer_id)
    if answer is None:
        raise NotFound(f"no answer with id {answer_id}; see `cctv-audit review list`")
    before = effective_answer(session, answer).values[field]
    new = {"accept": before, "correct": after, "reject": _EMPTY[field]}[action]
    new = _validate(field, copy.deepcopy(new))
    siblings = select(AnswerRecord.id).where(AnswerRecord.document_id == answer.document_id)
    version = (
        session.scalar(
            select(func.max(ClaimReview.version)).where(
                ClaimReview.answer_id.in_(siblings), ClaimReview.field == field
            )
        )
        or 0
    ) + 1
    row = ClaimReview(
        answer_id=answer_id,
        field=field,
        version=version,
        action=action,
        before=before,
        after=new,
        reason=reason,
        reviewer=reviewer,
        passage=(passage.to_dict() if isinstance(passage, Passage) else passage)
        if action == "correct"
        else None,
    )
    session.add(row)
    session.flush()
    claims_from_answer(session, answer)
    view = _version_view(row)
    if action == "correct" and field in ("in_use", "denied", "counts"):
        names = list(new) if isinstance(new, (list, dict)) else []
        view.warnings = [
            f"{name} is not mentioned anywhere in the reply: check before you publish"
            for name in unmentioned(session, answer, names)
        ]
    return view


def _version_view(row: ClaimReview) -> ReviewVersion:
    return ReviewVersion(
        row.id,
        row.answer_id,
        row.field,
        row.version,
        row.action,
        row.before,
        row.after,
        row.reason,
        row.reviewer,
        row.at,
        row.passage,
    )


def review_history(session: Session, answer_id: int) -> list[ReviewVersion]:
    """Every stored review of an answer's document (any extractor version), by field and version."""
    answer = session.get(AnswerRecord, answer_id)
    if answer is None:
        raise NotFound(f"no answer with id {answer_id}; see `cctv-audit review list`")
    siblings = select(AnswerRecord.id).where(AnswerRecord.document_id == answer.document_id)
    rows = session.scalars(
        select(ClaimReview)
        .where(ClaimReview.answer_id.in_(siblings))
        .order_by(ClaimReview.field, ClaimReview.version)
    )
    return [_version_view(r) for r in rows]


def review_item(session: Session, answer: AnswerRecord, *, context: int = 160) -> ReviewItem:
    """One answer's fields, their review state and evidence passages with ``context`` characters around."""
    effective = effective_answer(session, answer)
    document = session.get(Document, answer.document_id)
    try:
        where = answer_context(session, answer)
    except FindingsError:
        where = None
    fields = []
    for name, column in FIELDS.items():
        review = effective.reviews.get(name)
        fields.append(
            FieldState(
                field=name,
                extracted=getattr(answer, column),
                value=effective.values[name],
                confidence=_field_confidence(answer, name),
                review=review.action if review else "extracted",
                reviewed_by=review.reviewer if review else None,
                evidence=[
                    _in_context(_part_of(session, document, span), span, context)
                    for span in answer.evidence or []
                    if span.get("field") in _EVIDENCE_FIELDS[name]
                ],
            )
        )
    body = session.get(Body, where.body_id) if where else None
    return ReviewItem(
        answer_id=answer.id,
        document_id=answer.document_id,
        body_id=body.id if body else None,
        body_name=body.name if body else None,
        survey_id=where.survey_id if where else None,
        request_id=where.request_id if where else None,
        min_confidence=answer.min_confidence,
        needs_review=answer.needs_review,
        fields=fields,
        excerpt=((document.text if document else None) or "")[:EXCERPT],
        review_reasons=list(getattr(answer, "review_reasons", None) or []),
        candidates=list(answer.candidates or []),
    )


def _field_confidence(answer: AnswerRecord, name: str) -> float | None:
    scores = answer.confidence or {}
    value = scores.get(name, scores.get(FIELDS[name]))
    return None if value is None else float(value)


def _part_of(session: Session, document: Document | None, span: dict) -> Document | None:
    """The part of the reply a passage was quoted from (the reply's document, or an attachment)."""
    part_id = span.get("document_id")
    if document is None or part_id in (None, document.id):
        return document
    return session.get(Document, part_id)


def _in_context(document: Document | None, span: dict, width: int) -> dict:
    text = (document.text if document else None) or ""
    start, end = span.get("start"), span.get("end")
    if start is None or end is None or not text:
        return {**span, "before": "", "after": ""}
    return {**span, "before": text[max(0, start - width) : start], "after": text[end : end + width]}


def review_queue(
    session: Session,
    *,
    survey_id: int | None = None,
    include_reviewed: bool = False,
    limit: int | None = 50,
) -> list[ReviewItem]:
    """Answers to review, lowest confidence first (flagged ``needs_review`` first among equals).

    An answer leaves the queue once every field that carries a claim or the outcome has been
    reviewed; ``include_reviewed`` lists them all.
    """
    answers = latest_answers(session, survey_id)
    answers.sort(key=lambda a: (a.min_confidence, not a.needs_review, a.id))
    items = []
    for answer in answers:
        item = review_item(session, answer)
        if include_reviewed or is_pending(item):
            items.append(item)
        if limit is not None and len(items) >= limit:
            break
    return items


def is_pending(item: ReviewItem) -> bool:
    """True while an answer still has a field to look at: the outcome, or a field with a value."""
    for state in item.fields:
        needs_eye = state.field == "outcome" or bool(state.value)
        if needs_eye and state.review == "extracted":
            return True
    return False


def parse_field_value(field: str, text: str) -> Any:
    """A corrected value typed by a person: ``Hikvision, Axis``; ``Hikvision=12, Axis: 3``; ``40``; ``refused``.

    Used by the terminal review and the web form so both read input the same way.
    """
    text = (text or "").strip()
    if field in ("exemptions", "in_use", "denied"):
        return [part.strip() for part in text.split(",") if part.strip()]
    if field == "counts":
        counts = {}
        for part in filter(None, (p.strip() for p in re.split(r"[,\n]", text))):
            match = _COUNT_ITEM.match(part)
            if match is None:
                raise InvalidFieldValue(
                    f"count {part!r}: write it as Maker=number, e.g. Hikvision=12"
                )
            counts[match["name"]] = int(match["n"])
        return counts
    if field == "total_cameras":
        if text and not text.isdigit():
            raise InvalidFieldValue(f"total cameras {text!r} must be a whole number (or empty)")
        return int(text) if text else None
    if field == "outcome":
        return _validate(field, text)
    raise InvalidFieldValue(f"unknown answer field {field!r}: use one of {', '.join(FIELDS)}")
