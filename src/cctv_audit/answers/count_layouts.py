"""Counts read off a reply's layout: tables (through answers/table_rows.py), rows flattened without
separators, list items under a maker's line and 'Manufacturer: / Quantity:' label blocks.
answers/counts.py reads the sentences and decides which figure wins."""

from __future__ import annotations

import re

from cctv_audit.answers.count_model import CountKind, CountSpan
from cctv_audit.answers.lines import NUMBER_LABEL
from cctv_audit.answers.maker_layout import MAKE_LABEL, own_cell
from cctv_audit.answers.makers import MakerFinding
from cctv_audit.answers.numbers import CAMERA_CONTEXT, Number, find_numbers
from cctv_audit.answers.rules import cue
from cctv_audit.answers.segment import items_under
from cctv_audit.answers.table_rows import (
    asset_row,
    grouped_rows_count,
    maker_column_count,
    row_count,
)
from cctv_audit.answers.units import Unit


#: A table header flattened without separators: "Make Model Qty".
def layout_count(units: list[Unit], finding: MakerFinding) -> tuple[int, CountSpan] | None:
    """The maker's count where the layout gives it: its table row or column, the list items under
    its line, a row flattened without separators, or the quantity line of its label block."""
    unit = finding.unit
    if unit.cells is not None:
        return (
            maker_column_count(units, unit, finding.hit)
            or row_count(units, unit)
            or asset_row(units, unit)
        )
    return (
        itemised_count(units, finding)
        or grouped_rows_count(units, finding)
        or glued_row_count(units, unit)
        or label_block_count(units, unit)
    )


GLUED_HEADER = cue("counts.glued_header")


def _under_glued_header(units: list[Unit], index: int) -> bool:
    """Climb the rows above (one line each, each naming a maker or a subtotal row; page furniture where the
    table breaks across pages passed over) to a header line such as "Area / location Manufacturer Cameras"."""
    below = units[index]
    for above in reversed(units[:index]):
        if above.role == "nav":
            continue
        if above.cells is not None:
            return False
        if above.line != below.line - 1 and not _page_break_between(units, above, below):
            return False
        if GLUED_HEADER.match(above.text):
            return True
        if not above.hits and not _SUBTOTAL_WORD.search(above.text):
            return False
        below = above
    return False


_SUBTOTAL_WORD = re.compile(r"\bsub[- ]?totals?\b", re.IGNORECASE)


def _page_break_between(units: list[Unit], above: Unit, below: Unit) -> bool:
    """Only page furniture lies between two lines: the table goes on over the page."""
    between = [u for u in units if above.end <= u.start < below.start]
    return bool(between) and all(u.role == "nav" for u in between)


def glued_row_count(units: list[Unit], unit: Unit) -> tuple[int, CountSpan] | None:
    """'Axis P3245-LVE 12' under 'Make Model Qty': the number ending the line is its count."""
    if not _under_glued_header(units, units.index(unit)):
        return None
    numbers = free_numbers(unit)
    last = numbers[-1] if numbers else None
    if (
        last is None
        or unit.text[last.end :].strip(" .")
        or unit.text[last.start - 1 : last.start] != " "
    ):
        return None
    return last.value, span_of(
        unit, [last], "count column of a table flattened without separators", "glued_row"
    )


def free_numbers(unit: Unit) -> list[Number]:
    """Numbers of the unit that are not part of a maker name or model number ('Axon Body 3'), nor approximate."""
    hits = unit.hits
    return [
        n
        for n in exact_numbers(unit)
        if not any(h.start - unit.start < n.end and n.start < h.end - unit.start for h in hits)
    ]


#: "approximately 60", "over 200", "around forty": a figure, not a count.
APPROXIMATE = cue("counts.approximate")
#: "between 4 and 8 cameras", "6 cameras per vehicle": bounds and rates, not counts.
RANGE_BEFORE = cue("counts.range_before")
RANGE_OR_RATE_AFTER = cue("counts.range_or_rate_after")


def exact_numbers(unit: Unit) -> list[Number]:
    numbers = []
    label = NUMBER_LABEL.match(unit.text) if unit.label else None
    for number in find_numbers(unit.text):
        before = unit.text[: number.start]
        if label is not None and number.end <= label.end():
            continue  # "1. Yes.": the item's number, not a count
        if (
            APPROXIMATE.search(before)
            or RANGE_BEFORE.search(before)
            or RANGE_OR_RATE_AFTER.match(unit.text, number.end)
        ):
            unit.approximate = True
            continue
        numbers.append(number)
    return numbers


def label_block_count(units: list[Unit], unit: Unit) -> tuple[int, CountSpan] | None:
    """'Manufacturer: Axis' then 'Quantity: 14' in the same block (next line or next sentence): Axis has 14."""
    if not MAKE_LABEL.match(unit.text) or free_numbers(unit):
        return None
    index = units.index(unit)
    line = unit.line
    for other in units[index + 1 : index + 5]:
        if other.role != "answer" or other.line - line > 1 or MAKE_LABEL.match(other.text):
            return None
        line = other.line
        if other.hits:
            return None
        match = KEY_VALUE_COUNT.match(other.text)
        if match:
            other.counted_for_maker = True
            a, b = other.start + match.start(1), other.start + match.end(1)
            return int(match.group(1)), CountSpan(
                other, a, b, "quantity line under the maker's label", "quantity_line"
            )
    return None


def span_of(unit: Unit, numbers: list[Number], reason: str, kind: CountKind) -> CountSpan:
    return CountSpan(
        unit, unit.start + numbers[0].start, unit.start + numbers[-1].end, reason, kind
    )


def itemised_count(units: list[Unit], finding: MakerFinding) -> tuple[int, CountSpan] | None:
    """'Hanwha (sold as Wisenet)' over '- fixed bullet cameras: 22' / '- PTZ cameras: 6': the items' sum."""
    unit = finding.unit
    if len({h.name for h in unit.hits}) != 1:
        return None
    items = items_under(units, unit)
    values = []
    for item in items:
        numbers = exact_numbers(item)
        if item.hits or not numbers or not CAMERA_CONTEXT.search(item.text):
            return None
        values.append(numbers[-1].value)
    if not values:
        return None
    first, last = items[0], items[-1]
    return sum(values), CountSpan(
        first, first.start, last.end, "camera numbers of the list items under the maker", "items"
    )


KEY_VALUE_COUNT = cue("counts.key_value_count")


def labelled_by_other(unit: Unit, number: Number, rel_start: int) -> bool:
    """'Axis: 58 Hanwha: 26': 58 is labelled by Axis, so it is never the number before Hanwha."""
    return any(
        h.start - unit.start != rel_start
        and _LABEL_SEPARATOR.fullmatch(unit.text[h.end - unit.start : number.start])
        for h in unit.hits
    )


def before_other_maker(unit: Unit, number: Number, rel_start: int) -> bool:
    """'Hanwha and Axis cameras: 61 Hanwha and 33 Axis': 61 is right before Hanwha, so never Axis's (but in
    'Axis: 58 Hanwha: 26' the 58 is labelled by Axis)."""
    own = next((h for h in unit.hits if h.start - unit.start == rel_start), None)
    if own is not None and _LABEL_SEPARATOR.fullmatch(
        unit.text[own.end - unit.start : number.start]
    ):
        return False
    return any(
        h.start - unit.start != rel_start and 0 <= h.start - unit.start - number.end <= 1
        for h in unit.hits
    )


_LABEL_SEPARATOR = re.compile(r"\s*[:=]\s*")


def sentence_cell(finding: MakerFinding) -> bool:
    """The maker's cell is a sentence, a question-and-answer table's answer ("2 | There are 412 Hikvision
    cameras in use. They are at older sites"), whose words are read like any answer's."""
    unit = finding.unit
    if unit.cells is None:
        return False
    own = own_cell(unit.text, finding.hit.start - unit.start)
    return len(own.split()) >= SENTENCE_CELL_WORDS and bool(SENTENCE_VERB.search(own))


SENTENCE_VERB = cue("counts.sentence_verb")
#: How many words make a cell an answer sentence rather than a table value.
SENTENCE_CELL_WORDS = 6
