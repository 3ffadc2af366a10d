"""Detect a document's media type from its bytes; the file name only breaks ties between text kinds.

A ``.docx`` that is really a PDF is read as a PDF (with a warning); a ``.pdf``
that is really HTML is read as HTML. Containers are looked into: a ZIP is a
DOCX, XLSX or ODS by its members, an OLE2 file is an Outlook message, an old
Excel workbook, an old Word file or an encrypted Office file by its streams.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODT = "application/vnd.oasis.opendocument.text"
XLS = "application/vnd.ms-excel"
DOC = "application/msword"
MSG = "application/vnd.ms-outlook"
OFFICE_ENCRYPTED = "application/x-ms-office-encrypted"
OLE = "application/x-ole-storage"
ZIP = "application/zip"
EML = "message/rfc822"
MBOX = "application/mbox"
HTML = "text/html"
CSV = "text/csv"
TEXT = "text/plain"
JSON = "application/json"
RTF = "application/rtf"
OCTET = "application/octet-stream"

_IMAGE_MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
]
_OTHER_MAGIC = [
    (b"{\\rtf", RTF),
    (b"\x1f\x8b", "application/gzip"),
    (b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
    (b"Rar!", "application/vnd.rar"),
]
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_EMAIL_HEADER = re.compile(
    rb"^(received|from|to|subject|date|message-id|mime-version|return-path|delivered-to|x-[\w-]+"
    rb"|content-type|reply-to|cc|in-reply-to|references|sender|thread-\w+):",
    re.IGNORECASE,
)
_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|table|div|p)\b",
    re.IGNORECASE | re.DOTALL,
)


def sniff(data: bytes, filename: str | None = None) -> str:
    """The media type of ``data`` judged from its content (``filename`` only separates text kinds)."""
    head = data[:8192]
    if b"%PDF-" in head[:1024]:
        return PDF
    for magic, media_type in _IMAGE_MAGIC + _OTHER_MAGIC:
        if head.startswith(magic):
            return media_type
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(data)
    if head.startswith(_OLE_MAGIC):
        return _sniff_ole(data)
    return _sniff_text(head, _suffix(filename))


def _suffix(filename: str | None) -> str:
    return PurePath(filename).suffix.lower() if filename else ""


def _sniff_zip(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return DOCX
            if "xl/workbook.xml" in names:
                return XLSX
            if "mimetype" in names:
                declared = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
                if declared in (ODS, ODT):
                    return declared
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return ZIP  # the archive extractor reports the damage
    return ZIP


def _sniff_ole(data: bytes) -> str:
    import olefile

    try:
        ole = olefile.OleFileIO(data)
    except (OSError, ValueError):  # truncated or damaged compound file
        return OLE
    try:
        streams = {"/".join(entry).lower() for entry in ole.listdir(streams=True, storages=True)}
    finally:
        ole.close()
    if "encryptioninfo" in streams or "encryptedpackage" in streams:
        return OFFICE_ENCRYPTED
    if any(name.startswith("__substg1.0_") for name in streams):
        return MSG
    if "workbook" in streams or "book" in streams:
        return XLS
    if "worddocument" in streams:
        return DOC
    return OLE


def _looks_binary(head: bytes) -> bool:
    if not head:
        return False
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.1


def _sniff_text(head: bytes, suffix: str) -> str:
    if _looks_binary(head):
        return OCTET
    stripped = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if stripped.startswith(b"From ") and suffix in ("", ".mbox", ".mbx") and b"\n" in stripped:
        return MBOX
    if _HTML_START.match(stripped) or suffix in (".html", ".htm") and b"<" in stripped:
        return HTML
    if _looks_like_email(stripped):
        return EML
    if suffix in (".csv", ".tsv"):
        return CSV
    if suffix == ".json" and stripped.startswith((b"{", b"[")):
        return JSON
    return TEXT


def _looks_like_email(head: bytes) -> bool:
    """At least two header lines at the top, one of them From/Date/Subject/Message-ID/Received."""
    lines = head.split(b"\n", 20)[:20]
    matched = [line for line in lines if _EMAIL_HEADER.match(line)]
    key = re.compile(rb"^(from|date|subject|message-id|received|mime-version):", re.IGNORECASE)
    return (
        bool(lines)
        and bool(_EMAIL_HEADER.match(lines[0]))
        and len(matched) >= 2
        and any(key.match(line) for line in matched)
    )
