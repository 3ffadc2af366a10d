"""Pairing each answer with the question it replies to: by its list label ("3. No." with "3. Does the
council use Dahua?"), as the lines under a numbered answer, or as the answer next to or near a question;
and the whole question a unit belongs to (its wrapped lines, its translation)."""

from __future__ import annotations

from cctv_audit.answers import cues
from cctv_audit.answers.rules import cue
from cctv_audit.answers.units import Unit


def pair_questions(units: list[Unit]) -> None:
    """Pair each answer with its question: same list label first, else the nearest question above."""
    questions_by_label: dict[str, int] = {}
    # The request quoted in an older e-mail below the reply still gives "1." its meaning.
    for index, unit in enumerate(units):
        if unit.role == "thread" and unit.label and cues.looks_like_question(unit.text):
            questions_by_label.setdefault(unit.label, index)
    # A request reproduced below the answers ("Your request: 1. ... 2. ...") gives the labels their questions
    # when no labelled question comes before them.
    below: dict[str, int] = {}
    for index, unit in enumerate(units):
        if unit.role == "question" and unit.label:
            below.setdefault(unit.label, index)
    last_question: int | None = None
    previous: Unit | None = None
    for index, unit in enumerate(units):
        if unit.role == "question":
            last_question = index
            if unit.label:
                questions_by_label[unit.label] = index
            previous = None
            continue
        if unit.role == "thread":
            continue
        if unit.role != "answer":
            continue
        if unit.label and unit.label in questions_by_label:
            unit.question = questions_by_label[unit.label]
            unit.pair = "label"
        elif unit.label and not questions_by_label and unit.label in below:
            unit.question = below[unit.label]
            unit.pair = "label"
        elif _continues_numbered_answer(unit, previous):
            # "1. Na." / "No.": the line under a numbered answer (its translation, its next sentence) answers the same item.
            unit.question, unit.pair = previous.question, "label"  # type: ignore[union-attr]
        elif last_question is not None and index - last_question <= 6:
            unit.question = last_question
            unit.pair = "next" if index - last_question == 1 else "near"
        previous = unit


#: "... are as follows.", "... below:": the sentence introduces the list or table under it.
_INTRODUCES_LIST = cue("segment.introduces_list")


def _continues_numbered_answer(unit: Unit, previous: Unit | None) -> bool:
    """The next line of a numbered answer, or the list or table it introduces past a blank line ("1 and 2. The
    cameras are as follows." over "Make   Number of cameras")."""
    if previous is None or previous.pair != "label" or unit.label or unit.cells is not None:
        return False
    gap = 2 if _INTRODUCES_LIST.search(previous.text) else 1
    return unit.line <= previous.line + gap


def _question_group(units: list[Unit], index: int) -> list[Unit]:
    """A question and the question units just above it on neighbouring lines (a wrapped or multi-sentence question,
    a list of makers above its "If so, how many?")."""
    head = units[index]
    group = [head]
    j = index - 1
    while (
        j >= 0
        and units[j].role == head.role
        and units[j].line >= units[j + 1].line - 2
        and not units[j + 1].label
    ):
        group.insert(0, units[j])
        j -= 1
    k = index + 1
    # A labelled question's unlabelled lines below it are the same item: its translation, its "If so, how many?".
    while (
        head.label
        and k < len(units)
        and units[k].role == head.role
        and not units[k].label
        and units[k].line <= units[k - 1].line + 1
    ):
        group.append(units[k])
        k += 1
    return group


def question_text(units: list[Unit], index: int) -> str:
    """The whole question a unit belongs to, as text."""
    return " ".join(u.text for u in _question_group(units, index))


def question_span(units: list[Unit], index: int) -> tuple[int, int]:
    """(start, end) of the whole question a unit belongs to."""
    group = _question_group(units, index)
    return group[0].start, group[-1].end
