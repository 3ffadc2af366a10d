"""The main job as a new user runs it: ``make demo`` (scripts/demo.sh) in an empty folder.

The script runs as written, on a new database in a fresh working folder, through a ``cctv-audit``
command of this interpreter. It must print the Scottish figure computed from the bundled register
(the union of the councils its sources name) and publish a site whose hex map colours each of
those councils and links to its page with the sources.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from cctv_audit.findings import record
from cctv_audit.registry.bundled import iter_bundled_councils

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
SCOTTISH = {r.code: r for r in iter_bundled_councils() if r.body_type == "SCO"}


def _named_scottish_users() -> set[str]:
    """What the figure must be, from the register's entries (not from the figure code)."""
    return {
        e.body
        for e in record.bundled_register().entries
        if e.maker == "hikvision"
        and e.kind in record.USE_KINDS
        and e.source.grade in record.COUNTED_GRADES
        and not e.by_exclusion
        and e.body in SCOTTISH
    }


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fresh-clone")
    shutil.copytree(ROOT / "scripts", folder / "scripts")
    bin_dir = folder / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    command = bin_dir / "cctv-audit"
    command.write_text(
        f'#!/bin/sh\nexec "{sys.executable}" -m cctv_audit.cli.main "$@"\n', encoding="utf-8"
    )
    command.chmod(command.stat().st_mode | stat.S_IXUSR)
    env = {k: v for k, v in os.environ.items() if k != "CCTV_AUDIT_DB"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")]).rstrip(
        os.pathsep
    )
    result = subprocess.run(
        ["bash", "scripts/demo.sh"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=280,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return folder, result


@pytest.mark.slow
def test_make_demo_prints_the_scottish_figure_computed_from_the_sources(demo):
    _, result = demo
    named = _named_scottish_users()
    found = re.search(
        r"At least (\d+) of 32 Scottish councils have been reported to use Hikvision "
        r"\(named, sourced, (\d{4})-(\d{4})\)",
        result.stdout,
    )
    assert found, result.stdout[-3000:]
    assert int(found.group(1)) == len(named) >= 13
    assert "Figure rule" in result.stdout and "sources disagree" in result.stdout


@pytest.mark.slow
def test_the_demo_site_colours_those_councils_with_their_sources(demo):
    folder, _ = demo
    site = folder / "site"
    svg = BeautifulSoup((site / "map.svg").read_text(encoding="utf-8"), "html.parser")
    for code in sorted(_named_scottish_users()):
        hex_ = svg.find("polygon", attrs={"data-gss": SCOTTISH[code].gss_code})
        assert hex_ is not None and hex_["data-category"] == "flagged", code
        page = BeautifulSoup(
            (site / hex_.parent["href"]).read_text(encoding="utf-8"), "html.parser"
        )
        sources = [a["href"] for a in page.select("table.record a.record-source")]
        assert sources and all(s.startswith("https://") for s in sources), code


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")
def test_the_demo_map_in_chromium(demo):
    from playwright.sync_api import sync_playwright

    folder, _ = demo
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
        )
        page = browser.new_context(
            viewport={"width": 1300, "height": 1000}, offline=True
        ).new_page()
        page.goto((folder / "site" / "index.html").as_uri())
        assert page.locator('li[data-figure="record:uses:hikvision:scotland"]').is_visible()
        page.locator("#map-h").scroll_into_view_if_needed()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "demo-map.png"), full_page=True)
        browser.close()
    assert (ARTIFACTS / "demo-map.png").stat().st_size > 10_000
