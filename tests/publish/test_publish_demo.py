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
    assert shown["bodies_with_claims"] == stats.get("bodies_with_claims").value == len(bodies)
    for body in bodies:
        assert (result.out / "bodies" / f"{body.body_code}.html").is_file()
    again = publish_demo(store, tmp_path / "site", today=dt.date(2026, 6, 30))  # idempotent
    assert again.counts == result.counts
