"""The total number of cameras a reply states: "a total of 134", a Total row, "6 of our 40 cameras", camera
numbers in answers naming no maker, the answer to a "how many cameras" question, or "we do not use any
cameras" (0). A later sentence repeating a maker's figure is no second total."""

from __future__ import annotations

import re

from cctv_audit.answers.arithmetic import combine
from cctv_audit.answers.count_layouts import KEY_VALUE_COUNT, exact_numbers, span_of
from cctv_audit.answers.count_model import CountKind, CountResult, CountSpan
from cctv_audit.answers.counts import IN_TOTAL
from cctv_audit.answers.lines import NUMBER_LABEL
from cctv_audit.answers.maker_layout import disowned
from cctv_audit.answers.makers import PAST
from cctv_audit.answers.numbers import CAMERA_CONTEXT, Number, camera_count_after, find_numbers
from cctv_audit.answers.pairing import question_text
from cctv_audit.answers.rules import cue
from cctv_audit.answers.table_rows import TOTAL_CELL, cell_number, cell_offset
from cctv_audit.answers.units import Unit

TOTAL = cue("counts.total")
#: "The total number of CCTV cameras operated by the Council is 134." (read over a longer window)
TOTAL_LONG = cue("counts.total_long")
HOW_MANY = cue("counts.how_many")
PART_TOTAL_CELL = cue("counts.part_total_cell")
NO_CAMERAS = cue("counts.no_cameras")
#: "6 of our 40 cameras" (today's estate, so a possessive and no past tense): 40 is the total.
OF_OUR = cue("counts.of_our")


def total_cameras(
    units: list[Unit], maker_figures: frozenset[int] = frozenset()
) -> CountResult | None:
    """The total stated in the reply, if any. ``maker_figures`` are the makers' counts: a later sentence
    repeating one ("replace the 58 PTZ domes" after "58 of these are Hikvision") is no second total."""
    explicit = _explicit_total(units)
    if explicit is not None:
        return explicit
    statements = []
    for unit in units:
        if unit.role != "answer" or unit.in_use_hits or unit.counted_for_maker:
            continue
        if disowned(units, unit):
            continue  # "The cameras bought with these grants belong to the parish councils": not ours
        found = _camera_statement(units, unit)
        if found is not None:
            statements.append(found)
    fresh = [s for s in statements if s.value not in maker_figures]
    statements = fresh or statements
    if not statements:
        return None
    values = [s.value for s in statements]
    if len(values) == 1 or len(set(values)) == 1:
        return statements[0]
    best = max(statements, key=lambda s: s.value)
    best.sure = max(values) == sum(values) - max(values)
    return best


def _explicit_total(units: list[Unit]) -> CountResult | None:
    for unit in units:
        if unit.role != "answer":
            continue
        if unit.cells and TOTAL_CELL.match(unit.cells[0]):
            if PART_TOTAL_CELL.search(unit.cells[0]):
                continue  # "Total live cameras on this sheet": one sheet's, not the reply's
            found = _total_row(unit)
            if found is not None:
                return found
            continue
        for number in exact_numbers(unit):
            found = _total_in_words(units, unit, number)
            if found is not None:
                return found
    return None


def _total_row(unit: Unit) -> CountResult | None:
    """'Total | | 53': the last number of a Total row."""
    cells = unit.cells or []
    for k in range(len(cells) - 1, 0, -1):
        value = cell_number(cells[k])
        if value is not None:
            start = unit.start + cell_offset(unit, k)
            span = CountSpan(unit, start, start + len(cells[k]), "Total row", "total_row")
            return CountResult(value, [span])
    return None


def _total_in_words(units: list[Unit], unit: Unit, number: Number) -> CountResult | None:
    """'40 cameras installed, of which 31 are in use' (31), '6 of our 40 cameras' (40), 'a total of 134'."""
    text = unit.text
    before = text[max(0, number.start - 40) : number.start]
    if (
        IN_USE_OF_WHICH.search(before)
        and NOW_IN_USE.match(text, number.end)
        and CAMERA_CONTEXT.search(text)
    ):
        return _stated(unit, number, "the number of those in use", "in_use_of_which")
    if OF_OUR.search(before) and camera_count_after(text, number.end) and not PAST.search(text):
        return _stated(unit, number, "'N of our M cameras': the total", "of_our")
    after = text[number.end : number.end + 30]
    stated = (
        TOTAL.search(before)
        or IN_TOTAL.match(after)
        or TOTAL_LONG.search(text[: number.start][-100:])
    )
    if not stated:
        return None
    if not TOTAL.search(before) and _after_maker_comma(unit, number):
        return None  # "Cameras in the offices are also Axis, 17 in total": that maker's total, not the reply's
    if SITES_AFTER.match(text, number.end):
        return None  # "... (52 cameras in total) and the cameras at the other two schools": sites, not cameras
    if _about_cameras(units, unit, number):
        return _stated(unit, number, "stated total", "stated_total")
    return None


def _stated(unit: Unit, number: Number, reason: str, kind: CountKind) -> CountResult:
    return CountResult(number.value, [span_of(unit, [number], reason, kind)])


def _after_a_camera_sentence(units: list[Unit], unit: Unit) -> bool:
    """'... uses the Axon Body 3 camera. The force has 1,850 devices.': the sentence before, on the same line,
    is about cameras, so "devices" are cameras."""
    index = units.index(unit)
    before = units[index - 1] if index > 0 else None
    return (
        before is not None
        and before.role == "answer"
        and before.line == unit.line
        and bool(CAMERA_CONTEXT.search(before.text))
    )


def _about_cameras(units: list[Unit], unit: Unit, number: Number) -> bool:
    return bool(
        camera_count_after(unit.text, number.end)
        or CAMERA_CONTEXT.search(unit.text)
        or _under_maker_counts(units, unit)
    )


def _under_maker_counts(units: list[Unit], unit: Unit) -> bool:
    """'Total: 58' on the line right under the makers' counted lines is their total."""
    index = units.index(unit)
    above = next((u for u in reversed(units[:index]) if u.role != "nav"), None)
    return above is not None and bool(above.maker_count_spans) and above.line >= unit.line - 1


SITES_AFTER = cue("counts.sites_after")
IN_USE_OF_WHICH = cue("counts.in_use_of_which")
NOW_IN_USE = cue("counts.now_in_use")


def _after_maker_comma(unit: Unit, number: Number) -> bool:
    """'Axis, 17 in total' / 'HiLook (52 cameras in total)': a maker's own total, already its count."""
    a, b = unit.start + number.start, unit.start + number.end
    if any(x <= a and b <= y for x, y in unit.maker_count_spans):
        return True
    comma = re.search(r",\s*$", unit.text[: number.start])
    return comma is not None and any(h.end - unit.start == comma.start() for h in unit.in_use_hits)


ANSWER_LABEL = cue("counts.answer_label")


#: How far after "no cameras" a maker may be named and the words still be about that maker's cameras.
MAKER_REACH = 40
_MADE_BY = cue("counts.made_by_after")


def _camera_statement(units: list[Unit], unit: Unit) -> CountResult | None:
    """A camera number in an answer naming no maker: a quantity line, "we do not use any cameras" (0),
    camera numbers ("47 static and 9 PTZ", 56), or the figure that answers "how many cameras"."""
    text = unit.text
    key_value = KEY_VALUE_COUNT.match(text)
    if key_value:
        return _spanned(
            unit, key_value.start(1), key_value.group(1), "quantity line", "quantity_line"
        )
    none = _no_cameras(unit)
    if none is not None:
        return none
    about = bool(CAMERA_CONTEXT.search(text)) or _after_a_camera_sentence(units, unit)
    numbers = [n for n in exact_numbers(unit) if camera_count_after(text, n.end, about)]
    if numbers:
        value = combine([n.value for n in numbers])
        return CountResult(value, [span_of(unit, numbers, "camera numbers", "camera_numbers")])
    if unit.question is not None and HOW_MANY.search(question_text(units, unit.question)):
        # The label needs a space after it, so "19." stays a number while "2. 14" drops its label.
        label = ANSWER_LABEL.match(text) or NUMBER_LABEL.match(text)  # "2. 14", "2 & 3. ..."
        lead = label.end() if label else 0
        head = find_numbers(text[lead : lead + 40])
        if head and head[0].start == 0:
            return _spanned(unit, lead, head[0].text, "answer to 'how many cameras'", "how_many")
    return None


def _no_cameras(unit: Unit) -> CountResult | None:
    """'We do not use any cameras': a total of 0. Not "We do not have any Hikvision cameras" nor "does not
    operate any cameras manufactured by Hikvision", which deny a maker, not cameras."""
    match = NO_CAMERAS.search(unit.text)
    if match is None:
        return None
    start, end = unit.start + match.start(), unit.start + match.end()
    if any(start <= h.start < end + MAKER_REACH for h in unit.hits) or _MADE_BY.match(
        unit.text, match.end()
    ):
        return None  # "... does not use CCTV cameras made by any of the companies named"
    return CountResult(0, [CountSpan(unit, start, end, "no cameras used", "no_cameras")])


def _spanned(unit: Unit, offset: int, figure: str, reason: str, kind: CountKind) -> CountResult:
    """The figure written at ``offset`` of the unit, as a count with its span."""
    start = unit.start + offset
    value = int(figure.replace(",", "")) if figure.replace(",", "").isdigit() else None
    if value is None:
        value = find_numbers(figure)[0].value
    return CountResult(value, [CountSpan(unit, start, start + len(figure), reason, kind)])
