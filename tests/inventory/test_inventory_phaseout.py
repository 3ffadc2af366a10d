"""The phase-out programme: priorities, dated status changes, progress figures and chart."""

from __future__ import annotations

import datetime as dt

import pytest

from cctv_audit.errors import InputError
from cctv_audit.inventory import (
    import_assets,
    merge_audit,
    plan,
    progress,
    set_status,
    status_on,
    write_programme_report,
)
from cctv_audit.registry import get_body


@pytest.fixture
def programme(councils, register, audit_devices):
    with councils.session() as session:
        body = get_body(session, "EDH")
        import_assets(session, body, register, sensitive_sites=["Depot"])
        merge_audit(session, body, audit_devices)
        return body.id


def test_plan_orders_sensitive_sites_then_cloud_relay_then_firmware_then_age(councils, programme):
    with councils.session() as session:
        items = plan(session, programme, today=dt.date(2026, 1, 1))
    serials = [i.asset.serial for i in items]
    # flagged: 6 Hikvision (incl. HiLook) + 3 Dahua (2 register, 1 audit-only Lorex)
    assert len(items) == 9
    depot = {"HK003", "HK004", "HL001"}
    assert set(serials[:3]) == depot
    assert serials[3] == "HK001"  # cloud relay and vulnerable firmware
    assert serials[4] == "LX123"  # cloud relay only
    assert all(i.status == "to_replace" for i in items)
    assert "sensitive site" in items[0].reasons


def test_dated_changes_give_the_right_progress(councils, programme):
    with councils.session() as session:
        items = {i.asset.serial: i.asset.id for i in plan(session, programme)}
        set_status(session, items["HK003"], "ordered", dt.date(2026, 1, 10))
        set_status(
            session, items["HK003"], "replaced", dt.date(2026, 2, 5), replacement_maker="axis"
        )
        set_status(session, items["HK004"], "decommissioned", dt.date(2026, 2, 20))
        set_status(session, items["HK001"], "ordered", dt.date(2026, 3, 1))
        with pytest.raises(InputError, match="before its last change"):
            set_status(session, items["HK003"], "ordered", dt.date(2026, 1, 1))
        with pytest.raises(InputError, match="not one of"):
            set_status(session, items["HK001"], "smashed", dt.date(2026, 3, 2))
        points = progress(session, programme, until=dt.date(2026, 3, 15))
        assert [p.on for p in points] == [
            dt.date(2026, 1, 31),
            dt.date(2026, 2, 28),
            dt.date(2026, 3, 15),
        ]
        assert [dict(p.counts) for p in points] == [
            {"to_replace": 8, "ordered": 1, "replaced": 0, "decommissioned": 0},
            {"to_replace": 7, "ordered": 0, "replaced": 1, "decommissioned": 1},
            {"to_replace": 6, "ordered": 1, "replaced": 1, "decommissioned": 1},
        ]
        assert [p.percent_done for p in points] == [0.0, 22.2, 22.2]
        assert status_on(session, programme, dt.date(2026, 2, 4)).counts["ordered"] == 1


def test_programme_report_has_chart_and_figures(councils, programme, tmp_path):
    with councils.session() as session:
        ids = [i.asset.id for i in plan(session, programme)]
        set_status(session, ids[0], "replaced", dt.date(2026, 2, 1))
        body = get_body(session, "EDH")
        paths = write_programme_report(
            session, body, tmp_path / "report", today=dt.date(2026, 3, 1)
        )
    html = paths[0].read_text()
    assert "1 of 9 flagged devices dealt with (11.1%)" in html
    svg = paths[1].read_text()
    assert svg.count("<rect") >= 4 + 2  # legend swatches + bars for two months
    assert "Feb 2026" in svg and "Mar 2026" in svg
    assert paths[2].read_text().count("\n") == 10  # header + 9 flagged devices
