"""Counts read off tables: a row's count column (not a "Camera make" column, not a question-and-answer
table's item number), one device per row of an asset register, a maker's own column, and rows grouped
under a line naming their maker."""

from __future__ import annotations

import re

from cctv_audit.answers.count_model import CountSpan
from cctv_audit.answers.lexicon import MakerHit
from cctv_audit.answers.mentions import MakerFinding
from cctv_audit.answers.numbers import find_numbers
from cctv_audit.answers.rules import cue
from cctv_audit.answers.units import Unit

COUNT_HEADER = cue("counts.count_header")


WEAK_COUNT_HEADER = cue("counts.weak_count_header")


COUNT_CELL = cue("counts.count_cell")


TOTAL_CELL = cue("counts.total_cell")


def grouped_rows_count(units: list[Unit], finding: MakerFinding) -> tuple[int, CountSpan] | None:
    """A table grouped by maker: a line that is only the maker ("Avigilon", "Honeywell (legacy)") over rows
    naming no maker ("Royal Infirmary | 210 | 96 | 8 | 314"): the sum of the rows' count column."""
    unit = finding.unit
    if not _GROUP_HEADING.fullmatch(unit.text) or len({h.name for h in unit.hits}) != 1:
        return None
    index = units.index(unit)
    rows = []
    for below in units[index + 1 :]:
        if below.role == "nav":
            continue
        first = below.cells[0] if below.cells else ""
        if (
            below.cells is None
            or below.hits
            or TOTAL_ROW_LABEL.match(first)
            or SUBTOTAL_ROW_LABEL.match(first)
        ):
            break
        rows.append(below)
    values = [found[0] for found in (row_count(units, row) for row in rows) if found is not None]
    if not rows or len(values) != len(rows):
        return None
    return sum(values), CountSpan(
        rows[0],
        rows[0].start,
        rows[-1].end,
        "count column of the rows under the maker's heading",
        "items",
    )


#: A heading line that is only a maker's name, perhaps with a bracketed note ("Honeywell (legacy)").
_GROUP_HEADING = re.compile(r"\s*[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,2}(?: \([^)]{1,30}\))?\s*")


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
    values = [cell_number(cell_at(r, column)) for r in counted]
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
    """The table rows of the same width right below a header row (page furniture between them skipped); under
    a last column headed Total a row may lack that cell (a spreadsheet's formulas never calculated read empty)."""
    rows = []
    last = (header.cells or [""])[-1]
    narrower = width - 1 if width >= 3 and TOTAL_CELL.match(last) else width
    for unit in units[units.index(header) + 1 :]:
        if unit.role == "nav":
            continue
        if unit.cells is None or not narrower <= len(unit.cells) <= width:
            break
        rows.append(unit)
    return rows


def cell_at(row: Unit, column: int) -> str:
    """The row's cell in that column, or "" where the row stops short of it."""
    cells = row.cells or []
    return cells[column] if column < len(cells) else ""


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
    in_service = [k for k, cell in enumerate(cells) if IN_SERVICE_HEADER.search(cell)]
    for k in in_service:  # "In service" before "Total on register", if it holds figures, not "Yes"
        if cell_number(cell_at(row, k)) is not None:
            return k
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
IN_SERVICE_HEADER = cue("counts.in_service_header")
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
