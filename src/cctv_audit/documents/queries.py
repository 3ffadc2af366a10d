"""Reading stored documents back: listing, one by id, as plain dictionaries."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cctv_audit.documents.models import Document, Message
from cctv_audit.errors import NotFound


def list_documents(
    session: Session,
    *,
    status: str | None = None,
    origin: str | None = None,
    top_level: bool = False,
    limit: int | None = None,
) -> list[Document]:
    """Documents, newest first, filtered by status, origin, or only those not inside another."""
    query = select(Document).order_by(Document.id.desc())
    if status:
        query = query.where(Document.status == status)
    if origin:
        query = query.where(Document.origin == origin)
    if top_level:
        query = query.where(Document.parent_id.is_(None))
    if limit:
        query = query.limit(limit)
    return list(session.scalars(query))


def get_document(session: Session, document_id: int) -> Document:
    """The document with this id; raises :class:`NotFound` saying how to list them."""
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound(f"no document {document_id}; see `cctv-audit documents list`")
    return document


def document_message(session: Session, document_id: int) -> Message | None:
    return session.scalar(select(Message).where(Message.document_id == document_id))


def children(session: Session, document_id: int) -> list[Document]:
    return list(
        session.scalars(
            select(Document).where(Document.parent_id == document_id).order_by(Document.id)
        )
    )


def document_to_dict(session: Session, document: Document, *, text: bool = False) -> dict[str, Any]:
    """A JSON-ready view of a document, its email headers and its children (text only when asked)."""
    data = {
        column: getattr(document, column)
        for column in (
            "id",
            "filename",
            "media_type",
            "size",
            "sha256",
            "origin",
            "origin_ref",
            "parent_id",
            "status",
            "error_code",
            "error",
            "warnings",
            "source_url",
            "pages",
            "created_at",
            "extracted_at",
        )
    }
    data["tables"] = len(document.tables or [])
    data["text_length"] = len(document.text or "")
    message = document_message(session, document.id)
    if message is not None:
        data["email"] = {
            "message_id": message.message_id,
            "in_reply_to": message.in_reply_to,
            "references": message.references,
            "from": message.from_addr,
            "to": message.to_addrs,
            "subject": message.subject,
            "date": message.sent_at,
            "mailbox": message.mailbox,
        }
    data["children"] = [
        {"id": c.id, "filename": c.filename, "status": c.status}
        for c in children(session, document.id)
    ]
    if text:
        data["text"] = document.text
    return data
