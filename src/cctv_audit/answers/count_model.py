"""What a count is: its value, the passages that support it, and the kind of rule that found it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from cctv_audit.answers.units import Unit

#: Which rule found a count: code branches on the kind, never on the reason's wording.
CountKind = Literal[
    "adjacent",
    "clause",
    "part",
    "sentence",
    "all_of_them",
    "singular",
    "glued_row",
    "row",
    "quantity_line",
    "remain_of_these",
    "further_same_make",
    "in_use_of_which",
    "of_our",
    "total_row",
    "stated_total",
    "no_cameras",
    "camera_numbers",
    "how_many",
    "rest_split",
    "remainder",
    "items",
    "type_split",
]


class CountSpan(NamedTuple):
    """The passage a count comes from: its unit, offsets in the reply, the reason shown, and the rule's kind."""

    unit: Unit
    start: int
    end: int
    reason: str
    kind: CountKind


@dataclass
class CountResult:
    """A number with the spans that support it."""

    value: int
    spans: list[CountSpan] = field(default_factory=list)
    sure: bool = True
    #: Only recorders (NVR/DVR) were counted for this maker: devices of its make, but not cameras.
    recorders: bool = False
