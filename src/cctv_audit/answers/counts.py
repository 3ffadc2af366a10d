"""Device counts per maker and the total number of cameras, each with the passage it comes from.

Sources, in order of trust: a table row naming the maker (its count column,
summed over rows); a number next to the maker ("32 Hikvision", "Hikvision: 32",
"Hikvision (32)"); camera numbers in a sentence naming one maker ("47 static and
9 PTZ", summed); "the camera is a Bosch" (one). The total comes from "total of
N", a Total row, camera numbers in answers naming no maker, the answer to a
"how many cameras" question, or "we do not use cameras" (0). Numbers in the
quoted request are never read.
"""

from __future__ import annotations

import re

from cctv_audit.answers.arithmetic import (
    combine,
    further_of_the_same_make,
    remain_of_question,
    replaced_with_count,
    still_in_use_of_these,
    with_parallel_parts,
    without_translations,
)
from cctv_audit.answers.count_layouts import (
    before_other_maker,
    free_numbers,
    labelled_by_other,
    layout_count,
    sentence_cell,
    span_of,
)
from cctv_audit.answers.count_model import CountResult, CountSpan
from cctv_audit.answers.makers import MakerFinding, clause_of
from cctv_audit.answers.numbers import (
    CAMERA_CONTEXT,
    Number,
    camera_count_after,
)
from cctv_audit.answers.pairing import question_text
from cctv_audit.answers.repeated_tables import RowCount, drop_repeated_tables
from cctv_audit.answers.rules import cue
from cctv_audit.answers.segment import table_heading
from cctv_audit.answers.table_rows import header_row
from cctv_audit.answers.units import Unit

_I = re.IGNORECASE
BRACKETED = cue("counts.bracketed")
IN_TOTAL = cue("counts.in_total")
SINGULAR = cue("counts.singular")
#: "Nine of the Bosch cameras are at headquarters": a part of the maker's cameras, not more of them.
SUBSET_OF = cue("counts.subset_of")
#: "This figure includes 20 older units ...": a part of the figure before it, not more cameras.
PART_OF_FIGURE = cue("counts.part_of_figure")
OF_THESE = cue("counts.of_these")
BEFORE_MAKER = cue("counts.before_maker")
AFTER_MAKER = cue("counts.after_maker")


def maker_counts(
    units: list[Unit], findings: list[MakerFinding], in_use: set[str]
) -> dict[str, CountResult]:
    """Devices per in-use maker where the reply gives a number."""
    by_unit: dict[tuple[str, int, bool], tuple[int, CountSpan]] = {}
    for finding in findings:
        if finding.status != "in_use" or finding.name not in in_use:
            continue
        found = _finding_count(units, finding)
        if found is not None:
            by_unit.setdefault(
                (finding.name, finding.unit.start, _recorder_count(units, finding, found)), found
            )
    # A maker's count is its cameras; recorders ("3 Hikvision NVRs") count only for a maker with no camera number.
    with_cameras = {name for name, _, recorder in by_unit if not recorder}
    results: dict[str, CountResult] = {}
    seen: dict[str, set[int]] = {}
    table_rows: list[RowCount] = []
    # Table rows first: a sentence restating a row's figure ("The six cameras at the mortuary") is no more.
    rows_first = sorted(by_unit.items(), key=lambda item: not _is_row_span(item[1][1]))
    for (name, _, recorder), (value, span) in rows_first:
        if recorder and name in with_cameras:
            continue
        is_row = _is_row_span(span)
        # The same figure in two sentences (bilingual, a summary line) is one figure; table rows add up.
        counted = seen.setdefault(name, set())
        if not is_row and (value in counted or (name in results and value == results[name].value)):
            continue
        counted.add(value)
        result = results.setdefault(name, CountResult(0, recorders=recorder))
        result.value += value
        result.spans.append(span)
        span.unit.maker_count_spans.append((span.start, span.end))
        if span.unit.cells is not None and not recorder:  # recorders are no cameras to compare
            table_rows.append((name, value, span))
    drop_repeated_tables(units, results, table_rows)
    for name, result in results.items():
        still_in_use_of_these(units, name, result)
        further_of_the_same_make(units, result)
    return results


def _finding_count(units: list[Unit], finding: MakerFinding) -> tuple[int, CountSpan] | None:
    """One mention's count: its answer to a question's figure, its words or layout, or the cameras it
    replaced; with the same maker's figures at other places in the sentence."""
    found = (
        remain_of_question(finding) or _count_for(units, finding) or replaced_with_count(finding)
    )
    if found is not None and found[1].kind in {"adjacent", "clause"}:
        found = with_parallel_parts(finding, found)
    return found


def _is_row_span(span: CountSpan) -> bool:
    """A row of a table or a bulleted list ("- Dahua IPC-HFW2431S x 4" at two sites): rows add up."""
    unit = span.unit
    return (
        unit.cells is not None
        or span.kind in {"quantity_line", "glued_row"}
        # a bulleted item ("- Dahua IPC-HFW2431S x 4"), not a bulleted sentence restating a figure
        or (unit.line_start and bool(_BULLET.match(unit.text)) and len(unit.text.split()) <= 8)
    )


_BULLET = re.compile(r"\s*[-•*–]\s+\S")


RECORDER = cue("counts.recorder")
RECORDER_AFTER = cue("counts.recorder_after")


def _recorder_count(units: list[Unit], finding: MakerFinding, found: tuple[int, CountSpan]) -> bool:
    """The number counts recorders: a table row typed NVR/DVR, or 'Hikvision NVRs' right after the maker."""
    unit = found[1].unit
    if unit.cells is not None:
        if any(RECORDER.fullmatch(c.strip()) for c in unit.cells) or (
            finding.unit is unit and recorder_mention(finding)
        ):
            return True  # a row typed NVR/DVR, or "Dahua NVR" in the make cell
        # A table under a heading about recorders ("Sheet: Recorders", "Recorders by site:"), or whose header
        # row is ("Recorder | Number of recorders").
        titles = [
            u.text for u in (table_heading(units, unit), header_row(units, unit)) if u is not None
        ]
        return any(RECORDER.search(t) and not re.search(r"camera", t, _I) for t in titles)
    return recorder_mention(finding)


def recorder_mention(finding: MakerFinding) -> bool:
    """'Hikvision NVRs', 'a Dahua DVR', 'Hikvision network video recorder': the maker named for a recorder."""
    rel_end = finding.hit.end - finding.unit.start
    tail = finding.unit.text[rel_end : rel_end + 60]  # room for a range and a model before the word
    return bool(RECORDER_AFTER.match(tail))


def _clause_numbers(
    unit: Unit, rel_start: int, left: int, right: int
) -> tuple[list[Number], list[Number], list[Number]]:
    """The unit's numbers that may count this maker's cameras, those in its clause, and those of them
    followed by a camera word. Not "6 of our 40" (the 40), nor "Nine of the Bosch cameras" (a part)."""
    text = unit.text
    if PART_OF_FIGURE.match(text) and len(free_numbers(unit)) == 1:
        return [], [], []  # "This figure includes 20 older units badged Samsung Techwin"
    numbers = [
        n
        for n in free_numbers(unit)
        if not OF_TOTAL.search(text[: n.start]) and not SUBSET_OF.match(text[n.end : rel_start])
    ]
    # "Axis: 58 Hanwha: 26": 58 is labelled by Axis, so it is never the number before Hanwha.
    in_clause = [
        n
        for n in numbers
        if left <= n.start < right
        and not labelled_by_other(unit, n, rel_start)
        and not before_other_maker(unit, n, rel_start)
    ]
    cameras = [
        n
        for n in in_clause
        if camera_count_after(text, n.end, True) or BRACKETED.search(text[: n.start])
    ]
    return numbers, in_clause, without_translations(text, cameras)


def _count_for(units: list[Unit], finding: MakerFinding) -> tuple[int, CountSpan] | None:
    unit, hit = finding.unit, finding.hit
    laid_out = layout_count(units, finding)
    if laid_out is not None or (unit.cells is not None and not sentence_cell(finding)):
        return laid_out  # a table row's count is its cells' or none; only an answer cell's words are read
    text = unit.text
    rel_start, rel_end = hit.start - unit.start, hit.end - unit.start
    left, right = clause_of(text, rel_start, rel_end)
    numbers, in_clause, camera_numbers = _clause_numbers(unit, rel_start, left, right)
    alone = _only_maker_in(finding, left, right)
    adjacent = _adjacent(text, in_clause, rel_start, rel_end, _counts_asked(units, unit))
    if adjacent is not None and not alone and _joint_figure(unit, finding, adjacent):
        # "27 cameras manufactured by Hikvision or Dahua": one figure for two makers is neither's count.
        return None
    if adjacent is not None and not (
        alone and adjacent in camera_numbers and len(camera_numbers) > 1
    ):
        return adjacent.value, span_of(unit, [adjacent], "number next to the maker", "adjacent")
    if camera_numbers and alone:
        return combine([n.value for n in camera_numbers]), span_of(
            unit, camera_numbers, "camera numbers in the clause naming this maker", "clause"
        )
    parts = _per_part_count(finding, text, numbers)
    if parts is not None:
        return parts
    unit_numbers = [n for n in numbers if camera_count_after(text, n.end, True)]
    if unit_numbers and _only_maker_in(finding, 0, len(text)):
        return combine([n.value for n in unit_numbers]), span_of(
            unit, unit_numbers, "camera numbers in a sentence naming only this maker", "sentence"
        )
    if (
        len(unit_numbers) == 1
        and ALL_OF_THEM.search(text[left:right])
        and _only_in_use_maker(finding)
    ):
        # "None of our 64 cameras are Hikvision; they are all Axis."
        return unit_numbers[0].value, span_of(
            unit,
            unit_numbers,
            "the sentence's camera number, and 'all' of them are this maker",
            "all_of_them",
        )
    if SINGULAR.search(text[left:rel_start]):
        return 1, CountSpan(
            unit,
            unit.start + left,
            unit.start + rel_end,
            "'the camera is' names one device",
            "singular",
        )
    return None


def _per_part_count(
    finding: MakerFinding, text: str, numbers: list[Number]
) -> tuple[int, CountSpan] | None:
    """'a dozen cameras at the depot, all made by Vivotek, and forty-two cameras in the town centre made by
    Bosch': each camera number opens a part that runs to the next one; a part naming one maker is its count.

    Only when no maker is named before the first camera number and every part names exactly one maker."""
    unit = finding.unit
    cams = [n for n in numbers if camera_count_after(text, n.end, True)]
    hits = [(h.start - unit.start, h.name) for h in unit.hits]
    if (
        len(cams) < 2
        or len({name for _, name in hits}) < 2
        or any(pos < cams[0].start for pos, _ in hits)
    ):
        return None
    bounds = [n.start for n in cams] + [len(text)]
    mine = []
    for k, number in enumerate(cams):
        names = {name for pos, name in hits if bounds[k] <= pos < bounds[k + 1]}
        if len(names) != 1:
            return None
        if names == {finding.name}:
            mine.append(number)
    if not mine:
        return None
    return sum(n.value for n in mine), span_of(
        unit, mine, "camera numbers in the part of the sentence naming this maker", "part"
    )


_JOINED = cue("counts.joined")


_TOGETHER = cue("counts.together")


def _joint_figure(unit: Unit, finding: MakerFinding, number: Number) -> bool:
    """One figure for two makers: before this maker joined to another by 'and'/'or'/',' ("27 cameras made by
    Hikvision or Dahua"), or anywhere in a sentence that says so ("Hikvision and Dahua cameras together number 64")."""
    hit = finding.hit
    rel_start = hit.start - unit.start
    if _TOGETHER.search(unit.text) and any(h.name != hit.name for h in unit.hits):
        return True
    if number.end > rel_start:
        return False
    others = [h for h in unit.hits if h.name != hit.name]
    for other in others:
        a, b = sorted([(hit.start, hit.end), (other.start, other.end)])
        if _JOINED.match(unit.text[a[1] - unit.start : b[0] - unit.start]):
            return True
    return False


#: "6 of our 40 cameras": 40 is everything, 6 this maker's share.
OF_TOTAL = cue("counts.of_total")
#: "6 of our 40 cameras" (today's estate, so a possessive and no past tense): 40 is the total.
OF_OUR = cue("counts.of_our")


def _adjacent(
    text: str, numbers: list[Number], start: int, end: int, asked: bool = False
) -> Number | None:
    """'32 Hikvision', '32 x Hikvision', 'Hikvision: 32', 'Hikvision (32)', 'Hikvision cameras - 32',
    'Axis, 17 in total'; 'Hanwha 33, Vivotek 8' when the question asks how many of each make."""
    for number in numbers:  # "42 - Bosch (30)": the maker's own bracket beats a figure before it
        if number.start >= end and OWN_BRACKET.fullmatch(text[end : number.start]):
            return number
    for number in numbers:
        if number.end <= start and _before_maker(text[number.end : start]):
            return number
        after = text[end : number.start]
        separated = (
            SEPARATOR.search(after)
            or camera_count_after(text, number.end)
            or ("," in after and IN_TOTAL.match(text, number.end))
            or (asked and not after.strip() and LIST_END.match(text, number.end))
        )
        linked = LINK_WORD.search(after)  # "Axis and 5 Dahua cameras"
        if number.start >= end and AFTER_MAKER.fullmatch(after) and separated and not linked:
            return number
        if number.start >= end and QUANTITY_AFTER.fullmatch(
            after
        ):  # "make: Panasonic, quantity: 22"
            return number
        if number.start >= end and QTY_BEFORE.fullmatch(after):  # "Hanwha bullet cameras qty 3"
            return number
        if (
            number.start >= end
            and AFTER_MAKER.fullmatch(after)
            and not linked
            and QTY_SUFFIX.match(text, number.end)
        ):
            return number  # "Bosch PTZ cameras 4no." / "Vivotek domes 3 nr"
        if BRACKET_ITEM.fullmatch(after) and BRACKET_ITEM_END.match(text, number.end):
            return number  # "Marshalling lanes - Bosch MIC IP starlight 7100i PTZ (6)"
        if DASH_ITEM.fullmatch(after) and LINE_END_AFTER.match(text, number.end):
            return number  # "DJI Mavic 3 Enterprise – 8"
    return None


BRACKET_ITEM = cue("counts.bracket_item")
OWN_BRACKET = cue("counts.own_bracket")
DASH_ITEM = cue("counts.dash_item")
LINE_END_AFTER = cue("counts.line_end_after")
BRACKET_ITEM_END = cue("counts.bracket_item_end")


#: After 'Hanwha 33': the end of a list item (comma, 'and', end of sentence).
LIST_END = cue("counts.list_end")
COUNT_ASKED = cue("counts.count_asked")


def _counts_asked(units: list[Unit], unit: Unit) -> bool:
    """The answer's question (or the answer's own heading) asks for numbers per maker."""
    if unit.question is not None and COUNT_ASKED.search(question_text(units, unit.question)):
        return True
    # "Cameras: Hikvision 12, Axis 3": two or more makers each followed by a bare number.
    pairs = [h for h in unit.hits if MAKER_NUMBER.match(unit.text, h.end - unit.start)]
    return len(pairs) >= 2 and bool(CAMERA_CONTEXT.search(unit.text))


MAKER_NUMBER = cue("counts.maker_number")
SEPARATOR = cue("counts.separator")
LINK_WORD = cue("counts.link_word")
BEFORE_MAKER_LINK = cue("counts.before_maker_link")


def _before_maker(between: str) -> bool:
    """'32 Hikvision', '32 x Hikvision', '71 of these are Axis', '25 are Bosch', '45 cameras supplied by Bosch'."""
    if (
        OF_THESE.fullmatch(between)
        or MADE_BY_BETWEEN.fullmatch(between)
        or BRACKET_ARE.fullmatch(between)
    ):
        return True
    return bool(BEFORE_MAKER.fullmatch(between)) and not BEFORE_MAKER_LINK.search(between)


ALL_OF_THEM = cue("counts.all_of_them")
#: "Hanwha bullet cameras qty 3", "Axis domes - quantity 4": a quantity label before the number.
QTY_BEFORE = cue("counts.qty_before")
#: "4no.", "3 nr", "6 nos": the quantity notation of schedules and bills of quantities.
QTY_SUFFIX = cue("counts.qty_suffix")
#: "The ANPR cameras at the depot (2) are Hikvision": a bracketed count before "are <maker>".
BRACKET_ARE = cue("counts.bracket_are")
MADE_BY_BETWEEN = cue("counts.made_by_between")
QUANTITY_AFTER = cue("counts.quantity_after")


def _only_in_use_maker(finding: MakerFinding) -> bool:
    return all(h.name == finding.name for h in finding.unit.in_use_hits)


def _only_maker_in(finding: MakerFinding, left: int, right: int) -> bool:
    others = finding.unit.hits
    return all(
        h.name == finding.name for h in others if left <= h.start - finding.unit.start < right
    )
