"""The data lint: the knowledge base is sourced, consistent and its patterns work."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from cctv_audit.vendors import load_kb, match_model
from cctv_audit.vendors.kb import name_key
from cctv_audit.vendors.loader import DATA_DIR
from cctv_audit.vendors.patterns import labels_of

KB = load_kb()

REQUIRED = [
    "hikvision",
    "dahua",
    "uniview",
    "tiandy",
    "ezviz",
    "imou",
    "huawei",
    "hisilicon",
    "kedacom",
    "milesight",
    "tvt",
    "jovision",
    "xiongmai",
    "hanwha",
    "axis",
    "bosch",
    "avigilon",
    "honeywell",
    "vivotek",
    "i_pro",
    "sony",
    "mobotix",
    "pelco",
    "dedicated_micros",
    "vicon",
    "verkada",
    "lorex",
    "swann",
    "lts",
    "annke",
    "amcrest",
    "hilook",
    "hiwatch",
    "genetec",
    "milestone",
    "edesix",
    "axon",
    "motorola_solutions",
    "watchguard",
    "reveal",
    "gopro",
    "siemens",
]


def test_covers_at_least_25_manufacturers_chinese_and_not():
    assert set(REQUIRED) <= set(KB.manufacturers)
    countries = {m.country for m in KB.manufacturers.values()}
    assert "CN" in countries and len(countries - {"CN"}) >= 5
    assert sum(m.is_device_maker for m in KB.manufacturers.values()) >= 25


def test_every_fact_has_a_citable_source():
    for maker in KB.manufacturers.values():
        facts = (
            maker.identity
            + maker.notes
            + maker.ownership
            + maker.rebadges
            + maker.concerns
            + maker.models
        )
        assert facts, maker.id
        for fact in facts:
            assert fact.sources, (maker.id, fact)
    for measure in KB.measures.values():
        assert measure.sources, measure.id
    for source in KB.sources.values():
        assert source.url.startswith(("http://", "https://")), source.id
        assert source.title and source.date and source.publisher, source.id


def test_every_source_is_used():
    used = {s.id for m in KB.manufacturers.values() for s in m.sources}
    used |= {s.id for measure in KB.measures.values() for s in measure.sources}
    assert set(KB.sources) - used == set()


def test_no_alias_is_shared_by_two_manufacturers():
    owners: dict[str, str] = {}
    for maker in KB.manufacturers.values():
        for label in labels_of(maker):
            owner = owners.setdefault(name_key(label.text), maker.id)
            assert owner == maker.id, f"{label.text!r} used by {owner} and {maker.id}"


def test_relationships_point_to_known_manufacturers():
    for maker in KB.manufacturers.values():
        for ref in [maker.parent, maker.made_by, *(r.maker for r in maker.rebadges)]:
            assert ref is None or ref in KB.manufacturers, (maker.id, ref)
        for stake in maker.ownership:
            assert stake.owner_id is None or stake.owner_id in KB.manufacturers
        for measure_id in maker.measures:
            assert measure_id in KB.measures


def test_rebadges_resolving_a_brand_are_confirmed_by_primary_or_secondary_sources():
    for maker in KB.manufacturers.values():
        if maker.made_by:
            rebadge = next(r for r in maker.rebadges if r.maker == maker.made_by)
            assert rebadge.grade in {"primary", "secondary"}, maker.id


def test_tertiary_only_rebadges_say_so_in_their_reason():
    for maker in KB.manufacturers.values():
        for rebadge in maker.rebadges:
            if not rebadge.confirmed:
                assert re.search(r"tertiary|dealer|unverified", rebadge.reason, re.IGNORECASE), (
                    maker.id
                )
                assert maker.made_by != rebadge.maker


def test_model_patterns_compile_and_match_their_examples():
    for maker in KB.manufacturers.values():
        for model in maker.models:
            regex = re.compile(model.pattern)
            for example in model.examples:
                assert regex.match(example), (maker.id, model.pattern, example)


def test_every_model_example_resolves_to_its_own_maker():
    """Patterns of different makers must not collide on each other's examples."""
    for maker in KB.manufacturers.values():
        for model in maker.models:
            for example in model.examples:
                mention = match_model(example)
                assert mention is not None and mention.manufacturer_id == maker.id, (
                    maker.id,
                    example,
                    mention,
                )


def test_state_linked_makers_have_a_sourced_reason():
    for maker in KB.manufacturers.values():
        if maker.state_linked and not maker.parent and not maker.made_by:
            reasons = [
                c for c in maker.concerns if c.code in {"state_link", "military_designation"}
            ]
            assert reasons or any(o.state for o in maker.ownership), maker.id


def test_oui_blocks_are_well_formed():
    assert len(KB.oui) > 150
    for block in KB.oui:
        assert re.fullmatch(r"[0-9A-F]+", block.prefix) and len(block.prefix) * 4 == block.bits
        assert block.manufacturer_id in KB.manufacturers


def test_data_files_are_plain_yaml_mappings():
    for path in [
        DATA_DIR / "sources.yaml",
        DATA_DIR / "measures.yaml",
        *sorted((DATA_DIR / "manufacturers").glob("*.yaml")),
    ]:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        assert isinstance(data, dict) and data, path


@pytest.mark.parametrize(
    "measure_id",
    [
        "us_bis_el_2019_10_xinjiang28",
        "us_fcc_covered_list_2021_03",
        "us_ndaa_fy2019_s889",
        "us_eo14032_nscmic_2021_06",
        "uk_wms_hcws386_2022_11_24",
        "scot_gov_phase_out_2022",
        "uk_bscc_concerns",
    ],
)
def test_measures_named_in_the_issue_are_present(measure_id):
    assert measure_id in KB.measures
