"""Limits that keep hostile or huge files from exhausting time, memory or disk."""

from __future__ import annotations

import os
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Per-document limits; the defaults suit FOI replies (rarely over a few MB).

    ``max_file_size`` is checked from the file's size before it is read.
    ``max_expanded`` caps what archives and Office files may expand to, and
    ``max_ratio`` the compression ratio of any member over 10 MB (zip bombs).
    ``timeout`` is wall-clock seconds per document, enforced by the worker process.
    """

    max_file_size: int = 100 * MB
    max_expanded: int = 256 * MB
    max_ratio: int = 500
    max_members: int = 2000
    max_depth: int = 4
    max_pages: int = 2000
    max_cells: int = 2_000_000
    timeout: float = 120.0
    memory: int = 3 * 1024 * MB
    ocr: bool = True

    @classmethod
    def from_env(cls) -> Limits:
        """Defaults, with ``CCTV_AUDIT_MAX_FILE_MB`` and ``CCTV_AUDIT_EXTRACT_TIMEOUT`` when set."""
        limits = cls()
        changes: dict[str, object] = {}
        if os.environ.get("CCTV_AUDIT_MAX_FILE_MB"):
            changes["max_file_size"] = int(float(os.environ["CCTV_AUDIT_MAX_FILE_MB"]) * MB)
        if os.environ.get("CCTV_AUDIT_EXTRACT_TIMEOUT"):
            changes["timeout"] = float(os.environ["CCTV_AUDIT_EXTRACT_TIMEOUT"])
        return cls(**{**limits.__dict__, **changes}) if changes else limits
