"""Phrases that tell the parts of a reply apart (request, answer, boilerplate, navigation).

Kept in one module so every rule of the segmenter reads as a named cue; the
patterns, with why each exists and examples, are data in
``answers/rules/segment.yaml``, written from how UK FOI replies are laid out
(letters, disclosure logs, WhatDoTheyKnow pages), not copied from any one reply.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cctv_audit.answers.rules import cue

REQUEST_MARKER = cue("segment.request_marker")
ANSWER_MARKER = cue("segment.answer_marker")
#: "Request: Please tell me..." / "Response: The council..." - a label and its content on one line.
REQUEST_INLINE = cue("segment.request_inline")
ANSWER_INLINE = cue("segment.answer_inline")
THREAD_MARKER = cue("segment.thread_marker")
NAV = cue("segment.nav")
#: One cell of a site's menu bar ("Home | Residents | Business", "Contact us | Accessibility").
NAV_CELL = cue("segment.nav_cell")
BOILERPLATE = cue("segment.boilerplate")
QUESTION_START = cue("segment.question_start")
ANSWER_START = cue("segment.answer_start")
HEADER_LINE = cue("segment.header_line")
# Headings of page furniture that lists other pages ("Other requests like this", "Related disclosures",
# "Recent disclosure log entries"): the titles under them are links to other requests, never claims.
RELATED_HEADING = cue("segment.related_heading")
# "Related: Hikvision cameras in schools (FOI 123)" or "Popular searches: bins, Hikvision" on one line.
RELATED_INLINE = cue("segment.related_inline")
ANSWERED_INLINE = cue("segment.answered_inline")
TITLE_LIKE = cue("segment.title_like")
_BREADCRUMB_SEPARATOR = cue("segment.breadcrumb_separator")
_FROM_HEADER = cue("segment.from_header")
_SENT_OR_DATE_HEADER = cue("segment.sent_or_date_header")
_NAV_CELL_LABEL = cue("segment.nav_cell_label")
_LETTER_START = cue("segment.letter_start")
_QUESTION_MARK_END = cue("segment.question_mark_end")


def is_request_marker(line: str) -> bool:
    return len(line) <= 240 and bool(REQUEST_MARKER.match(line))


def is_request_inline(line: str) -> bool:
    return bool(REQUEST_INLINE.match(line)) and not is_request_marker(line)


def is_answer_inline(line: str) -> bool:
    return bool(ANSWER_INLINE.match(line)) and not is_answer_marker(line)


def is_answer_marker(line: str) -> bool:
    return len(line) <= 160 and bool(ANSWER_MARKER.match(line))


def is_thread_marker(lines: list, index: int) -> bool:
    """An older message quoted below the reply: 'Original Message', 'On ... wrote:', '>' lines, From/Sent pairs."""
    text = lines[index].text
    if THREAD_MARKER.match(text):
        # "Home > About us > FOI" wrapped so that "> Disclosure log" starts a line is a breadcrumb, not a quote.
        above = lines[index - 1].text if index else ""
        return not (
            text.lstrip().startswith(">")
            and _BREADCRUMB_SEPARATOR.search(above)
            and not above.lstrip().startswith(">")
        )
    if index > 3 and _FROM_HEADER.match(text):
        following = " ".join(line.text for line in lines[index + 1 : index + 4])
        return bool(_SENT_OR_DATE_HEADER.search(following))
    return False


@lru_cache(
    maxsize=4096
)  # a pure function of the line, asked again for each stage (bounded: batches are long)
def is_nav(line: str) -> bool:
    return len(line) < 400 and (
        bool(NAV.search(line)) or bool(RELATED_INLINE.match(line)) or is_nav_bar(line)
    )


def is_nav_bar(line: str) -> bool:
    """A menu flattened into cells: no numbers, and most cells are menu words."""
    cells = [_NAV_CELL_LABEL.sub("", c.strip()) for c in line.strip().strip("|").split("|")]
    cells = [c for c in cells if c]
    if len(cells) < 2 or any(re.search(r"\d", c) for c in cells):
        return False
    menu = sum(1 for c in cells if NAV_CELL.match(c))
    return menu >= 2 and menu * 2 >= len(cells)


def is_related_heading(line: str) -> bool:
    return len(line) < 80 and bool(RELATED_HEADING.match(line))


def ends_related_block(line: str) -> bool:
    """A line that is content again after a list of links: a letter, a request/answer marker, a paragraph."""
    return (
        len(line) > 120
        or bool(_LETTER_START.match(line))
        or is_request_marker(line)
        or is_answer_marker(line)
    )


@lru_cache(
    maxsize=4096
)  # a pure function of the text, asked again for each unit and citation (bounded: batches are long)
def is_boilerplate(text: str) -> bool:
    return bool(BOILERPLATE.search(text))


def looks_like_question(text: str) -> bool:
    """The request's wording: a question mark at the end or a request verb at the start."""
    stripped = text.strip().lstrip("\"“‘'")
    if stripped.endswith("?") or _QUESTION_MARK_END.search(stripped):
        return True
    if ANSWERED_INLINE.search(
        stripped
    ):  # "Number of cameras - 54": the question carries its answer
        return False
    return bool(QUESTION_START.match(stripped)) and not looks_like_answer(stripped)


_ENUMERATOR = cue("segment.enumerator")


def looks_like_answer(text: str) -> bool:
    stripped = _ENUMERATOR.sub("", text.strip(), count=1)
    if stripped.endswith("?"):
        return False
    return bool(ANSWER_START.match(stripped))


def is_title_like(text: str) -> bool:
    """Short heading lines before any marker (page titles, reference lines)."""
    return bool(TITLE_LIKE.match(text.strip())) and not looks_like_answer(text)


def is_header_line(text: str) -> bool:
    """Subject lines, reference lines, page titles such as 'FOI 123 - Hikvision cameras'."""
    stripped = text.strip()
    return len(stripped) < 140 and bool(HEADER_LINE.match(stripped)) and not stripped.endswith("?")


def is_table_row(line: str) -> bool:
    return line.count(" | ") >= 1 or (line.count("|") >= 2 and len(line.strip()) > 2)


def is_letterhead(text: str, region: str) -> bool:
    """A header line, or a title-like line before the letter starts (the caller keeps table rows out)."""
    return is_header_line(text) or (region == "preamble" and is_title_like(text))
