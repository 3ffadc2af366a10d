"""Redacting the requester's personal data from published letters and replies.

Replies quote the requester back: "Dear Ms Smith", their email address, the
WhatDoTheyKnow reply address that identifies them, sometimes a postal address.
Redaction replaces each match by the same number of block characters, so
character offsets of evidence spans stay valid in the redacted text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import overload

BLOCK = "\u2588"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# "Dear Ms Smith": a title marks a personal name even when it is not the requester's as typed.
_SALUTATION = re.compile(
    r"\b(Dear|Hi|Hello)\s+((?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)([A-Z][\w'-]+(?:[ \t]+[A-Z][\w'-]+)?)"
)
_PHONE = re.compile(r"(?<!\w)(?:\+44\s?|0)(?:\d[\s-]?){9,10}\d?(?!\w)")


@dataclass(frozen=True)
class Redactor:
    """What to hide: the requester's names and addresses; email addresses outside ``keep_domains``."""

    names: tuple[str, ...] = ()
    address_lines: tuple[str, ...] = ()
    keep_domains: tuple[str, ...] = ()
    #: First name and surname alone ("Dear Jane", "Ms Smith"): whole words, case as written.
    name_words: tuple[str, ...] = ()

    @overload
    def __call__(self, text: str) -> str: ...
    @overload
    def __call__(self, text: None) -> None: ...
    def __call__(self, text: str | None) -> str | None:
        return redact_text(text, self)


def redactor_for(requester: dict | None, keep_domains: Iterable[str] = ()) -> Redactor:
    """A redactor for a survey's requester (``{"name", "email", "address", "organisation"}``)."""
    requester = requester or {}
    name = str(requester.get("name") or "").strip()
    names = [name] if name else []
    parts = name.split()
    words = (
        tuple(sorted({p for p in (parts[0], parts[-1]) if len(p) >= 3})) if len(parts) > 1 else ()
    )
    address = str(requester.get("address") or "")
    lines = [line.strip(" ,") for line in re.split(r"[\n,]", address) if len(line.strip(" ,")) >= 5]
    domains = tuple(sorted({d.lower().lstrip("@") for d in keep_domains if d}))
    return Redactor(tuple(names), tuple(sorted(set(lines))), domains, words)


def _block(match: re.Match) -> str:
    return BLOCK * len(match.group(0))


def _email(redactor: Redactor, match: re.Match) -> str:
    domain = match.group(0).rsplit("@", 1)[1].lower()
    if any(domain == d or domain.endswith("." + d) for d in redactor.keep_domains):
        return match.group(0)
    return _block(match)


def _salutation(match: re.Match) -> str:
    kept = match.group(1) + " " + (match.group(2) or "")
    return kept + BLOCK * (len(match.group(0)) - len(kept))


def redact_text(text: str | None, redactor: Redactor) -> str | None:
    """``text`` with the requester's data blocked out, same length, same offsets."""
    if not text:
        return text
    result = _EMAIL.sub(lambda m: _email(redactor, m), text)
    result = _SALUTATION.sub(_salutation, result)
    for literal in (*redactor.names, *redactor.address_lines):
        result = re.sub(re.escape(literal), _block, result, flags=re.IGNORECASE)
    for word in redactor.name_words:
        result = re.sub(rf"\b{re.escape(word)}\b", _block, result)
    result = _PHONE.sub(_block, result)
    if len(result) != len(
        text
    ):  # evidence offsets depend on it; a pattern bug must not pass silently
        raise ValueError("redaction changed the text length")
    return result
