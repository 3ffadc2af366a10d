"""Reading what the report cites: reply documents (text, originals) and knowledge-base makers.

A maker the knowledge base does not know still gets a page (with no facts), and a
document whose original is not on this machine is published as text only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cctv_audit.documents.models import Document

log = logging.getLogger(__name__)


@dataclass
class DocumentInfo:
    """A reply document as the site shows it: text (redacted if asked) and where the original is."""

    id: int
    filename: str
    media_type: str
    size: int
    sha256: str
    origin: str
    source_url: str | None
    text: str
    original: Path | None
    #: ``(evidence id, start, end)`` spans to highlight, sorted.
    spans: list[tuple[int, int, int]] = field(default_factory=list)

    @property
    def page(self) -> str:
        return f"documents/{self.id}.html"

    @property
    def original_name(self) -> str:
        safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in self.filename)[:80]
        return f"documents/files/{self.id}-{safe or 'original'}"


def original_path(data_dir: Path | None, document: Document) -> Path | None:
    """Where the documents package keeps the original bytes (None when not on this machine)."""
    if data_dir is None:
        return None
    for candidate in (
        data_dir / "originals" / document.sha256,
        data_dir / "originals" / document.sha256[:2] / document.sha256,
        data_dir / "originals" / document.sha256[:2] / document.sha256[2:],
    ):
        if candidate.is_file():
            return candidate
    return None


def load_documents(session: Session, ids: set[int], data_dir: Path | None, redact) -> dict[int, DocumentInfo]:
    """The documents ``ids``, text passed through ``redact`` (a callable or None)."""
    if not ids:
        return {}
    rows = session.scalars(select(Document).where(Document.id.in_(sorted(ids))).order_by(Document.id))
    result = {}
    for doc in rows:
        text = doc.text or ""
        url = getattr(doc, "source_url", None) or doc.origin_ref
        url = url if (url or "").startswith(("http://", "https://")) else None
        result[doc.id] = DocumentInfo(
            id=doc.id, filename=doc.filename, media_type=doc.media_type, size=doc.size, sha256=doc.sha256,
            origin=doc.origin, source_url=url, text=redact(text) if redact else text,
            original=original_path(data_dir, doc),
        )
    return result


@dataclass
class SourceRef:
    """A citable source of a knowledge-base fact."""

    title: str
    url: str
    publisher: str | None = None
    date: str | None = None


@dataclass
class MakerFacts:
    """What the knowledge base says about a maker, ready for its page."""

    id: str
    name: str
    country: str | None = None
    kind: str | None = None
    summary: str | None = None
    state_linked: bool = False
    made_by: str | None = None
    facts: list[tuple[str, list[SourceRef]]] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)
    risk_label: str | None = None
    in_kb: bool = False


def _source(s: Any) -> SourceRef:
    return SourceRef(title=str(getattr(s, "title", "") or getattr(s, "url", "")), url=str(getattr(s, "url", "")),
                     publisher=getattr(s, "publisher", None), date=str(getattr(s, "date", "") or "") or None)


def maker_facts(maker_id: str, fallback_name: str) -> MakerFacts:
    """The knowledge-base entry of ``maker_id`` (or a bare record when the KB does not know it)."""
    from cctv_audit.errors import NotFound
    from cctv_audit.vendors import assess, is_state_linked, load_kb

    try:
        manufacturer = load_kb().get(maker_id)
    except NotFound as exc:  # a maker outside the knowledge base still gets a page, without facts
        log.info("no knowledge-base entry for %s: %s", maker_id, exc)
        return MakerFacts(id=maker_id, name=fallback_name)
    facts = [(f.text, [_source(s) for s in f.sources]) for f in [*manufacturer.identity, *manufacturer.notes]]
    for own in manufacturer.ownership:
        share = f" ({own.percent:g}%)" if own.percent is not None else ""
        facts.append((f"Owner: {own.owner}{share}" + (f", {own.note}" if own.note else ""),
                      [_source(s) for s in own.sources]))
    assessment = assess(manufacturer.id)
    flags = [
        {"code": f.code, "severity": int(f.severity), "title": f.title, "reason": f.reason,
         "sources": [_source(s) for s in f.sources]}
        for f in sorted(assessment.flags, key=lambda f: (-int(f.severity), f.code))
    ]
    return MakerFacts(
        id=manufacturer.id, name=manufacturer.name, country=manufacturer.country, kind=manufacturer.kind,
        summary=manufacturer.summary, state_linked=is_state_linked(manufacturer.id), made_by=manufacturer.made_by,
        facts=facts, flags=flags, risk_label=getattr(assessment, "label", None), in_kb=True,
    )
