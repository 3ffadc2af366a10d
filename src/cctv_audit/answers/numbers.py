"""Numbers in replies: digits or words, and which of them count cameras.

A number counts cameras only when a camera word follows it ("17 bodycams",
"47 static and 9 PTZ", "two x go-pro cameras") or it sits in a count column or
after a maker ("Hikvision: 12"). Money, percentages, dates, years, times,
reference and phone numbers, section numbers and model numbers never count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cctv_audit.answers.rules import cue

_UNITS = {
    "zero": 0,
    "nil": 0,
    "no": 0,
    "a": 1,
    "an": 1,
    "one": 1,
    "single": 1,
    "two": 2,
    "pair": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
#: A phrase of number words, never starting or ending on "and" ("Vivotek, and forty-two" is 42 after "and");
#: "a dozen" is 12.
WORD_NUMBER = cue("numbers.word_number")
DIGITS = cue("numbers.digits")
TIMES_NUMBER = cue("numbers.times_number")
_DATE_CONTEXT = cue("numbers.date_context")
_BEFORE_BLOCK = cue("numbers.before_block")
CAMERA_WORD = cue("numbers.camera_word")
#: Generic nouns that count cameras only in a sentence already about cameras.
GENERIC_WORD = cue("numbers.generic_word")
#: Words that end the search for a camera word: verbs, prepositions, people and places.
_STOP = frozenset(
    [
        "have",
        "has",
        "had",
        "are",
        "is",
        "were",
        "was",
        "be",
        "with",
        "of",
        "in",
        "at",
        "for",
        "to",
        "on",
        "by",
        "from",
        "and",
        "or",
        "but",
        "which",
        "that",
        "who",
        "across",
        "officers",
        "officer",
        "staff",
        "members",
        "people",
        "users",
        "sites",
        "site",
        "locations",
        "location",
        "vehicles",
        "vehicle",
        "buildings",
        "building",
        "schools",
        "academies",
        "stations",
        "hospitals",
        "libraries",
        "properties",
        "car",
        "cars",
        "parks",
        "premises",
        "depots",
        "offices",
        "years",
        "months",
        "days",
        "hours",
        "pcns",
        "notices",
        "fines",
    ]
)
CAMERA_CONTEXT = cue("numbers.camera_context")
_SUBSECTION_AFTER = cue("numbers.subsection_after")
_YEAR_AS_COUNT = cue("numbers.year_as_count")
_LONG_DIGIT_RUN = cue("numbers.long_digit_run")
_OF_THEM = cue("numbers.of_them")
_OF_POSSESSIVE = cue("numbers.of_possessive")


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: int
    text: str


def word_value(words: str) -> int | None:
    """'sixty' -> 60, 'two hundred and forty-five' -> 245; None when not a number."""
    total, current, seen = 0, 0, False
    for token in re.split(r"[\s-]+", words.lower()):
        if token == "and":
            continue
        if token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token == "dozen":  # "a dozen" (12), "two dozen" (24)
            current = max(current, 1) * 12
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token == "thousand":
            total, current = total + max(current, 1) * 1000, 0
        else:
            return None
        seen = True
    return total + current if seen else None


def find_numbers(text: str, base: int = 0) -> list[Number]:
    """Plausible counts in ``text`` (offsets shifted by ``base``), skipping years, money, refs, dates."""
    found: list[Number] = []
    for match in DIGITS.finditer(text):
        value = int(match.group(1).replace(",", ""))
        before = text[: match.start()]
        after = text[match.end() :]
        if (
            _BEFORE_BLOCK.search(before[-24:])
            or _DATE_CONTEXT.match(after)
            or _is_year(value, before, after)
        ):
            continue
        if _in_long_digit_run(text, match.start(), match.end()) or _SUBSECTION_AFTER.match(after):
            continue
        found.append(Number(base + match.start(), base + match.end(), value, match.group(0)))
    for match in TIMES_NUMBER.finditer(text):  # "P3245-LVE x12": the count glued to its "x"
        found.append(
            Number(base + match.start(1), base + match.end(1), int(match.group(1)), match.group(1))
        )
    for match in WORD_NUMBER.finditer(text):
        phrase = match.group(0).strip()
        if phrase.lower() in {"and", "a", "an", "no"}:
            continue
        spelled = word_value(phrase)
        if spelled is not None:
            found.append(Number(base + match.start(), base + match.end(), spelled, match.group(0)))
    found.sort(key=lambda n: n.start)
    return [n for n in found if not _words_restated_in_brackets(found, n, text, base)]


def _words_restated_in_brackets(found: list[Number], number: Number, text: str, base: int) -> bool:
    """'one hundred and thirty-eight (138) cameras': one figure, not two; the digits, next to the devices,
    are kept."""
    return any(
        other.value == number.value
        and number.end <= other.start
        and bool(_BRACKET_BETWEEN.fullmatch(text[number.end - base : other.start - base]))
        for other in found
        if other is not number
    )


_BRACKET_BETWEEN = cue("numbers.bracket_between")
#: The figure ends a bracket it opened after the words it restates: "thirty-eight (138" (not an item mark "(1").
_OPEN_BRACKET_FIGURE = cue("numbers.open_bracket_figure")


def _is_year(value: int, before: str, after: str) -> bool:
    if 1990 <= value <= 2040:
        return not _YEAR_AS_COUNT.match(after)
    return False


def _in_long_digit_run(text: str, start: int, end: int) -> bool:
    """Phone numbers and IDs: digits glued to other digit groups by spaces or dashes."""
    around = text[max(0, start - 3) : end + 3]
    return bool(_LONG_DIGIT_RUN.search(around)) and end - start >= 3


_BRACKETED_ABBREVIATION = re.compile(r"\s*\((?:cctv|ip|ptz|anpr|tcc|bwv)\)", re.IGNORECASE)


def camera_count_after(text: str, number_end: int, about_cameras: bool = True) -> bool:
    """True when a camera word follows the number closely ('17 bodycams', '9 PTZ', '2 x go-pro cameras')."""
    tail = text[number_end : number_end + 80]
    if about_cameras and _OF_THEM.match(tail):  # "...body-worn cameras; we have 16 of them."
        return True
    tail = _OF_POSSESSIVE.sub(" ", tail)
    tail = _BRACKETED_ABBREVIATION.sub(" ", tail)  # "212 closed circuit television (CCTV) cameras"
    tokens = re.findall(r"[A-Za-z][\w'/-]*|\d[\w/-]*|[^\s\w]", tail)
    if tokens[:1] == [")"] and _OPEN_BRACKET_FIGURE.search(text[:number_end]):
        tokens = tokens[1:]  # "thirty-eight (138) cameras": the figure's own brackets close first
    for index, token in enumerate(tokens[:6]):
        low = token.lower().strip("'")
        if CAMERA_WORD.fullmatch(low):
            return True
        if about_cameras and GENERIC_WORD.fullmatch(low):
            return True
        if low in _STOP or (not token[0].isalnum() and token not in {"-", "×"}):
            return False
    return False
