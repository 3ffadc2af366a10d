"""What extraction returns: an :class:`Answer` whose every claim points at a span of the reply."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Outcome = Literal[
    "disclosed", "partially_disclosed", "refused", "not_held", "neither_confirm_nor_deny", "other"
]
OUTCOMES: tuple[str, ...] = (
    "disclosed",
    "partially_disclosed",
    "refused",
    "not_held",
    "neither_confirm_nor_deny",
    "other",
)
EvidenceField = Literal["outcome", "exemption", "in_use", "denied", "count", "total_cameras"]


class EvidenceSpan(BaseModel):
    """One passage of the reply that supports one value: ``text[start:end] == quote``."""

    field: EvidenceField
    value: str | int
    manufacturer_id: str | None = None
    start: int
    end: int
    quote: str
    #: Why the passage supports the value, in words (the rule that fired).
    reason: str = ""
    document_id: int | None = None


class Passage(BaseModel):
    """A passage of the reply for or against a candidate value: ``text[start:end] == quote``."""

    start: int
    end: int
    quote: str
    #: What the passage says about the value (the rule that read it).
    reason: str = ""
    document_id: int | None = None


class Candidate(BaseModel):
    """A value a reviewer may pick for a contested field, with the passages for and against it.

    An answer goes to review when a field has more than one reading; each reading is a candidate, and
    ``chosen`` marks the one the extractor put in the answer, so a person decides from the quotes
    ("1. Yes" for, "we no longer use Hikvision as a supplier" against) without reading the whole reply.
    """

    field: EvidenceField
    value: str | int
    chosen: bool = False
    support: list[Passage] = Field(default_factory=list)
    against: list[Passage] = Field(default_factory=list)


class Answer(BaseModel):
    """What a body answered, with evidence for every claim and a confidence per field."""

    outcome: Outcome = "other"
    exemptions: list[str] = Field(default_factory=list)
    manufacturers_in_use: list[str] = Field(default_factory=list)
    manufacturers_denied: list[str] = Field(default_factory=list)
    counts: dict[str, int] = Field(default_factory=dict)
    total_cameras: int | None = None
    evidence: list[EvidenceSpan] = Field(default_factory=list)
    confidence: dict[str, float] = Field(default_factory=dict)
    needs_review: bool = False
    #: Why a person should look (empty when ``needs_review`` is false).
    review_reasons: list[str] = Field(default_factory=list)
    #: The readings a reviewer chooses between (empty when ``needs_review`` is false).
    candidates: list[Candidate] = Field(default_factory=list)
    document_id: int | None = None

    def summary(self) -> dict:
        """The fields of the public ``extract --json`` contract, in contract order."""
        return {
            "outcome": self.outcome,
            "exemptions": self.exemptions,
            "manufacturers_in_use": self.manufacturers_in_use,
            "manufacturers_denied": self.manufacturers_denied,
            "counts": self.counts,
            "total_cameras": self.total_cameras,
            "evidence": [e.model_dump() for e in self.evidence],
            "needs_review": self.needs_review,
            "review_reasons": self.review_reasons,
            "candidates": [c.model_dump() for c in self.candidates],
        }
