"""Counts given by camera type and makes given per type, in separate sentences:

    "Of the 346 cameras, 228 are PTZ domes and the remainder are fixed cameras.
     All of the PTZ domes are Bosch.
     The fixed cameras are Axis, apart from 23 Hanwha units."

gives Bosch 228, Hanwha 23 and Axis 95 (118 fixed cameras less the 23). A type's figure comes from one
sentence ("228 are PTZ domes", "the remainder are fixed cameras" of the sentence's whole); a type's make
from another ("All of the PTZ domes are Bosch", "The fixed cameras are Axis, apart from 23 Hanwha").
Only makers with no count of their own are filled in, and only from prose answers (tables count by cells).
"""

from __future__ import annotations

import re

from cctv_audit.answers.count_model import CountResult, CountSpan
from cctv_audit.answers.mentions import MakerFinding
from cctv_audit.answers.numbers import find_numbers
from cctv_audit.answers.rules import cue
from cctv_audit.answers.units import Unit

#: A camera type's name ("pan-tilt-zoom (PTZ) domes", "fixed cameras", "bullet cameras").
CAMERA_TYPE = cue("counts.camera_type")
#: "228 are PTZ domes" / "228 PTZ domes": a figure for one type.
TYPE_FIGURE = cue("counts.type_figure")
#: "Dome cameras: 318": a type's figure as a label and its value.
TYPE_LABEL_FIGURE = cue("counts.type_label_figure")
#: "the remainder are fixed cameras": the rest of the sentence's whole is of one type.
TYPE_REMAINDER = cue("counts.type_remainder")
#: "Of the 346 cameras, ...": the whole a sentence splits by type.
WHOLE_SPLIT = cue("counts.whole_split")
#: "All of the PTZ domes are Bosch", "The fixed cameras are Axis": the make of one type.
TYPE_MAKE = cue("counts.type_make")
#: "apart from 23 Hanwha units": the makers named after it have a part of the type.
TYPE_EXCEPT = cue("counts.type_except")

#: One name per camera type, in the order they are tried (PTZ before dome: "PTZ domes" are PTZ).
_KEYS = tuple(
    (key, cue(f"counts.camera_type_{key}"))
    for key in ("ptz", "fixed", "dome", "bullet", "anpr", "thermal")
)


def type_key(phrase: str) -> str | None:
    """One name per camera type ('pan-tilt-zoom (PTZ) domes' and 'PTZ domes' are both 'ptz')."""
    for key, pattern in _KEYS:
        if pattern.search(phrase):
            return key
    return None


def split_by_type(
    units: list[Unit], findings: list[MakerFinding], per_maker: dict[str, CountResult]
) -> None:
    """Fill in the counts of makers named as the make of a camera type whose figure another sentence gives."""
    prose = [u for u in units if u.role == "answer" and u.cells is None]
    figures = _type_figures(prose)
    if not figures:
        return
    in_use = {f.name for f in findings if f.status == "in_use"}
    for unit in prose:
        made = _type_make(unit, in_use)
        if made is None or made[0] not in figures:
            continue
        key, maker, excepted = made
        figure, figure_span = figures[key]
        earlier = per_maker.get(maker)
        if earlier is not None and not _other_types_only(earlier, key):
            continue
        taken = sum(per_maker[name].value for name in excepted if name in per_maker)
        if any(name not in per_maker for name in excepted) or taken >= figure:
            continue  # an exception without its own figure: the type's rest is unknown
        reason = f"the {key} cameras' figure ({figure})" + (
            f" less {taken} of other makes" if taken else ""
        )
        span = CountSpan(unit, unit.start, unit.end, reason, "type_split")
        if earlier is None:
            per_maker[maker] = CountResult(figure - taken, [span, figure_span])
        else:  # "Fixed cameras: 640, of which 230 Axis" and "All of the domes are Axis": both are Axis's
            earlier.value += figure - taken
            earlier.spans += [span, figure_span]


def _other_types_only(result: CountResult, key: str) -> bool:
    """The maker's count so far comes only from sentences about other camera types ("PTZ cameras: 42 -
    Bosch (30) and Axis (12)"), so this type's figure adds to it rather than repeating it."""
    keys = {type_key(span.unit.text) for span in result.spans}
    return None not in keys and key not in keys


def _type_figures(prose: list[Unit]) -> dict[str, tuple[int, CountSpan]]:
    """Each camera type's figure: '228 are PTZ domes', and 'the remainder are fixed cameras' of the whole."""
    figures: dict[str, tuple[int, CountSpan]] = {}
    for unit in prose:
        text = unit.text
        given = 0
        for match in TYPE_FIGURE.finditer(text):
            key = type_key(match.group("type"))
            value = _value(match.group("figure"))
            if key is None or value is None or key in figures:
                continue
            figures[key] = (value, _span(unit, match, f"{value} {key} cameras"))
            given += value
        labelled = TYPE_LABEL_FIGURE.match(text)  # "Dome cameras: 318."
        if labelled and type_key(labelled.group("type")) not in figures:
            key, value = type_key(labelled.group("type")), _value(labelled.group("figure"))
            if key is not None and value is not None:
                figures[key] = (value, _span(unit, labelled, f"{value} {key} cameras"))
        whole = WHOLE_SPLIT.search(text)
        rest = TYPE_REMAINDER.search(text)
        if whole and rest and given:
            key, total = type_key(rest.group("type")), _value(whole.group("figure"))
            if key is not None and total is not None and total > given and key not in figures:
                figures[key] = (
                    total - given,
                    _span(unit, rest, f"{total} less {given}: {key} cameras"),
                )
    return figures


def _type_make(unit: Unit, in_use: set[str]) -> tuple[str, str, list[str]] | None:
    """'All of the PTZ domes are Bosch ...': (type, maker, makers excepted), when the maker follows 'are'."""
    match = TYPE_MAKE.match(unit.text)
    if match is None:
        return None
    key = type_key(match.group("type"))
    after = unit.start + match.end()
    named = sorted((h for h in unit.hits if h.start >= after - 1), key=lambda h: h.start)
    if key is None or not named or named[0].start - after > 1 or named[0].name not in in_use:
        return None
    # Every maker named after "apart from" is a part of the type that is not this maker's.
    found = TYPE_EXCEPT.search(unit.text, match.end())
    start = unit.start + found.start() if found else unit.end
    excepted = [h.name for h in named[1:] if h.start >= start and h.name != named[0].name]
    return key, named[0].name, excepted


def _value(figure: str) -> int | None:
    numbers = find_numbers(figure)
    return numbers[0].value if len(numbers) == 1 else None


def _span(unit: Unit, match: re.Match[str], reason: str) -> CountSpan:
    return CountSpan(
        unit, unit.start + match.start(), unit.start + match.end(), reason, "type_split"
    )
