"""The main job's site shows the published record: the Scottish councils coloured, each with its sources."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from cctv_audit.findings import record
from cctv_audit.publish import publish_demo

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "publish"
TODAY = dt.date(2026, 6, 30)


@pytest.fixture
def site(store, tmp_path):
    result = publish_demo(store, tmp_path / "site", today=TODAY)
    with store.session() as session:
        figure = {f.key: f for f in record.record_figures(session)}[
            "record:uses:hikvision:scotland"
        ]
        codes = {code: session.scalar(_gss(code)) for code in figure.members}
    return result, figure, codes


def _gss(code):
    from sqlalchemy import select

    from cctv_audit.registry import Body

    return select(Body.gss_code).where(Body.code == code)


def test_the_map_colours_the_reported_councils_and_links_to_their_sources(site):
    result, figure, codes = site
    assert figure.value == len(codes) >= 17
    svg = BeautifulSoup((result.out / "map.svg").read_text(encoding="utf-8"), "html.parser")
    index = BeautifulSoup(result.index.read_text(encoding="utf-8"), "html.parser")
    shown = index.select_one(f'li[data-figure="{figure.key}"]')
    assert (
        shown is not None and f"At least {figure.value} of 32 Scottish councils" in shown.get_text()
    )
    assert "Figure rule" in index.select_one("#record-rule").get_text()
    for code, gss in codes.items():
        hex_ = svg.find("polygon", attrs={"data-gss": gss})
        assert hex_["data-category"] == "flagged", code
        assert "Published record" in hex_.title.get_text()
        href = hex_.parent["href"]
        page = BeautifulSoup((result.out / href).read_text(encoding="utf-8"), "html.parser")
        sources = [a["href"] for a in page.select("table.record a.record-source")]
        assert sources and all(s.startswith("https://") for s in sources), code
        counted = page.select('table.record tr[data-status="counted"][data-kind="uses"]')
        assert counted, code


def test_a_body_page_shows_contradicting_sources_side_by_side(site):
    result, *_ = site
    page = BeautifulSoup(
        (result.out / "bodies" / "EDH.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert "Sources disagree" in page.select_one("p.contradiction").get_text()
    rows = page.select("table.record tr[data-kind]")
    kinds = {(r["data-kind"], r["data-grade"], r["data-status"]) for r in rows}
    assert ("uses", "press", "counted") in kinds and (
        "does_not_use",
        "campaign",
        "not_counted",
    ) in kinds
    partnership = BeautifulSoup(
        (result.out / "bodies" / "3c-shared-services.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    assert "CAB, SCA, HUN" in partnership.select_one("p.members").get_text()


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")
def test_the_map_in_chromium(site, tmp_path):
    from playwright.sync_api import sync_playwright

    result, figure, codes = site
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_context(
            viewport={"width": 1300, "height": 1000}, offline=True
        ).new_page()
        page.goto(result.index.as_uri())
        assert page.locator(f'li[data-figure="{figure.key}"]').is_visible()
        page.locator("#map-h").scroll_into_view_if_needed()
        shot = tmp_path / "record-map.png"
        page.screenshot(path=str(shot), full_page=True)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, ARTIFACTS / "record-map.png")
        page.goto((result.out / "bodies" / "EDH.html").as_uri())
        assert page.locator("p.contradiction").is_visible()
        assert page.locator("table.record a.record-source").count() >= 4
        page.screenshot(path=str(ARTIFACTS / "record-edinburgh.png"), full_page=True)
        browser.close()
    assert shot.stat().st_size > 10_000
