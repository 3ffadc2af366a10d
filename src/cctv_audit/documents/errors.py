"""Errors raised while storing documents or extracting their text.

Each has a short ``code`` recorded on the document row (``documents.error_code``)
so a batch summary can group failures, and a message that names the file and
says what to do. Constructors take one message so the errors pickle across the
extraction worker process.
"""

from __future__ import annotations

from cctv_audit.errors import DocumentError

__all__ = [
    "CorruptDocument",
    "DocumentError",
    "EncryptedDocument",
    "ExtractionTimeout",
    "NeedsOCR",
    "TooLarge",
    "UnsafeDocument",
    "UnsupportedFormat",
    "error_code",
]


class UnsupportedFormat(DocumentError):
    """The content is of a kind no extractor reads (detected from the bytes, not the name)."""

    code = "unsupported"


class EncryptedDocument(DocumentError):
    """The file is password protected: ask the sender for an unprotected copy."""

    code = "encrypted"


class CorruptDocument(DocumentError):
    """The file is truncated or malformed."""

    code = "corrupt"


class NeedsOCR(DocumentError):
    """The text is only in images and Tesseract is not available (or failed)."""

    code = "needs_ocr"


class TooLarge(DocumentError):
    """The file, an archive member or the expanded content exceeds a limit."""

    code = "too_large"


class UnsafeDocument(DocumentError):
    """Hostile structure: XML entity expansion, decompression bomb, recursive archive."""

    code = "unsafe"


class ExtractionTimeout(DocumentError):
    """Extraction took longer than the per-document time limit."""

    code = "timeout"


def error_code(exc: BaseException) -> str:
    """The short code recorded for ``exc`` (``failed`` for anything unexpected)."""
    return getattr(exc, "code", None) or "failed"
