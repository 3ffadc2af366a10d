"""The main job's last step: the report site of the bundled known public disclosures."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from cctv_audit import findings
from cctv_audit.findings import record
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
    assert shown["bodies_on_record"] == stats.get("bodies_on_record").value == len(bodies)
    # The bundled disclosures (8 bodies) and the published record's bodies with a claim that counts.
    with store.session() as session:
        records = record.body_records(session)
    counted = {r.body_id for r in records.values() if any(c.status == "counted" for c in r.claims)}
    assert {b.body_id for b in bodies} >= counted and len(bodies) >= 8 + 17
    counts = {k: n for k, n in result.counts.items() if k != "not_asked" and n}
    assert counts["flagged"] >= 17 and counts["refused"] == 3  # + Basildon (press)
    assert counts["no_makers"] == 1  # Moray answered no maker in 2016; the record names it in 2022
    statuses = {
        tr.th.get_text(strip=True): tr["data-category"]
        for tr in page.select("table.bodies tr[data-category]")
    }
    assert statuses["The National Archives"] == statuses["Northumbria Police"] == "refused"
    assert (
        statuses["The Moray Council"] == "flagged"
    )  # its 2016 reply named no maker; the Lib Dems (2022) name it
    for body in bodies:
        assert (result.out / "bodies" / f"{body.body_code}.html").is_file()
    archives = next(b for b in bodies if b.body_name == "The National Archives")
    page = BeautifulSoup(
        (result.out / "bodies" / f"{archives.body_code}.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    row = page.select_one("table.disclosures tr[data-outcome]")
    assert row["data-outcome"] == "refused" and "FOIA s31" in row.get_text()
    assert row.a["href"] == archives.disclosures[0].source_url
    # The definition of "flagged" is on the front page and in the figures export.
    assert page is not None and "vendors.is_state_linked" in (result.out / "index.html").read_text(
        encoding="utf-8"
    )
    figures_csv = (result.out / "data" / "csv" / "figures.csv").read_text(encoding="utf-8")
    assert "bodies_on_record" in figures_csv and "answered_no_makers" in figures_csv
    again = publish_demo(store, tmp_path / "site", today=dt.date(2026, 6, 30))  # idempotent
    assert again.counts == result.counts
