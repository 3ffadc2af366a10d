"""The main job's last step: the report site of the bundled known public disclosures."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from cctv_audit import findings
from cctv_audit.publish import publish_demo


def test_demo_publishes_the_known_disclosures(store, tmp_path):
    result = publish_demo(store, tmp_path / "site", today=dt.date(2026, 6, 30))
    assert result.index.is_file()
    with store.session() as session:
        bodies = findings.body_findings(session, None)
        stats = findings.statistics(session, None, today=dt.date(2026, 6, 30))
    assert bodies, "the bundled disclosures should give claims"
    assert sum(n for key, n in result.counts.items() if key != "not_asked") == len(bodies)
    page = BeautifulSoup(result.index.read_text(encoding="utf-8"), "html.parser")
    shown = {li["data-figure"]: int(li["data-value"]) for li in page.select("li.figure")}
    # Every disclosed body is on record, including refusals and answers naming no maker.
    assert shown["bodies_on_record"] == stats.get("bodies_on_record").value == len(bodies) == 8
    assert shown["bodies_with_claims"] == stats.get("bodies_with_claims").value == 4
    assert {k: n for k, n in result.counts.items() if k != "not_asked" and n} == {
        "other_makers": 4, "no_makers": 2, "refused": 2}
    statuses = {tr.th.get_text(strip=True): tr["data-category"] for tr in page.select("table.bodies tr[data-category]")}
    assert statuses["The National Archives"] == statuses["Northumbria Police"] == "refused"
    assert statuses["The Moray Council"] == "no_makers"
    for body in bodies:
        assert (result.out / "bodies" / f"{body.body_code}.html").is_file()
    archives = next(b for b in bodies if b.body_name == "The National Archives")
    page = BeautifulSoup((result.out / "bodies" / f"{archives.body_code}.html").read_text(encoding="utf-8"),
                         "html.parser")
    row = page.select_one("table.disclosures tr[data-outcome]")
    assert row["data-outcome"] == "refused" and "FOIA s31" in row.get_text()
    assert row.a["href"] == archives.disclosures[0].source_url
    # The definition of "flagged" is on the front page and in the figures export.
    assert page is not None and "vendors.is_state_linked" in (result.out / "index.html").read_text(encoding="utf-8")
    figures_csv = (result.out / "data" / "csv" / "figures.csv").read_text(encoding="utf-8")
    assert "bodies_on_record" in figures_csv and "answered_no_makers" in figures_csv
    again = publish_demo(store, tmp_path / "site", today=dt.date(2026, 6, 30))  # idempotent
    assert again.counts == result.counts
