"""Turning review form input (text boxes) into the values ``findings.review_field`` expects."""

from __future__ import annotations

import re
from typing import Any

from cctv_audit.errors import InputError

LIST_FIELDS = ("exemptions", "in_use", "denied")
_COUNT_ITEM = re.compile(r"^\s*(?P<name>[^:=]+?)\s*[:=]\s*(?P<n>\d+)\s*$")


def parse_value(field: str, raw: str | None) -> Any:
    """The typed value of a corrected field from what the reviewer typed.

    Lists are comma-separated names; counts are ``Name: 12`` items separated by
    commas or new lines; the camera total is a whole number or empty.
    """
    text = (raw or "").strip()
    if field in LIST_FIELDS:
        return [part.strip() for part in text.split(",") if part.strip()]
    if field == "counts":
        return _parse_counts(text)
    if field == "total_cameras":
        if not text:
            return None
        if not (text.isascii() and text.isdigit()):
            raise InputError(f"total cameras must be a whole number, not {text!r}")
        return int(text)
    return text


def _parse_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in re.split(r"[,\n]", text):
        if not item.strip():
            continue
        match = _COUNT_ITEM.match(item)
        if match is None:
            raise InputError(f"write counts as 'Maker: number', e.g. 'Hikvision: 12' (not {item.strip()!r})")
        counts[match["name"]] = int(match["n"])
    return counts


def show_value(value: Any) -> str:
    """A field value as the reviewer would type it (the inverse of :func:`parse_value`)."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def parse_skip(raw: str | None) -> set[int]:
    """Answer ids the reviewer skipped in this sitting (``"3,7,9"``)."""
    return {int(part) for part in (raw or "").split(",") if part.strip().isascii() and part.strip().isdigit()}
