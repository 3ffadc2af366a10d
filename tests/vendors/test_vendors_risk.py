"""Risk assessment: flags with plain-English reasons and sources, in severity order."""

from __future__ import annotations

import pytest

from cctv_audit.errors import NotFound
from cctv_audit.vendors import Severity, assess, is_state_linked


def _codes(maker: str) -> list[str]:
    return [f.code for f in assess(maker).flags]


def test_hikvision_is_critical_with_state_sanction_and_human_rights_flags():
    result = assess("Hikvision")
    assert (result.manufacturer_id, result.severity, result.label, result.state_linked) == (
        "hikvision",
        5,
        "critical",
        True,
    )
    codes = _codes("hikvision")
    for code in [
        "state_link",
        "us_entity_list",
        "us_procurement_ban",
        "us_fcc_covered_list",
        "us_investment_ban",
        "human_rights",
        "uk_public_sector",
        "uk_commissioner",
        "prc_national_intelligence_law",
    ]:
        assert code in codes
    severities = [f.severity for f in result.flags]
    assert severities == sorted(severities, reverse=True)
    for flag in result.flags:
        assert flag.reason and flag.sources, flag.code
        assert all(s.url.startswith("http") for s in flag.sources)


def test_state_link_reason_gives_the_owner_and_percentage():
    flag = next(f for f in assess("hikvision").flags if f.code == "state_link")
    assert "CETC" in flag.reason and "41%" in flag.reason


def test_measure_flag_lists_measures_with_dates():
    flag = next(f for f in assess("dahua").flags if f.code == "us_entity_list")
    assert "2019-10-09" in flag.reason and "Xinjiang" in flag.reason


def test_confirmed_brand_inherits_its_makers_severity():
    result = assess("hilook")
    made_by = next(f for f in result.flags if f.code == "made_by_flagged_maker")
    assert made_by.severity == Severity.CRITICAL and "Hikvision" in made_by.title
    assert any(s.grade == "primary" for s in made_by.sources)
    assert result.maker_id == "hikvision" and result.state_linked


def test_subsidiary_is_flagged_through_its_parent_and_affiliate_measures():
    result = assess("ezviz")
    owned = next(f for f in result.flags if f.code == "owned_by_flagged_company")
    assert "60%" in owned.reason and owned.severity == Severity.CRITICAL
    procurement = next(f for f in result.flags if f.code == "us_procurement_ban")
    assert "subsidiary or affiliate" in procurement.reason


def test_tertiary_rebadge_is_a_low_unconfirmed_flag():
    result = assess("lts")
    assert [f.code for f in result.flags] == ["possibly_made_by_flagged_maker"]
    flag = result.flags[0]
    assert flag.severity == Severity.LOW and "unconfirmed" in flag.title
    assert "Corroborate" in flag.reason and all(s.grade == "tertiary" for s in flag.sources)
    assert not result.state_linked and result.maker_id == "lts"


def test_partial_historic_rebadge_is_reported_with_its_period():
    flag = next(f for f in assess("honeywell").flags if f.code == "sold_products_of_flagged_maker")
    assert "Dahua" in flag.title and "2022" in flag.title
    assert flag.severity == Severity.MEDIUM


def test_former_owner_is_reported():
    flag = next(f for f in assess("lorex").flags if f.code == "owned_by_flagged_company")
    assert "Dahua" in flag.title and "2018" in flag.title


@pytest.mark.parametrize(
    "maker", ["axis", "bosch", "hanwha", "edesix", "axon", "genetec", "milestone", "gopro"]
)
def test_makers_without_recorded_concerns(maker):
    result = assess(maker)
    assert result.flags == [] and result.severity == 0 and result.label == "none recorded"


def test_chinese_maker_without_measures_gets_only_the_inferred_nil_flag():
    result = assess("milesight")
    assert _codes("milesight") == ["prc_national_intelligence_law"]
    assert "inferred" in result.flags[0].title and result.severity == Severity.MEDIUM
    assert not result.state_linked


def test_security_concerns_are_flagged():
    assert "security" in _codes("verkada") and "security" in _codes("xiongmai")


def test_is_state_linked_and_unknown_maker():
    assert is_state_linked("HiWatch") and not is_state_linked("Axis")
    with pytest.raises(NotFound):
        assess("no such maker")
