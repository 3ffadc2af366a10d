"""Emails: RFC 822 (.eml) and Outlook .msg. Headers, body, then each attachment's text under a marker."""

from __future__ import annotations

import datetime as dt
import email
import email.errors
import email.policy
import email.utils
import logging
import re
from pathlib import PurePath

from cctv_audit.documents import sniff as media
from cctv_audit.documents.errors import CorruptDocument
from cctv_audit.documents.extracted import Attachment, EmailHeaders, ExtractedText, TextBuilder
from cctv_audit.documents.extractors.html import html_to_builder
from cctv_audit.documents.extractors.registry import Context, extractor

log = logging.getLogger(__name__)
_MSGID = re.compile(r"<[^<>\s]+>")


def parse_date(value: object) -> dt.datetime | None:
    """A header date as naive UTC (None when missing or unparseable)."""
    if isinstance(value, dt.datetime):
        parsed = value
    elif value:
        try:
            parsed = email.utils.parsedate_to_datetime(str(value))
        except (TypeError, ValueError, IndexError):
            return None
    else:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed


def message_ids(value: object) -> list[str]:
    """Every ``<id@host>`` in a Message-ID / In-Reply-To / References header."""
    return _MSGID.findall(str(value or ""))


def addresses(*values: object) -> list[str]:
    return [
        addr.lower() for _, addr in email.utils.getaddresses([str(v) for v in values if v]) if addr
    ]


def write_email(
    ctx: Context,
    headers: EmailHeaders,
    raw: dict[str, str],
    body: tuple[str, str],
    attachments: list[Attachment],
) -> ExtractedText:
    """The common layout of an email's text: header lines, body, then attachments under markers."""
    builder = TextBuilder()
    for name in ("From", "To", "Cc", "Date", "Subject"):
        if raw.get(name):
            builder.line(f"{name}: {' '.join(raw[name].split())}")
    kind, content = body
    if kind == "html":
        html_to_builder(content, builder)
    else:
        builder.paragraph(content)
    for number, attachment in enumerate(attachments, start=1):
        label = f"attachment {number}: {attachment.filename}"
        if attachment.extracted is not None:
            builder.include(attachment.extracted, label)
        else:
            builder.marker(f"{label} (not read: {attachment.error})")
    return ExtractedText(
        builder.text(), ctx.media_type, builder.tables, email=headers, attachments=attachments
    )


@extractor(media.EML)
def extract_eml(ctx: Context) -> ExtractedText:
    message = email.message_from_bytes(ctx.data, policy=email.policy.default)
    raw = {name: _header(message, name) for name in ("From", "To", "Cc", "Date", "Subject")}
    headers = EmailHeaders(
        message_id=next(iter(message_ids(_header(message, "Message-ID"))), None),
        in_reply_to=next(iter(message_ids(_header(message, "In-Reply-To"))), None),
        references=message_ids(_header(message, "References")),
        from_addr=next(iter(addresses(raw["From"])), None),
        to_addrs=addresses(raw["To"], raw["Cc"]),
        subject=raw["Subject"] or None,
        date=parse_date(raw["Date"]),
    )
    body = _body(message)
    if not any(raw.values()) and not headers.message_id and not body[1].strip():
        raise CorruptDocument(f"{ctx.filename}: not a readable email (no headers, no body)")
    attachments = [ctx.child(data, name) for name, data in _attachments(message)]
    return write_email(ctx, headers, raw, body, attachments)


#: What the standard library's header parsing raises on a malformed header (its parser has known
#: IndexError/AttributeError bugs on hostile input, and unknown charsets are LookupErrors).
HEADER_ERRORS = (email.errors.MessageError, ValueError, LookupError, TypeError, AttributeError)


def _header(message, name: str) -> str:
    try:
        value = message.get(name)
    except HEADER_ERRORS:  # a malformed header must not lose the message
        value = message.get_all(name, failobj=[""])[0] if hasattr(message, "get_all") else ""
    return str(value or "")


def _body(message) -> tuple[str, str]:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return "text", ""
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):
        content = (part.get_payload(decode=True) or b"").decode("utf-8", "replace")
    return ("html" if part.get_content_subtype() == "html" else "text"), str(content)


def _attachments(message) -> list[tuple[str, bytes]]:
    found = []
    for number, part in enumerate(message.iter_attachments(), start=1):
        if part.get_content_type() == "message/rfc822":
            # Usually a parsed sub-message; some clients base64-encode it as plain bytes instead.
            inner = part.get_payload(0) if part.is_multipart() else None
            data = inner.as_bytes() if inner is not None else part.get_payload(decode=True) or b""
            name = part.get_filename() or f"forwarded-{number}.eml"
        else:
            data = part.get_payload(decode=True) or b""
            name = (
                part.get_filename()
                or f"attachment-{number}{_guess_suffix(part.get_content_type())}"
            )
        if _is_inline_decoration(part, data):
            continue
        found.append((PurePath(name.replace("\\", "/")).name or f"attachment-{number}", data))
    return found


def _is_inline_decoration(part, data: bytes) -> bool:
    """Logos and signature images embedded by Content-ID: not reply content."""
    return (
        part.get_content_maintype() == "image"
        and part.get("Content-ID") is not None
        and part.get_content_disposition() != "attachment"
        and len(data) < 50_000
    )


def _guess_suffix(content_type: str) -> str:
    import mimetypes

    return mimetypes.guess_extension(content_type) or ".bin"
