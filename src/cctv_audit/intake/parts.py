"""The parts of a reply: the covering message, then each attachment, each read on its own.

An e-mail document's text already carries its attachments' text under ``[attachment N: name]``
markers (the documents package writes it so a person reads one page). Reading that whole text
would read every attachment twice over, and evidence would point into the e-mail rather than
the attachment it came from. So the covering part is the e-mail's text before its first
embedded attachment, and each direct attachment is read from its own document (its text
includes anything nested inside it, e.g. the files of a ZIP).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cctv_audit.documents.models import Document


@dataclass(frozen=True)
class Part:
    """One part of a reply as it is read: the document its evidence points into, and its text."""

    document: Document
    text: str
    #: ``cover`` (the message itself, or the only file) or ``attachment``.
    role: str

    @property
    def label(self) -> str:
        return (
            "the covering message"
            if self.role == "cover"
            else f"attachment {self.document.filename}"
        )


def reply_parts(session: Session, top: Document) -> tuple[list[Part], list[Document]]:
    """The readable parts of the reply whose document is ``top``, and the attachments with no text."""
    children = list(
        session.scalars(select(Document).where(Document.parent_id == top.id).order_by(Document.id))
    )
    text = top.text or ""
    readable = [c for c in children if c.text and c.text.strip()]
    unread = [c for c in children if not (c.text and c.text.strip())]
    cover_end = _cover_end(text, children)
    parts = [Part(top, text[:cover_end], "cover")] if text[:cover_end].strip() else []
    parts += [Part(child, child.text or "", "attachment") for child in readable]
    return parts, unread


# The markers the documents package writes before each embedded file (mail.py, archive.py).
_EMBEDDED = re.compile(r"^\[(?:attachment \d+: |member )", re.MULTILINE)


def _cover_end(text: str, children: list[Document]) -> int:
    """Where the covering text stops: at the marker of the first file embedded in it."""
    if not children:
        return len(text)
    found = _EMBEDDED.search(text)
    return found.start() if found else len(text)
