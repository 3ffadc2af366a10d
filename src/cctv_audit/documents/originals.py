"""The originals store: every file kept byte for byte under its SHA-256, never modified.

Layout: ``<data dir>/originals/ab/cdef...`` (the first two hex digits as a
folder). Writes go to a temporary file in the same folder, are flushed to disk,
then renamed into place, so a crash leaves either the whole file or nothing.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from cctv_audit.documents.errors import DocumentError


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def original_path(data_dir: Path, sha256: str) -> Path:
    """Where the original with this digest lives (whether or not it exists yet)."""
    return Path(data_dir) / "originals" / sha256[:2] / sha256[2:]


def save_original(data_dir: Path, data: bytes, sha256: str | None = None) -> Path:
    """Store ``data`` once under its digest; an existing copy is left untouched."""
    digest = sha256 or sha256_hex(data)
    path = original_path(data_dir, digest)
    if path.exists():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, 0o444)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise DocumentError(
            f"cannot write the original {path}: {exc.strerror}; check the data directory "
            "(CCTV_AUDIT_DATA) exists, is writable and has space"
        ) from exc
    return path


def read_original(data_dir: Path, sha256: str) -> bytes:
    """The stored bytes of the original ``sha256``."""
    path = original_path(data_dir, sha256)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DocumentError(
            f"the original {path} is missing or unreadable ({exc.strerror})"
        ) from exc
