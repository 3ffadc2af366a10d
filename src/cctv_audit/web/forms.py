"""Showing review values in form fields, and reading the form's skip list.

Typed corrections are parsed by ``findings.parse_field_value``, the parser the terminal uses too.
"""

from __future__ import annotations

from typing import Any


def show_value(value: Any) -> str:
    """A field value as the reviewer would type it (what ``findings.parse_field_value`` reads back)."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def parse_skip(raw: str | None) -> set[int]:
    """Answer ids the reviewer skipped in this sitting (``"3,7,9"``)."""
    return {
        int(part)
        for part in (raw or "").split(",")
        if part.strip().isascii() and part.strip().isdigit()
    }
