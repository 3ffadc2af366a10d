"""Reading what the report cites: reply documents (text, originals) and knowledge-base makers.

A maker the knowledge base does not know still gets a page (with no facts), and a
document whose original is not on this machine is published as text only.
"""

from __future__ import annotations

import datetime as dt
import logging
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cctv_audit.documents.models import Document
from cctv_audit.errors import NotFound
from cctv_audit.vendors import assess, is_state_linked, load_kb

log = logging.getLogger(__name__)


@dataclass
class DocumentInfo:
    """A reply document as the site shows it: text (redacted if asked) and where the original is."""

    id: int
    filename: str
    media_type: str
    size: int
    sha256: str | None  # None for a file refused unread: no original is stored
    origin: str
    source_url: str | None
    text: str
    original: Path | None
    #: ``(evidence id, start, end)`` spans to highlight, sorted.
    spans: list[tuple[int, int, int]] = field(default_factory=list)
    #: The body the document is about and the day it is dated (a reply: the day it was received).
    body_id: int | None = None
    body_code: str | None = None
    body_name: str | None = None
    dated: dt.date | None = None
    #: ``reply`` (a reply to our request) or ``source`` (a published document quoted as evidence).
    kind: str = "source"

    @property
    def page(self) -> str:
        return f"documents/{self.id}.html"

    @property
    def title(self) -> str:
        """What a reader calls it: "Glasgow City Council: reply of 2026-03-16" (mailbox names such as
        "INBOX uid 7.eml" say nothing about whose reply it is)."""
        what = "reply" if self.kind == "reply" else "document"
        when = f" of {self.dated.isoformat()}" if self.dated else f" {self.id}"
        return f"{self.body_name}: {what}{when}" if self.body_name else self.filename

    @property
    def name(self) -> str:
        """A file name by body and date, unique by id: ``GLG-2026-03-16-reply-7.eml``."""
        parts = [
            self.body_code,
            self.dated.isoformat() if self.dated else None,
            "reply" if self.kind == "reply" else "document",
            str(self.id),
        ]
        stem = "-".join(_safe(p) for p in parts if p)
        return stem + _extension(self.filename, self.media_type)

    @property
    def original_name(self) -> str:
        return f"documents/files/{self.name}"


def _safe(text: str) -> str:
    return "".join(c if c.isalnum() or c in "._-" else "_" for c in text)[:40]


_EXTENSIONS = {
    "text/plain": ".txt",
    "message/rfc822": ".eml",
    "application/pdf": ".pdf",
    "text/html": ".html",
}


def _extension(filename: str, media_type: str) -> str:
    suffix = Path(filename).suffix.lower()
    if suffix and len(suffix) <= 6 and suffix[1:].isalnum():
        return suffix
    return _EXTENSIONS.get(media_type, mimetypes.guess_extension(media_type or "") or "")


def original_path(data_dir: Path | None, document: Document) -> Path | None:
    """Where the documents package keeps the original bytes (None when not on this machine)."""
    if data_dir is None or document.sha256 is None:
        return None
    for candidate in (
        data_dir / "originals" / document.sha256,
        data_dir / "originals" / document.sha256[:2] / document.sha256,
        data_dir / "originals" / document.sha256[:2] / document.sha256[2:],
    ):
        if candidate.is_file():
            return candidate
    return None


def load_documents(
    session: Session, ids: set[int], data_dir: Path | None, redact
) -> dict[int, DocumentInfo]:
    """The documents ``ids``, text passed through ``redact`` (a callable or None)."""
    if not ids:
        return {}
    rows = session.scalars(
        select(Document).where(Document.id.in_(sorted(ids))).order_by(Document.id)
    )
    result = {}
    for doc in rows:
        text = doc.text or ""
        url = getattr(doc, "source_url", None) or doc.origin_ref
        url = url if (url or "").startswith(("http://", "https://")) else None
        result[doc.id] = DocumentInfo(
            id=doc.id,
            filename=(redact(doc.filename) if redact else doc.filename) or doc.filename,
            media_type=doc.media_type,
            size=doc.size,
            sha256=doc.sha256,
            origin=doc.origin,
            source_url=url,
            text=redact(text) if redact else text,
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
    return SourceRef(
        title=str(getattr(s, "title", "") or getattr(s, "url", "")),
        url=str(getattr(s, "url", "")),
        publisher=getattr(s, "publisher", None),
        date=str(getattr(s, "date", "") or "") or None,
    )


def maker_facts(maker_id: str, fallback_name: str) -> MakerFacts:
    """The knowledge-base entry of ``maker_id`` (or a bare record when the KB does not know it)."""
    try:
        manufacturer = load_kb().get(maker_id)
    except NotFound as exc:  # a maker outside the knowledge base still gets a page, without facts
        log.info("no knowledge-base entry for %s: %s", maker_id, exc)
        return MakerFacts(id=maker_id, name=fallback_name)
    facts = [
        (f.text, [_source(s) for s in f.sources])
        for f in [*manufacturer.identity, *manufacturer.notes]
    ]
    for own in manufacturer.ownership:
        share = f" ({own.percent:g}%)" if own.percent is not None else ""
        facts.append(
            (
                f"Owner: {own.owner}{share}" + (f", {own.note}" if own.note else ""),
                [_source(s) for s in own.sources],
            )
        )
    assessment = assess(manufacturer.id)
    flags = [
        {
            "code": f.code,
            "severity": int(f.severity),
            "title": f.title,
            "reason": f.reason,
            "sources": [_source(s) for s in f.sources],
        }
        for f in sorted(assessment.flags, key=lambda f: (-int(f.severity), f.code))
    ]
    return MakerFacts(
        id=manufacturer.id,
        name=manufacturer.name,
        country=manufacturer.country,
        kind=manufacturer.kind,
        summary=manufacturer.summary,
        state_linked=is_state_linked(manufacturer.id),
        made_by=manufacturer.made_by,
        facts=facts,
        flags=flags,
        risk_label=getattr(assessment, "label", None),
        in_kb=True,
    )
