"""Tables that give the same cameras twice: a summary sheet beside the register it sums, a table reprinted in
an annex or on a later page. Their rows would otherwise add up to double the real figures."""

from __future__ import annotations

from collections import Counter

from cctv_audit.answers.count_model import CountResult, CountSpan
from cctv_audit.answers.table_kinds import table_start
from cctv_audit.answers.units import Unit

#: A counted table row: the maker, the figure and the span it comes from.
RowCount = tuple[str, int, CountSpan]


def drop_repeated_tables(
    units: list[Unit], results: dict[str, CountResult], rows: list[RowCount]
) -> None:
    """Take out of ``results`` the rows of a table whose figures per maker are those of the other tables
    together (a summary of them) or of one other table with two makers or more (the same table again)."""
    tables: dict[int, list[RowCount]] = {}
    for row in rows:
        tables.setdefault(table_start(units, units.index(row[2].unit)), []).append(row)
    if len(tables) < 2:
        return
    sums = {start: _per_maker(table) for start, table in tables.items()}
    for start in sorted(sums, reverse=True):  # the later table is the repeat or the summary
        others = [s for s in sums if s != start]
        rest = sum((sums[s] for s in others), Counter())
        # Two makers or more, or a sum over two tables or more: two sites with the same one figure are no repeat.
        summary = sums[start] == rest and (len(rest) >= 2 or len(others) >= 2)
        repeat = any(sums[s] == sums[start] and len(sums[start]) >= 2 for s in others)
        if summary or repeat:
            _drop(results, tables[start])
            del sums[start]
            return  # one table of a reply is read as a repeat at most: never two ways


def _per_maker(table: list[RowCount]) -> Counter[str]:
    figures: Counter[str] = Counter()
    for name, value, _ in table:
        figures[name] += value
    return +figures  # makers with no cameras in the table do not tell tables apart


def _drop(results: dict[str, CountResult], table: list[RowCount]) -> None:
    for name, value, span in table:
        result = results[name]
        result.value -= value
        result.spans.remove(span)
