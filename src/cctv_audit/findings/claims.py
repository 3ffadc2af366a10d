"""Recording claims with evidence: stable ids, upserts, the "confirmed" rule."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from cctv_audit.documents.models import Document
from cctv_audit.errors import FindingsError, NotFound
from cctv_audit.findings.makers import maker_info
from cctv_audit.findings.models import Claim, Evidence
from cctv_audit.findings.types import ORIGINS, POLARITIES, ClaimView, EvidenceInput, EvidenceView
from cctv_audit.registry import Body
from cctv_audit.store.base import utcnow

log = logging.getLogger(__name__)

#: Extraction claims need this confidence (and no needs_review flag, and a quoted span) to count.
CONFIRM_THRESHOLD = 0.9


def make_key(*parts: object) -> str:
    """sha1 of the parts joined by ``|`` (lower-cased): the stable id of a claim or evidence row."""
    text = "|".join("" if p is None else str(p).strip().lower() for p in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _body(session: Session, body_id: int):  # registry.Body
    body = session.get(Body, body_id)
    if body is None:
        raise NotFound(f"no public body with id {body_id}; see `cctv-audit bodies list`")
    return body


def _validate_evidence(item: EvidenceInput) -> None:
    if item.kind == "document" and item.document_id is None:
        raise FindingsError("document evidence needs a document_id")
    if item.kind == "observation" and item.observation_id is None:
        raise FindingsError("observation evidence needs an observation_id")
    if item.kind == "url" and not (item.url or "").lower().startswith(("http://", "https://")):
        raise FindingsError(f"evidence URL {item.url!r} must start with http:// or https://")
    if item.kind not in ("document", "observation", "url"):
        raise FindingsError(
            f"unknown evidence kind {item.kind!r}: use document, observation or url"
        )


def _evidence_key(item: EvidenceInput) -> str:
    return make_key(
        item.kind,
        item.document_id,
        item.start,
        item.end,
        item.observation_kind,
        item.observation_id,
        item.url,
    )


def _source_of(session: Session, item: EvidenceInput) -> str:
    """What a claim's key is built from: stable across databases where possible."""
    if item.kind == "document":
        document = session.get(Document, item.document_id)
        if document is None:
            raise NotFound(f"no document with id {item.document_id} (evidence of a claim)")
        return f"document:{document.sha256}"
    if item.kind == "observation":
        return f"{item.observation_kind or 'observation'}:{item.observation_id}"
    return item.url or ""


def record_claim(
    session: Session,
    *,
    body_id: int,
    manufacturer_id: str,
    polarity: str,
    device_count: int | None = None,
    as_of: dt.date | None = None,
    origin: str,
    evidence: Sequence[EvidenceInput],
    original_wording: str | None = None,
    survey_id: int | None = None,
    request_id: int | None = None,
    answer_id: int | None = None,
    confidence: float | None = None,
    needs_review: bool = False,
    reviewed_by: str | None = None,
    source: str | None = None,
    note: str | None = None,
    recorded_by: str | None = None,
) -> Claim:
    """Create or update the claim "body uses / does not use maker", with its evidence.

    The id is ``make_key(body code, maker, polarity, origin, source)``; ``source`` defaults to
    the first evidence item (a document's sha256, an observation, a URL), so recording the same
    statement again updates the same claim and adds only new evidence. A claim without evidence
    is refused: never claim without evidence. ``manufacturer_id`` may be a name, alias or brand
    ("HiLook"); ``maker_id`` is resolved to the real maker through the knowledge base.
    """
    if polarity not in POLARITIES:
        raise FindingsError(f"polarity {polarity!r} must be one of {', '.join(POLARITIES)}")
    if origin not in ORIGINS:
        raise FindingsError(f"origin {origin!r} must be one of {', '.join(ORIGINS)}")
    if not evidence:
        raise FindingsError(f"a claim about body {body_id} and {manufacturer_id!r} needs evidence")
    if device_count is not None and device_count < 0:
        raise FindingsError(
            f"device count {device_count} for {manufacturer_id!r} cannot be negative"
        )
    for item in evidence:
        _validate_evidence(item)
    body = _body(session, body_id)
    info = maker_info(manufacturer_id)
    source = source or _source_of(session, evidence[0])
    key = make_key(body.code, info.id, polarity, origin, source)
    claim = session.get(Claim, key)
    if claim is None:
        claim = Claim(
            id=key, body_id=body.id, origin=origin, polarity=polarity, source=source, evidence=[]
        )
        session.add(claim)
    values = dict(
        manufacturer_id=info.id,
        maker_id=info.maker_id,
        device_count=device_count,
        as_of=as_of,
        original_wording=original_wording,
        survey_id=survey_id,
        request_id=request_id,
        answer_id=answer_id,
        confidence=confidence,
        needs_review=needs_review,
        note=note,
        recorded_by=recorded_by,
        status="active",
        status_reason=None,
    )
    for name, value in values.items():
        setattr(claim, name, value)
    if reviewed_by:
        claim.reviewed_by, claim.reviewed_at = reviewed_by, claim.reviewed_at or utcnow()
    _attach_evidence(claim, evidence)
    claim.confirmed = is_confirmed(claim)
    session.flush()
    return claim


def _attach_evidence(claim: Claim, evidence: Sequence[EvidenceInput]) -> None:
    known = {row.key for row in claim.evidence}
    for item in evidence:
        key = _evidence_key(item)
        if key in known:
            continue
        known.add(key)
        claim.evidence.append(
            Evidence(
                key=key,
                kind=item.kind,
                document_id=item.document_id,
                start=item.start,
                end=item.end,
                quote=item.quote,
                observation_id=item.observation_id,
                observation_kind=item.observation_kind,
                url=item.url,
                title=item.title,
                published_on=item.published_on,
                note=item.note,
            )
        )


def is_confirmed(claim: Claim) -> bool:
    """The rule behind every "at least N" figure (docs/findings.md, "What confirmed means").

    Never without evidence or when superseded/rejected. A person's word counts (a review, a
    manual claim citing a source), so do an audit observation and a published disclosure.
    An extraction counts only when it is not flagged for review, its confidence reaches
    ``CONFIRM_THRESHOLD`` and it quotes a span of the reply.
    """
    if claim.status != "active" or not claim.evidence:
        return False
    if claim.origin in ("review", "audit", "manual", "published") or claim.reviewed_by:
        return True
    has_span = any(e.kind == "document" and e.start is not None for e in claim.evidence)
    confident = claim.confidence is not None and claim.confidence >= CONFIRM_THRESHOLD
    return has_span and confident and not claim.needs_review


def add_manual_claim(
    session: Session,
    *,
    body_id: int,
    manufacturer: str,
    url: str,
    as_of: dt.date,
    polarity: str = "uses",
    device_count: int | None = None,
    title: str | None = None,
    quote: str | None = None,
    survey_id: int | None = None,
    recorded_by: str | None = None,
    note: str | None = None,
) -> Claim:
    """Record what a published source (minutes, a news report) says, with its URL and date."""
    if not url:
        raise FindingsError("a manual claim needs the URL of its source")
    return record_claim(
        session,
        body_id=body_id,
        manufacturer_id=manufacturer,
        polarity=polarity,
        device_count=device_count,
        as_of=as_of,
        origin="manual",
        survey_id=survey_id,
        original_wording=quote,
        recorded_by=recorded_by,
        note=note,
        evidence=[EvidenceInput.link(url, title=title, published_on=as_of, quote=quote)],
    )


def list_claims(
    session: Session,
    *,
    body_id: int | None = None,
    maker: str | None = None,
    origin: str | None = None,
    survey_id: int | None = None,
    include_inactive: bool = False,
) -> list[Claim]:
    """Claims filtered by body, maker (any name or alias), origin and round; active ones by default."""
    query = select(Claim).order_by(Claim.body_id, Claim.maker_id, Claim.created_at)
    if body_id is not None:
        query = query.where(Claim.body_id == body_id)
    if maker:
        query = query.where(Claim.maker_id == maker_info(maker).maker_id)
    if origin:
        query = query.where(Claim.origin == origin)
    if survey_id is not None:
        query = query.where(Claim.survey_id == survey_id)
    if not include_inactive:
        query = query.where(Claim.status == "active")
    return list(session.scalars(query))


def get_claim(session: Session, claim_id: str) -> Claim:
    """A claim by id or unambiguous id prefix (at least 6 characters)."""
    claim = session.get(Claim, claim_id)
    if claim is None and len(claim_id) >= 6:
        matches = list(session.scalars(select(Claim).where(Claim.id.startswith(claim_id)).limit(2)))
        claim = matches[0] if len(matches) == 1 else None
    if claim is None:
        raise NotFound(f"no claim with id {claim_id!r}; see `cctv-audit claims list`")
    return claim


def evidence_view(row: Evidence) -> EvidenceView:
    return EvidenceView(
        id=row.id,
        kind=row.kind,
        document_id=row.document_id,
        start=row.start,
        end=row.end,
        quote=row.quote,
        observation_id=row.observation_id,
        observation_kind=row.observation_kind,
        url=row.url,
        title=row.title,
        published_on=row.published_on,
        note=row.note,
    )


def claim_view(claim: Claim, body_name: str | None = None) -> ClaimView:
    """A claim and its evidence as a plain data class (``types.to_dict`` makes it JSON)."""
    if body_name is None:
        from sqlalchemy.orm import object_session

        session = object_session(claim)
        if session is None:
            raise FindingsError(f"claim {claim.id} is not in a session: pass its body's name")
        body = session.get(Body, claim.body_id)
        body_name = body.name if body else str(claim.body_id)
    return ClaimView(
        id=claim.id,
        body_id=claim.body_id,
        body_name=body_name,
        manufacturer_id=claim.manufacturer_id,
        maker_id=claim.maker_id,
        maker_name=maker_info(claim.maker_id).name,
        polarity=claim.polarity,
        device_count=claim.device_count,
        as_of=claim.as_of,
        origin=claim.origin,
        original_wording=claim.original_wording,
        survey_id=claim.survey_id,
        request_id=claim.request_id,
        answer_id=claim.answer_id,
        confidence=claim.confidence,
        needs_review=claim.needs_review,
        confirmed=claim.confirmed,
        status=claim.status,
        status_reason=claim.status_reason,
        reviewed_by=claim.reviewed_by,
        evidence=[evidence_view(e) for e in claim.evidence],
    )
