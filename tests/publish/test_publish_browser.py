"""The published site in headless Chromium: the front page and a body page render with their figures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from publish_world import TODAY

from cctv_audit import findings
from cctv_audit.publish import PublishOptions, publish_site

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "publish"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed"),
]


@pytest.fixture
def browser_page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        # Offline: a static site must not need the network; anything but file:// is refused.
        context = browser.new_context(viewport={"width": 1200, "height": 900}, offline=True)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("requestfailed", lambda request: errors.append(f"failed: {request.url}"))
        yield page, errors
        browser.close()


def _shot(page, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    page.screenshot(path=str(path), full_page=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, ARTIFACTS / name)
    return path


def test_front_page_and_body_page_render_with_their_figures(survey_store, tmp_path, browser_page):
    page, errors = browser_page
    result = publish_site(survey_store, "cctv-2026", tmp_path / "site", PublishOptions(today=TODAY))
    with survey_store.session() as session:
        stats = findings.statistics(
            session, findings.get_survey(session, "cctv-2026").id, today=TODAY
        )

    page.goto(result.index.as_uri())
    assert page.title() == "CCTV makers 2026"
    flagged = page.locator('li.figure[data-figure="uses_flagged"]')
    assert (
        flagged.locator(".figure-value").inner_text()
        == f"at least {stats.get('uses_flagged').value}"
    )
    assert stats.get("uses_flagged").sentence in flagged.inner_text()
    hexmap = page.locator("svg.hexmap")
    assert hexmap.is_visible() and hexmap.bounding_box()["width"] > 500
    assert (
        page.locator("svg.hexmap polygon.cat-flagged").count() == 1
    )  # Leeds; Kent is listed beside
    assert page.locator("#draft-banner").is_visible()
    assert stats.flagged_definition in page.locator("#flagged-definition").inner_text()
    assert _shot(page, tmp_path, "front-page.png").stat().st_size > 10_000

    page.locator('svg.hexmap a[href="bodies/LDS.html"]').click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Leeds City Council"
    row = page.locator('table.makers tr[data-maker="hikvision"]')
    assert "56" in row.inner_text() and "confirmed" in row.inner_text()
    assert page.locator("blockquote", has_text="56 Hikvision cameras").is_visible()
    _shot(page, tmp_path, "body-page.png")

    page.locator("a", has_text="Leeds City Council: reply of 2026-03-16").first.click()
    page.wait_for_load_state()
    assert page.locator("mark", has_text="56 Hikvision cameras").is_visible()
    assert errors == []
