"""What kind of table a row is in, for the outcome: a table about the cameras (makes, sites, counts), or
one that gives no data whatever its rows name (a public interest test, a cost estimate)."""

from __future__ import annotations

from cctv_audit.answers.rules import cue
from cctv_audit.answers.units import Unit

KIT_TABLE = cue("outcome.kit_table")
NO_DATA_TABLE = cue("outcome.no_data_table")


def table_about_kit(units: list[Unit], index: int) -> bool:
    """The row's table is about cameras (its header or the row names cameras, makes, sites, counts), not a
    cost estimate ("Activity | Premises | Hours") or a timetable ("Stage | Date")."""
    header = _table_header(units, index)
    return bool(KIT_TABLE.search(header.text) or KIT_TABLE.search(units[index].text))


def table_start(units: list[Unit], index: int) -> int:
    """Where the table the unit ``index`` is a row of begins: the index of the first unit of its run of rows
    (page furniture between rows passed over); ``index`` itself for a unit that is no row."""
    if units[index].cells is None:
        return index
    while index > 0 and (units[index - 1].cells is not None or units[index - 1].role == "nav"):
        index -= 1
    return index


def _table_header(units: list[Unit], index: int) -> Unit:
    """The first row of the table the row ``index`` is in."""
    return next(u for u in units[table_start(units, index) : index + 1] if u.cells is not None)


def gives_no_data(units: list[Unit], index: int) -> bool:
    """The row is in a public interest test or a cost estimate laid out as a table: no data given."""
    return units[index].cells is not None and bool(
        NO_DATA_TABLE.search(_table_header(units, index).text)
    )


def next_to_a_row(units: list[Unit], index: int) -> bool:
    """Another table row stands just above or below the row (page furniture between them passed over)."""
    neighbours = [u for u in units[max(0, index - 3) : index + 4] if u.role != "nav"]
    position = next(i for i, u in enumerate(neighbours) if u is units[index])
    return any(
        0 <= position + step < len(neighbours) and neighbours[position + step].cells is not None
        for step in (-1, 1)
    )
