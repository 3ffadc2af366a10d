"""Publishing the fixture survey: figures, map counts, links, determinism and publisher options."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from publish_world import TODAY

from cctv_audit import findings
from cctv_audit.errors import PublishError
from cctv_audit.publish import PublishOptions, categorize, load_hex_layout, publish_site

OPTIONS = PublishOptions(today=TODAY, redact=False)


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def site(survey_store, tmp_path_factory):
    """The fixture survey published once for the read-only checks of this module."""
    result = publish_site(
        survey_store, "cctv-2026", tmp_path_factory.mktemp("site") / "site", OPTIONS
    )
    return survey_store, result


def test_headline_figures_match_the_findings_library(site):
    store, result = site
    with store.session() as session:
        stats = findings.statistics(
            session, findings.get_survey(session, "cctv-2026").id, today=TODAY
        )
    page = _soup(result.index)
    shown = {li["data-figure"]: li for li in page.select("li.figure")}
    assert {
        "asked",
        "replied",
        "named_manufacturers",
        "uses_flagged",
        "replied_uses_flagged",
        "devices_flagged",
        "uses:hikvision",
        "replied_uses:hikvision",
    } <= set(shown)
    for key, li in shown.items():
        figure = stats.get(key)
        assert int(li["data-value"]) == figure.value
        assert li["data-base"] == ("" if figure.base is None else str(figure.base))
        assert figure.sentence in li.get_text(" ", strip=True)
        assert li.select_one("details.figure-definition p").get_text() == figure.definition
    assert stats.get("uses_flagged").value == 2 and stats.get("uses_flagged").base == 3
    # "Flagged" is what the findings library says it is (state-linked makers), stated beside the figures.
    assert (
        page.select_one("#flagged-definition")
        .get_text(" ", strip=True)
        .endswith(stats.flagged_definition)
    )
    assert "vendors.is_state_linked" in stats.get("uses_flagged").definition
    methodology = _soup(result.out / "methodology.html")
    rows = {
        tr["data-figure"]: int(tr["data-value"]) for tr in methodology.select("tr[data-figure]")
    }
    assert rows == {f.key: f.value for f in stats.figures}
    definitions = {
        tr["data-figure"]: tr.select_one("td.definition").get_text()
        for tr in methodology.select("tr[data-figure]")
    }
    assert definitions == {f.key: f.definition for f in stats.figures}
    assert methodology.select_one("#flagged-definition").get_text() == stats.flagged_definition


def test_map_counts_match_the_categories_of_the_findings(site):
    store, result = site
    with store.session() as session:
        per_body = findings.body_findings(
            session, findings.get_survey(session, "cctv-2026").id, today=TODAY
        )
    expected = Counter(categorize(f) for f in per_body)
    expected["not_asked"] += len(load_hex_layout().hexes) - sum(
        1 for f in per_body if f.body_code != "KEN"
    )
    assert result.counts == {
        "flagged": 2,
        "other_makers": 1,
        "no_makers": 1,
        "refused": 1,
        "not_held": 1,
        "unclear": 1,
        "no_reply": 1,
        "not_asked": 354,
    }
    assert result.counts == {k: expected[k] for k in result.counts}
    legend = _soup(result.index).select("svg.hexmap text[data-count]")
    assert {t["data-category"]: int(t["data-count"]) for t in legend} == result.counts
    key_table = {
        tr["data-category"]: int(tr.select_one("td.num").text)
        for tr in _soup(result.index).select("table.counts tr[data-category]")
    }
    assert key_table == result.counts


def _links(page: Path) -> list[tuple[str, str]]:
    soup = _soup(page)
    return [
        (tag.name, tag.get("href") or tag.get("src"))
        for tag in soup.find_all(["a", "link", "img", "script"])
        if tag.get("href") or tag.get("src")
    ]


def test_every_link_resolves_to_a_file_in_the_site(site):
    _, result = site
    pages = sorted(result.out.rglob("*.html"))
    assert len(pages) == result.pages >= 20
    checked = 0
    for page in pages:
        for _, href in _links(page):
            parts = urlsplit(href)
            if parts.scheme in ("http", "https"):
                continue
            assert not parts.scheme and not href.startswith("/"), f"{page}: {href} is not relative"
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            assert target.is_file(), f"{page.relative_to(result.out)}: broken link {href}"
            assert result.out.resolve() in target.parents
            if parts.fragment:
                assert _soup(target).find(id=parts.fragment), (
                    f"{page}: no #{parts.fragment} in {target}"
                )
            checked += 1
    assert checked > 100


def test_publishing_twice_gives_byte_identical_files(site, tmp_path):
    survey_store, first = site
    second = publish_site(survey_store, "cctv-2026", tmp_path / "two", OPTIONS)
    files = sorted(p.relative_to(first.out) for p in first.out.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second.out) for p in second.out.rglob("*") if p.is_file())
    different = [
        str(f) for f in files if (first.out / f).read_bytes() != (second.out / f).read_bytes()
    ]
    assert different == []
    (second.out / "stale.html").write_text("left over from an earlier run")
    again = publish_site(survey_store, "cctv-2026", second.out, OPTIONS)  # replaces its own folder
    assert not (again.out / "stale.html").exists()
    assert (again.out / "index.html").read_bytes() == (first.out / "index.html").read_bytes()


def test_body_page_shows_dates_outcome_and_quoted_evidence(site):
    _, result = site
    leeds = _soup(result.out / "bodies" / "LDS.html")
    text = leeds.get_text(" ", strip=True)
    for expected in (
        "Leeds City Council",
        "2 March 2026",
        "31 March 2026",
        "disclosed",
        "56 Hikvision cameras",
        "Confirmed flagged maker",
        "draft → sent",
        "received 16 March 2026",
    ):
        assert expected in text
    glasgow = _soup(result.out / "bodies" / "GLG.html").get_text(" ", strip=True)
    assert "Freedom of Information (Scotland) Act 2002" in glasgow and "FOISA s31" in glasgow
    quoted = []
    for item in leeds.select("ul.evidence li"):
        link = item.find("a", href=lambda h: h and "#ev-" in h)
        path, anchor = link["href"].split("#")
        mark = _soup(result.out / "bodies" / path).find("mark", id=anchor)
        assert mark.text == item.blockquote.text  # the link lands on the quoted passage
        quoted.append(mark.text)
    assert quoted == ["10 Axis cameras", "56 Hikvision cameras"]
    letter = leeds.select_one("details.letter pre").text
    assert "1. Which manufacturers made your CCTV cameras?" in letter and "Jane Smith" in letter


def test_maker_page_lists_its_users(site):
    _, result = site
    page = _soup(result.out / "makers" / "hikvision.html")
    users = [a.text for a in page.select("table.bodies th a")]
    assert users == ["City of Westminster", "Leeds City Council"]
    assert "Birmingham City Council" in page.get_text()  # states it does not use Hikvision


def test_draft_watermark_until_every_published_claim_is_reviewed(site, tmp_path):
    survey_store, draft = site
    assert draft.draft and _soup(draft.index).find(id="draft-banner") is not None
    assert "draft" in _soup(draft.index).body["class"]
    reviewed = publish_site(survey_store, "cctv-2025", tmp_path / "final", OPTIONS)
    assert not reviewed.draft
    assert _soup(reviewed.index).find(id="draft-banner") is None


def test_reviewed_only_leaves_out_claims_awaiting_review(survey_store, tmp_path):
    result = publish_site(
        survey_store,
        "cctv-2026",
        tmp_path / "site",
        PublishOptions(today=TODAY, reviewed_only=True),
    )
    westminster = _soup(result.out / "bodies" / "WSM.html")
    assert westminster.select("table.makers") == [] and westminster.select("ul.evidence") == []
    assert "No claim about manufacturers" in westminster.get_text()
    hikvision = [
        a.text for a in _soup(result.out / "makers" / "hikvision.html").select("table.bodies th a")
    ]
    assert hikvision == ["Leeds City Council"]
    claims_csv = (result.out / "data" / "csv" / "claims.csv").read_text()
    assert "from Hikvision" not in claims_csv


def test_redact_hides_the_requester_and_withholds_originals(site, tmp_path):
    survey_store, plain = site
    assert any((plain.out / "documents" / "files").iterdir())
    assert "Smith" in (plain.out / "methodology.html").read_text()
    result = publish_site(
        survey_store, "cctv-2026", tmp_path / "redacted", PublishOptions(today=TODAY)
    )  # default
    assert not (result.out / "documents" / "files").exists()
    letter = _soup(result.out / "bodies" / "LDS.html").select_one("details.letter pre").text
    assert (
        "Which manufacturers made your CCTV cameras?" in letter and "Leeds City Council" in letter
    )
    for path in result.out.rglob("*"):
        if path.is_file():
            content = _readable(path)
            assert "Smith" not in content and "jane.smith@example.org" not in content, path


def _readable(path: Path) -> str:
    """A file's text as a reader of it would see it: XLSX unzipped, SQLite as its bytes."""
    import zipfile

    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as book:
            return "".join(book.read(n).decode("utf-8", "replace") for n in book.namelist())
    return path.read_bytes().decode("utf-8", "replace")


def test_refuses_to_overwrite_a_folder_it_did_not_make(survey_store, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    with pytest.raises(PublishError, match="not empty"):
        publish_site(survey_store, "cctv-2026", tmp_path / "mine", OPTIONS)
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"


def test_the_same_site_from_postgresql_and_sqlite(any_store, site, tmp_path):
    from publish_world import build_fixture_survey

    from cctv_audit.registry import load_bundled_councils

    with any_store.session() as session:
        load_bundled_councils(session)
    build_fixture_survey(any_store)
    _, reference = site
    result = publish_site(any_store, "cctv-2026", tmp_path / "site", OPTIONS)
    assert result.counts == reference.counts
    assert (result.out / "data" / "csv" / "claims.csv").read_bytes() == (
        reference.out / "data" / "csv" / "claims.csv"
    ).read_bytes()
