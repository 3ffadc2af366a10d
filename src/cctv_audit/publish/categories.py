"""The map's finding categories: one per body, with a colour-blind-safe palette.

Colours come from the Okabe-Ito palette (Okabe & Ito, "Color Universal Design", 2008),
chosen to stay distinct under the common colour-vision deficiencies; the two "no data"
categories are greys so they never read as a finding.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Category:
    """One map category: its key, label for legends, fill colour and what it means."""

    key: str
    label: str
    colour: str
    #: Text colour that stays readable on ``colour`` (for labels and table swatches).
    ink: str
    description: str


CATEGORIES: tuple[Category, ...] = (
    Category(
        "flagged",
        "Confirmed flagged maker",
        "#D55E00",
        "#000000",
        "At least one confirmed claim that the body uses a flagged maker (see what flagged means: "
        "by default a maker with a sourced link to the Chinese state).",
    ),
    Category(
        "other_makers",
        "Other makers only",
        "#0072B2",
        "#FFFFFF",
        "Confirmed answer naming only makers that are not flagged, or denying flagged makers.",
    ),
    Category(
        "refused",
        "Refused",
        "#E69F00",
        "#000000",
        "The body refused to answer (an exemption, cost limit, or neither confirm nor deny).",
    ),
    Category(
        "not_held",
        "Not held",
        "#56B4E9",
        "#000000",
        "The body said it does not hold the information.",
    ),
    Category(
        "unclear",
        "Unclear or awaiting review",
        "#F0E442",
        "#000000",
        "A reply arrived but its claims are not confirmed yet, or it did not answer the question.",
    ),
    Category(
        "no_reply",
        "No reply",
        "#8C8C8C",
        "#000000",
        "Asked, but no reply yet (including overdue requests).",
    ),
    Category(
        "no_makers",
        "Answered, no maker named",
        "#009E73",
        "#000000",
        "The body answered (all or part) but named no manufacturer, in use or denied: unknown, not 'no'.",
    ),
    Category(
        "not_asked",
        "Not asked / no claim",
        "#F2F2F2",
        "#000000",
        "Not part of this survey or the request was never sent (outside a survey: no claim recorded).",
    ),
)

CATEGORY_BY_KEY: dict[str, Category] = {c.key: c for c in CATEGORIES}

_STATUS_CATEGORY = {
    "refused": "refused",
    "not_held": "not_held",
    "unclear": "unclear",
    "overdue": "no_reply",
    "no_reply": "no_reply",
    "not_sent": "not_asked",
}


def is_flagged_maker(maker: Any) -> bool:
    """A maker the flagged figures count (``findings.MakerFinding.flagged``: the findings library's
    definition, by default state-linked makers only); publishing never re-decides it."""
    return bool(getattr(maker, "flagged", False))


def _confirmed_uses(makers: Iterable[Any]) -> list[Any]:
    return [m for m in makers if m.polarity in ("uses", "conflict") and m.confirmed]


def categorize(finding: Any | None) -> str:
    """The category key of one body's finding (a ``findings.BodyFinding``; None: not asked).

    A confirmed flagged maker wins over every reply status: a published disclosure
    about a body that later refused still stands, with its evidence.
    """
    if finding is None:
        return "not_asked"
    makers = list(finding.makers)
    if any(is_flagged_maker(m) for m in _confirmed_uses(makers)):
        return "flagged"
    if finding.status in _STATUS_CATEGORY:
        return _STATUS_CATEGORY[finding.status]
    if any(m.confirmed for m in makers):
        return "other_makers"
    if finding.status == "answered" and not makers:
        return "no_makers"
    return "unclear"


def category_counts(keys: Iterable[str]) -> dict[str, int]:
    """Bodies per category, in legend order, zero where none."""
    counts = {c.key: 0 for c in CATEGORIES}
    for key in keys:
        counts[key] += 1
    return counts
