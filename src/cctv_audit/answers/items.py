"""The reply read by question: each request item paired with its answer, and the answer's status.

An item is a question of the request (quoted in the reply, or our own letter passed as ``question=``),
with the answer units the segmenter paired with it (``Unit.question``). Its status comes from the
signals of its own answer units, decided by the same outcome table as the whole reply, and named for
a reviewer:

| the item's own units read as      | status                                         |
|-----------------------------------|------------------------------------------------|
| disclosed, by an answer           | ``answered`` (``answered_negatively`` for a bare "No"/"None") |
| disclosed, by a pointer only      | ``in_attachment``                              |
| partially disclosed               | ``answered_in_part``                           |
| refused                           | ``withheld``                                   |
| not held                          | ``not_held``                                   |
| neither confirm nor deny          | ``ncnd``                                       |
| other, or no answer unit at all   | ``not_addressed``                              |

:func:`supports` says whether a reply's outcome is borne out by its items' statuses; the extractor
sends a reply whose outcome no item supports to review, with the items as the evidence.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from cctv_audit.answers.exemptions import Citation
from cctv_audit.answers.outcome import Signals, decide_rule, gather_signals, review_point
from cctv_audit.answers.pairing import question_span
from cctv_audit.answers.schema import Outcome
from cctv_audit.answers.units import Unit

ItemStatus = Literal[
    "answered",
    "answered_negatively",
    "answered_in_part",
    "withheld",
    "not_held",
    "ncnd",
    "in_attachment",
    "not_addressed",
]

_BY_OUTCOME: dict[Outcome, ItemStatus] = {
    "disclosed": "answered",
    "partially_disclosed": "answered_in_part",
    "refused": "withheld",
    "not_held": "not_held",
    "neither_confirm_nor_deny": "ncnd",
    "other": "not_addressed",
}
#: Which item statuses bear out each reply outcome (any one of them is enough).
SUPPORTED_BY: dict[Outcome, frozenset[ItemStatus]] = {
    "disclosed": frozenset({"answered", "answered_negatively", "in_attachment"}),
    "partially_disclosed": frozenset({"answered_in_part", "withheld", "not_held", "ncnd"}),
    "refused": frozenset({"withheld"}),
    "not_held": frozenset({"not_held"}),
    "neither_confirm_nor_deny": frozenset({"ncnd"}),
    "other": frozenset({"not_addressed"}),
}


@dataclass(frozen=True)
class Item:
    """One request item: its question (span into the reply; negative offsets when it is our letter), the
    answer units paired with it, and the answer's status."""

    question_start: int
    question_end: int
    answers: tuple[Unit, ...]
    status: ItemStatus


def read_items(
    units: list[Unit], citations: list[Citation], substantive_units: set[int]
) -> list[Item]:
    """Every question of the request with its answer's status, in the order of the request."""
    group_of = _question_groups(units)
    paired: dict[int, list[int]] = {}
    for index, unit in enumerate(units):
        if unit.role == "answer" and unit.question in group_of:
            paired.setdefault(group_of[unit.question], []).append(index)
    items = []
    for head in sorted(set(group_of.values())):
        own = paired.get(head, [])
        members = [q for q, g in group_of.items() if g == head]
        start, end = question_span(units, min(members))[0], question_span(units, max(members))[1]
        status = _status(units, own, citations, substantive_units) if own else "not_addressed"
        items.append(Item(start, end, tuple(units[i] for i in own), status))
    return items


def _question_groups(units: list[Unit]) -> dict[int, int]:
    """Each question unit's item (the index of the item's first unit): an item runs on through unlabelled
    question units on the next lines (a wrapped question, its translation, its "If so, how many?")."""
    group_of: dict[int, int] = {}
    head: int | None = None
    for index, unit in enumerate(units):
        if unit.role != "question":
            head = None if unit.role in {"answer"} else head
            continue
        previous = units[index - 1] if index > 0 else None
        continues = (
            head is not None
            and previous is not None
            and previous.role == "question"
            and not unit.label
            and unit.line <= previous.line + 2
        )
        if not continues or head is None:
            head = index
        group_of[index] = head
    return group_of


def supports(outcome: Outcome, items: Iterable[Item]) -> bool:
    """True when some item's status bears out the reply's outcome, or there are no items to judge by."""
    statuses = {item.status for item in items}
    if not statuses:
        return True
    if outcome == "partially_disclosed":
        # part answered and part withheld, not held or NCND across items is a partial disclosure too
        answered = statuses & {"answered", "answered_negatively", "in_attachment"}
        return bool(statuses & SUPPORTED_BY[outcome]) or (bool(answered) and len(statuses) > 1)
    return bool(statuses & SUPPORTED_BY[outcome])


def _status(
    units: list[Unit], own: list[int], citations: list[Citation], substantive_units: set[int]
) -> ItemStatus:
    """The item's status from the signals of its own answer units only."""
    signals = _item_signals(units, set(own), citations, substantive_units)
    outcome = decide_rule(signals).outcome
    if outcome == "disclosed" and not ({"substantive", "data"} & set(signals.found)):
        return "in_attachment"
    if outcome == "disclosed" and all(_bare_no(units[i]) for i in own):
        return "answered_negatively"
    return _BY_OUTCOME[outcome]


def _item_signals(
    units: list[Unit], own: set[int], citations: list[Citation], substantive_units: set[int]
) -> Signals:
    # The reply's units with every answer unit outside the item set aside: indices (and so the pairing of
    # answers with their questions) stay as they are.
    masked = [
        u if i in own or u.role not in {"answer", "header"} else dataclasses.replace(u, role="nav")
        for i, u in enumerate(units)
    ]
    mine = {id(units[i]) for i in own}
    # An internal review that releases what was refused overturns each item's refusal too.
    return gather_signals(
        masked,
        [c for c in citations if id(c.unit) in mine],
        substantive_units & own,
        reviewed=review_point(units),
    )


def _bare_no(unit: Unit) -> bool:
    words = unit.text.strip().lower().strip(".!;:,").split()
    return bool(words) and words[-1] in {"no", "none", "nil"} and len(words) <= 2
