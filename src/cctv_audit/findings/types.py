"""Plain data classes the findings functions return (JSON-ready through ``to_dict``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

Polarity = Literal["uses", "does_not_use"]
Origin = Literal["extraction", "review", "audit", "manual", "published"]
POLARITIES: tuple[str, ...] = ("uses", "does_not_use")
ORIGINS: tuple[str, ...] = ("extraction", "review", "audit", "manual", "published")
#: Body statuses in a survey round (see docs/findings.md).
STATUSES: tuple[str, ...] = (
    "answered",
    "refused",
    "not_held",
    "unclear",
    "overdue",
    "no_reply",
    "not_sent",
    "not_surveyed",
)


def to_dict(obj: Any) -> Any:
    """Any findings data class (or list/dict of them) as JSON-ready dicts, dates as ISO text."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list | tuple):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    if isinstance(obj, dt.date):
        return obj.isoformat()
    return obj


@dataclass(frozen=True)
class EvidenceInput:
    """Evidence to attach to a claim: build it with ``span``, ``observation`` or ``link``."""

    kind: Literal["document", "observation", "url"]
    document_id: int | None = None
    start: int | None = None
    end: int | None = None
    quote: str | None = None
    observation_id: int | None = None
    observation_kind: str | None = None
    url: str | None = None
    title: str | None = None
    published_on: dt.date | None = None
    note: str | None = None

    @classmethod
    def span(
        cls,
        document_id: int,
        start: int | None,
        end: int | None,
        quote: str | None = None,
        note: str | None = None,
    ) -> EvidenceInput:
        """A passage ``text[start:end]`` of a stored document (start/end None: the whole document)."""
        return cls(
            "document", document_id=document_id, start=start, end=end, quote=quote, note=note
        )

    @classmethod
    def observation(
        cls,
        observation_id: int,
        kind: str = "observation",
        quote: str | None = None,
        note: str | None = None,
    ) -> EvidenceInput:
        """A record of the audit package (``observation``, ``device`` or ``asset`` id)."""
        return cls(
            "observation",
            observation_id=observation_id,
            observation_kind=kind,
            quote=quote,
            note=note,
        )

    @classmethod
    def link(
        cls,
        url: str,
        title: str | None = None,
        published_on: dt.date | None = None,
        quote: str | None = None,
        note: str | None = None,
    ) -> EvidenceInput:
        """A published source: council minutes, a news report, a disclosure log page."""
        return cls("url", url=url, title=title, published_on=published_on, quote=quote, note=note)


@dataclass
class EvidenceView:
    """One evidence row of a claim, ready to show."""

    id: int
    kind: str
    document_id: int | None
    start: int | None
    end: int | None
    quote: str | None
    observation_id: int | None
    observation_kind: str | None
    url: str | None
    title: str | None
    published_on: dt.date | None
    note: str | None


@dataclass
class ClaimView:
    """A claim with its evidence (see the ``claims`` table for each field's meaning)."""

    id: str
    body_id: int
    body_name: str
    manufacturer_id: str
    maker_id: str
    maker_name: str
    polarity: str
    device_count: int | None
    as_of: dt.date | None
    origin: str
    original_wording: str | None
    survey_id: int | None
    request_id: int | None
    answer_id: int | None
    confidence: float | None
    needs_review: bool
    confirmed: bool
    status: str
    status_reason: str | None
    reviewed_by: str | None
    evidence: list[EvidenceView] = field(default_factory=list)


@dataclass
class RiskFlagView:
    """A risk flag of a maker from the knowledge base (``vendors.assess``)."""

    code: str
    severity: int
    title: str


@dataclass
class MakerFinding:
    """What a body's claims in one round say about one maker."""

    maker_id: str
    name: str
    #: ``uses``, ``does_not_use`` or ``conflict`` (a confirmed use and a denial in the same round).
    polarity: str
    #: Largest confirmed device count, else the largest unconfirmed one; None when never stated.
    device_count: int | None
    #: True when at least one claim for this polarity is confirmed (counted in "at least N").
    confirmed: bool
    #: True when only unconfirmed claims exist (awaiting review).
    needs_review: bool
    state_linked: bool
    #: Counted in "flagged maker" figures under the round's flagged definition (``Statistics.flagged_definition``).
    flagged: bool
    risk_severity: int
    risk_label: str | None
    flags: list[RiskFlagView]
    origins: list[str]
    claim_ids: list[str]


@dataclass
class DisclosureView:
    """One published FOI reply about a body (``disclosures load``): its outcome, makers and source."""

    id: str
    body_id: int
    outcome: str
    exemptions: list[str]
    makers_in_use: list[str]
    makers_denied: list[str]
    total_cameras: int | None
    disclosed_on: dt.date | None
    source_url: str
    loaded_from: str | None


@dataclass
class BodyFinding:
    """One body in one survey round: its request, the reply's outcome, the makers, the evidence."""

    body_id: int
    body_code: str
    body_name: str
    nation: str
    region: str | None
    body_type: str
    body_type_name: str
    groups: list[str]
    survey_id: int | None
    request_id: int | None
    reference: str | None
    law: str | None
    request_state: str | None
    #: One of ``STATUSES``: answered, refused, not_held, unclear, overdue, no_reply, not_sent
    #: (outside rounds: from the body's published disclosures, else ``not_surveyed``).
    status: str
    #: The reply's outcome after review (disclosed, partially_disclosed, refused, not_held,
    #: neither_confirm_nor_deny, other), None when there is no reply.
    outcome: str | None
    exemptions: list[str]
    sent_at: dt.datetime | None
    received_on: dt.date | None
    due_on: dt.date | None
    #: The day the body sent its first answer (the message's date, or the date a person gave).
    responded_on: dt.date | None
    total_cameras: int | None
    makers: list[MakerFinding]
    document_ids: list[int]
    answer_ids: list[int]
    evidence: list[EvidenceView]
    #: Published FOI replies about this body (outside rounds only), with or without makers.
    disclosures: list[DisclosureView] = field(default_factory=list)
    #: A confirmed claim says the body uses a flagged maker (what ``uses_flagged`` counts).
    flagged: bool = False
    #: Working days the answer took, and whether it came after the due date (None: no answer yet).
    days_to_answer: int | None = None
    late: bool | None = None

    @property
    def named_no_maker(self) -> bool:
        """Answered, but no claim names any maker (in use or denied): "answered without makers"."""
        return self.status == "answered" and not self.makers

    def uses(self, maker_id: str, *, confirmed_only: bool = True) -> bool:
        """True when the round's claims say the body uses ``maker_id`` (confirmed ones only by default)."""
        return any(
            m.maker_id == maker_id
            and m.polarity in ("uses", "conflict")
            and (m.confirmed or not confirmed_only)
            for m in self.makers
        )


@dataclass
class BreakdownRow:
    """A figure within one group: ``value`` of ``base`` bodies in that nation / region / type / group."""

    name: str
    value: int
    base: int | None
    percent: float | None


@dataclass
class Figure:
    """One number with its denominator, phrased so it survives scrutiny."""

    key: str
    label: str
    value: int
    #: The denominator (None for plain counts such as "bodies asked").
    base: int | None
    #: The key of the figure that is the denominator, and how to say it ("of 281 that named manufacturers").
    base_key: str | None
    base_label: str | None
    #: value / base * 100, one decimal, None without a base.
    percent: float | None
    #: True when the value is a lower bound ("at least"): only confirmed claims count, non-replies are unknown.
    at_least: bool
    #: ``bodies`` or ``devices``.
    unit: str
    #: How the figure reads in a sentence ("at least 12 of 30 bodies that named manufacturers use Hikvision").
    sentence: str
    #: What is counted, in words; for flagged figures it includes the flagged definition and its sources.
    definition: str = ""
    #: ``{"nation": [...], "region": [...], "body_type": [...], "group": [...]}``.
    breakdowns: dict[str, list[BreakdownRow]] = field(default_factory=dict)


@dataclass
class Statistics:
    """All figures of one survey round (or of every claim when ``survey_id`` is None)."""

    survey_id: int | None
    survey_name: str | None
    as_of: dt.date
    figures: list[Figure]
    #: Definitions used ("confirmed", "unknown"...), for footnotes.
    notes: list[str]
    #: Which "flagged maker" rule the figures use (``findings.FLAG_DEFINITIONS``) and its text.
    flagged: str = "state_linked"
    flagged_definition: str = ""

    def get(self, key: str) -> Figure:
        """The figure with this key (``KeyError`` if absent)."""
        for figure in self.figures:
            if figure.key == key:
                return figure
        raise KeyError(key)

    def __contains__(self, key: str) -> bool:
        return any(f.key == key for f in self.figures)


@dataclass
class ExplainedBody:
    """A body counted in a figure (or in its base), with why and the claims behind it."""

    body_id: int
    body_name: str
    nation: str
    region: str | None
    body_type_name: str
    groups: list[str]
    status: str
    #: What the body adds to the figure: 1 (or 0) body, or its number of devices.
    contribution: int
    reason: str
    claims: list[ClaimView]
    document_ids: list[int]
    #: Published disclosures behind the body's status outside rounds (refused, not held...).
    disclosures: list[DisclosureView] = field(default_factory=list)


@dataclass
class Explanation:
    """The bodies, claims and evidence behind one figure."""

    figure: Figure
    #: Bodies counted in ``figure.value``.
    counted: list[ExplainedBody]
    #: Bodies in the base but not counted (with why: no reply, only unconfirmed claims...).
    not_counted: list[ExplainedBody]
    definition: str
    #: The breakdown row explained (``"nation:Scotland"``), None for the whole figure.
    within: str | None = None


@dataclass
class TrendItem:
    """One body and one maker compared between two rounds."""

    body_id: int
    body_name: str
    maker_id: str
    before: MakerFinding | None
    after: MakerFinding | None


@dataclass
class Trends:
    """What changed for flagged makers between a round and the one before it."""

    survey_id: int
    previous_id: int
    #: Confirmed user before, confirmed statement of non-use now.
    replaced: list[TrendItem]
    #: Confirmed user before, names other makers now but not this one (weaker than ``replaced``).
    no_longer_named: list[TrendItem]
    #: Confirmed user now, not confirmed before.
    newly_confirmed: list[TrendItem]
    #: Confirmed user in both rounds.
    still_using: list[TrendItem]


@dataclass
class FieldState:
    """One field of an answer as a reviewer sees it."""

    field: str
    extracted: Any
    value: Any
    confidence: float | None
    #: ``extracted`` (never reviewed), ``accept``, ``correct`` or ``reject`` (the latest review).
    review: str
    reviewed_by: str | None
    evidence: list[dict]


@dataclass
class ReviewItem:
    """An extracted answer waiting for (or after) review, with its evidence in context."""

    answer_id: int
    document_id: int
    body_id: int | None
    body_name: str | None
    survey_id: int | None
    request_id: int | None
    min_confidence: float
    needs_review: bool
    fields: list[FieldState]
    #: The start of the reply text (``review.EXCERPT`` characters), to read when nothing was quoted.
    excerpt: str = ""
    #: Why the extractor asked for a person ("Hikvision: named without a clear statement of use").
    review_reasons: list[str] = field(default_factory=list)
    #: The readings to choose between, with passages for and against (``answers.schema.Candidate`` as data).
    candidates: list[dict] = field(default_factory=list)


@dataclass
class ReviewVersion:
    """One stored review of one field: who, when, before, after, why."""

    id: int
    answer_id: int
    field: str
    version: int
    action: str
    before: Any
    after: Any
    reason: str | None
    reviewer: str
    at: dt.datetime
    #: The passage a correction quotes; None on a correction: the reviewer's own value.
    passage: dict | None = None
    #: Checks against the reply's text (e.g. a denied maker the reply never mentions).
    warnings: list[str] = dataclasses.field(default_factory=list)  # `field` also names an attribute


@dataclass
class DisclosureReport:
    """What ``load_disclosures`` did."""

    rows: int = 0
    claims: int = 0
    bodies_created: int = 0
    #: Rows stored as disclosures (every loaded row, with or without makers).
    disclosures: int = 0
    #: Rows with no maker stated (refusals, not held, answers naming none): stored as disclosures
    #: that set the body's status outside rounds, but no claim; listed here.
    without_claims: list[str] = field(default_factory=list)
    #: ``"file:line: reason"`` for rows that could not be loaded.
    problems: list[str] = field(default_factory=list)
