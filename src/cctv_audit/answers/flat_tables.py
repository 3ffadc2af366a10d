"""Tables a web page or PDF flattened to one cell a line, rebuilt as rows of cells.

Used by answers/segment.py before it splits a reply into units: a row with its cells can then be
read as a table row (its maker cell, its count column) instead of as loose words and numbers."""

from __future__ import annotations

from cctv_audit.answers.lines import Line
from cctv_audit.answers.rules import cue

_CELL_LINE = cue("segment.cell_line")
_COUNT_HEADER = cue("segment.count_header")
_NUMBER_CELL = cue("segment.number_cell")
TOTAL_ROW_LABEL = cue("segment.total_row_label")


def rebuild_cell_rows(text: str, lines: list[Line]) -> list[Line]:
    """A table a web page flattened to one cell a line ("Site |", "Axis |", "12 |"): rows again.

    The width comes from the header: the count column ("Cameras", "Quantity") is at index c, and the
    first number is the count of the first data row, at index width + c. Anything else is left as it is."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        run = []
        j = index
        while j < len(lines):
            stripped = lines[j].text.strip()
            if stripped and _CELL_LINE.match(stripped):
                run.append(lines[j])
            elif stripped or not run:  # blank lines may sit between the cells
                break
            j += 1
        width = (
            _cell_width([line.text.strip()[:-1].strip() for line in run]) if len(run) >= 4 else 0
        )
        if not width:
            bare = _bare_cell_rows(text, lines, index)
            if bare:
                rows, index = bare
                out.extend(rows)
                continue
            out.append(lines[index])
            index += 1
            continue
        for k in range(0, len(run), width):
            first, last = run[k], run[k + width - 1]
            end = last.start + len(last.text)
            out.append(Line(first.start, text[first.start : end], first.number, first.role))
        index = j
    return out


_HEADER_CELL = cue("segment.header_cell")
_MAKE_HEADER_CELL = cue("segment.make_header_cell")


def _bare_cell_rows(text: str, lines: list[Line], index: int) -> tuple[list[Line], int] | None:
    """A table a PDF flattened to one cell a line with no separators ("Site" / "Manufacturer" / "Quantity" /
    "Civic Centre" / "Axis" / "12" ...): rows again, with their cells. Only under a header of column names
    with a make column and a count column; every row's count cell must be a whole number; page furniture
    between rows is passed over; a last "Total" / "25" pair is the total row."""
    header: list[Line] = []
    j = index
    while j < len(lines) and _HEADER_CELL.match(lines[j].text.strip()) and lines[j].role != "nav":
        header.append(lines[j])
        j += 1
    names = [line.text.strip() for line in header]
    count_column = next((k for k, name in enumerate(names) if _COUNT_HEADER.match(name)), None)
    if (
        len(header) < 2
        or count_column is None
        or not any(_MAKE_HEADER_CELL.match(n) for n in names)
    ):
        return None
    width = len(header)
    rows = [
        Line(
            header[0].start,
            text[header[0].start : header[-1].start + len(header[-1].text)],
            header[0].number,
            header[0].role,
            names,
        )
    ]
    cells: list[Line] = []
    furniture: list[Line] = []
    while j < len(lines):
        line, stripped = lines[j], lines[j].text.strip()
        # A bare number inside a row is its cell (read as a page number on its own); one starting a row is furniture.
        in_row = bool(cells) and bool(_NUMBER_CELL.match(stripped)) and not furniture
        if (line.role == "nav" and not in_row) or not stripped:
            (furniture if cells else rows).append(line) if line.role == "nav" and stripped else None
            j += 1
            continue
        if len(stripped) > 40 or stripped[-1] in ".?!:;" or (cells and furniture):
            break
        cells.append(line)
        j += 1
        values = [c.text.strip() for c in cells]
        if len(cells) == 2 and TOTAL_ROW_LABEL.match(values[0]) and _NUMBER_CELL.match(values[1]):
            pass
        elif len(cells) < width:
            continue
        elif not _NUMBER_CELL.match(values[count_column]):
            return None if len(rows) == 1 else (rows, j - len(cells))
        end = cells[-1].start + len(cells[-1].text)
        rows.append(
            Line(cells[0].start, text[cells[0].start : end], cells[0].number, cells[0].role, values)
        )
        rows.extend(furniture)
        cells, furniture = [], []
    if len(rows) < 2 + 1:
        return None
    rows.extend(furniture)
    return rows, j - len(cells)


def _cell_width(cells: list[str]) -> int:
    count_column = next((i for i, cell in enumerate(cells[:8]) if _COUNT_HEADER.match(cell)), None)
    first_number = next((i for i, cell in enumerate(cells) if _NUMBER_CELL.match(cell)), None)
    if count_column is None or first_number is None:
        return 0
    width = first_number - count_column
    if (
        width < 2
        or count_column >= width
        or len(cells) % width
        or any(_NUMBER_CELL.match(c) for c in cells[:width])
    ):
        return 0
    return width
