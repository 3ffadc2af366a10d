"""The bundled UK local-authority hex layout (HexJSON) and hex geometry.

The layout is Open Innovations' hex cartogram of the 2023 local authority districts
(lower-tier and unitary authorities), MIT licence, copied with its licence into this
package (``LICENSE.hexmap``). Hex ids are GSS codes, matched to ``bodies.gss_code``.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from cctv_audit.errors import PublishError

HEXJSON_PATH = Path(__file__).with_name("uk-local-authority-districts-2023.hexjson")
HEXMAP_ATTRIBUTION = "Hex layout: Open Innovations, UK local authority districts 2023 (MIT licence)"
HEXMAP_SOURCE_URL = "https://github.com/odileeds/hexmaps"
LAYOUTS = ("odd-r", "even-r", "odd-q", "even-q")


@dataclass(frozen=True)
class Hex:
    """One cell of the layout: its GSS code, the layout's name for it and its coordinates."""

    id: str
    name: str
    q: int
    r: int


@dataclass(frozen=True)
class HexLayout:
    """A whole HexJSON layout: the offset scheme and every cell, sorted by id."""

    layout: str
    hexes: tuple[Hex, ...]

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(h.id for h in self.hexes)

    def centres(self, size: float) -> dict[str, tuple[float, float]]:
        """Centre of each hex in SVG units (y grows downwards; HexJSON rows grow northwards)."""
        pointy = self.layout.endswith("-r")
        width, height = (
            (math.sqrt(3) * size, 2 * size) if pointy else (2 * size, math.sqrt(3) * size)
        )
        top = max(h.r for h in self.hexes)
        result = {}
        for h in self.hexes:
            shift = self._shift(h)
            if pointy:
                result[h.id] = ((h.q + shift) * width, (top - h.r) * 0.75 * height)
            else:
                result[h.id] = (h.q * 0.75 * width, (top - h.r - shift) * height)
        return result

    def _shift(self, h: Hex) -> float:
        """Half a cell for the offset rows (odd-r / even-r) or columns (odd-q / even-q)."""
        line = h.r if self.layout.endswith("-r") else h.q
        odd = line % 2 == 1
        return 0.5 if odd == self.layout.startswith("odd") else 0.0


def hex_corners(size: float, pointy: bool = True) -> list[tuple[float, float]]:
    """The six corner offsets of a hex of circumradius ``size`` around its centre."""
    start = -90 if pointy else 0
    return [
        (
            size * math.cos(math.radians(start + 60 * i)),
            size * math.sin(math.radians(start + 60 * i)),
        )
        for i in range(6)
    ]


def parse_hexjson(data: dict, *, source: str = "hexjson") -> HexLayout:
    """Validate a HexJSON document (``{"layout", "hexes": {id: {"n", "q", "r"}}}``)."""
    layout = data.get("layout") if isinstance(data, dict) else None
    if layout not in LAYOUTS:
        raise PublishError(f"{source}: layout must be one of {', '.join(LAYOUTS)}, not {layout!r}")
    cells = data.get("hexes")
    if not isinstance(cells, dict) or not cells:
        raise PublishError(f"{source}: no 'hexes' object: is this a HexJSON file?")
    hexes = []
    for hex_id, cell in cells.items():
        try:
            hexes.append(
                Hex(
                    hex_id,
                    str(cell.get("n") or cell.get("name") or hex_id),
                    int(cell["q"]),
                    int(cell["r"]),
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise PublishError(f"{source}: hex {hex_id!r} needs integer q and r ({exc})") from exc
    return HexLayout(layout, tuple(sorted(hexes, key=lambda h: h.id)))


def load_hex_layout(path: Path | None = None) -> HexLayout:
    """The bundled UK layout, or a HexJSON file of your own (e.g. a newer Open Innovations one)."""
    if path is None:
        return _bundled()
    return _read(Path(path))


@functools.cache
def _bundled() -> HexLayout:
    return _read(HEXJSON_PATH)


def _read(path: Path) -> HexLayout:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PublishError(f"{path}: cannot read HexJSON ({exc}); check the file") from exc
    return parse_hexjson(data, source=str(path))
