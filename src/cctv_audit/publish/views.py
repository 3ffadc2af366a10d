"""What the site's pages show, computed from a ``Report``: headline figures, map, charts, evidence text.

Kept apart from the file writing (``site``) so each piece can be tested on its own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape
from typing import Any

from markupsafe import Markup

from cctv_audit.publish.categories import CATEGORIES
from cctv_audit.publish.charts import StackedRow, grouped_bar_chart, stacked_bar_chart
from cctv_audit.publish.hexlayout import load_hex_layout
from cctv_audit.publish.hexmap import HexMap, MapBody, render_hex_map
from cctv_audit.publish.report import BodyEntry, Report, person_reviewed
from cctv_audit.publish.sources import DocumentInfo

#: The bases a campaigner quotes, in the order they chain: asked, replied (of those asked), named
#: manufacturers (of those that replied), flagged makers (of those that named them, then of all respondents).
HEADLINE_KEYS = (
    "asked",
    "bodies_on_record",
    "bodies_with_claims",
    "replied",
    "named_manufacturers",
    "uses_flagged",
    "replied_uses_flagged",
    "devices_flagged",
)
SECONDARY_KEYS = (
    "answered",
    "refused",
    "not_held",
    "answered_no_makers",
    "overdue",
    "no_reply",
    "makers_unknown",
    "makers_known_without_reply",
    "awaiting_review",
)
TREND_KEYS = ("asked", "replied", "named_manufacturers", "uses_flagged")
NATION_ORDER = ("England", "Scotland", "Wales", "Northern Ireland")


def headline_figures(report: Report) -> list[Any]:
    """The front page's big numbers: the key figures, then each flagged maker's users (of those that
    named manufacturers, then as a share of respondents)."""
    stats = report.statistics
    figures = [stats.get(k) for k in HEADLINE_KEYS if k in stats]
    flagged = {m.facts.id for m in report.makers if m.flagged}
    figures += [
        f
        for f in stats.figures
        if f.key.partition(":")[0] in ("uses", "replied_uses")
        and f.key.partition(":")[2] in flagged
    ]
    return figures


def secondary_figures(report: Report) -> list[Any]:
    return [report.statistics.get(k) for k in SECONDARY_KEYS if k in report.statistics]


def maker_summary(entry: BodyEntry) -> str:
    """ "Hikvision (56), Axis" for a body's makers in use; outcome words otherwise."""
    f = entry.finding
    used = [m for m in f.makers if m.polarity in ("uses", "conflict")]
    parts = [
        m.name
        + (f" ({m.device_count})" if m.device_count is not None else "")
        + ("" if m.confirmed else " [awaiting review]")
        for m in used
    ]
    denied = [m.name for m in f.makers if m.polarity == "does_not_use"]
    if denied:
        parts.append("not " + ", ".join(denied))
    if f.exemptions:
        parts.append(", ".join(f.exemptions))
    return "; ".join(parts)


def record_summary(entry: BodyEntry) -> str:
    """ "Published record: Hikvision reported in use by Scottish Legal News (2022); not counted: ..." for a tooltip."""
    rec = entry.record
    if rec is None:
        return ""
    parts = []
    for c in rec.claims:
        if c.status == "counted":
            parts.append(f"{c.maker_name} {c.kind_label} ({c.publisher.split(' (')[0]}, {c.as_of})")
    weaker = sorted({c.publisher.split(" (")[0] for c in rec.claims if c.status != "counted"})
    text = "Published record: " + ("; ".join(parts) if parts else "no claim that counts")
    if weaker:
        text += "; also " + ", ".join(weaker) + " (not counted)"
    if rec.contradictions:
        text += "; sources disagree"
    return text


def site_map(report: Report, *, href_prefix: str = "") -> HexMap:
    """The hex map of the report, each hex linking to its body's page (with its sources)."""
    bodies = [
        MapBody(
            code=b.finding.body_code,
            name=b.name,
            gss_code=b.gss_code,
            category=b.category,
            detail="; ".join(p for p in (maker_summary(b), record_summary(b)) if p),
            href=href_prefix + b.page,
        )
        for b in report.bodies
    ]
    return render_hex_map(bodies, title=f"{report.title}: findings by local authority")


def _stacked(rows_by: dict[str, Counter], order: list[str]) -> list[StackedRow]:
    return [
        StackedRow(name, {c.key: rows_by[name][c.key] for c in CATEGORIES if rows_by[name][c.key]})
        for name in order
    ]


def charts(report: Report) -> dict[str, Markup]:
    """Inline SVG charts: response outcomes, by nation, by body type, and the trend between rounds."""
    by_nation: dict[str, Counter] = defaultdict(Counter)
    by_type: dict[str, Counter] = defaultdict(Counter)
    for b in report.bodies:
        by_nation[b.finding.nation][b.category] += 1
        by_type[b.finding.body_type_name][b.category] += 1
    nations = [n for n in NATION_ORDER if n in by_nation] + sorted(
        set(by_nation) - set(NATION_ORDER)
    )
    types = sorted(by_type, key=lambda t: (-sum(by_type[t].values()), t))
    outcomes = [
        StackedRow(c.label, {c.key: report.counts[c.key]})
        for c in CATEGORIES
        if report.counts[c.key]
    ]
    result = {
        "outcomes": stacked_bar_chart("chart-outcomes", "Bodies by finding", outcomes),
        "nation": stacked_bar_chart(
            "chart-nation", "Findings by nation", _stacked(by_nation, nations)
        ),
        "body_type": stacked_bar_chart(
            "chart-type", "Findings by type of body", _stacked(by_type, types)
        ),
    }
    trend = trend_rows(report)
    if trend and report.survey is not None and report.survey.previous is not None:
        series = [report.survey.previous[2], report.survey.name]
        result["trend"] = grouped_bar_chart(
            "chart-trend", "Between rounds", series, [(label, values) for label, values in trend]
        )
    return {k: Markup(v) for k, v in result.items()}


def trend_rows(report: Report) -> list[tuple[str, list[int]]]:
    """(figure label, [previous value, this value]) for the figures both rounds have."""
    before, now = report.previous_statistics, report.statistics
    if before is None:
        return []
    return [
        (now.get(k).label, [before.get(k).value, now.get(k).value])
        for k in TREND_KEYS
        if k in before and k in now
    ]


def breakdown_table(report: Report, dimension: str) -> list[tuple[str, dict[str, int], int]]:
    """Rows (group, bodies per category, total) for the table beside a chart."""
    groups: dict[str, Counter] = defaultdict(Counter)
    for b in report.bodies:
        groups[b.finding.nation if dimension == "nation" else b.finding.body_type_name][
            b.category
        ] += 1
    return [(name, dict(groups[name]), sum(groups[name].values())) for name in sorted(groups)]


def highlighted(doc: DocumentInfo) -> Markup:
    """The document text as HTML with each evidence span in a ``<mark id="ev-N">`` (overlaps merged)."""
    out, pos = [], 0
    for ev_id, start, end in doc.spans:
        if start < pos:  # overlaps an earlier span: anchor it there, do not nest marks
            out.append(f'<span id="ev-{ev_id}"></span>')
            continue
        out.append(escape(doc.text[pos:start]))
        out.append(f'<mark id="ev-{ev_id}">{escape(doc.text[start:end])}</mark>')
        pos = end
    out.append(escape(doc.text[pos:]))
    return Markup("".join(out))


def on_map_codes(report: Report) -> set[str]:
    """Codes of the report's bodies that have a hex (the others are listed beside the map)."""
    ids = load_hex_layout().ids
    return {b.finding.body_code for b in report.bodies if b.gss_code in ids}


def method_facts(report: Report, tables: list[Any]) -> dict[str, Any]:
    """Counts for the methodology: claims by origin, confirmed, reviewed, documents, extractor versions."""
    claims = [c for b in report.bodies for c in b.claims]
    answers = next((t for t in tables if t.name == "answers"), None)
    return {
        "origins": sorted(Counter(c.origin for c in claims).items()),
        "confirmed": sum(1 for c in claims if c.confirmed),
        "awaiting": sum(1 for c in claims if not c.confirmed),
        "reviewed": sum(1 for c in claims if person_reviewed(c)),
        "documents": len(report.documents),
        "extractors": sorted({r["extractor_version"] for r in answers.rows}) if answers else [],
    }
