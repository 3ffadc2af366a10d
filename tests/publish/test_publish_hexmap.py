"""The hex layout, its match with the registry, and the SVG map."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from cctv_audit.errors import PublishError
from cctv_audit.publish import MapBody, hex_coverage, load_hex_layout, render_hex_map
from cctv_audit.publish.hexlayout import parse_hexjson

SVG = "{http://www.w3.org/2000/svg}"


def test_bundled_layout_is_odd_r_with_a_hex_per_district():
    layout = load_hex_layout()
    assert layout.layout == "odd-r"
    assert len(layout.hexes) == 361
    assert {h.id[0] for h in layout.hexes} == {"E", "S", "W", "N"}
    centres = layout.centres(10)
    assert len(set(centres.values())) == 361  # no two hexes on the same spot


def test_odd_rows_are_shifted_half_a_hex():
    layout = parse_hexjson(
        {"layout": "odd-r", "hexes": {"A": {"q": 0, "r": 0}, "B": {"q": 0, "r": 1}}}
    )
    (ax, ay), (bx, by) = layout.centres(10)["A"], layout.centres(10)["B"]
    assert bx - ax == pytest.approx(10 * 3**0.5 / 2)
    assert ay - by == pytest.approx(15)  # rows grow northwards: r=1 is drawn above r=0


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"layout": "hex", "hexes": {"A": {"q": 0, "r": 0}}},
        {"layout": "odd-r", "hexes": {"A": {"q": "x", "r": 0}}},
    ],
)
def test_bad_hexjson_is_refused_with_the_source_named(data):
    with pytest.raises(PublishError, match="my.hexjson"):
        parse_hexjson(data, source="my.hexjson")


def test_every_current_district_council_has_a_hex(councils):
    with councils.session() as session:
        coverage = hex_coverage(session)
    assert coverage.hexes == coverage.matched == 361
    assert coverage.hexes_without_body == []
    assert coverage.bodies_without_hex == []
    assert any(line.startswith("KEN: Kent County Council") for line in coverage.listed_beside)


def _bodies() -> list[MapBody]:
    return [
        MapBody(
            "LDS", "Leeds City Council", "E08000035", "flagged", "Hikvision (56)", "bodies/LDS.html"
        ),
        MapBody("BIR", "Birmingham City Council", "E08000025", "other_makers", "Axis"),
        MapBody("GLG", "Glasgow City Council", "S12000049", "refused", "FOISA s31"),
        MapBody("KEN", "Kent County Council", "E10000016", "flagged", "Dahua (12)"),
        MapBody("police-x", "Police X", None, "no_reply"),
    ]


def test_map_counts_legend_and_shapes_agree():
    result = render_hex_map(_bodies())
    root = ET.fromstring(result.svg)
    polygons = root.findall(f".//{SVG}polygon")
    assert len(polygons) == 361
    drawn = Counter(p.get("data-category") for p in polygons)
    drawn.update(
        r.get("class").split("cat-")[1]
        for r in root.findall(f".//{SVG}g[@class='beside']//{SVG}rect")
    )
    assert result.counts == {
        "flagged": 2,
        "other_makers": 1,
        "no_makers": 0,
        "refused": 1,
        "not_held": 0,
        "unclear": 0,
        "no_reply": 1,
        "not_asked": 358,
    }
    assert {k: v for k, v in result.counts.items() if v} == dict(drawn)
    legend = {
        t.get("data-category"): int(t.get("data-count"))
        for t in root.iter(f"{SVG}text")
        if t.get("data-count")
    }
    assert legend == result.counts
    assert [b.code for b in result.beside] == ["KEN", "police-x"]


def test_map_is_accessible_with_a_tooltip_per_hex_and_links():
    result = render_hex_map(_bodies(), title="Test map")
    root = ET.fromstring(result.svg)
    assert root.get("role") == "img"
    labelled = root.get("aria-labelledby").split()
    assert [root.find(f"{SVG}title").get("id"), root.find(f"{SVG}desc").get("id")] == labelled
    assert "Confirmed flagged maker: 2" in root.find(f"{SVG}desc").text
    leeds = root.find(f".//{SVG}polygon[@data-gss='E08000035']")
    assert (
        leeds.find(f"{SVG}title").text
        == "Leeds City Council: Confirmed flagged maker. Hikvision (56)"
    )
    assert root.find(f".//{SVG}a[@href='bodies/LDS.html']") is not None
    assert "Open Innovations" in result.svg


def test_map_is_deterministic_and_labels_are_optional():
    assert render_hex_map(_bodies()).svg == render_hex_map(list(reversed(_bodies()))).svg
    assert ">LDS</text>" in render_hex_map(_bodies(), labels=True).svg
    assert ">LDS</text>" not in render_hex_map(_bodies()).svg
