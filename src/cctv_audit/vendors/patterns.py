"""Compile knowledge-base names and model numbers into regular expressions.

Names tolerate the ways replies and OCR mangle them: any case, hyphens or
spaces between words ("Hik-Vision", "Hik vision") and, for long single words,
one stray space or hyphen between letters ("Hikvi sion"). Model-number
patterns must start a token; the mention then runs to the end of that token
so "DS-2CD2143G0-I" is quoted whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cctv_audit.vendors.schema import Manufacturer

#: Characters that may separate the words of a name ("Hik-Vision", "Dedicated  Micros");
#: names written with punctuation ("Co., Ltd.") also accept dots and commas.
WORD_GAP = r"[\s\-_]*"
PUNCTUATED_GAP = r"[\s\-_.,]*"
#: Shortest single word in which a stray OCR space or hyphen is tolerated.
OCR_MIN_LENGTH = 7
#: Same-length replacements, so offsets in the normalised text equal offsets in the original.
_SAME_LENGTH = str.maketrans(
    {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad"}
    | {c: " " for c in "\u00a0\u2007\u202f\u2009\u200a\t"}
)
MODEL_TAIL = re.compile(r"[A-Za-z0-9\-/()+.]*")
MAC_IN_TEXT = re.compile(
    r"(?<![0-9A-Fa-f:\-])(?:[0-9A-Fa-f]{2}[:\-]){5}[0-9A-Fa-f]{2}(?![0-9A-Fa-f:\-])"
    r"|(?<![0-9A-Fa-f.])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![0-9A-Fa-f.])"
)


def normalise(text: str) -> str:
    """Dashes to '-', odd spaces to ' ': same length, so spans stay valid in the original."""
    return text.translate(_SAME_LENGTH)


@dataclass(frozen=True)
class Label:
    """One way of writing a maker's name."""

    maker_id: str
    text: str
    kind: str  # "name" or "alias"
    context: bool


@dataclass(frozen=True)
class Model:
    """One model-number pattern of a maker."""

    maker_id: str
    regex: re.Pattern[str]
    in_text: bool
    meaning: str


def labels_of(maker: Manufacturer) -> list[Label]:
    """Name, legal names and aliases; an alias entry overrides the same text as a name."""
    by_key: dict[str, Label] = {}
    for text in [maker.name, *maker.legal_names]:
        by_key[text.casefold()] = Label(maker.id, text, "name", False)
    for alias in maker.aliases:
        kind = "name" if alias.text.casefold() == maker.name.casefold() else "alias"
        by_key[alias.text.casefold()] = Label(maker.id, alias.text, kind, alias.context)
    return list(by_key.values())


def label_regex(text: str) -> str:
    """Regex source for a name, tolerant of case, word gaps and OCR splits."""
    words = re.findall(r"[^\W_]+", text)
    parts = []
    for word in words:
        if len(word) >= OCR_MIN_LENGTH:
            parts.append(r"[ \-]?".join(re.escape(ch) for ch in word))
        else:
            parts.append(re.escape(word))
    return (PUNCTUATED_GAP if re.search(r"[.,]", text) else WORD_GAP).join(parts)


def build_label_regex(labels: list[Label]) -> re.Pattern[str]:
    """One alternation over every label, longest first so the fullest name wins.

    Alternatives are grouped by first letter behind a look-ahead, so at each position the
    engine tries one small group instead of every name (about ten times faster).
    """
    ordered = sorted(range(len(labels)), key=lambda i: -len(labels[i].text))
    groups: dict[str, list[str]] = {}
    for i in ordered:
        first = labels[i].text[0].casefold()
        groups.setdefault(first, []).append(f"(?P<l{i}>{label_regex(labels[i].text)})")
    branches = [
        f"(?={re.escape(first)})(?:{'|'.join(alts)})" for first, alts in sorted(groups.items())
    ]
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(branches)})(?![^\W_])", re.IGNORECASE)


def models_of(maker: Manufacturer) -> list[Model]:
    """The maker's model patterns (case-sensitive: model numbers are written in capitals;
    patterns opt in to any case with ``(?i:...)``)."""
    return [Model(maker.id, re.compile(m.pattern), m.in_text, m.meaning) for m in maker.models]


def build_model_regex(models: list[Model]) -> re.Pattern[str]:
    """One alternation over the free-text model patterns; each must start a token."""
    alternatives = [f"(?P<m{i}>{m.regex.pattern})" for i, m in enumerate(models) if m.in_text]
    return re.compile(rf"(?<![A-Za-z0-9\-/])(?:{'|'.join(alternatives)})")


def token_end(text: str, start: int, end: int) -> int:
    """Extend a model match to the end of its token, minus trailing punctuation and stray ')'."""
    tail = MODEL_TAIL.match(text, end)
    stop = tail.end() if tail else end
    while stop > end:
        token = text[start:stop]
        if token[-1] in ".-/+(" or (token[-1] == ")" and token.count("(") < token.count(")")):
            stop -= 1
            continue
        break
    return stop
