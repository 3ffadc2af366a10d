"""Counts read off a reply's layout: table rows and maker columns, rows flattened without separators,
list items under a maker's line and 'Manufacturer: / Quantity:' label blocks, plus the span type
every count carries. answers/counts.py reads the sentences and decides which figure wins."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from cctv_audit.answers.lexicon import MakerHit
from cctv_audit.answers.maker_layout import MAKE_LABEL
from cctv_audit.answers.makers import MakerFinding
from cctv_audit.answers.numbers import CAMERA_CONTEXT, Number, find_numbers
from cctv_audit.answers.rules import cue
from cctv_audit.answers.segment import items_under
from cctv_audit.answers.units import Unit

COUNT_HEADER = cue("counts.count_header")


WEAK_COUNT_HEADER = cue("counts.weak_count_header")


#: Which rule found a count: code branches on the kind, never on the reason's wording.
CountKind = Literal[
    "adjacent",
    "clause",
    "part",
    "sentence",
    "all_of_them",
    "singular",
    "glued_row",
    "row",
    "quantity_line",
    "remain_of_these",
    "further_same_make",
    "in_use_of_which",
    "of_our",
    "total_row",
    "stated_total",
    "no_cameras",
    "camera_numbers",
    "how_many",
    "rest_split",
    "remainder",
    "items",
]


class CountSpan(NamedTuple):
    """The passage a count comes from: its unit, offsets in the reply, the reason shown, and the rule's kind."""

    unit: Unit
    start: int
    end: int
    reason: str
    kind: CountKind


@dataclass
class CountResult:
    """A number with the spans that support it."""

    value: int
    spans: list[CountSpan] = field(default_factory=list)
    sure: bool = True
    #: Only recorders (NVR/DVR) were counted for this maker: devices of its make, but not cameras.
    recorders: bool = False


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


COUNT_CELL = cue("counts.count_cell")


TOTAL_CELL = cue("counts.total_cell")


def exact_numbers(unit: Unit) -> list[Number]:
    numbers = []
    for number in find_numbers(unit.text):
        before = unit.text[: number.start]
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


def maker_column_count(
    units: list[Unit], header: Unit, hit: MakerHit
) -> tuple[int, CountSpan] | None:
    """'Site | Hikvision | Dahua | Axis | Total' over rows of numbers: a maker's count is its column's Total row,
    or the sum of its column over the site rows (subtotal rows left out) when there is no Total row."""
    cells = header.cells or []
    column = next((k for k, cell in enumerate(cells) if hit.text.lower() in cell.lower()), None)
    makers_in_header = {h.name for h in header.hits}
    if column is None or len(makers_in_header) < 2 or cell_number(cells[column]) is not None:
        return None
    rows = rows_below(units, header, len(cells))
    if not rows:
        return None
    total = next(
        (
            r
            for r in rows
            if TOTAL_ROW_LABEL.match((r.cells or [""])[0])
            and not SUBTOTAL_ROW_LABEL.match((r.cells or [""])[0])
        ),
        None,
    )
    counted = (
        [total]
        if total is not None
        else [r for r in rows if not SUBTOTAL_ROW_LABEL.match((r.cells or [""])[0])]
    )
    values = [cell_number((r.cells or [])[column]) for r in counted]
    if any(v is None for v in values):
        return None
    first = counted[0]
    offset, cell = cell_offset(first, column), (first.cells or [])[column]
    reason = (
        "the Total row of the maker's column"
        if total is not None
        else "the maker's column summed over the rows"
    )
    return sum(v for v in values if v is not None), CountSpan(
        first, first.start + offset, first.start + offset + len(cell), reason, "row"
    )


def rows_below(units: list[Unit], header: Unit, width: int) -> list[Unit]:
    """The table rows of the same width right below a header row (page furniture between them skipped)."""
    rows = []
    for unit in units[units.index(header) + 1 :]:
        if unit.role == "nav":
            continue
        if unit.cells is None or len(unit.cells) != width:
            break
        rows.append(unit)
    return rows


TOTAL_ROW_LABEL = cue("counts.total_row_label")


SUBTOTAL_ROW_LABEL = cue("counts.subtotal_row_label")


def row_count(units: list[Unit], row: Unit) -> tuple[int, CountSpan] | None:
    """The count cell of a table row: the column headed Number/Qty/Cameras, else the last whole number.
    A question-and-answer table ("No. | Question | Response") has no count column: its "No." is the item."""
    header = header_row(units, row)
    if header is not None and any(QA_HEADER.match(c) for c in header.cells or []):
        return None
    column = count_column(units, row)
    cells = row.cells or []
    candidates = (
        [column]
        if column is not None and column < len(cells)
        else list(range(len(cells) - 1, 0, -1))
    )
    for index in candidates:
        value = cell_number(cells[index])
        if value is not None:
            offset = cell_offset(row, index)
            return value, CountSpan(
                row,
                row.start + offset,
                row.start + offset + len(cells[index]),
                "count column of a table row",
                "row",
            )
    return None


def header_row(units: list[Unit], row: Unit) -> Unit | None:
    """The header of the table a row belongs to: the nearest row above with no maker and no number."""
    index = units.index(row)
    for j in range(index - 1, -1, -1):  # an asset register may run to hundreds of rows
        unit = units[j]
        if unit.role == "nav":  # a page footer where the table breaks across pages
            continue
        if unit.cells is None:
            return None
        if not unit.hits and not any(cell_number(c) is not None for c in unit.cells):
            return unit
    return None


def count_column(units: list[Unit], row: Unit) -> int | None:
    header = header_row(units, row)
    if header is None:
        return None
    cells = header.cells or []
    for k, cell in enumerate(cells):
        if COUNT_HEADER.search(cell):
            return k
    for k, cell in enumerate(cells):
        # "Cameras" is the count column; "Camera make" / "Camera model" name the camera, not how many.
        if WEAK_COUNT_HEADER.search(cell) and not _NAMING_HEADER.search(cell):
            return k
    return None


_NAMING_HEADER = re.compile(
    r"\b(?:make|model|manufacturer|brand|type|location|site|id|ref|supplier|name)s?\b",
    re.IGNORECASE,
)


ASSET_HEADER = cue("counts.asset_header")
QA_HEADER = cue("counts.qa_header")


def asset_row(units: list[Unit], row: Unit) -> tuple[int, CountSpan] | None:
    """A row of an asset register (a header with an asset ID column and no count column) is one device."""
    header = header_row(units, row)
    if header is None or not any(ASSET_HEADER.search(c) for c in header.cells or []):
        return None
    if count_column(units, row) is not None:
        return None
    return 1, CountSpan(row, row.start, row.end, "one row of an asset register", "row")


def cell_number(cell: str) -> int | None:
    cell = cell.strip()
    match = COUNT_CELL.fullmatch(cell)
    if not match:
        numbers = find_numbers(cell)
        if len(numbers) == 1 and numbers[0].text.strip().lower() == cell.lower():
            return numbers[0].value
        return None
    value = int(match.group(1).replace(",", ""))
    return None if 1990 <= value <= 2040 and len(match.group(1)) == 4 else value


def cell_offset(row: Unit, index: int) -> int:
    position = 0
    for k, cell in enumerate(row.cells or []):
        found = row.text.find(cell, position)
        if k == index:
            return max(found, 0)
        position = found + len(cell) if found >= 0 else position
    return 0


KEY_VALUE_COUNT = cue("counts.key_value_count")
