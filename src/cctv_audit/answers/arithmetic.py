"""Quantities and their arithmetic across sentences: the rest of a total ("and the balance are Bosch"),
the part of a figure still in use ("six of these remain"), more of the same make ("a further 118 of the
same make"), and a figure given once in each language ("41 camera / 41 cameras")."""

from __future__ import annotations

import re
from collections.abc import Callable

from cctv_audit.answers.count_layouts import APPROXIMATE, free_numbers, span_of
from cctv_audit.answers.count_model import CountResult, CountSpan
from cctv_audit.answers.makers import MakerFinding
from cctv_audit.answers.numbers import Number, camera_count_after, find_numbers, word_value
from cctv_audit.answers.rules import cue
from cctv_audit.answers.type_split import split_by_type
from cctv_audit.answers.units import Unit

#: "Six of these remain in use": the part of the figure just given that is still in use today.
REMAIN_OF_THESE = cue("counts.remain_of_these")


def still_in_use_of_these(units: list[Unit], name: str, result: CountResult) -> None:
    """'In 2016 the council bought 18 Dahua cameras. Six of these remain in use.': Dahua's count is 6.
    Only when the next sentence names no maker of its own, so 'these' can only be the figure just given."""
    if len(result.spans) != 1 or result.recorders:
        return
    found = _next_sentence_figure(units, result.spans[0].unit, REMAIN_OF_THESE.match)
    if found is None or found[2] > result.value:
        return
    following, group, value, start = found
    result.value = value
    reason = f"'{group} of these' remain of the figure before"
    result.spans = [CountSpan(following, start, start + len(group), reason, "remain_of_these")]


def remain_of_question(finding: MakerFinding) -> tuple[int, CountSpan] | None:
    """'Six of these remain in use' answering 'you said the council had 31 Hikvision cameras; how many are
    still in use?': the maker comes from the question, the count (6) from the answer."""
    unit = finding.unit
    match = REMAIN_OF_THESE.match(unit.text)
    if match is None or unit.start <= finding.hit.start < unit.end:
        return None
    value = (
        word_value(match.group("n")) if not match.group("n").isdigit() else int(match.group("n"))
    )
    if value is None:
        return None
    start = unit.start + match.start("n")
    reason = "'N of these remain' of the figure in the question"
    return value, CountSpan(unit, start, start + len(match.group("n")), reason, "remain_of_these")


#: "The other 25 were replaced like-for-like with": the figure replaced is the new maker's count.
REPLACED_WITH_COUNT = cue("counts.replaced_with_count")
#: "The remaining 12, on the sports centre and the sixth form block, are": the rest of a figure, of one make.
REMAINING_ARE = cue("counts.remaining_are")


def replaced_with_count(finding: MakerFinding) -> tuple[int, CountSpan] | None:
    """'The other 25 were replaced like-for-like with Axis cameras': Axis 25; 'The remaining 12, on the sports
    centre, are HiLook cameras': HiLook 12 (the sentence's subject is the figure, the maker its make)."""
    unit = finding.unit
    rel = finding.hit.start - unit.start
    if not 0 <= rel < len(unit.text):
        return None
    before = unit.text[:rel]
    match = REPLACED_WITH_COUNT.search(before) or REMAINING_ARE.search(before)
    if match is None:
        return None
    figure = match.group("n")
    # not a year: "installed in 2016 were replaced in 2023 with Axis"
    numbers = find_numbers(figure)
    if len(numbers) != 1:
        return None
    value = numbers[0].value
    start = unit.start + match.start("n")
    reason = "the figure replaced with this maker's cameras"
    return value, CountSpan(unit, start, start + len(figure), reason, "clause")


FURTHER_SAME_MAKE = cue("counts.further_same_make")


def further_of_the_same_make(units: list[Unit], result: CountResult) -> None:
    """'64 Hanwha cameras at Wythenshawe. Oxford Road has a further 118 of the same make.': Hanwha 182.
    Only the sentence right after the figure, naming no maker of its own, so 'the same make' is that maker."""
    if result.recorders or not result.spans:  # a repeated table's rows may have taken every span
        return
    found = _next_sentence_figure(units, result.spans[-1].unit, FURTHER_SAME_MAKE.search)
    if found is None:
        return
    following, group, value, start = found
    reason = f"'a further {group} of the same make'"
    span = CountSpan(following, start, start + len(group), reason, "further_same_make")
    result.value += value
    result.spans.append(span)
    following.maker_count_spans.append((span.start, span.end))


def _next_sentence_figure(
    units: list[Unit], unit: Unit, find: Callable[[str], re.Match[str] | None]
) -> tuple[Unit, str, int, int] | None:
    """The figure (the cue's group "n") in the answer sentence right after ``unit``, when that sentence
    names no maker of its own: (the sentence, the figure as written, its value, its offset)."""
    index = next((i for i, u in enumerate(units) if u is unit), None)
    if index is None or index + 1 >= len(units):
        return None
    following = units[index + 1]
    match = find(following.text)
    if following.role != "answer" or following.hits or match is None:
        return None
    group = match.group("n")
    value = int(group) if group.isdigit() else word_value(group)
    if not value:
        return None
    return following, group, value, following.start + match.start("n")


def without_translations(text: str, numbers: list[Number]) -> list[Number]:
    """'41 camera / 41 cameras': a bilingual line gives one figure twice, once in each language."""
    kept: list[Number] = []
    for number in numbers:
        if kept and kept[-1].value == number.value and "/" in text[kept[-1].end : number.start]:
            continue
        kept.append(number)
    return kept


def combine(values: list[int]) -> int:
    """'56 cameras: 47 static and 9 PTZ' is 56, not 112; otherwise the parts add up."""
    if len(values) > 2 and max(values) == sum(values) - max(values):
        return max(values)
    return sum(values)


#: "... and the remainder Hikvision", "the rest are Hikvision", "the remaining cameras are made by Hikvision":
#: right before the maker, the devices not counted yet.
REST_BEFORE = cue("counts.rest_before")
#: "With the exception of 4 Dahua cameras at the depot, all of them are Axis": "all" after an exception.
EXCEPTION = cue("counts.exception")
ALL_BEFORE = cue("counts.all_before")
REST_ANY = cue("counts.rest_any")


_PART_OF_THE_CAMERAS = re.compile(r"\s+of (?:the|our|its|these) (?:\w+ )?cameras\b", re.IGNORECASE)


def rest_of_total(units: list[Unit]) -> CountResult | None:
    """'40 CCTV cameras: 12 Axis and the remainder Hikvision', 'Of our 55 cameras, 20 are Bosch and the rest
    are Hikvision': the first camera number of a sentence that splits it into parts is the total."""
    for unit in units:
        if unit.role != "answer" or not REST_ANY.search(unit.text) or not unit.in_use_hits:
            continue
        numbers = [n for n in free_numbers(unit) if not APPROXIMATE.search(unit.text[: n.start])]
        if len(numbers) < 2 or not camera_count_after(unit.text, numbers[0].end):
            continue
        first, rest = numbers[0], numbers[1:]
        if _PART_OF_THE_CAMERAS.match(unit.text, first.end):
            continue  # "140 of the cameras are made by Hanwha, ... and the remainder by Bosch": 140 is a part
        hits_before = [h for h in unit.hits if h.start - unit.start < first.start]
        if hits_before or sum(n.value for n in rest) >= first.value:
            continue
        return CountResult(
            first.value,
            [span_of(unit, [first], "the whole, split into parts and 'the rest'", "rest_split")],
        )
    return None


def remainder_count(finding: MakerFinding) -> bool:
    """The maker is named as the rest of a total: 'and the remainder Hikvision', 'all of them are Axis' after an exception."""
    # the maker is in use (its callers check); this mention may only lack camera words ("the balance by Dahua")
    if finding.status in {"past", "denied"} or finding.others:
        return False
    text, rel = finding.unit.text, finding.hit.start - finding.unit.start
    before = text[max(0, rel - 60) : rel]
    # "all of them are Axis" with an exception before it or after ("... Bosch apart from seven Vivotek").
    return bool(REST_BEFORE.search(before)) or (
        bool(ALL_BEFORE.search(before)) and bool(EXCEPTION.search(text))
    )


OF_THESE_LEAD = cue("counts.of_these_lead")
#: "The rest are Hikvision": a sentence naming the rest of the figure split in the sentence before.
REST_LEAD = cue("counts.rest_lead")


def local_remainders(
    units: list[Unit], findings: list[MakerFinding], per_maker: dict[str, CountResult]
) -> None:
    """'There are 326 cameras. Of these, 230 are Axis and the balance are Bosch.': Bosch 96, from the whole
    split in that sentence (or the sentence just before it), whatever the reply's total is; then the counts
    given by camera type (:func:`cctv_audit.answers.type_split.split_by_type`)."""
    for finding in findings:
        if not remainder_count(finding):
            continue
        if not any(f.name == finding.name and f.status == "in_use" for f in findings):
            continue  # only a maker in use has a count
        local = _split_units(units, finding.unit)
        own = per_maker.get(finding.name)
        if own is not None and (len(local) == 1 or any(s.unit in local for s in own.spans)):
            continue  # counted already; only a rest at another site ("The rest are Hikvision") adds
        whole = _local_whole(units, finding.unit) or (
            _split_whole(local[0]) if len(local) > 1 else None
        )
        if whole is None:
            continue
        parts = [
            r
            for name, r in per_maker.items()
            if name != finding.name and not r.recorders and all(s.unit in local for s in r.spans)
        ]
        counted = sum(r.value for r in parts)
        if not parts or whole.value - counted <= 0:
            continue
        _add_rest(per_maker, finding, whole, counted)
    all_but(units, findings, per_maker)
    others_of_an_earlier_whole(units, findings, per_maker)
    split_by_type(units, findings, per_maker)


#: "All but 15 of these are ": right before the maker, the number of devices that are not its.
ALL_BUT = cue("counts.all_but")


def all_but(
    units: list[Unit], findings: list[MakerFinding], per_maker: dict[str, CountResult]
) -> None:
    """'The Council manages 389 cameras. All but 15 of these are Axis cameras.': Axis 374, the figure the
    sentence refers to less the exception (which is not the maker's count, though it stands next to it)."""
    for finding in findings:
        unit = finding.unit
        match = ALL_BUT.search(unit.text[: max(0, finding.hit.start - unit.start)])
        if match is None or finding.status != "in_use" or finding.others:
            continue
        whole = _previous_figure(units, unit)
        figure = match.group("n")
        exception = int(figure.replace(",", "")) if figure[0].isdigit() else word_value(figure)
        if whole is None or exception is None or whole.value <= exception:
            continue
        reason = f"all but {exception} of the {whole.value} cameras"
        span = CountSpan(unit, finding.hit.start, finding.hit.end, reason, "remainder")
        per_maker[finding.name] = CountResult(whole.value - exception, [span, *whole.spans])


def _split_units(units: list[Unit], unit: Unit) -> list[Unit]:
    """The sentences a remainder is reckoned in: its own, and the one just before when it opens on the rest
    ("Moorfield High has 64 cameras, of which 40 are Hanwha. The rest are Hikvision")."""
    index = next((i for i, u in enumerate(units) if u is unit), 0)
    previous = units[index - 1] if index > 0 else None
    one_maker = (
        len({h.name for h in unit.hits}) == 1
    )  # not "The rest are Panasonic and Sony cameras"
    if (
        previous is not None
        and previous.role == "answer"
        and REST_LEAD.match(unit.text)
        and one_maker
    ):
        return [previous, unit]
    return [unit]


def _split_whole(unit: Unit) -> CountResult | None:
    """The first camera number of a sentence that gives parts of it ("has 64 cameras, of which 40 are
    Hanwha"), when the other figures are less than it."""
    numbers = [n for n in free_numbers(unit) if not APPROXIMATE.search(unit.text[: n.start])]
    if len(numbers) < 2 or not camera_count_after(unit.text, numbers[0].end):
        return None
    if sum(n.value for n in numbers[1:]) >= numbers[0].value:
        return None
    return CountResult(
        numbers[0].value,
        [span_of(unit, numbers[:1], "the whole the next sentence splits", "rest_split")],
    )


def _add_rest(
    per_maker: dict[str, CountResult], finding: MakerFinding, whole: CountResult, counted: int
) -> None:
    span = CountSpan(
        finding.unit,
        finding.hit.start,
        finding.hit.end,
        f"the rest of the total: {whole.value} less {counted} counted for the other makers",
        "remainder",
    )
    result = per_maker.setdefault(finding.name, CountResult(0))
    result.value += whole.value - counted
    result.spans += [span, *whole.spans]


def _local_whole(units: list[Unit], unit: Unit) -> CountResult | None:
    """The figure a sentence splits: its own first camera number ("40 cameras: 12 Axis and the rest
    Bosch"), or, after "Of these", the one camera number of the sentence before."""
    own = rest_of_total([unit])
    if own is not None:
        return own
    if not OF_THESE_LEAD.match(unit.text):
        return None
    return _previous_figure(units, unit)


#: "All of the Council's other cameras are made by ": right before the maker, every device not yet counted.
OTHER_CAMERAS_BEFORE = cue("counts.other_cameras_before")


def others_of_an_earlier_whole(
    units: list[Unit], findings: list[MakerFinding], per_maker: dict[str, CountResult]
) -> None:
    """'The estate comprises 512 cameras. 96 of these are Dahua. All of the Council's other cameras are
    Hanwha.': Hanwha 416, the whole a sentence or two before less the makers counted in between."""
    for finding in findings:
        unit = finding.unit
        before = unit.text[: max(0, finding.hit.start - unit.start)]
        if finding.status != "in_use" or finding.name in per_maker or finding.others:
            continue
        if not OTHER_CAMERAS_BEFORE.search(before):
            continue
        index = next((i for i, u in enumerate(units) if u is unit), 0)
        for start in range(index - 1, max(0, index - 3), -1):
            whole = _previous_figure(units, units[start])
            between = units[start:index]
            parts = [r for r in per_maker.values() if all(s.unit in between for s in r.spans)]
            counted = sum(r.value for r in parts if not r.recorders)
            if whole is not None and parts and 0 < counted < whole.value:
                reason = f"the other cameras: {whole.value} less {counted} counted before"
                span = CountSpan(unit, finding.hit.start, finding.hit.end, reason, "remainder")
                per_maker[finding.name] = CountResult(whole.value - counted, [span, *whole.spans])
                break


def _previous_figure(units: list[Unit], unit: Unit) -> CountResult | None:
    """The one camera number of the sentence before, which names no maker ("We operate 389 cameras.")."""
    index = next((i for i, u in enumerate(units) if u is unit), 0)
    previous = units[index - 1] if index > 0 else None
    if previous is None or previous.role != "answer" or previous.hits:
        return None
    numbers = [
        n
        for n in free_numbers(previous)
        if camera_count_after(previous.text, n.end)
        and not APPROXIMATE.search(previous.text[: n.start])
    ]
    if len(numbers) != 1:
        return None
    return CountResult(
        numbers[0].value,
        [span_of(previous, numbers, "the figure 'these' refers to", "rest_split")],
    )


PARALLEL_BEFORE = cue("counts.parallel_before")
PARALLEL_AFTER = cue("counts.parallel_after")


def with_parallel_parts(
    finding: MakerFinding, found: tuple[int, CountSpan]
) -> tuple[int, CountSpan]:
    """'57 Axis cameras at Aberdeen Royal Infirmary and 23 at Dr Gray's Hospital': Axis 80. Later figures
    of the same sentence joined by "and" or a comma and followed by a named place, when no other maker is named."""
    value, span = found
    unit = finding.unit
    if span.unit is not unit or any(h.name != finding.name for h in unit.hits):
        return found
    parts = [
        n
        for n in free_numbers(unit)
        if unit.start + n.start >= span.end
        and PARALLEL_BEFORE.search(unit.text[: n.start])
        and PARALLEL_AFTER.match(unit.text, n.end)
    ]
    if not parts:
        return found
    total = value + sum(n.value for n in parts)
    return total, span._replace(
        end=unit.start + parts[-1].end, reason=f"{span.reason}, and more at other places"
    )
