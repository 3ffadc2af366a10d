"""Fingerprint rules (``rules/fingerprints.yaml``): loaded and validated here, in one place, then matched
against the signal fields of observations.

What the audit knows about makers themselves (names, brands, MAC blocks) comes only from the
knowledge base (:mod:`cctv_audit.vendors`); the rules hold device signals, never a maker table.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from cctv_audit.errors import AuditError
from cctv_audit.vendors import load_kb, lookup_oui, resolve_maker

log = logging.getLogger(__name__)

RULES_DIR = Path(__file__).resolve().parent / "rules"
NAMES_FROM_KB = "knowledge_base"
NAME_GROUPS = ("brand", "maker_name")
OUI_SOURCE = "IEEE registry, via the vendors knowledge base (oui.tsv)"
IDENTITY_GROUPS = ("model", "firmware", "serial", "mac", "brand")


@dataclass(frozen=True)
class Rule:
    """One pattern over one or more signal fields, and what a match means."""

    id: str
    fields: tuple[str, ...]
    regex: re.Pattern[str]
    strength: float
    source: str
    maker: str | None = None
    brand: str | None = None
    kind: str | None = None
    flag: str | None = None
    names_from: str | None = (
        None  # "knowledge_base": captured brand/maker names must be known to it
    )
    examples: tuple[Any, ...] = ()
    not_examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    """A rule that matched a signal: the unit of "signals that decided it"."""

    rule: str
    field: str
    value: str
    strength: float
    source: str
    maker: str | None = None
    brand: str | None = None
    kind: str | None = None
    flag: str | None = None
    # dataclasses.field by its full name: this class has a field called ``field``
    captures: dict[str, str] = dataclasses.field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if v not in (None, {}, "")}
        data["value"] = self.value[:160]
        return data


@dataclass(frozen=True)
class MacMatch:
    prefix: str
    maker: str | None
    brand: str | None
    registrant: str
    source: str


def _rule_from_dict(raw: dict[str, Any], where: str) -> Rule:
    missing = {"id", "fields", "pattern", "source"} - raw.keys()
    if missing:
        raise AuditError(
            f"{where}: rule {raw.get('id', '?')} lacks {sorted(missing)}; fix the rules file"
        )
    try:
        regex = re.compile(raw["pattern"])
    except re.error as exc:
        raise AuditError(f"{where}: rule {raw['id']} has a bad pattern ({exc})") from exc
    if not (
        raw.get("maker")
        or raw.get("brand")
        or raw.get("kind")
        or "brand" in regex.groupindex
        or set(regex.groupindex) & set(IDENTITY_GROUPS)
    ):
        raise AuditError(
            f"{where}: rule {raw['id']} concludes nothing (needs maker, brand, kind or a named group)"
        )
    if raw.get("names_from") not in (None, NAMES_FROM_KB) or (
        raw.get("names_from") and not set(regex.groupindex) & set(NAME_GROUPS)
    ):
        raise AuditError(
            f"{where}: rule {raw['id']}: names_from must be {NAMES_FROM_KB!r} "
            "and needs a (?P<brand>...) or (?P<maker_name>...) group"
        )
    return Rule(
        id=raw["id"],
        fields=tuple(raw["fields"]),
        regex=regex,
        strength=float(raw.get("strength", 0.5)),
        source=raw["source"],
        maker=raw.get("maker"),
        brand=raw.get("brand"),
        kind=raw.get("kind"),
        flag=raw.get("flag"),
        names_from=raw.get("names_from"),
        examples=tuple(raw.get("examples", ())),
        not_examples=tuple(raw.get("not_examples", ())),
    )


@functools.cache
def load_rules(path: Path | None = None) -> tuple[Rule, ...]:
    """The fingerprint rules, validated (ids unique, patterns compile, every rule concludes something)."""
    path = path or RULES_DIR / "fingerprints.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules = tuple(_rule_from_dict(raw, str(path)) for raw in data["rules"])
    ids = [r.id for r in rules]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise AuditError(f"{path}: duplicate rule ids {sorted(duplicates)}")
    return rules


@functools.cache
def _rules_by_field() -> dict[str, tuple[Rule, ...]]:
    index: dict[str, list[Rule]] = {}
    for rule in load_rules():
        for name in rule.fields:
            index.setdefault(name, []).append(rule)
    return {k: tuple(v) for k, v in index.items()}


def match_rule(rule: Rule, field_name: str, value: str) -> Hit | None:
    """Apply one rule to one value."""
    found = rule.regex.search(value)
    if not found:
        return None
    captures = {k: v for k, v in found.groupdict().items() if v}
    if rule.names_from == NAMES_FROM_KB:
        for group in set(NAME_GROUPS) & captures.keys():
            known = known_maker_name(captures[group])
            if known is None:
                return None  # words the knowledge base does not know as a camera maker
            captures[group] = known
    brand = rule.brand or captures.pop("brand", None)
    return Hit(
        rule=rule.id,
        field=field_name,
        value=value,
        strength=rule.strength,
        source=rule.source,
        maker=rule.maker,
        brand=brand.lower() if brand else None,
        kind=rule.kind,
        flag=rule.flag,
        captures={k: v for k, v in captures.items() if k in IDENTITY_GROUPS},
    )


@functools.lru_cache(maxsize=4096)  # devices of one model repeat the same names
def known_maker_name(text: str, max_words: int = 3) -> str | None:
    """The longest run of leading words of ``text`` that the knowledge base knows as a camera maker
    or brand ("HIKVISION DS-2CD..." -> "HIKVISION"), or None. VMS vendors and installers do not count."""
    words = text.split()
    for count in range(min(max_words, len(words)), 0, -1):
        candidate = " ".join(words[:count])
        found = load_kb().find(candidate)  # a broken knowledge-base file raises KnowledgeBaseError
        if found is not None and found.is_device_maker:
            return candidate
    return None


def match_fields(fields: dict[str, str]) -> list[Hit]:
    """Every rule hit over a mapping of signal field -> text."""
    hits: list[Hit] = []
    index = _rules_by_field()
    for name, value in fields.items():
        if not value:
            continue
        for rule in index.get(name, ()):
            hit = match_rule(rule, name, value)
            if hit:
                hits.append(hit)
    return hits


def normalise_mac(value: str) -> str | None:
    """``AA:BB:CC:DD:EE:FF`` from any common spelling, or None when it is not a MAC."""
    digits = re.sub(r"[^0-9A-Fa-f]", "", value or "")
    if len(digits) != 12:
        return None
    return ":".join(digits[i : i + 2] for i in range(0, 12, 2)).upper()


def lookup_mac(mac: str) -> MacMatch | None:
    """The maker whose IEEE block (in the knowledge base's ``oui.tsv``) holds this MAC, or None.

    Locally administered addresses (second bit of the first octet) are never looked up, and
    blocks of a group's non-video units (relevance ``low``) never name a camera's maker.
    """
    norm = normalise_mac(mac)
    if not norm or int(norm[:2], 16) & 0x02:
        return None
    block = lookup_oui(norm)  # a broken knowledge-base file raises KnowledgeBaseError
    if block is None or block.relevance == "low":
        return None
    registered = block.manufacturer_id
    if is_brand_label(registered):
        # A brand company's own MAC block says who sold the unit, not whose platform it runs.
        return MacMatch(block.prefix, None, registered, block.organisation, OUI_SOURCE)
    return MacMatch(block.prefix, resolve_maker(registered), None, block.organisation, OUI_SOURCE)


@functools.cache
def is_brand_label(ref: str) -> bool:
    """True for a brand that sells other makers' hardware or is a maker's label (Lorex, HiLook),
    per the knowledge base; names it does not know are not brands."""
    found = load_kb().find(ref)  # a broken knowledge-base file raises KnowledgeBaseError
    return found is not None and found.kind == "brand"
