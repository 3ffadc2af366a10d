"""A decision about one maker mention: the maker, its status (in use, denied, past, set aside), the passage
and the reason. Made by answers/makers.py and answers/yes_no.py; counted by answers/counts.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from cctv_audit.answers.lexicon import MakerHit
    from cctv_audit.answers.units import Unit

#: What one mention says: the body's kit in use now, denied, used in the past, or set aside.
MentionStatus = Literal["in_use", "denied", "past", "skip"]


@dataclass
class MakerFinding:
    """One decision about one maker mention (or one Yes/No answer), with its reason."""

    name: str
    maker_id: str
    status: MentionStatus
    strong: bool
    unit: Unit
    hit: MakerHit
    reason: str
    state_linked: bool
    #: The mention was set aside for want of a signal (no camera words, a "Yes" to several makers), not by a
    #: rule that recognised what it is: a person should look when the maker is state-linked.
    doubtful: bool = False
    #: The kit belongs to another organisation ("owned by Greenway Housing Association"), not to the body.
    others: bool = False
    #: A denial for one named place or system ("no Hikvision in the public space network"), not the body's.
    scoped: bool = False
