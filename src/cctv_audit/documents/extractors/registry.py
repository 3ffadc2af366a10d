"""The extractor registry: one function per media type, registered with :func:`extractor`.

Dispatch is a dictionary lookup on the media type detected from the content;
adding a format means adding a module with a decorated function, nothing else.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath

from cctv_audit.documents import sniff as media
from cctv_audit.documents.errors import (
    CorruptDocument,
    TooLarge,
    UnsafeDocument,
    UnsupportedFormat,
    error_code,
)
from cctv_audit.documents.extracted import Attachment, ExtractedText
from cctv_audit.documents.limits import Limits

log = logging.getLogger(__name__)

Extractor = Callable[["Context"], ExtractedText]
EXTRACTORS: dict[str, Extractor] = {}

#: Suffixes that name each type: a mismatch with the content is reported as a warning.
SUFFIXES: dict[str, tuple[str, ...]] = {
    media.PDF: (".pdf",),
    media.DOCX: (".docx", ".docm"),
    media.XLSX: (".xlsx", ".xlsm"),
    media.XLS: (".xls",),
    media.ODS: (".ods",),
    media.CSV: (".csv", ".tsv"),
    media.HTML: (".html", ".htm"),
    media.EML: (".eml",),
    media.MSG: (".msg",),
    media.ZIP: (".zip",),
    media.TEXT: (".txt", ".text", ".log", ".md"),
    "image/png": (".png",),
    "image/jpeg": (".jpg", ".jpeg"),
    "image/tiff": (".tif", ".tiff"),
}


def extractor(*media_types: str) -> Callable[[Extractor], Extractor]:
    """Register the decorated function as the extractor of ``media_types``."""

    def decorate(function: Extractor) -> Extractor:
        for media_type in media_types:
            EXTRACTORS[media_type] = function
        return function

    return decorate


@dataclass
class Context:
    """What an extractor gets: the bytes, the name, the limits and how deep in archives it is."""

    data: bytes
    filename: str
    media_type: str
    limits: Limits
    depth: int = 0
    seen: frozenset[str] = field(default_factory=frozenset)
    warnings: list[str] = field(default_factory=list)

    def child(self, data: bytes, filename: str) -> Attachment:
        """Extract a nested file (attachment, archive member); its failure is recorded, not raised."""
        import hashlib

        digest = hashlib.sha256(data).hexdigest()
        media_type = media.sniff(data, filename)
        attachment = Attachment(filename=filename, data=data, media_type=media_type)
        try:
            if digest in self.seen:
                raise UnsafeDocument(
                    f"{filename}: contains itself (recursive archive); not expanded"
                )
            attachment.extracted = run_extractor(
                data, filename, self.limits, depth=self.depth + 1, seen=self.seen | {digest}
            )
        except Exception as exc:  # noqa: BLE001 - one bad attachment must not lose the email
            attachment.error, attachment.error_code = str(exc), error_code(exc)
            log.debug("attachment %s of %s: %s", filename, self.filename, exc)
        return attachment


def run_extractor(
    data: bytes,
    filename: str,
    limits: Limits,
    *,
    depth: int = 0,
    seen: frozenset[str] = frozenset(),
) -> ExtractedText:
    """Detect the type of ``data`` and run its extractor (raises a ``DocumentError`` subclass)."""
    if len(data) > limits.max_file_size:
        raise TooLarge(
            f"{filename}: {len(data):,} bytes is over the {limits.max_file_size:,}-byte limit "
            "(raise it with CCTV_AUDIT_MAX_FILE_MB if the file is genuine)"
        )
    if not data.strip():
        raise CorruptDocument(f"{filename}: the file is empty (0 bytes or only whitespace)")
    if depth > limits.max_depth:
        raise UnsafeDocument(
            f"{filename}: nested more than {limits.max_depth} levels deep in archives/emails"
        )
    media_type = media.sniff(data, filename)
    function = EXTRACTORS.get(media_type)
    if function is None:
        raise UnsupportedFormat(unsupported_message(filename, media_type))
    context = Context(data, filename, media_type, limits, depth, seen)
    mismatch = _suffix_warning(filename, media_type)
    result = function(context)
    result.warnings[:0] = [w for w in [mismatch, *context.warnings] if w]
    return result


def _suffix_warning(filename: str, media_type: str) -> str | None:
    suffix = PurePath(filename).suffix.lower()
    expected = SUFFIXES.get(media_type, ())
    known = any(suffix in names for names in SUFFIXES.values())
    if suffix and known and suffix not in expected:
        return f"{filename}: named {suffix} but the content is {media_type}; read as {media_type}"
    return None


def unsupported_message(filename: str, media_type: str) -> str:
    hints = {
        media.DOC: "old Word .doc files are not read: save it as .docx or PDF and ingest that",
        media.RTF: "RTF is not read: save it as .docx or PDF and ingest that",
        media.OCTET: "the content is not a document type cctv-audit reads",
    }
    hint = hints.get(
        media_type, "no extractor for this type; convert it to PDF, DOCX, XLSX, CSV or text"
    )
    return f"{filename}: {media_type}: {hint}"
