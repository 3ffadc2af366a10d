"""Guarded ZIP access for archives and ZIP-based Office files (DOCX, XLSX, ODS).

Checks run on the central directory before anything is decompressed: member
count, total expanded size, compression ratio. ``zipfile`` never reads past a
member's declared size, so a lying header cannot expand further than declared.
XML members are scanned for a DTD: Office XML never needs one, and entity
definitions are how billion-laughs and external-entity attacks start.
"""

from __future__ import annotations

import io
import zipfile

from cctv_audit.documents.errors import CorruptDocument, EncryptedDocument, TooLarge, UnsafeDocument
from cctv_audit.documents.limits import MB, Limits

RATIO_FLOOR = 10 * MB  # small members may compress very well without harm
_CHUNK = 1 * MB
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")


def open_zip(data: bytes, filename: str, limits: Limits) -> zipfile.ZipFile:
    """Open an archive after checking its directory against ``limits``."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise CorruptDocument(
            f"{filename}: not a readable ZIP archive ({exc}); it may be truncated"
        ) from exc
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise UnsafeDocument(
            f"{filename}: {len(members)} archive members is over the {limits.max_members} limit"
        )
    total = sum(info.file_size for info in members)
    if total > limits.max_expanded:
        raise UnsafeDocument(
            f"{filename}: expands to {total:,} bytes, over the {limits.max_expanded:,}-byte limit (zip bomb?)"
        )
    for info in members:
        if info.flag_bits & 0x1:
            raise EncryptedDocument(
                f"{filename}: {info.filename} is password protected in the archive"
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > limits.max_ratio:
            raise UnsafeDocument(
                f"{filename}: {info.filename} expands {ratio:,.0f}x (limit {limits.max_ratio}x): a decompression bomb"
            )
    return archive


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, filename: str) -> bytes:
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise CorruptDocument(f"{filename}: member {info.filename} cannot be read ({exc})") from exc


def check_office_zip(data: bytes, filename: str, limits: Limits) -> None:
    """Reject an Office file whose ZIP is a bomb or whose XML declares a DTD/entities."""
    with open_zip(data, filename, limits) as archive:
        for info in archive.infolist():
            if info.filename.endswith((".xml", ".rels")) or info.filename == "content.xml":
                _scan_for_dtd(archive, info, filename)


def _scan_for_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo, filename: str) -> None:
    tail = b""
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                window = tail + chunk
                if any(marker in window for marker in _DTD_MARKERS):
                    raise UnsafeDocument(
                        f"{filename}: {info.filename} declares XML entities (a billion-laughs or external-entity "
                        "attack); not read"
                    )
                tail = window[-16:]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise CorruptDocument(f"{filename}: member {info.filename} cannot be read ({exc})") from exc


def too_large(filename: str, what: str, limit: int) -> TooLarge:
    return TooLarge(f"{filename}: more than {limit:,} {what}; split the file or raise the limit")
