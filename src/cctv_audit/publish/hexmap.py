"""The UK hex map of local authorities, coloured by finding, rendered to SVG.

Lower-tier and unitary authorities each have a hex; bodies of the survey without one
(county councils, combined authorities, police forces...) are listed beside the map
with the same colour key, so every body asked is on the picture. Each hex carries a
``<title>`` (the browser's tooltip) and, on the site, a link to the body's page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from cctv_audit.publish.categories import CATEGORIES, CATEGORY_BY_KEY, category_counts
from cctv_audit.publish.hexlayout import HEXMAP_ATTRIBUTION, HexLayout, hex_corners, load_hex_layout
from cctv_audit.publish.svg import attrs, esc, num

HEX_SIZE = 10.0
MARGIN = 12.0
SIDE_WIDTH = 340.0
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
MAX_LISTED = 40


@dataclass(frozen=True)
class MapBody:
    """One body to paint: its GSS code (None: not on the map), category and tooltip detail."""

    code: str
    name: str
    gss_code: str | None
    category: str
    detail: str = ""
    href: str | None = None


@dataclass
class HexMap:
    """A rendered map: the SVG text, the counts in its legend, and what did not fit."""

    svg: str
    #: Bodies per category as drawn (hexes plus the list beside the map), legend order.
    counts: dict[str, int]
    #: Surveyed bodies without a hex, listed beside the map (sorted by name).
    beside: list[MapBody] = field(default_factory=list)
    #: Hex ids that no body matched (painted "not asked" under the layout's own name).
    unmatched_hexes: list[str] = field(default_factory=list)


def render_hex_map(
    bodies: Iterable[MapBody],
    *,
    title: str = "Findings by local authority",
    layout: HexLayout | None = None,
    labels: bool = False,
    id_prefix: str = "hexmap",
) -> HexMap:
    """Draw the hex map of ``bodies``; hexes with no body in the list are "not asked"."""
    layout = layout or load_hex_layout()
    on_map, beside = _split(bodies, layout)
    cells = [_cell_body(h, on_map.get(h.id)) for h in layout.hexes]
    listed = sorted(
        (b for b in beside if b.category != "not_asked"), key=lambda b: (b.name, b.code)
    )
    counts = category_counts([b.category for b in cells] + [b.category for b in listed])
    centres = layout.centres(HEX_SIZE)
    map_width, map_height = _extent(centres)
    side_x = map_width + 2 * MARGIN
    side = _legend(counts, side_x) + _beside_list(listed, side_x, _legend_height())
    height = max(map_height + 2 * MARGIN, _legend_height() + _beside_height(listed) + MARGIN)
    width = side_x + SIDE_WIDTH
    body = "\n".join([_hexes(cells, centres, layout, labels), side, _attribution(height)])
    svg = _frame(body, width, height + 14, title, counts, id_prefix)
    unmatched = sorted(h.id for h in layout.hexes if h.id not in on_map)
    return HexMap(svg=svg, counts=counts, beside=listed, unmatched_hexes=unmatched)


def _split(
    bodies: Iterable[MapBody], layout: HexLayout
) -> tuple[dict[str, MapBody], list[MapBody]]:
    ids = layout.ids
    on_map: dict[str, MapBody] = {}
    beside: list[MapBody] = []
    for body in bodies:
        if body.gss_code in ids and body.gss_code not in on_map:
            on_map[body.gss_code] = body
        else:
            beside.append(body)
    return on_map, beside


def _cell_body(hex_, body: MapBody | None) -> MapBody:
    if body is not None:
        return body
    return MapBody(code="", name=hex_.name, gss_code=hex_.id, category="not_asked")


def _extent(centres: dict[str, tuple[float, float]]) -> tuple[float, float]:
    xs = [x for x, _ in centres.values()]
    ys = [y for _, y in centres.values()]
    return max(xs) - min(xs) + 2 * HEX_SIZE, max(ys) - min(ys) + 2 * HEX_SIZE


def _hexes(cells: list[MapBody], centres, layout: HexLayout, labels: bool) -> str:
    pointy = layout.layout.endswith("-r")
    corners = hex_corners(HEX_SIZE * 0.96, pointy)
    min_x = min(x for x, _ in centres.values()) - HEX_SIZE - MARGIN
    min_y = min(y for _, y in centres.values()) - HEX_SIZE - MARGIN
    out = ['<g class="hexes">']
    for body in cells:
        cx, cy = centres[body.gss_code]
        out.append(_hex(body, cx - min_x, cy - min_y, corners, labels))
    out.append("</g>")
    return "\n".join(out)


def _hex(body: MapBody, cx: float, cy: float, corners, labels: bool) -> str:
    category = CATEGORY_BY_KEY[body.category]
    points = " ".join(f"{num(cx + dx)},{num(cy + dy)}" for dx, dy in corners)
    tip = f"{body.name}: {category.label}" + (f". {body.detail}" if body.detail else "")
    shape = (
        f"<polygon {attrs(points=points, fill=category.colour, class_=f'hex cat-{category.key}')}"
        f' data-gss="{esc(body.gss_code)}" data-category="{category.key}"><title>{esc(tip)}</title></polygon>'
    )
    if labels and body.code:
        shape += (
            f'<text {attrs(x=cx, y=cy + 2.0, fill=category.ink)} font-size="5.5" '
            f'text-anchor="middle" aria-hidden="true">{esc(body.code[:4])}</text>'
        )
    if body.href:
        return f'<a href="{esc(body.href)}">{shape}</a>'
    return shape


def _swatch(x: float, y: float, colour: str, category: str) -> str:
    return f"<rect {attrs(x=x, y=y, width=12, height=12, fill=colour, stroke='#555555', class_=f'swatch cat-{category}')}/>"


def _legend(counts: dict[str, int], x: float) -> str:
    out = [
        f'<g class="legend"><text {attrs(x=x, y=MARGIN + 10)} font-weight="bold" font-size="12">Key (bodies)</text>'
    ]
    for i, category in enumerate(CATEGORIES):
        y = MARGIN + 22 + i * 18
        out.append(_swatch(x, y, category.colour, category.key))
        out.append(
            f'<text {attrs(x=x + 18, y=y + 10)} font-size="11" class="legend-item" '
            f'data-category="{category.key}" data-count="{counts[category.key]}">'
            f"{esc(category.label)} ({counts[category.key]})</text>"
        )
    out.append("</g>")
    return "\n".join(out)


def _legend_height() -> float:
    return MARGIN + 22 + len(CATEGORIES) * 18 + 16


def _beside_list(listed: list[MapBody], x: float, top: float) -> str:
    if not listed:
        return ""
    out = [
        f'<g class="beside"><text {attrs(x=x, y=top)} font-weight="bold" font-size="12">Not on the map</text>'
    ]
    for i, body in enumerate(listed[:MAX_LISTED]):
        y = top + 8 + i * 15
        category = CATEGORY_BY_KEY[body.category]
        tip = f"{body.name}: {category.label}" + (f". {body.detail}" if body.detail else "")
        item = (
            f'{_swatch(x, y, category.colour, category.key)}<text {attrs(x=x + 18, y=y + 10)} font-size="10.5"'
            f' data-category="{category.key}">{esc(body.name)}</text><title>{esc(tip)}</title>'
        )
        item = f'<g class="beside-item">{item}</g>'
        out.append(f'<a href="{esc(body.href)}">{item}</a>' if body.href else item)
    if len(listed) > MAX_LISTED:
        y = top + 8 + MAX_LISTED * 15 + 10
        out.append(
            f'<text {attrs(x=x, y=y)} font-size="10.5">and {len(listed) - MAX_LISTED} more (see the table)</text>'
        )
    out.append("</g>")
    return "\n".join(out)


def _beside_height(listed: list[MapBody]) -> float:
    if not listed:
        return 0.0
    return 8 + min(len(listed), MAX_LISTED) * 15 + (20 if len(listed) > MAX_LISTED else 0)


def _attribution(height: float) -> str:
    return f'<text {attrs(x=MARGIN, y=height + 8)} font-size="9" fill="#333333">{esc(HEXMAP_ATTRIBUTION)}</text>'


def _frame(
    body: str, width: float, height: float, title: str, counts: dict[str, int], id_prefix: str
) -> str:
    summary = "; ".join(f"{c.label}: {counts[c.key]}" for c in CATEGORIES)
    desc = f"Hex map of UK local authorities, one hex each, coloured by finding. {summary}."
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" {attrs(viewBox=f"0 0 {num(width)} {num(height)}")}'
        f' role="img" aria-labelledby="{id_prefix}-title {id_prefix}-desc" font-family="{esc(FONT)}"'
        f' class="hexmap">\n<title id="{id_prefix}-title">{esc(title)}</title>\n'
        f'<desc id="{id_prefix}-desc">{esc(desc)}</desc>\n'
        "<style>.hex{stroke:#ffffff;stroke-width:0.6}.hex:hover,a:focus .hex{stroke:#000000;stroke-width:1.5}</style>"
    )
    return f"{head}\n{body}\n</svg>\n"
