"""End to end in real headless Chromium: a reviewer corrects an answer and the public figures change."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from webtest_support import CHROMIUM_ARGS, EVIL, PASSWORDS, LiveServer

from cctv_audit.web import create_app

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian chromium is not installed"),
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"


@pytest.fixture
def browser_page(seeded):
    from playwright.sync_api import sync_playwright

    store, _ = seeded
    app = create_app(store, secret_key="e2e-secret-key-for-sessions")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with LiveServer(app) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(base_url=base, viewport={"width": 1400, "height": 900})
        page.csp_errors = []
        page.on(
            "console",
            lambda m: "Content Security Policy" in m.text and page.csp_errors.append(m.text),
        )
        page.dialogs = []
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        yield page
        browser.close()


def figure(page, key: str) -> str:
    page.goto("/")
    return page.locator(f'section.figure[data-key="{key}"] .value').inner_text()


def _log_in(page, user: str, then: str) -> None:
    """Sign in through the login form and land on `then`, as a person would."""
    page.goto(f"/login?next={then}")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", PASSWORDS[user])
    page.click("button[type=submit]")
    page.wait_for_url(f"**{then}")


def test_reviewer_corrects_an_answer_and_public_figures_change(browser_page, seeded):
    page = browser_page
    _, seed = seeded
    assert figure(page, "uses_flagged") == "0"
    assert page.locator('section.figure[data-key="uses:hikvision"]').count() == 0
    page.screenshot(path=str(ARTIFACTS / "1-public-before.png"), full_page=True)

    _log_in(page, "reviewer", "/team/review")
    # The lowest-confidence answer comes first: the hostile reply, shown inert.
    assert page.locator("#review-panel").get_attribute("data-answer") == str(seed.answer_evil)
    assert 'alert("xss")' in page.locator("pre.document").inner_text()
    page.screenshot(path=str(ARTIFACTS / "2-review-hostile-reply-inert.png"), full_page=True)

    page.evaluate("window.__noReload = true")
    page.keyboard.press("s")  # skip: the next answer replaces the panel, no page load
    page.wait_for_selector(f'#review-panel[data-answer="{seed.answer_axis}"]')
    assert page.evaluate("window.__noReload") is True
    assert page.locator("mark.ev-in_use").first.inner_text() == "Axis"  # evidence highlighted

    page.click('article.field[data-field="in_use"] h3')
    page.keyboard.press("j")
    page.keyboard.press("k")  # back on in_use
    page.keyboard.press("c")
    value = page.locator('article.field[data-field="in_use"] input[name=value]')
    assert value.evaluate("el => el === document.activeElement")
    value.fill("Axis, Hikvision")
    page.locator('article.field[data-field="in_use"] input[name=reason]').fill(
        "the reply also names Hikvision"
    )
    page.locator('article.field[data-field="in_use"] input[name=reason]').press("Enter")
    # Enter shows the reply with the passages that support the value; 1 picks the first, Enter saves.
    page.wait_for_selector('#review-panel[data-correcting="in_use"] mark.cand')
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    # (wait_for_function would need eval, which our CSP forbids: use expect)
    expect(page.locator("#review-status")).to_have_text(re.compile("Corrected|rror|rong"))
    assert "Corrected" in page.locator("#review-status").inner_text()
    page.wait_for_selector('article.field.state-correct[data-field="in_use"]')
    assert page.evaluate("window.__noReload") is True
    assert (
        page.locator('article.field[data-field="in_use"] .value').inner_text() == "Axis, Hikvision"
    )
    page.screenshot(path=str(ARTIFACTS / "3-review-corrected.png"), full_page=True)

    page.keyboard.press("Shift+A")  # accept the rest: the queue moves on
    expect(page.locator("#review-panel")).not_to_have_attribute(
        "data-answer", str(seed.answer_axis)
    )

    assert figure(page, "uses_flagged") == "1"
    assert page.locator('section.figure[data-key="uses:hikvision"] .value').inner_text() == "1"
    page.screenshot(path=str(ARTIFACTS / "4-public-after.png"), full_page=True)
    page.goto("/bodies/AAA")
    assert "Hikvision" in page.locator("#finding").inner_text()
    assert page.csp_errors == [] and page.dialogs == []


def test_hostile_reply_does_not_run_in_the_browser(browser_page, seeded):
    page = browser_page
    _, seed = seeded
    _log_in(page, "viewer", f"/team/documents/{seed.evil_document}")
    page.hover("text=hover")
    page.click(".email-html >> text=click here", no_wait_after=True) if page.locator(
        ".email-html a"
    ).count() else None
    assert page.dialogs == []
    assert EVIL.split(">")[1].split("<")[0] in page.locator("pre.document").inner_text()
    assert (
        page.locator(
            ".email-html script, .email-html img[onerror], .email-html [onmouseover]"
        ).count()
        == 0
    )
    assert page.locator('.email-html a[href^="javascript"]').count() == 0
    page.screenshot(path=str(ARTIFACTS / "5-hostile-document.png"), full_page=True)


def test_keys_act_on_the_field_drawn_as_selected_and_a_clicked_passage_is_quoted(
    browser_page, seeded
):
    from sqlalchemy import select

    from cctv_audit.findings.models import Claim

    page = browser_page
    store, seed = seeded
    _log_in(page, "reviewer", f"/team/review/{seed.answer_axis}")
    current = page.locator("#review-panel article.field.current")
    expect(current).to_have_attribute(
        "data-field", "outcome"
    )  # the first field, not the first pending one
    page.keyboard.press("j")
    page.keyboard.press("j")
    expect(current).to_have_attribute("data-field", "in_use")
    page.keyboard.press("k")
    expect(current).to_have_attribute("data-field", "exemptions")
    page.keyboard.press("a")  # one key, no reason asked
    page.wait_for_selector('article.field.state-accept[data-field="exemptions"]')
    expect(current).to_have_attribute("data-field", "in_use")  # the next field in order
    page.keyboard.press("c")
    value = page.locator('article.field[data-field="in_use"] input[name=value]')
    value.fill("Axis, Hikvision")
    value.press("Enter")
    mark = page.locator("#review-panel mark.cand")
    expect(mark).to_have_count(1)
    page.locator(
        "#review-panel form.pick input[name=passage][value='']"
    ).check()  # "own value" first...
    mark.click()  # ...then the passage clicked in the reply text is the one quoted
    expect(mark).to_have_class(re.compile("chosen"))
    key = mark.get_attribute("data-passage")
    assert (
        page.locator("#review-panel form.pick input[name=passage]:checked").get_attribute("value")
        == key
    )
    page.screenshot(path=str(ARTIFACTS / "6-review-pick-passage.png"), full_page=True)
    page.keyboard.press("Enter")
    page.wait_for_selector('article.field.state-correct[data-field="in_use"]')
    quoted = "The cameras are made by Axis (12 units) and the rest by Hikvision."
    assert (
        quoted in page.locator('article.field[data-field="in_use"] blockquote.quoted').inner_text()
    )
    with store.session() as session:
        claim = session.scalar(
            select(Claim).where(Claim.maker_id == "hikvision", Claim.status == "active")
        )
        assert [e.quote for e in claim.evidence] == [quoted]
        assert (
            f"{claim.evidence[0].document_id}:{claim.evidence[0].start}:{claim.evidence[0].end}"
            == key
        )
    assert page.csp_errors == [] and page.dialogs == []
