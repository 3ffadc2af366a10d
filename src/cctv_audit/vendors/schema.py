"""Typed shape of the knowledge-base YAML (validated once, in ``loader``).

The YAML files are written by people, so every model forbids unknown keys: a
typo such as ``sorces:`` fails loudly instead of silently dropping a fact.
Sources are written once in ``sources.yaml`` and referred to by id everywhere
else; the loader swaps the ids for :class:`Source` objects.
"""

from __future__ import annotations

import re
from enum import IntEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, field_validator

Grade = Literal["primary", "secondary", "tertiary", "unverified"]
Kind = Literal["manufacturer", "brand", "component", "vms", "installer"]
#: Kinds whose name on a device or in a reply says who made the camera or recorder.
DEVICE_MAKER_KINDS: frozenset[str] = frozenset({"manufacturer", "brand"})
#: Grades strong enough to state a relationship as fact (tertiary sources only hint).
CONFIRMING_GRADES: frozenset[str] = frozenset({"primary", "secondary"})

_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """A citable document: where a fact comes from."""

    id: str
    url: str = Field(pattern=r"^https?://")
    title: str = Field(min_length=3)
    publisher: str = Field(min_length=2)
    date: str = Field(min_length=4, description="ISO date, year-month, year, or 'undated'.")
    grade: Grade
    note: str | None = None

    def cite(self) -> str:
        """One-line citation: publisher, title (date) url."""
        return f"{self.publisher}, {self.title} ({self.date}) {self.url}"


class Severity(IntEnum):
    """Sort key for risk flags; reports list the highest first."""

    INFO = 1
    LOW = 2
    MEDIUM = 3
    HIGH = 4
    CRITICAL = 5


class Fact(Strict):
    """A sourced statement, written in our own words."""

    text: str = Field(min_length=3)
    sources: list[Source] = Field(min_length=1)


class Ownership(Strict):
    """A shareholder of the manufacturer (``state`` marks state-owned holders)."""

    owner: str
    owner_id: str | None = None
    percent: float | None = Field(default=None, ge=0, le=100)
    as_of: str | None = None
    state: bool = False
    controlling: bool = False
    note: str | None = None
    sources: list[Source] = Field(min_length=1)


class Rebadge(Strict):
    """Brand products made by another maker (OEM / relabel / own sub-brand)."""

    maker: str
    scope: Literal["all", "some"] = "all"
    since: str | None = None
    until: str | None = None
    reason: str = Field(min_length=10)
    sources: list[Source] = Field(min_length=1)

    @property
    def grade(self) -> str:
        """The best evidence grade among the sources."""
        order = ["primary", "secondary", "tertiary", "unverified"]
        return min((s.grade for s in self.sources), key=order.index)

    @property
    def confirmed(self) -> bool:
        """True when a primary or secondary source supports the relationship."""
        return self.grade in CONFIRMING_GRADES


class ModelPattern(Strict):
    """A model-number convention. ``text`` patterns are safe to look for in free text."""

    pattern: str
    meaning: str
    examples: list[str] = Field(min_length=1)
    in_text: bool = True
    sources: list[Source] = Field(min_length=1)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        re.compile(value)
        return value


class Concern(Strict):
    """A reason for concern that is not a government measure (e.g. human-rights findings)."""

    code: str
    severity: Severity
    title: str
    reason: str = Field(min_length=10)
    sources: list[Source] = Field(min_length=1)


class Alias(Strict):
    """A name as it may appear in text; ``context`` names need camera words nearby."""

    text: str = Field(min_length=2)
    context: bool = False
    misspelling: bool = False


class Manufacturer(Strict):
    """One manufacturer, brand, VMS vendor or installer."""

    id: str
    name: str
    kind: Kind
    country: str = Field(pattern=r"^[A-Z]{2}$|^unknown$")
    summary: str
    legal_names: list[str] = []
    aliases: list[Alias] = []
    parent: str | None = None
    state_linked: bool = False
    identity: list[Fact] = Field(min_length=1)
    ownership: list[Ownership] = []
    rebadges: list[Rebadge] = []
    concerns: list[Concern] = []
    measures: list[str] = []
    models: list[ModelPattern] = []
    notes: list[Fact] = []

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(f"id {value!r} must be lower-case letters, digits and underscores")
        return value

    @computed_field  # type: ignore[prop-decorator]
    @property
    def made_by(self) -> str | None:
        """The real maker of a rebadged brand: a confirmed rebadge covering all its products."""
        for rebadge in self.rebadges:
            if rebadge.scope == "all" and rebadge.confirmed and not rebadge.until:
                return rebadge.maker
        return None

    @property
    def is_device_maker(self) -> bool:
        """True for camera/recorder makers and brands; False for VMS, installers, chips."""
        return self.kind in DEVICE_MAKER_KINDS

    @property
    def sources(self) -> list[Source]:
        """Every source cited anywhere in this entry, once each, in order."""
        seen: dict[str, Source] = {}
        groups = [f.sources for f in self.identity + self.notes]
        groups += [o.sources for o in self.ownership] + [r.sources for r in self.rebadges]
        groups += [c.sources for c in self.concerns] + [m.sources for m in self.models]
        for group in groups:
            for source in group:
                seen.setdefault(source.id, source)
        return list(seen.values())


class Measure(Strict):
    """A government (or notable non-government) measure naming makers."""

    id: str
    date: str
    jurisdiction: str
    body: str
    title: str
    category: Literal[
        "export_control",
        "procurement_ban",
        "investment_ban",
        "military_designation",
        "equipment_authorisation",
        "uk_public_sector",
        "other_government",
        "regulator",
        "parliament",
        "court",
        "advisory",
        "industry",
    ]
    effect: str = Field(min_length=10)
    names: list[str] = []
    covers_affiliates: bool = False
    sources: list[Source] = Field(min_length=1)


class OuiBlock(Strict):
    """An IEEE MAC-address block registered to a maker."""

    prefix: str
    bits: int
    organisation: str
    manufacturer_id: str
    relevance: Literal["high", "medium", "low"]
