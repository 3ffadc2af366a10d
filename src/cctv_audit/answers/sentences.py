"""The units of one line: its sentences (split where a sentence ends, not after "No." before a number or
inside "e.g."), list items run together on one line ("a) ... b) ..."), a table row, or the question and
answer cells of a question-and-answer table row."""

from __future__ import annotations

import itertools
import re

from cctv_audit.answers import cues
from cctv_audit.answers.lines import Line
from cctv_audit.answers.rules import cue
from cctv_audit.answers.units import Unit

_INLINE_LABEL = cue("segment.inline_label")
_SENTENCE_END = cue("segment.sentence_end")
_NO_SPLIT_BEFORE = cue("segment.no_split_before")
NUMBER_ABBREVIATION = cue("segment.number_abbreviation")
_LIST_AFTER_COLON = re.compile(r"[:;]\s*(\(?\d{1,2}[.)])$")
_ENUMERATOR_ONLY = cue("segment.enumerator_only")


def line_units(text: str, line: Line) -> list[Unit]:
    raw = line.text
    if line.cells is not None:
        return [
            Unit(
                line.start,
                line.start + len(raw),
                raw.replace("\n", " "),
                line.number,
                line.role,
                cells=list(line.cells),
            )
        ]
    qa = _QA_ROW.match(raw)
    if qa:
        return _qa_row_units(text, line, qa.end(1))
    if cues.is_table_row(raw):
        return [_table_row_unit(line)]
    units = []
    for index, (a, b) in enumerate(_split_sentences(raw, line.start)):
        for c, d, is_question in _question_split(text, a, b):
            # A joined (wrapped) line reads as one: newlines become spaces, lengths and offsets unchanged.
            unit = Unit(
                c,
                d,
                text[c:d].replace("\n", " "),
                line.number,
                line.role,
                line_start=(index == 0 and c == a),
            )
            unit.forced_question = is_question
            units.append(unit)
    return units


def _table_row_unit(line: Line) -> Unit:
    """A line of cells ("Site | Make | Qty") as one unit with its cells. A row rebuilt from one-cell lines
    reads as one line (same length, same offsets)."""
    raw = line.text
    stripped = raw.strip()
    start = line.start + len(raw) - len(raw.lstrip())
    cells = [c.strip() for c in stripped.strip("|").split("|")]
    text = stripped.replace("\n", " ")
    return Unit(start, start + len(stripped), text, line.number, line.role, cells=cells)


#: "3. Does the Council use Hikvision? | No. ...": a row of a question-and-answer table (group 1: the question).
_QA_ROW = cue("segment.qa_row")


def _qa_row_units(text: str, line: Line, question_end: int) -> list[Unit]:
    """The question cell as a question unit, then the answer cell's sentences as answer units."""
    raw = line.text
    question = Unit(
        line.start, line.start + question_end, raw[:question_end], line.number, line.role
    )
    question.forced_question = True
    answer_start = raw.index("|", question_end) + 1
    answer_start += len(raw[answer_start:]) - len(raw[answer_start:].lstrip())
    units = [question]
    for index, (a, b) in enumerate(_split_sentences(raw[answer_start:], line.start + answer_start)):
        unit = Unit(
            a, b, text[a:b].replace("\n", " "), line.number, line.role, line_start=index == 0
        )
        units.append(unit)
    return units


def _split_sentences(text: str, base: int) -> list[tuple[int, int]]:
    """Sentence spans of one line (relative offsets shifted by ``base``)."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        head = text[start : match.start()]
        numbered = (
            NUMBER_ABBREVIATION.search(head) and text[match.end() : match.end() + 1].isdigit()
        )
        opened = _LIST_AFTER_COLON.search(head)
        if opened:  # "please tell me: 1. Whether ...": the item starts at its mark, not after it
            spans.append((start, start + opened.start(1)))
            start += opened.start(1)
            continue
        if (
            _NO_SPLIT_BEFORE.search(head)
            or len(head.strip()) < 2
            or _ENUMERATOR_ONLY.match(head)
            or numbered
        ):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        for c, d in _split_inline_labels(text, a, b):
            piece = text[c:d]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece.rstrip())
            if piece.strip():
                out.append((base + c + lead, base + c + trail))
    return out


def _split_inline_labels(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """'a) Yes. b) No.' on one line: one span per labelled item."""
    piece = text[a:b]
    matches = list(_INLINE_LABEL.finditer(piece))
    labels = [m.group(1).lower() for m in matches]
    # Only a real sequence ("a) ... b) ..." or "1) ... 2) ...") splits; "Axis (61) and Hanwha (19)" does not.
    if len(matches) < 2 or labels[0] not in {"a", "1"} or not _consecutive(labels):
        return [(a, b)]
    starts = [m.start() for m in matches]
    cuts = [0] + [s for s in starts if s > 0] + [len(piece)]
    return [(a + x, a + y) for x, y in itertools.pairwise(cuts) if y > x]


def _consecutive(labels: list[str]) -> bool:
    if all(label.isdigit() for label in labels):
        return [int(x) for x in labels] == list(range(int(labels[0]), int(labels[0]) + len(labels)))
    return all(len(x) == 1 and x.isalpha() for x in labels) and [ord(x) for x in labels] == list(
        range(ord(labels[0]), ord(labels[0]) + len(labels))
    )


def _question_split(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """'Do you use X? No.' -> the question part and the answer part."""
    piece = text[start:end]
    mark = piece.find("?")
    if (
        0 < mark < len(piece) - 1
        and piece[mark + 1 :].strip(" )\"”'")
        and cues.looks_like_question(piece[: mark + 1])
    ):
        rest = piece[mark + 1 :]
        lead = len(rest) - len(rest.lstrip(" )\"”'"))
        return [(start, start + mark + 1, True), (start + mark + 1 + lead, end, False)]
    return [(start, end, False)]
