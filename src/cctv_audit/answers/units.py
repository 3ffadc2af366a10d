"""The unit of a reply: one sentence, list item or table row, with its span and what each stage learns.

Segmenting (answers/segment.py) makes the units; finding makers, deciding their status and counting
set the typed fields below as they read them, so no stage passes another an untyped bag of facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from cctv_audit.answers.lexicon import MakerHit


@dataclass
class Unit:
    """One sentence, list item or table row of the reply."""

    start: int
    end: int
    text: str
    line: int
    role: str = "answer"
    label: str | None = None
    cells: list[str] | None = None
    #: Index (in the unit list) of the question this answer replies to.
    question: int | None = None
    #: True when the unit begins its line (list items, table rows, one-line answers).
    line_start: bool = True
    # What later stages learn about the unit, set as they read it:
    #: Maker names found in the unit (extract), and those of them read as in use or past (makers).
    hits: list[MakerHit] = field(default_factory=list)
    in_use_hits: list[MakerHit] = field(default_factory=list)
    #: Offsets of numbers already counted for a maker: never counted again for the total.
    maker_count_spans: list[tuple[int, int]] = field(default_factory=list)
    #: An "about 60" / "over 200" figure was set aside in the unit.
    approximate: bool = False
    #: A quantity line already counted for the maker of its label block.
    counted_for_maker: bool = False
    #: A short line read as an item of a list (so the line below may be one too).
    list_item: bool = False
    #: A line the request's layout makes a question whatever its wording.
    forced_question: bool = False
    #: A question line that opens a list of request items ("Please provide:").
    request_list: bool = False
    #: How an answer was paired with its question: by its label, as the next unit, or nearby.
    pair: Literal["label", "next", "near"] | None = None
