"""Pure text extraction: bytes or a file in, :class:`ExtractedText` out. No database.

The type is detected from the content; the file's size is checked from the
file system before it is read, so a huge file is refused without reading it.
"""

from __future__ import annotations

import os
from pathlib import Path

from cctv_audit.documents.errors import CorruptDocument, TooLarge
from cctv_audit.documents.extracted import ExtractedText
from cctv_audit.documents.extractors import run_extractor
from cctv_audit.documents.limits import Limits


def extract_bytes(data: bytes, filename: str, *, limits: Limits | None = None) -> ExtractedText:
    """Extract the text of ``data`` (``filename`` is used in messages and to tell CSV from text).

    Raises a subclass of :class:`~cctv_audit.errors.DocumentError`: ``UnsupportedFormat``,
    ``EncryptedDocument``, ``CorruptDocument``, ``NeedsOCR``, ``TooLarge``, ``UnsafeDocument``.
    """
    return run_extractor(data, filename, limits or Limits.from_env())


def check_size(path: str | os.PathLike[str], limits: Limits) -> int:
    """The size of ``path``, raising :class:`TooLarge` (without reading it) when over the limit."""
    try:
        size = os.stat(path).st_size
    except OSError as exc:
        raise CorruptDocument(f"{path}: cannot be read ({exc.strerror})") from exc
    if size > limits.max_file_size:
        raise TooLarge(
            f"{path}: {size:,} bytes is over the {limits.max_file_size:,}-byte limit; not read "
            "(raise it with CCTV_AUDIT_MAX_FILE_MB if the file is genuine)"
        )
    return size


def read_file(path: str | os.PathLike[str], limits: Limits) -> bytes:
    """The bytes of ``path`` after the size check."""
    check_size(path, limits)
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise CorruptDocument(f"{path}: cannot be read ({exc.strerror})") from exc


def extract_file(path: str | os.PathLike[str], *, limits: Limits | None = None) -> ExtractedText:
    """Extract the text of the file at ``path`` (see :func:`extract_bytes`)."""
    limits = limits or Limits.from_env()
    return run_extractor(read_file(path, limits), Path(path).name, limits)
