"""The public API: exported names, and every shortcut accepting another knowledge base."""

from __future__ import annotations

from cctv_audit import vendors
from cctv_audit.vendors import load_kb_from
from cctv_audit.vendors.loader import DATA_DIR


def test_all_names_are_exported_and_exist():
    for name in vendors.__all__:
        assert hasattr(vendors, name), name
    contract = {
        "load_kb",
        "match_text",
        "match_model",
        "match_mac",
        "resolve_maker",
        "is_state_linked",
        "assess",
    }
    assert contract <= set(vendors.__all__)


def test_shortcuts_accept_an_explicit_knowledge_base():
    kb = load_kb_from(DATA_DIR)
    assert kb is not vendors.load_kb()
    assert vendors.match_text("Dahua NVR", kb=kb)[0].maker_id == "dahua"
    assert vendors.match_model("XNV-6080", kb=kb).maker_id == "hanwha"
    assert vendors.match_mac("00:40:8C:12:34:56", kb=kb).maker_id == "axis"
    assert vendors.resolve_maker("HiWatch", kb=kb) == "hikvision"
    assert vendors.is_state_linked("Tiandy", kb=kb)
    assert vendors.display_name("motorola_solutions", kb=kb) == "Motorola Solutions"
    assert vendors.is_device_maker("axon", kb=kb) and not vendors.is_device_maker(
        "milestone", kb=kb
    )
    assert vendors.assess("uniview", kb=kb).label == "critical"


def test_manufacturer_contract_fields():
    maker = vendors.load_kb().manufacturers["hikvision"]
    assert (maker.id, maker.name, maker.country, maker.kind, maker.made_by, maker.state_linked) == (
        "hikvision",
        "Hikvision",
        "CN",
        "manufacturer",
        None,
        True,
    )
    assert [s.url for s in maker.sources]
