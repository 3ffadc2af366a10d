"""Exports: JSON with sources, CSV for spreadsheets, FollowTheMoney validated by the library."""

from __future__ import annotations

import csv
import io
import json

import pytest

from cctv_audit.errors import KnowledgeBaseError
from cctv_audit.vendors import load_kb
from cctv_audit.vendors.export import CSV_COLUMNS, export, ftm_entities, manufacturer_record


def test_manufacturer_record_has_every_section_sourced():
    record = manufacturer_record(load_kb(), "hikvision")
    assert record["name"] == "Hikvision" and record["state_linked"] is True
    assert {b["id"] for b in record["brands"]} >= {"hilook", "hiwatch", "ezviz", "hikmicro"}
    for section in ["identity", "ownership", "measures", "concerns", "brands", "models"]:
        assert record[section], section
        for item in record[section]:
            assert item["sources"] and all(s["url"].startswith("http") for s in item["sources"]), (
                section
            )
    assert json.loads(json.dumps(record))


def test_json_export_round_trips():
    data = json.loads(export(load_kb(), "json"))
    assert len(data["manufacturers"]) == len(load_kb().manufacturers)
    assert {m["id"] for m in data["measures"]} == set(load_kb().measures)


def test_csv_export_has_a_row_per_maker():
    rows = list(csv.DictReader(io.StringIO(export(load_kb(), "csv"))))
    assert list(rows[0]) == CSV_COLUMNS
    by_id = {r["id"]: r for r in rows}
    assert (
        by_id["hilook"]["made_by"] == "hikvision"
        and by_id["hikvision"]["severity_label"] == "critical"
    )
    assert by_id["axis"]["state_linked"] == "False"


def test_ftm_export_is_valid_followthemoney():
    from followthemoney import model

    entities = ftm_entities(load_kb())
    ids = {e["id"] for e in entities}
    schemata = {e["schema"] for e in entities}
    assert {"Company", "Ownership", "Sanction"} <= schemata
    for entity in entities:
        proxy = model.get_proxy(entity, cleaned=False)
        assert proxy.schema.validate(entity) is None
        for prop in ("owner", "asset", "entity", "parent"):
            for ref in entity["properties"].get(prop, []):
                assert ref in ids, (entity["schema"], prop)
    hik = next(
        e for e in entities if e["schema"] == "Company" and e["properties"]["name"] == ["Hikvision"]
    )
    assert "export.control" in hik["properties"]["topics"]
    cetc = [
        e for e in entities if e["schema"] == "Ownership" and hik["id"] in e["properties"]["asset"]
    ]
    assert any(e["properties"].get("percentage") == ["40.89"] for e in cetc)
    sanctions = [
        e
        for e in entities
        if e["schema"] == "Sanction" and e["properties"]["entity"] == [hik["id"]]
    ]
    assert len(sanctions) >= 8 and all(e["properties"].get("sourceUrl") for e in sanctions)


def test_ftm_lines_are_json():
    lines = export(load_kb(), "ftm").splitlines()
    assert lines and all(json.loads(line)["schema"] for line in lines)


def test_unknown_format():
    with pytest.raises(KnowledgeBaseError, match="choose one of json, csv, ftm"):
        export(load_kb(), "xml")
