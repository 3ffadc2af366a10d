"""Loading: look-ups by id/name/alias, and errors that name the file and key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cctv_audit.errors import KnowledgeBaseError, NotFound
from cctv_audit.vendors import load_kb, load_kb_from
from cctv_audit.vendors.loader import DATA_DIR


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_load_kb_is_cached():
    assert load_kb() is load_kb()


@pytest.mark.parametrize(
    "ref",
    [
        "hikvision",
        "Hikvision",
        "HIKVISION",
        "Hik-Vision",
        "hik vision",
        "Hangzhou Hikvision Digital Technology Co., Ltd.",
    ],
)
def test_get_by_id_name_or_alias_any_case(ref):
    assert load_kb().get(ref).id == "hikvision"


def test_get_unknown_raises_not_found_with_suggestion():
    with pytest.raises(NotFound, match="Hikvision"):
        load_kb().get("Hikvisoin")
    with pytest.raises(NotFound, match="no manufacturer 'Acme Widgets'"):
        load_kb().get("Acme Widgets")


def test_contract_fields_and_helpers():
    kb = load_kb()
    hilook = kb.get("HiLook")
    assert (hilook.name, hilook.kind, hilook.made_by, hilook.country) == (
        "HiLook",
        "brand",
        "hikvision",
        "CN",
    )
    assert kb.resolve_maker("hilook") == "hikvision"
    assert kb.resolve_maker("axis") == "axis"
    assert kb.display_name("i_pro") == "Panasonic"
    assert kb.is_device_maker("hikvision") and kb.is_device_maker("hilook")
    assert not kb.is_device_maker("genetec") and not kb.is_device_maker("siemens")
    assert not kb.is_device_maker("hisilicon")
    assert kb.get("Milestone Systems").kind == "vms"


@pytest.mark.parametrize(
    "maker",
    ["hikvision", "dahua", "uniview", "tiandy", "ezviz", "imou", "huawei", "hilook", "hiwatch"],
)
def test_state_linked(maker):
    assert load_kb().is_state_linked(maker)


@pytest.mark.parametrize(
    "maker", ["axis", "bosch", "hanwha", "edesix", "axon", "lts", "swann", "milesight", "genetec"]
)
def test_not_state_linked(maker):
    assert not load_kb().is_state_linked(maker)


def test_bad_value_names_file_and_key(data_copy):
    _edit(data_copy / "manufacturers" / "global.yaml", "  country: SE", "  country: Sweden")
    with pytest.raises(KnowledgeBaseError) as info:
        load_kb_from(data_copy)
    assert "manufacturers/global.yaml: axis.country" in str(info.value)


def test_unknown_key_is_rejected(data_copy):
    _edit(
        data_copy / "manufacturers" / "global.yaml",
        "  kind: manufacturer\n  country: SE",
        "  kind: manufacturer\n  contry: SE\n  country: SE",
    )
    with pytest.raises(KnowledgeBaseError, match=r"global.yaml: axis.contry"):
        load_kb_from(data_copy)


def test_unknown_source_names_the_fact(data_copy):
    _edit(
        data_copy / "manufacturers" / "global.yaml",
        "sources: [xinhua-canon-axis, ieee-oui]",
        "sources: [no-such-source]",
    )
    with pytest.raises(
        KnowledgeBaseError,
        match=r"global.yaml: axis.identity.0.sources: unknown source 'no-such-source'",
    ):
        load_kb_from(data_copy)


def test_unsourced_fact_is_rejected(data_copy):
    _edit(
        data_copy / "manufacturers" / "global.yaml",
        "sources: [xinhua-canon-axis, ieee-oui]",
        "sources: []",
    )
    with pytest.raises(KnowledgeBaseError, match=r"axis.identity.0.sources: every fact needs"):
        load_kb_from(data_copy)


def test_duplicate_alias_across_makers_is_rejected(data_copy):
    _edit(
        data_copy / "manufacturers" / "global.yaml",
        "    - {text: Wisenet}",
        "    - {text: Wisenet}\n    - {text: Hik Vision}",
    )
    with pytest.raises(
        KnowledgeBaseError, match="'Hik Vision' is used by both 'hikvision' and 'hanwha'"
    ):
        load_kb_from(data_copy)


def test_rebadge_to_unknown_maker_is_rejected(data_copy):
    _edit(
        data_copy / "manufacturers" / "brands.yaml",
        "  rebadges:\n    - maker: hikvision",
        "  rebadges:\n    - maker: acme",
    )
    with pytest.raises(
        KnowledgeBaseError, match="rebadges.maker 'acme' is not a known manufacturer"
    ):
        load_kb_from(data_copy)


def test_example_not_matching_its_pattern_is_rejected(data_copy):
    _edit(
        data_copy / "manufacturers" / "global.yaml", "examples: [XRN-1610,", "examples: [XYZ-1610,"
    )
    with pytest.raises(KnowledgeBaseError, match="does not match its example 'XYZ-1610'"):
        load_kb_from(data_copy)


def test_state_link_without_reason_is_rejected(data_copy):
    _edit(
        data_copy / "manufacturers" / "global.yaml",
        "  country: SE\n",
        "  country: SE\n  state_linked: true\n",
    )
    with pytest.raises(
        KnowledgeBaseError,
        match="manufacturers/global.yaml: manufacturer 'axis': state_linked is true but no",
    ):
        load_kb_from(data_copy)


def test_broken_yaml_names_the_file(data_copy):
    (data_copy / "measures.yaml").write_text("a: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"measures\.yaml:\d+: not valid YAML"):
        load_kb_from(data_copy)


def test_same_id_in_two_files_is_rejected(data_copy):
    extra = data_copy / "manufacturers" / "zz_extra.yaml"
    extra.write_text(
        "axis:\n  name: Axis again\n  kind: manufacturer\n  country: SE\n  summary: twice\n"
        "  identity:\n    - text: Defined twice.\n      sources: [ieee-oui]\n",
        encoding="utf-8",
    )
    with pytest.raises(
        KnowledgeBaseError,
        match="zz_extra.yaml: axis: already defined in manufacturers/global.yaml",
    ):
        load_kb_from(data_copy)


def test_a_subsidiary_of_a_state_linked_maker_must_say_so(data_copy):
    """The stored flag always equals is_state_linked, so pages reading the field cannot disagree."""
    _edit(
        data_copy / "manufacturers" / "china.yaml",
        "    - {text: EZ-VIZ}\n  state_linked: true\n",
        "    - {text: EZ-VIZ}\n  state_linked: false\n",
    )
    with pytest.raises(
        KnowledgeBaseError, match="manufacturer 'ezviz': its parent or real maker is state-linked"
    ):
        load_kb_from(data_copy)
