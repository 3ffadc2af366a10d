"""The library calls behind the pages and the API (thin: each one names the function it uses)."""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from cctv_audit import documents, findings, foi, intake, publish, registry, vendors
from cctv_audit.answers.models import AnswerRecord
from cctv_audit.documents.models import Document
from cctv_audit.errors import DocumentError, FindingsError, InputError, NotFound
from cctv_audit.findings import passages
from cctv_audit.store import Store
from cctv_audit.web import queries

log = logging.getLogger(__name__)

#: How far the queue is counted on each page view ("50+" beyond).
QUEUE_COUNT_LIMIT = 50


# --- review --------------------------------------------------------------------------------


def review_item(db: Session, answer_id: int) -> Any:
    """``findings.review_item`` for an answer id (NotFound when there is no such answer)."""
    answer = db.get(AnswerRecord, answer_id)
    if answer is None:
        raise NotFound(f"no extracted answer with id {answer_id}")
    return findings.review_item(db, answer)


def next_review_item(
    db: Session, *, skip: Collection[int] = frozenset(), survey_id: int | None = None
) -> Any:
    """The first answer in ``findings.review_queue`` that the reviewer has not skipped, or None."""
    items = findings.review_queue(db, survey_id=survey_id, limit=len(skip) + 1)
    return next((item for item in items if item.answer_id not in skip), None)


def review_queue(db: Session, *, survey_id: int | None = None, limit: int | None = 50) -> list[Any]:
    return findings.review_queue(db, survey_id=survey_id, limit=limit)


def queue_size(db: Session) -> int:
    """Answers waiting for review, counted up to QUEUE_COUNT_LIMIT."""
    return len(review_queue(db, limit=QUEUE_COUNT_LIMIT))


def is_pending(item: Any) -> bool:
    """True while an answer still has a field to look at (same rule as the findings queue)."""
    return item is not None and findings.is_pending(item)


def review(
    db: Session, answer_id: int, field: str, action: str, *, value: str, reason: str, reviewer: str
) -> list[Any]:
    """A decision from the review form: the typed value is parsed from what the reviewer typed."""
    after = (
        findings.parse_field_value(field, value)
        if action == "correct" and field in findings.FIELDS
        else None
    )
    return review_typed(db, answer_id, field, action, after=after, reason=reason, reviewer=reviewer)


def review_typed(
    db: Session,
    answer_id: int,
    field: str,
    action: str,
    *,
    after: Any,
    reason: str | None,
    reviewer: str,
) -> list[Any]:
    """Record a reviewer's decision through ``findings.review_field``.

    ``field="*"`` with ``accept`` accepts every field still as extracted (the "accept all" key).
    """
    review_field = findings.review_field
    reason = (reason or "").strip() or None
    if field == "*":
        if action != "accept":
            raise InputError("only 'accept' can be applied to every field at once")
        item = review_item(db, answer_id)
        pending = [f.field for f in item.fields if f.review == "extracted"]
        return [
            review_field(db, answer_id, name, "accept", reason=reason, reviewer=reviewer)
            for name in pending
        ]
    if field not in findings.FIELDS:
        raise InputError(f"unknown field {field!r}; use one of {', '.join(findings.FIELDS)}")
    return [
        review_field(db, answer_id, field, action, after=after, reason=reason, reviewer=reviewer)
    ]


@dataclass
class Correction:
    """A correction being made in the review page: the typed value and the passages that could support it."""

    field: str
    #: What the reviewer typed (shown back in the form).
    text: str
    #: ``findings.parse_field_value`` of ``text``.
    value: Any
    #: ``findings.candidate_passages`` for the value, numbered from 1 in the page.
    candidates: list[Any]
    #: The reply's parts (documents) with the candidates of each, to show the text highlighted.
    parts: list[tuple[Document, list[tuple[int, Any]]]]
    #: Makers of the value that the reply never mentions (``findings.passages.unmentioned``).
    unmentioned: list[str]


def passage_key(passage: Any) -> str:
    """How a page names a candidate passage: ``document:start:end``."""
    return f"{passage.document_id}:{passage.start}:{passage.end}"


def correction(db: Session, answer_id: int, field: str, text: str) -> Correction:
    """The candidate passages and the unmentioned makers for a corrected value typed in the page."""
    if field not in findings.FIELDS:
        raise InputError(f"unknown field {field!r}; use one of {', '.join(findings.FIELDS)}")
    answer = db.get(AnswerRecord, answer_id)
    if answer is None:
        raise NotFound(f"no extracted answer with id {answer_id}")
    value = findings.parse_field_value(field, text)
    return _correction(db, answer, field, value, text)


def correction_of(db: Session, answer_id: int, field: str, value: Any) -> Correction:
    """``correction`` for a value already parsed (the JSON API sends lists, mappings and numbers)."""
    if field not in findings.FIELDS:
        raise InputError(f"unknown field {field!r}; use one of {', '.join(findings.FIELDS)}")
    answer = db.get(AnswerRecord, answer_id)
    if answer is None:
        raise NotFound(f"no extracted answer with id {answer_id}")
    return _correction(db, answer, field, value, "")


def _correction(db: Session, answer: AnswerRecord, field: str, value: Any, text: str) -> Correction:
    candidates = findings.candidate_passages(db, answer, field, value)
    numbered = list(enumerate(candidates, start=1))
    parts = [
        (part, [(n, p) for n, p in numbered if p.document_id == part.id])
        for part in passages.reply_parts(db, answer)
        if part is not None
    ]
    names = (
        list(value)
        if field in ("in_use", "denied", "counts") and isinstance(value, (list, dict))
        else []
    )
    return Correction(
        field, text, value, candidates, parts, passages.unmentioned(db, answer, names)
    )


def picked_passage(fix: Correction, key: str) -> Any:
    """The candidate the reviewer picked (None: no passage, the value is their own)."""
    if not key:
        return None
    for passage in fix.candidates:
        if passage_key(passage) == key:
            return passage
    raise InputError("the passage picked does not support this value any more: pick one again")


def correct_quoting(
    db: Session,
    answer_id: int,
    field: str,
    value: Any,
    *,
    passage: str | None,
    confirm: bool,
    reason: str | None,
    reviewer: str,
) -> Any:
    """A correction from the JSON API, under the rules of the review page: it quotes ``passage``
    (``document:start:end`` of a candidate) or is the reviewer's own value, which needs a reason;
    makers the reply never mentions are saved only with ``confirm``."""
    if isinstance(value, str):
        value = findings.parse_field_value(field, value)
    fix = correction_of(db, answer_id, field, value)
    quoted = picked_passage(fix, passage or "")
    if quoted is None and not (reason or "").strip():
        raise FindingsError(
            f"no passage quoted: say why {field} is right (reason), or quote one of "
            f"GET /api/review/{answer_id}/passages"
        )
    if fix.unmentioned and not confirm:
        raise FindingsError(
            "not saved: the reply never mentions "
            + ", ".join(fix.unmentioned)
            + "; check the text, then send confirm: true"
        )
    return review_correction(
        db, answer_id, fix, passage=quoted, reason=reason or "", reviewer=reviewer
    )


def review_correction(
    db: Session, answer_id: int, fix: Correction, *, passage: Any, reason: str, reviewer: str
) -> Any:
    """Save a correction through ``findings.review_field``, quoting ``passage`` (or the reviewer's own value)."""
    why = (reason or "").strip() or ("the passage quoted" if passage is not None else None)
    return findings.review_field(
        db,
        answer_id,
        fix.field,
        "correct",
        after=fix.value,
        reason=why,
        reviewer=reviewer,
        passage=passage,
    )


def body_of(db: Session, body_id: int | None) -> Any:
    """The registry body of a review item (None for an unmatched reply)."""
    return db.get(registry.Body, body_id) if body_id is not None else None


def review_links(db: Session, document_ids: list[int]) -> dict[int, int]:
    """The newest answer of each reply document: what a body's history links to for review."""
    links = {}
    for document_id in document_ids:
        answers = queries.answers_of(db, document_id)
        if answers:
            links[document_id] = answers[0].id
    return links


def latest_reviews(db: Session, answer_id: int) -> dict[str, Any]:
    """The latest stored review of each field (``findings.review_history``): what a field shows as its source."""
    return {version.field: version for version in findings.review_history(db, answer_id)}


def field_after(item: Any, field: str) -> str | None:
    """The field after ``field`` in the page's order (the one to select once ``field`` is decided)."""
    names = [state.field for state in item.fields]
    if field not in names:
        return names[0] if names else None
    return names[min(names.index(field) + 1, len(names) - 1)]


def review_history(db: Session, answer_id: int) -> list[Any]:
    """Every stored review of an answer, newest first (``findings.review_history``)."""
    return sorted(findings.review_history(db, answer_id), key=lambda v: v.at, reverse=True)


def item_spans(item: Any) -> list[dict]:
    """Every evidence span of a review item (to highlight in the document text)."""
    return [span for state in item.fields for span in state.evidence]


def find_body(db: Session, ref: str) -> Any:
    """``registry.get_body`` for a code, id or name from a URL; blank references are simply not found."""
    if not ref.strip():
        raise NotFound("no public body has an empty name; see /bodies")
    return registry.get_body(db, ref)


def document_for(db: Session, document_id: int) -> Document:
    return documents.get_document(db, document_id)


# --- surveys and replies (foi) ---------------------------------------------------------------


@dataclass
class SurveyProgress:
    """A round's progress for the dashboard, from ``foi.survey_status``."""

    total: int
    #: Requests per foi status (awaiting, overdue, answered...), zero counts left out.
    counts: dict[str, int]
    #: Overdue requests (``foi.RequestStatus`` rows), soonest due first.
    overdue: list[Any]
    #: Requests awaiting a reply within the deadline, soonest due first.
    due: list[Any]


def survey_status(db: Session, survey_id: int) -> SurveyProgress:
    """Progress of a round: counts, due dates and overdue requests all come from ``foi.survey_status``."""
    status = foi.survey_status(db, survey_id)
    by_due = sorted(status.requests, key=lambda r: (r.due or "9999", r.body_name))
    return SurveyProgress(
        total=status.total,
        counts={k: v for k, v in status.counts.items() if v},
        overdue=[r for r in by_due if r in status.overdue()],
        due=[r for r in by_due if r.timeliness == "awaiting"],
    )


def send_chasers(db: Session, survey_id: int, *, actor: str) -> dict:
    """Queue a chaser in the outbox for each overdue request of the round (``foi.chase_overdue``)."""
    report = foi.chase_overdue(db, foi.get_survey(db, survey_id))
    log.info("%s queued %d chasers for survey %d", actor, len(report.queued), survey_id)
    return {
        "queued": len(report.queued),
        "references": list(report.queued),
        "skipped": [{"reference": ref, "why": why} for ref, why in report.skipped],
    }


def match_reply(db: Session, reply_id: int, request_id: int, *, actor: str) -> Any:
    """Tie a reply to a request by hand and read it against that request (``intake.assign``)."""
    return intake.assign(db, reply_id, request_id, actor=actor).reply


def suggest_requests(db: Session, row: queries.InboxRow) -> list[dict]:
    """Likely requests for an unmatched reply (``foi.suggest_requests``), best first."""
    requests = foi.suggest_requests(db, row.reply.id)
    names = queries.body_names(db, [r.body_id for r in requests])
    return [
        {"request_id": r.id, "reference": r.reference, "body_name": names.get(r.body_id, "")}
        for r in requests
    ]


def request_due(request: Any) -> Any:
    """The statutory due date of a request (``foi.request_due``), None when unknown."""
    due = foi.request_due(request)
    return due.due if due else None  # foi returns a DueDate (the date and the days it skipped)


def original_html(store: Store, document: Document) -> str | None:
    """The original HTML of an HTML document (to show sanitised beside the text), else None."""
    if document.media_type not in ("text/html", "application/xhtml+xml") or document.sha256 is None:
        return None
    try:
        data = documents.read_original(store.data_dir, document.sha256)
    except DocumentError:
        return None  # the text is still shown; only the sanitised original is missing
    return data[:2_000_000].decode("utf-8", errors="replace")


# --- public findings (findings, vendors, publish) ---------------------------------------------


def resolve_round(db: Session, ref: str | None) -> int | None:
    """The survey round a public page shows: ``ref`` (id or slug) or the newest one; None if none."""
    if not ref:
        return queries.latest_survey_id(db)
    return foi.get_survey(db, ref).id


def statistics(db: Session, survey_id: int | None) -> Any:
    """``findings.statistics`` of a round (every claim when ``survey_id`` is None)."""
    return findings.statistics(db, survey_id)


def round_findings(db: Session, survey_id: int | None) -> list[Any]:
    """``findings.body_findings``: one finding per body asked in the round."""
    return findings.body_findings(db, survey_id)


def body_claims(db: Session, body_id: int) -> list[Any]:
    """Every active claim about a body, with evidence (``findings.list_claims`` + ``claim_view``)."""
    return [findings.claim_view(c) for c in findings.list_claims(db, body_id=body_id)]


def knowledge_base() -> Any:
    return vendors.load_kb()


def manufacturer(ref: str) -> tuple[Any, Any]:
    """A manufacturer of the knowledge base and its risk assessment (NotFound for unknown names)."""
    found = knowledge_base().get(ref)
    return found, vendors.assess(found.id)


def hex_map_svg(db: Session, findings: list[Any]) -> str:
    """The publish package's hex map of a round, each hex linking to the body's live page."""
    map_body, categorize = publish.MapBody, publish.categorize
    gss = queries.gss_codes(db)
    bodies = [
        map_body(
            code=f.body_code,
            name=f.body_name,
            gss_code=gss.get(f.body_id),
            category=categorize(f),
            detail=f.status.replace("_", " "),
            href=f"/bodies/{f.body_code}",
        )
        for f in findings
    ]
    return publish.render_hex_map(bodies).svg
