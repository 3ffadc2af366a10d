"""Lines of a reply, and joining the lines a PDF or web page wrapped in the middle of a sentence.

Wrapping is what separates "does not use" from "Hikvision cameras.": joined, the
negation and the maker are read together. Offsets stay those of the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cctv_audit.answers import cues
from cctv_audit.answers.rules import cue

NUMBER_LABEL = cue("lines.number_label")
LIST_ITEM = cue("lines.list_item")


@dataclass
class Line:
    start: int
    text: str
    number: int
    role: str = ""
    #: Cells of a table row rebuilt from one cell a line without separators (a PDF's flattened table).
    cells: list[str] | None = None


def split_lines(text: str) -> list[Line]:
    out, pos = [], 0
    for number, raw in enumerate(text.split("\n")):
        out.append(Line(pos, raw, number))
        pos += len(raw) + 1
    return out


#: A line ending like this stops mid-sentence ("does not use" / "Hikvision cameras.").
_OPEN_END = cue("lines.open_end")


#: A line ending "e.g." or "such as" has not finished its sentence.
OPEN_ABBREVIATION = cue("lines.open_abbreviation")


def _open_quote(text: str) -> bool:
    """More opening than closing quotation marks: the quotation continues on the next line."""
    straight = text.count('"') % 2 == 1
    return straight or text.count("“") > text.count("”")


_SALUTATION = cue("lines.salutation")
_MONTH = cue("lines.month")
_COUNTED_NOUN = cue("lines.counted_noun")
_CAMERA_ACRONYM = cue("lines.camera_acronym")
_KEY_VALUE = cue("lines.key_value")
_KEY_VALUE_HEAD = cue("lines.key_value_head")
_CITED_SECTION_END = cue("lines.cited_section_end")
_SECTION_GLOSS = cue("lines.section_gloss")
_ENDS_ON_NUMBER = cue("lines.ends_on_number")
_NUMBER_THEN_LOWER = cue("lines.number_then_lower")


QUANTITY_END = cue("lines.quantity_end")


def join_wrapped(text: str, lines: list[Line]) -> list[Line]:
    """Join lines that a PDF or web page wrapped mid-sentence, so a negation stays with its maker.

    A line joins the one above when both are in the same region, neither is a table row or a list
    item, the one above has no closing punctuation, and this one starts in lower case or the one
    above ends on a word that cannot end a sentence ("not", "by", "the"...).
    """
    out: list[Line] = []
    for line in lines:
        previous = out[-1] if out else None
        if previous is not None and _continues(previous, line):
            end = line.start + len(line.text)
            out[-1] = Line(
                previous.start, text[previous.start : end], previous.number, previous.role
            )
            continue
        out.append(line)
    return out


def _continues(previous: Line, line: Line) -> bool:
    if previous.role != line.role or previous.role in {"blank", "marker", "nav"}:
        return False
    head, tail = previous.text.rstrip(), line.text.strip()
    if not head or not tail or cues.is_table_row(line.text) or cues.is_table_row(previous.text):
        return False
    if (_SALUTATION.match(head) and len(head) < 40) or (_SALUTATION.match(tail) and len(tail) < 40):
        return False
    if (
        _open_quote(head) or OPEN_ABBREVIATION.search(head) or head[-1] in ",&–"
    ):  # the sentence runs on
        return True
    if head[-1] in ".?!:;|" and not OPEN_ABBREVIATION.search(head):
        return False
    if (
        LIST_ITEM.match(tail)
        or NUMBER_LABEL.match(tail)
        or cues.is_answer_marker(tail)
        or cues.is_request_marker(tail)
    ):
        return False
    if QUANTITY_END.search(
        head
    ):  # "HiLook bullet camera qty 3" / "Dahua dome 4no.": one item a line
        return False
    # "Council response: None of the Council's" / "equipment is made by ...": a sentence after the label runs on.
    # "Question: Please confirm the number of" / "Hikvision cameras...": a label's sentence cut on an open word runs on too.
    runs_on = (tail[0].islower() or bool(_OPEN_END.search(head))) and len(
        re.findall(r"\w+", _KEY_VALUE_HEAD.sub("", head))
    ) >= 3
    if not runs_on and (
        _KEY_VALUE.match(tail)
        or (_KEY_VALUE.match(head) and len(head) < 50 and not NUMBER_LABEL.match(head))
    ):
        return False  # "Hikvision – No" / "Dahua – Yes": one item a line
    if tail[0].islower():
        return True
    # "withheld under section 24(1)" / "(national security) and section 31(1)(a)": a gloss after a cited section.
    if _CITED_SECTION_END.search(head) and _SECTION_GLOSS.match(tail):
        return True
    if _ENDS_ON_NUMBER.search(head) and (
        _COUNTED_NOUN.match(tail) or _MONTH.match(tail)
    ):  # "uses 14" / "Hikvision cameras."
        return True
    if head[-1].isalpha() and _NUMBER_THEN_LOWER.match(tail):  # "the FOIA" / "2000 and, therefore"
        return True
    if head[-1].islower() and _CAMERA_ACRONYM.match(
        tail
    ):  # "operates 64 public space" / "CCTV cameras."
        return True
    return bool(_OPEN_END.search(head)) and not cues.QUESTION_START.match(tail)
