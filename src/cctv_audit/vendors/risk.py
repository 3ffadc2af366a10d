"""Risk assessment: why a manufacturer is a concern, in plain English, with sources.

Flags come from four places: concerns recorded on the entry (state links,
human rights, security), government measures naming it (grouped by kind),
its headquarters (China's National Intelligence Law, the basis of the UK's
2022 statement), and its relationships (a subsidiary of, or a brand made by,
a flagged maker). Every flag carries the sources a report can cite.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from cctv_audit.vendors.kb import KnowledgeBase
from cctv_audit.vendors.schema import Manufacturer, Measure, Rebadge, Severity, Source

#: measure category -> (flag code, severity, title)
CATEGORY_FLAGS: dict[str, tuple[str, Severity, str]] = {
    "export_control": (
        "us_entity_list",
        Severity.CRITICAL,
        "On the US Entity List (export controls)",
    ),
    "military_designation": (
        "us_military_company",
        Severity.CRITICAL,
        "Named by the US as a Chinese military company",
    ),
    "procurement_ban": (
        "us_procurement_ban",
        Severity.HIGH,
        "Banned from US federal procurement (NDAA s.889)",
    ),
    "equipment_authorisation": (
        "us_fcc_covered_list",
        Severity.HIGH,
        "On the US FCC Covered List; new equipment not authorised",
    ),
    "investment_ban": ("us_investment_ban", Severity.HIGH, "US ban on investing in the company"),
    "uk_public_sector": (
        "uk_public_sector",
        Severity.HIGH,
        "Restricted or removed by UK public bodies",
    ),
    "other_government": ("other_government", Severity.MEDIUM, "Action by other governments"),
    "regulator": ("regulator_action", Severity.LOW, "Regulator enforcement (not about China)"),
    "parliament": ("parliament", Severity.MEDIUM, "Criticised by a parliament"),
    "advisory": (
        "uk_commissioner",
        Severity.MEDIUM,
        "Named by the UK Surveillance Camera Commissioner",
    ),
    "court": ("court", Severity.LOW, "Court rulings upholding restrictions"),
    "industry": ("industry", Severity.LOW, "Dropped by industry bodies or retailers"),
}
NIL_MEASURE = "uk_wms_hcws386_2022_11_24"


class RiskFlag(BaseModel):
    """One reason for concern, with its severity and sources."""

    model_config = ConfigDict(frozen=True)

    code: str
    severity: int
    title: str
    reason: str
    sources: list[Source]

    @property
    def severity_label(self) -> str:
        return Severity(self.severity).name.lower()


class Assessment(BaseModel):
    """All flags for one manufacturer, most severe first."""

    manufacturer_id: str
    name: str
    maker_id: str
    state_linked: bool
    flags: list[RiskFlag]
    severity: int
    label: str


def _flag(code: str, severity: int, title: str, reason: str, sources: list[Source]) -> RiskFlag:
    return RiskFlag(code=code, severity=severity, title=title, reason=reason, sources=sources)


def assess_in(kb: KnowledgeBase, ref: str) -> Assessment:
    """Assess a manufacturer (id, name or alias) against a knowledge base."""
    maker = kb.get(ref)
    flags = _flags(kb, maker, seen=frozenset())
    severity = max((f.severity for f in flags), default=0)
    return Assessment(
        manufacturer_id=maker.id,
        name=maker.name,
        maker_id=kb.resolve_maker(maker.id),
        state_linked=kb.is_state_linked(maker.id),
        flags=flags,
        severity=severity,
        label=Severity(severity).name.lower() if severity else "none recorded",
    )


def _flags(kb: KnowledgeBase, maker: Manufacturer, seen: frozenset[str]) -> list[RiskFlag]:
    seen = seen | {maker.id}
    flags = [_flag(c.code, c.severity, c.title, c.reason, c.sources) for c in maker.concerns]
    flags += _measure_flags(kb, maker)
    flags += _nil_flag(kb, maker)
    flags += _parent_flags(kb, maker, seen)
    flags += _ownership_flags(kb, maker, seen)
    flags += [
        f for r in maker.rebadges if r.maker not in seen for f in _rebadge_flags(kb, maker, r, seen)
    ]
    return sorted(flags, key=lambda f: (-f.severity, f.code))


def _measure_flags(kb: KnowledgeBase, maker: Manufacturer) -> list[RiskFlag]:
    measures: dict[str, Measure] = {m.id: m for m in kb.measures_for(maker.id)}
    for ancestor in kb.ancestors(maker.id):  # laws that cover subsidiaries and affiliates
        measures.update({m.id: m for m in kb.measures_for(ancestor) if m.covers_affiliates})
    by_category: dict[str, list[Measure]] = {}
    for measure in sorted(measures.values(), key=lambda m: m.date):
        by_category.setdefault(measure.category, []).append(measure)
    flags = []
    for category, group in by_category.items():
        code, severity, title = CATEGORY_FLAGS[category]
        listed = "; ".join(_describe_measure(m, maker) for m in group)
        reason = f"{maker.name} is named in {len(group)} measure(s): {listed}."
        flags.append(_flag(code, severity, title, reason, _unique(group)))
    return flags


def _describe_measure(measure: Measure, maker: Manufacturer) -> str:
    via = (
        ""
        if maker.id in measure.names or measure.id in maker.measures
        else " (as a subsidiary or affiliate)"
    )
    return f"{measure.title}, {measure.body}, {measure.date}{via}"


def _nil_flag(kb: KnowledgeBase, maker: Manufacturer) -> list[RiskFlag]:
    home = [
        kb.manufacturers[i] for i in [maker.id, kb.resolve_maker(maker.id), *kb.ancestors(maker.id)]
    ]
    if not any(m.country == "CN" for m in home) or maker.kind in {"vms", "installer"}:
        return []
    statement = kb.measures.get(NIL_MEASURE)
    reason = (
        f"{maker.name} is (or is made by) a company headquartered in China, so subject to China's 2017 "
        "National Intelligence Law. The UK Government's November 2022 statement bars visual surveillance "
        "equipment from such companies on sensitive central-government sites. The statement names no "
        "company: this flag is inferred from the headquarters."
    )
    return [
        _flag(
            "prc_national_intelligence_law",
            Severity.MEDIUM,
            "Subject to China's National Intelligence Law (inferred)",
            reason,
            statement.sources if statement else [],
        )
    ]


def _parent_flags(kb: KnowledgeBase, maker: Manufacturer, seen: frozenset[str]) -> list[RiskFlag]:
    if not maker.parent or maker.parent in seen:
        return []
    parent = kb.manufacturers[maker.parent]
    parent_flags = _flags(kb, parent, seen)
    if not parent_flags:
        return []
    stake = next((o for o in maker.ownership if o.owner_id == parent.id), None)
    share = f" ({stake.percent:g}% as of {stake.as_of})" if stake and stake.percent else ""
    reason = (
        f"{maker.name} is owned by {parent.name}{share}, which is flagged: {_titles(parent_flags)}."
    )
    if stake and stake.note:
        reason += f" {stake.note}"
    sources = (stake.sources if stake else maker.identity[0].sources) + parent_flags[0].sources
    return [
        _flag(
            "owned_by_flagged_company",
            parent_flags[0].severity,
            f"Owned by {parent.name}",
            reason,
            _dedupe(sources),
        )
    ]


def _ownership_flags(
    kb: KnowledgeBase, maker: Manufacturer, seen: frozenset[str]
) -> list[RiskFlag]:
    flags = []
    for stake in maker.ownership:
        owner_id = stake.owner_id
        if not owner_id or owner_id == maker.parent or owner_id in seen:
            continue
        owner_flags = _flags(kb, kb.manufacturers[owner_id], seen)
        if not owner_flags:
            continue
        reason = f"{stake.owner} owned {maker.name} ({stake.as_of}); {stake.owner} is flagged: {_titles(owner_flags)}."
        if stake.note:
            reason += f" {stake.note}"
        flags.append(
            _flag(
                "owned_by_flagged_company",
                Severity.MEDIUM,
                f"Owned by {stake.owner} ({stake.as_of})",
                reason,
                stake.sources,
            )
        )
    return flags


def _rebadge_flags(
    kb: KnowledgeBase, maker: Manufacturer, rebadge: Rebadge, seen: frozenset[str]
) -> list[RiskFlag]:
    real = kb.manufacturers[rebadge.maker]
    real_flags = _flags(kb, real, seen)
    if not real_flags:
        return []
    period = f" (until {rebadge.until})" if rebadge.until else ""
    flagged = f"{real.name} is flagged: {_titles(real_flags)}."
    if not rebadge.confirmed:
        reason = f"{rebadge.reason} {flagged} Corroborate before relying on this."
        return [
            _flag(
                "possibly_made_by_flagged_maker",
                Severity.LOW,
                f"Possibly made by {real.name} (unconfirmed)",
                reason,
                rebadge.sources,
            )
        ]
    if rebadge.scope == "all" and not rebadge.until:
        return [
            _flag(
                "made_by_flagged_maker",
                real_flags[0].severity,
                f"Made by {real.name}",
                f"{rebadge.reason} {flagged}",
                rebadge.sources,
            )
        ]
    severity = min(Severity.MEDIUM, real_flags[0].severity)  # some products only: at most medium
    return [
        _flag(
            "sold_products_of_flagged_maker",
            severity,
            f"Sold products made by {real.name}{period}",
            f"{rebadge.reason} {flagged}",
            rebadge.sources,
        )
    ]


def _titles(flags: list[RiskFlag], limit: int = 3) -> str:
    return "; ".join(f.title for f in flags[:limit])


def _unique(measures: list[Measure]) -> list[Source]:
    return _dedupe([s for m in measures for s in m.sources])


def _dedupe(sources: list[Source]) -> list[Source]:
    return list({s.id: s for s in sources}.values())
