"""Matching: precise on ordinary English, complete on real model numbers, tolerant of OCR."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from cctv_audit.vendors import match_any, match_mac, match_model, match_text

DATA = Path(__file__).parent / "data"


def _sentences() -> list[str]:
    lines = (DATA / "ordinary_sentences.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _models() -> list[dict[str, str]]:
    lines = [
        line
        for line in (DATA / "model_numbers.tsv").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]
    return list(csv.DictReader(lines, delimiter="\t"))


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.manufacturer_id, m.kind) for m in match_text(text)]


def test_precision_on_ordinary_sentences_is_total():
    sentences = _sentences()
    assert len(sentences) >= 200
    false_matches = {s: _found(s) for s in sentences if match_text(s)}
    assert false_matches == {}


def test_recall_on_real_model_numbers_via_match_model():
    rows = _models()
    assert len(rows) >= 100 and len({r["maker"] for r in rows}) >= 25
    wrong = {r["model"]: getattr(match_model(r["model"]), "manufacturer_id", None) for r in rows}
    assert {
        model: got
        for model, got in wrong.items()
        if got != next(r["maker"] for r in rows if r["model"] == model)
    } == {}


def test_recall_on_model_numbers_inside_text():
    """Distinctive model numbers are found in running text with the right maker and a quotable span."""
    hits = 0
    for row in _models():
        text = f"The site has 4 x {row['model']} units installed."
        models = [m for m in match_text(text) if m.kind == "model"]
        if models:
            hits += 1
            assert models[0].manufacturer_id == row["maker"], row
            assert row["model"].startswith(models[0].text), (row, models[0].text)
            assert text[models[0].start : models[0].end] == models[0].text
    assert hits >= 140


@pytest.mark.parametrize(
    "text",
    [
        "Hikvision",
        "HIKVISION",
        "hikvision",
        "Hik vision",
        "Hik-Vision",
        "HIK VISION",
        "Hik Vision",
        "Hikvi sion cameras",
        "H i k v i s i o n"[:0] + "Hikvison",
        "Hickvision",
    ],
)
def test_hikvision_spellings(text):
    mentions = match_text(f"We use {text} cameras.")
    assert [m.maker_id for m in mentions] == ["hikvision"], text


def test_spans_point_into_the_original_text():
    text = "Cameras:\u00a0Dahua\u2013made IPC\u2011HFW2431S and a DS\u20132CD2143G0\u2011I (Hikvision)."
    mentions = match_text(text)
    assert [(m.text, m.maker_id) for m in mentions] == [
        ("Dahua", "dahua"),
        ("IPC\u2011HFW2431S", "dahua"),
        ("DS\u20132CD2143G0\u2011I", "hikvision"),
        ("Hikvision", "hikvision"),
    ]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Axis cameras are used at the depot", [("Axis", "axis", "name")]),
        ("Axis Communications supplies our cameras", [("Axis Communications", "axis", "alias")]),
        ("The manufacturer is Axis.", [("Axis", "axis", "name")]),
        ("Manufacturer: Axis", [("Axis", "axis", "name")]),
        ("Cameras: Sony", [("Sony", "sony", "name")]),
        ("Body-worn cameras supplied by Reveal to the wardens", [("Reveal", "reveal", "name")]),
        ("Reveal body worn cameras", [("Reveal", "reveal", "name")]),
        (
            "We use Hikvision, Axis and Bosch",
            [
                ("Hikvision", "hikvision", "name"),
                ("Axis", "axis", "name"),
                ("Bosch", "bosch", "name"),
            ],
        ),
        ("two AXIS P3245-LVE domes", [("AXIS P3245-LVE", "axis", "model")]),
        ("Sony network cameras", [("Sony", "sony", "name")]),
        ("Reveal body-worn cameras were issued", [("Reveal", "reveal", "name")]),
        (
            "Body worn cameras are supplied by Reveal Media Ltd",
            [("Reveal Media Ltd", "reveal", "name")],
        ),
        ("Swann CCTV kit", [("Swann", "swann", "name")]),
        ("Honeywell cameras", [("Honeywell", "honeywell", "name")]),
        (
            "Milestone XProtect",
            [("Milestone", "milestone", "name"), ("XProtect", "milestone", "alias")],
        ),
        ("Samsung CCTV cameras", [("Samsung", "hanwha", "alias")]),
        (
            "Bosch Model LTC 0610/11 DinionXF",
            [
                ("Bosch", "bosch", "name"),
                ("LTC 0610/11", "bosch", "model"),
                ("DinionXF", "bosch", "model"),
            ],
        ),
        ("manufactured by a company called Edesix", [("Edesix", "edesix", "name")]),
        ("Axon Body 3 cameras", [("Axon Body 3", "axon", "model")]),
        ("2 x GoPro HERO7 Black", [("GoPro", "gopro", "name"), ("HERO7", "gopro", "model")]),
        (
            "Siemens Traffic Solutions installed the ANPR",
            [("Siemens Traffic Solutions", "siemens", "name")],
        ),
    ],
)
def test_context_rules(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "axis cameras",  # lower case: an ordinary word
        "The report will reveal which cameras are used",
        "Reveal the cameras to the committee",
        "Sony headphones and a CCTV monitor",
        "Windows Vista",
        "Hieronymus Bosch",
        "The Axis of evil",
        "Samsung Galaxy camera",
        "honeywell-known",
        "The Uni view from the office",
        "Hi, look at the cameras",
        "Milestone 3: cameras installed at the depot",
        "Reveal: which cameras are used",
    ],
)
def test_ordinary_uses_do_not_fire(text):
    assert _found(text) == []


def test_brand_names_its_real_maker_with_the_rebadge_source():
    [mention] = match_text("The school uses HiLook cameras.")
    assert (mention.manufacturer_id, mention.maker_id, mention.kind) == (
        "hilook",
        "hikvision",
        "brand",
    )
    assert any(s.grade == "primary" and "HiLook" in s.title for s in mention.rebadge_sources)


def test_unconfirmed_rebadge_does_not_name_a_maker():
    [mention] = match_text("LTS cameras in the car park")
    assert (mention.manufacturer_id, mention.maker_id, mention.kind) == ("lts", "lts", "name")
    assert mention.rebadge_sources == ()


def test_match_model():
    assert match_model("DS-7608NI-K2").maker_id == "hikvision"
    assert match_model("  ds-2cd2143g0-i ").text == "ds-2cd2143g0-i"
    assert match_model("IPC-B140H").maker_id == "hikvision"
    assert match_model("IPC-B140H").manufacturer_id == "hilook"
    assert match_model("Hikvision DS-2CD2143G0-I").start == 10
    assert match_model("Synology DS920+") is None
    assert match_model("hello") is None


def test_match_mac():
    mention = match_mac("BC:AD:28:11:22:33")
    assert (mention.manufacturer_id, mention.kind) == ("hikvision", "mac")
    assert match_mac("bc-ad-28-11-22-33").maker_id == "hikvision"
    assert match_mac("BCAD.2811.2233").maker_id == "hikvision"
    assert match_mac("BC:AD:28:\u2026").maker_id == "hikvision"
    assert match_mac("00:40:8C:00:00:01").maker_id == "axis"
    assert match_mac("00:00:00:00:00:00") is None
    assert match_mac("not a mac") is None


def test_low_relevance_mac_block_is_not_a_camera():
    from cctv_audit.vendors import load_kb

    low = next(b for b in load_kb().oui if b.relevance == "low" and b.bits == 24)
    mac = ":".join(low.prefix[i : i + 2] for i in range(0, 6, 2)) + ":00:00:01"
    assert match_mac(mac) is None


def test_macs_in_text():
    found = _found("Device 1 MAC bc:ad:28:aa:bb:cc; device 2 MAC 00:11:22:33:44:55")
    assert found == [("bc:ad:28:aa:bb:cc", "hikvision", "mac")]


def test_match_any_prefers_a_whole_mac_or_model():
    assert [m.kind for m in match_any("DS-7608NI-K2")] == ["model"]
    assert [m.kind for m in match_any("BC:AD:28:11:22:33")] == ["mac"]
    assert [m.manufacturer_id for m in match_any("Dahua and Hikvision")] == ["dahua", "hikvision"]


def test_mention_to_dict_is_json_ready():
    import json

    data = match_text("HiLook NVR")[0].to_dict()
    assert json.loads(json.dumps(data))["maker_id"] == "hikvision"
    assert data["rebadge_sources"][0]["url"].startswith("https://")


@pytest.mark.parametrize(
    ("text", "makers"),
    [
        ("Recorded on AXIS Camera Station software; the cameras are Hanwha.", ["hanwha"]),
        ("We use Axis Camera Station Pro with 30 Axis cameras.", ["axis"]),
        ("Bosch VMS records the Hikvision cameras.", ["hikvision"]),
        ("The Bosch Video Management System runs 20 Bosch cameras.", ["bosch"]),
    ],
)
def test_a_makers_own_vms_names_no_camera_maker(text, makers):
    """VMS that records cameras of any make says nothing about who made them."""
    assert [m.maker_id for m in match_text(text)] == makers
