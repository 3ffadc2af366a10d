"""Charts as inline SVG: stacked bars of categories per group, and grouped bars between rounds.

Rendered by hand (no JavaScript, no plotting library) so the site is static, the bytes are
stable, and every bar has a ``<title>`` tooltip. Each chart also gets a data table on the
page (see the templates): the table is the accessible version, the SVG is a picture of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from cctv_audit.publish.categories import CATEGORIES, CATEGORY_BY_KEY
from cctv_audit.publish.hexmap import FONT
from cctv_audit.publish.svg import attrs, esc, num, text_width

ROW_HEIGHT = 22.0
BAR_HEIGHT = 15.0
CHART_WIDTH = 640.0
SERIES_COLOURS = ("#999999", "#0072B2", "#D55E00", "#009E73")


@dataclass(frozen=True)
class StackedRow:
    """One bar: a label and bodies per category key."""

    label: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _open(chart_id: str, title: str, desc: str, width: float, height: float) -> list[str]:
    return [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" {attrs(viewBox=f"0 0 {num(width)} {num(height)}")} role="img"'
            f' aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="{esc(FONT)}" class="chart">'
        ),
        f'<title id="{chart_id}-title">{esc(title)}</title>',
        f'<desc id="{chart_id}-desc">{esc(desc)}</desc>',
    ]


def _label_width(labels: list[str], size: float) -> float:
    return min(240.0, max([text_width(label, size) for label in labels] + [40.0]) + 10)


def stacked_bar_chart(chart_id: str, title: str, rows: list[StackedRow]) -> str:
    """Horizontal bars, one per row, split by finding category in legend order."""
    used = [c for c in CATEGORIES if any(r.counts.get(c.key) for r in rows)]
    label_w = _label_width([r.label for r in rows], 11)
    scale_max = max([r.total for r in rows] + [1])
    plot_w = CHART_WIDTH - label_w - 50
    legend_h = 20.0 * ((len(used) + 2) // 3)
    height = len(rows) * ROW_HEIGHT + legend_h + 16
    desc = "; ".join(
        f"{r.label}: "
        + ", ".join(f"{CATEGORY_BY_KEY[k].label} {n}" for k, n in r.counts.items() if n)
        for r in rows
    )
    out = _open(chart_id, title, desc or "No data.", CHART_WIDTH, height)
    for i, row in enumerate(rows):
        y = 4 + i * ROW_HEIGHT
        out.append(
            f'<text {attrs(x=label_w - 6, y=y + 11.5)} font-size="11" text-anchor="end">{esc(row.label)}</text>'
        )
        x = label_w
        for category in CATEGORIES:
            n = row.counts.get(category.key, 0)
            if not n:
                continue
            w = plot_w * n / scale_max
            out.append(
                f"<rect {attrs(x=x, y=y, width=w, height=BAR_HEIGHT, fill=category.colour, class_=f'bar cat-{category.key}')}"
                f' data-value="{n}"><title>{esc(f"{row.label}: {category.label}, {n}")}</title></rect>'
            )
            x += w
        out.append(f'<text {attrs(x=x + 4, y=y + 11.5)} font-size="11">{row.total}</text>')
    out += _legend([(c.label, c.colour) for c in used], len(rows) * ROW_HEIGHT + 10)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _legend(items: list[tuple[str, str]], top: float) -> list[str]:
    out = []
    for i, (label, colour) in enumerate(items):
        x, y = 8 + (i % 3) * (CHART_WIDTH / 3), top + (i // 3) * 20
        out.append(f"<rect {attrs(x=x, y=y, width=12, height=12, fill=colour, stroke='#555555')}/>")
        out.append(f'<text {attrs(x=x + 17, y=y + 10)} font-size="11">{esc(label)}</text>')
    return out


def grouped_bar_chart(
    chart_id: str, title: str, series: list[str], groups: list[tuple[str, list[int]]]
) -> str:
    """Horizontal grouped bars: for each group (a figure), one bar per series (a round)."""
    label_w = _label_width([g for g, _ in groups], 11)
    plot_w = CHART_WIDTH - label_w - 50
    scale_max = max([v for _, values in groups for v in values] + [1])
    group_h = len(series) * (BAR_HEIGHT + 2) + 10
    height = len(groups) * group_h + 20.0 * ((len(series) + 2) // 3) + 14
    desc = "; ".join(
        f"{g}: " + ", ".join(f"{s} {v}" for s, v in zip(series, values)) for g, values in groups
    )
    out = _open(chart_id, title, desc or "No data.", CHART_WIDTH, height)
    for i, (group, values) in enumerate(groups):
        top = 4 + i * group_h
        out.append(
            f'<text {attrs(x=label_w - 6, y=top + 12)} font-size="11" text-anchor="end">{esc(group)}</text>'
        )
        for j, (name, value) in enumerate(zip(series, values)):
            y = top + j * (BAR_HEIGHT + 2)
            colour = SERIES_COLOURS[j % len(SERIES_COLOURS)]
            out.append(
                f"<rect {attrs(x=label_w, y=y, width=plot_w * value / scale_max, height=BAR_HEIGHT, fill=colour)}"
                f' class="bar" data-value="{value}"><title>{esc(f"{group}, {name}: {value}")}</title></rect>'
            )
            out.append(
                f'<text {attrs(x=label_w + plot_w * value / scale_max + 4, y=y + 11.5)} font-size="11">{value}</text>'
            )
    out += _legend(
        [(s, SERIES_COLOURS[j % len(SERIES_COLOURS)]) for j, s in enumerate(series)],
        len(groups) * group_h + 6,
    )
    out.append("</svg>")
    return "\n".join(out) + "\n"
