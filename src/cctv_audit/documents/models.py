"""Tables of the documents package: originals and their extracted text."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from cctv_audit.store.base import Base, JSONText, utcnow


class Document(Base):
    """One original file, stored byte for byte under ``<data dir>/originals/<sha256>``."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: Content address of the original. Null only for a file refused unread (over the size limit).
    sha256: Mapped[str | None] = mapped_column(String(64), unique=True, index=True)
    filename: Mapped[str] = mapped_column(String(512))
    #: Media type detected from the content (not the extension), e.g. ``application/pdf``.
    media_type: Mapped[str] = mapped_column(String(128))
    size: Mapped[int] = mapped_column(BigInteger)
    #: How it arrived: ``file``, ``email``, ``attachment``, ``zip-member``, ``imap``, ``wdtk``.
    origin: Mapped[str] = mapped_column(String(32))
    #: Where from: a path, ``imap://host/folder#uid``, a WhatDoTheyKnow URL...
    origin_ref: Mapped[str | None] = mapped_column(Text)
    #: The email or archive this file came out of.
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    #: ``pending``, ``extracted``, ``needs_ocr``, ``encrypted``, ``failed``.
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    error: Mapped[str | None] = mapped_column(Text)
    #: Short reason for a failure: ``unsupported``, ``corrupt``, ``encrypted``, ``needs_ocr``,
    #: ``too_large``, ``unsafe``, ``timeout``, ``failed``.
    error_code: Mapped[str | None] = mapped_column(String(32), index=True)
    #: Things worth knowing that did not stop extraction (wrong extension, guessed encoding...).
    warnings: Mapped[list[str] | None] = mapped_column(JSONText)
    #: For a saved web page (``SOURCE: <url>`` first line) or a WhatDoTheyKnow file: where it came from.
    source_url: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)
    #: Tables as ``[{"where": "page 2", "start": 10, "end": 90, "rows": [[...], ...]}]``.
    tables: Mapped[list | None] = mapped_column(JSONText)
    pages: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    extracted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Message(Base):
    """The headers of a document that is an email: used to match replies to requests."""

    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), unique=True)
    message_id: Mapped[str | None] = mapped_column(String(998), index=True)
    in_reply_to: Mapped[str | None] = mapped_column(String(998))
    references: Mapped[list[str] | None] = mapped_column(JSONText)
    from_addr: Mapped[str | None] = mapped_column(String(512), index=True)
    to_addrs: Mapped[list[str] | None] = mapped_column(JSONText)
    subject: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    #: ``imap://user@host/INBOX``, a Maildir or mbox path: where it was fetched from.
    mailbox: Mapped[str | None] = mapped_column(Text)


class Mailbox(Base):
    """What has been read from one IMAP folder, so a rerun fetches only new mail."""

    __tablename__ = "mailboxes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: ``imap://user@host:port/INBOX`` (never a password).
    url: Mapped[str] = mapped_column(String(1024), unique=True)
    #: The folder's UIDVALIDITY: when the server changes it, UIDs are reassigned and we read all again.
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
    last_checked: Mapped[dt.datetime | None] = mapped_column(DateTime)
