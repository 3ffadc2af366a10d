"""Importing a messy register and merging an audit into it."""

from __future__ import annotations

import pytest

from cctv_audit.errors import InputError
from cctv_audit.inventory import import_assets, merge_audit, summarise
from cctv_audit.inventory.models import Asset
from cctv_audit.registry import get_body


def counts(summary):
    return {m.maker_id: (m.cameras, m.recorders) for m in summary.makers}


def test_messy_register_normalises_through_the_knowledge_base(councils, register):
    with councils.session() as session:
        body = get_body(session, "EDH")
        report = import_assets(
            session, body, register, mapping={"make": "Make / Brand", "model": "Model No."}
        )
        assert report.created == 11
        assert (
            report.mapping["site"] == "Site Name" and report.mapping["install_date"] == "Installed"
        )
        summary = summarise(session, body.id)
        assert counts(summary) == {
            "hikvision": (5, 1),  # spellings, model-only row and the HiLook sub-brand all resolve
            "dahua": (2, 0),
            "axis": (1, 0),
            "bosch": (1, 0),
        }
        assert summary.unidentified == 1 and report.unidentified == [12]
        hikvision = next(m for m in summary.makers if m.maker_id == "hikvision")
        assert hikvision.flagged and "HiLook" in hikvision.brands
        model_only = session.query(Asset).filter_by(serial="HK004").one()
        assert (model_only.maker_id, model_only.identified_by) == ("hikvision", "model")


def test_reimport_updates_rows_without_duplicates(councils, register):
    with councils.session() as session:
        body = get_body(session, "EDH")
        import_assets(session, body, register)
        again = import_assets(session, body, register)
        assert (again.created, again.updated) == (0, 11)
        assert session.query(Asset).count() == 11


def test_column_wizard_rejects_unknown_columns_naming_the_file(councils, register):
    with councils.session() as session:
        body = get_body(session, "EDH")
        with pytest.raises(InputError, match=r"cctv asset register.csv.*no such column"):
            import_assets(session, body, register, mapping={"make": "Vendor Name"})
        with pytest.raises(InputError, match="unknown field"):
            import_assets(session, body, register, mapping={"colour": "Make / Brand"})


def test_merge_matches_by_serial_mac_ip_and_lists_conflicts(councils, register, audit_devices):
    with councils.session() as session:
        body = get_body(session, "EDH")
        import_assets(session, body, register)
        report = merge_audit(session, body, audit_devices)
        assert (report.matched, report.added) == (3, 1)
        merged = session.query(Asset).filter_by(serial="HK001").one()
        assert (
            merged.device_id == 1
            and "cloud_p2p" in merged.risks
            and merged.mac == "bc:ad:28:00:00:01"
        )
        bosch = session.query(Asset).filter_by(serial="BO001").one()
        assert any("audit saw hikvision" in c for c in bosch.conflicts)
        lorex = session.query(Asset).filter_by(source="audit").one()
        assert (lorex.brand_id, lorex.maker_id) == ("lorex", "dahua")
        assert counts(summarise(session, body.id))["dahua"] == (3, 0)


def test_devices_of_an_audit_run_merge_into_the_register(councils, register):
    from cctv_audit.audit.models import Device, ScanRun
    from cctv_audit.inventory import audited_devices

    with councils.session() as session:
        body = get_body(session, "EDH")
        import_assets(session, body, register)
        run = ScanRun(organisation="Edinburgh", body_id=body.id, authorised_by="Head of IT")
        session.add(run)
        session.flush()
        session.add_all(
            [
                Device(
                    scan_run_id=run.id,
                    ip="127.20.0.1",
                    kind="camera",
                    manufacturer_id="hikvision",
                    brand_id="hikvision",
                    serial="HK002",
                    firmware="V5.4.0",
                    risks=[{"code": "CVE-2017-7921", "severity": 5, "title": "t", "reason": "r"}],
                ),
                Device(
                    scan_run_id=run.id,
                    ip="127.20.0.2",
                    kind="recorder",
                    manufacturer_id="dahua",
                    brand_id="amcrest",
                    mac="9C-14-63-00-00-01",
                ),
            ]
        )
        session.flush()
        devices = audited_devices(session, run.id)
        assert {d.maker_id for d in devices} == {"hikvision", "dahua"}
        report = merge_audit(session, body, devices)
        assert (report.matched, report.added) == (1, 1)
        assert session.query(Asset).filter_by(serial="HK002").one().risks == ["CVE-2017-7921"]
        assert counts(summarise(session, body.id))["dahua"] == (2, 1)
