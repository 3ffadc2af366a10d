"""Progress of the phase-out as a stacked-bar SVG (no JavaScript, readable as a table too)."""

from __future__ import annotations

from html import escape

from cctv_audit.inventory.phaseout import STATUSES, ProgressPoint

# Okabe-Ito colours: distinguishable with the common forms of colour blindness.
COLOURS = {
    "to_replace": "#D55E00",
    "ordered": "#E69F00",
    "replaced": "#009E73",
    "decommissioned": "#0072B2",
}
LABELS = {
    "to_replace": "To replace",
    "ordered": "Ordered",
    "replaced": "Replaced",
    "decommissioned": "Decommissioned",
}


def progress_svg(points: list[ProgressPoint], *, width: int = 640, height: int = 320) -> str:
    """Stacked bars of device counts per status at each month end."""
    left, bottom, top = 40, 40, 40
    plot_h = height - bottom - top
    peak = max((p.total for p in points), default=0) or 1
    slot = (width - left - 10) / max(len(points), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="phaseout-title">',
        '<title id="phaseout-title">Phase-out progress: flagged devices by status at each month end</title>',
    ]
    for i, point in enumerate(points):
        x, y = left + i * slot + slot * 0.15, float(height - bottom)
        for status in STATUSES:
            h = plot_h * point.counts[status] / peak
            if h:
                y -= h
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}" '
                    f'fill="{COLOURS[status]}"><title>{escape(point.on.isoformat())}: '
                    f"{point.counts[status]} {LABELS[status].lower()}</title></rect>"
                )
        parts.append(
            f'<text x="{x + slot * 0.35:.1f}" y="{height - bottom + 14}" font-size="10" text-anchor="middle">'
            f"{point.on.strftime('%b %Y')}</text>"
        )
    parts.append(f'<text x="4" y="{top - 8}" font-size="11">{peak} devices</text>')
    for i, status in enumerate(STATUSES):
        x = left + i * 140
        parts.append(f'<rect x="{x}" y="8" width="12" height="12" fill="{COLOURS[status]}"/>')
        parts.append(f'<text x="{x + 16}" y="18" font-size="11">{LABELS[status]}</text>')
    parts.append("</svg>")
    return "\n".join(parts)
