"""Outlook .msg files (extract-msg): the same layout as an .eml."""

from __future__ import annotations

import logging

from cctv_audit.documents import sniff as media
from cctv_audit.documents.errors import CorruptDocument
from cctv_audit.documents.extracted import EmailHeaders, ExtractedText
from cctv_audit.documents.extractors.mail import (
    HEADER_ERRORS,
    addresses,
    message_ids,
    parse_date,
    write_email,
)
from cctv_audit.documents.extractors.registry import Context, extractor

log = logging.getLogger(__name__)


@extractor(media.MSG)
def extract_msg(ctx: Context) -> ExtractedText:
    import extract_msg as msglib

    try:
        message = msglib.openMsg(ctx.data, delayAttachments=False)
    except Exception as exc:  # one document: extract-msg raises many types on damaged files
        raise CorruptDocument(f"{ctx.filename}: not a readable Outlook message ({exc!r})") from exc
    try:
        raw = {
            "From": _str(getattr(message, "sender", None)),
            "To": _str(getattr(message, "to", None)),
            "Cc": _str(getattr(message, "cc", None)),
            "Date": _str(getattr(message, "date", None))
            or _from_header(getattr(message, "header", None), "Date"),
            "Subject": _str(getattr(message, "subject", None)),
        }
        header = getattr(message, "header", None)
        headers = EmailHeaders(
            message_id=next(iter(message_ids(getattr(message, "messageId", None))), None),
            in_reply_to=next(iter(message_ids(_from_header(header, "In-Reply-To"))), None),
            references=message_ids(_from_header(header, "References")),
            from_addr=next(iter(addresses(raw["From"])), None),
            to_addrs=addresses(raw["To"], raw["Cc"]),
            subject=raw["Subject"] or None,
            date=parse_date(getattr(message, "date", None)) or parse_date(raw["Date"]),
        )
        body = _body(message)
        attachments = [ctx.child(data, name) for name, data in _attachments(message)]
    finally:
        message.close()
    return write_email(ctx, headers, raw, body, attachments)


def _str(value: object) -> str:
    return "" if value is None else str(value)


def _from_header(header, name: str) -> str:
    try:
        return str(header.get(name) or "") if header is not None else ""
    except HEADER_ERRORS:  # a malformed header must not lose the message
        return ""


def _body(message) -> tuple[str, str]:
    text = getattr(message, "body", None)
    if text and str(text).strip():
        return "text", str(text)
    html = getattr(message, "htmlBody", None)
    if html:
        return "html", html.decode("utf-8", "replace") if isinstance(html, bytes) else str(html)
    return "text", ""


def _attachments(message) -> list[tuple[str, bytes]]:
    found = []
    for number, attachment in enumerate(getattr(message, "attachments", []), start=1):
        name = getattr(attachment, "longFilename", None) or getattr(attachment, "name", None)
        data = getattr(attachment, "data", None)
        if data is not None and hasattr(data, "exportBytes"):  # an embedded message
            data, name = data.exportBytes(), name or f"embedded-{number}.msg"
        if isinstance(data, bytes):
            found.append((name or f"attachment-{number}", data))
    return found
